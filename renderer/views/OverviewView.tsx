/**
 * The overview: summary, search and filters, and the live sessions table. Filter, sort and selection
 * belong to the App (passed in), so they are still there after a visit to a session's detail.
 */
import { useCallback, useRef } from 'preact/hooks';
import type { AppState, HeadroomApi } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import { checkpointNow } from '../app/actions';
import { useNotify } from '../app/notice';
import { useKeys } from '../app/shortcuts';
import { localDayStart } from '../app/use-now';
import { moveSelection, NO_FILTER, toggleSort, visibleSessions, type SortState, type TableFilter } from '../model/table';
import { EmptyState, NoMatch } from '../components/EmptyState';
import { ProblemsNote } from '../components/ProblemsNote';
import { LeftoverProcesses } from '../components/LeftoverProcesses';
import { Recommendations } from '../components/Recommendations';
import { SessionTable } from '../components/SessionTable';
import { SummaryHeader } from '../components/SummaryHeader';
import { Toolbar } from '../components/Toolbar';

export interface TableState {
  filter: TableFilter;
  sort: SortState;
  selectedId: string | null;
}

interface Props {
  api: HeadroomApi;
  state: AppState;
  thresholds: Settings['thresholds'];
  table: TableState;
  onTableChange: (table: TableState) => void;
  onOpen: (sessionId: string) => void;
  now: number;
}

export function OverviewView({ api, state, thresholds, table, onTableChange, onOpen, now }: Props) {
  const notify = useNotify();
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const rows = visibleSessions(state.sessions, table.filter, table.sort);
  const ids = rows.map((session) => session.id);

  // Stable callbacks keep the memoised rows from re-rendering on every push.
  const tableLatest = useRef(table);
  tableLatest.current = table;
  const onSelect = useCallback((selectedId: string) => onTableChange({ ...tableLatest.current, selectedId }), [onTableChange]);

  useKeys((action) => {
    switch (action) {
      case 'search':
        searchRef.current?.focus();
        searchRef.current?.select();
        return true;
      case 'next':
      case 'previous':
        onTableChange({ ...table, selectedId: moveSelection(ids, table.selectedId, action === 'next' ? 1 : -1) });
        tableRef.current?.focus();
        return true;
      case 'open':
        if (table.selectedId === null || !ids.includes(table.selectedId)) return false;
        onOpen(table.selectedId);
        return true;
      case 'checkpoint':
        if (table.selectedId === null) return false;
        void checkpointNow(api, table.selectedId, notify);
        return true;
      default:
        return false;
    }
  });

  if (state.sessions.length === 0) return <EmptyState roots={state.roots} />;
  return (
    <main class="overview">
      <SummaryHeader sessions={state.sessions} dayStart={localDayStart(now)} onOpen={onOpen} />
      <Recommendations api={api} sessions={state.sessions} stateStamp={state.generatedAt} onOpen={onOpen} />
      <LeftoverProcesses api={api} stateStamp={state.generatedAt} />
      <Toolbar
        sessions={state.sessions}
        filter={table.filter}
        shown={rows.length}
        onChange={(filter) => onTableChange({ ...table, filter })}
        searchRef={searchRef}
      />
      {rows.length === 0 ? (
        <NoMatch onClear={() => onTableChange({ ...table, filter: NO_FILTER })} />
      ) : (
        <SessionTable
          sessions={rows}
          sort={table.sort}
          selectedId={table.selectedId}
          thresholds={thresholds}
          now={now}
          tableRef={tableRef}
          onSort={(key) => onTableChange({ ...table, sort: toggleSort(table.sort, key) })}
          onSelect={onSelect}
          onOpen={onOpen}
        />
      )}
      <ProblemsNote problems={state.problems} />
    </main>
  );
}
