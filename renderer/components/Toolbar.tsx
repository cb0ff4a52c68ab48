/**
 * Search and filters above the table. `/` focuses the search (the input's ref comes from the view);
 * each menu offers only values some session has.
 */
import type { Ref } from 'preact';
import type { SessionView } from '../../shared/api';
import { filterOptions, NO_FILTER, type TableFilter } from '../model/table';
import { AGENT_NAME } from './AgentIcon';

interface Props {
  sessions: readonly SessionView[];
  filter: TableFilter;
  shown: number;
  onChange: (filter: TableFilter) => void;
  searchRef: Ref<HTMLInputElement>;
}

function Choice<T extends string>(props: {
  label: string;
  value: T | null;
  options: readonly T[];
  name?: (value: T) => string;
  onChange: (value: T | null) => void;
}) {
  return (
    <label class="choice">
      <span class="visually-hidden">{props.label}</span>
      <select
        value={props.value ?? ''}
        onChange={(event) => props.onChange(((event.currentTarget.value || null) as T | null))}
        aria-label={props.label}
      >
        <option value="">All {props.label.toLowerCase()}</option>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.name ? props.name(option) : option}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Toolbar({ sessions, filter, shown, onChange, searchRef }: Props) {
  const options = filterOptions(sessions);
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  return (
    <div class="toolbar" role="search">
      <input
        ref={searchRef}
        class="search"
        type="search"
        placeholder="Search   /"
        aria-label="Search sessions"
        value={filter.query}
        onInput={(event) => onChange({ ...filter, query: event.currentTarget.value })}
      />
      <Choice label="Agents" value={filter.agent} options={options.agents} name={(agent) => AGENT_NAME[agent]} onChange={(agent) => onChange({ ...filter, agent })} />
      <Choice label="Statuses" value={filter.status} options={options.statuses} onChange={(status) => onChange({ ...filter, status })} />
      <Choice label="Projects" value={filter.project} options={options.projects} onChange={(project) => onChange({ ...filter, project })} />
      {options.tags.length > 0 && <Choice label="Tags" value={filter.tag} options={options.tags} onChange={(tag) => onChange({ ...filter, tag })} />}
      <span class="toolbar-count" aria-live="polite">
        {shown === sessions.length ? `${shown} sessions` : `${shown} of ${sessions.length}`}
      </span>
      {filtered && (
        <button class="ghost" onClick={() => onChange(NO_FILTER)}>
          Clear
        </button>
      )}
    </div>
  );
}
