/**
 * The sessions table. Focus stays on the table itself (`aria-activedescendant` names the selected
 * row), so rows may move when a push re-sorts them without ever taking focus away from the user.
 */
import type { Ref } from 'preact';
import { useEffect } from 'preact/hooks';
import type { SessionView } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import type { SortKey, SortState } from '../model/table';
import { rowDomId, SessionRow } from './SessionRow';

const COLUMNS: readonly { key: SortKey | null; label: string; class: string }[] = [
  { key: 'agent', label: '', class: 'col-agent' },
  { key: 'project', label: 'Session', class: 'col-session' },
  { key: null, label: 'Model', class: 'col-model' },
  { key: 'context', label: 'Context', class: 'col-context' },
  { key: 'context', label: '%', class: 'col-percent num' },
  { key: 'eta', label: 'ETA', class: 'col-eta num' },
  { key: 'tokens', label: 'Tokens', class: 'col-tokens num' },
  { key: 'cost', label: 'Cost', class: 'col-cost num' },
  { key: 'health', label: 'Health', class: 'col-health num' },
  { key: 'status', label: 'Status', class: 'col-status' },
  { key: 'activity', label: 'Active', class: 'col-activity' },
  { key: null, label: 'Tags', class: 'col-tags' },
];

interface Props {
  sessions: readonly SessionView[];
  sort: SortState;
  selectedId: string | null;
  thresholds: Settings['thresholds'];
  now: number;
  tableRef: Ref<HTMLTableElement>;
  onSort: (key: SortKey) => void;
  onSelect: (sessionId: string) => void;
  onOpen: (sessionId: string) => void;
}

export function SessionTable(props: Props) {
  const { sessions, sort, selectedId } = props;

  useEffect(() => {
    if (selectedId === null) return;
    document.getElementById(rowDomId(selectedId))?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  return (
    <div class="table-scroll">
      <table
        ref={props.tableRef}
        class="sessions"
        tabIndex={0}
        aria-label="Sessions"
        aria-activedescendant={selectedId !== null ? rowDomId(selectedId) : undefined}
      >
        <thead>
          <tr>
            {COLUMNS.map((column, index) => {
              const sorted = column.key !== null && sort.key === column.key && column.label !== 'Context';
              return (
                <th key={index} class={column.class} aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                  {column.key === null ? (
                    column.label
                  ) : (
                    <button class="sort" tabIndex={-1} onClick={() => column.key && props.onSort(column.key)} aria-label={`Sort by ${column.label || 'agent'}`}>
                      {column.label}
                      {sorted && <span aria-hidden="true">{sort.descending ? ' ↓' : ' ↑'}</span>}
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              selected={session.id === selectedId}
              thresholds={props.thresholds}
              now={props.now}
              onSelect={props.onSelect}
              onOpen={props.onOpen}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
