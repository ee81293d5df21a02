import type { KpiCount } from '../../../shared/kpis/work-order-kpis';
import { forwardRef, useId } from 'react';
import { activeCriteria, dueWindows, recordId, type DueWindow } from '../../../shared/board/work-order-filter';
import { Picker } from '../../ui/picker';
import { PlantFilter } from '../../ui/plant-filter';
import { useBoardFilter } from '../../stores/board-filter-store';

export interface FilterOption {
  id: string;
  label: string;
  /** Where it sits (site › location › parent asset, a technician's team), shown and searched in pickers. */
  path?: string;
}

export interface FilterOptions {
  sites: FilterOption[];
  assets: FilterOption[];
  teams: FilterOption[];
  assignees: FilterOption[];
  severities: string[];
}

const dueLabels: Record<DueWindow, string> = {
  any: 'Any due date',
  today: 'Due today',
  next7: 'Due within 7 days',
  next30: 'Due within 30 days',
  none: 'No due date',
};

interface SelectFilterProps {
  label: string;
  anyLabel: string;
  value: readonly string[];
  options: readonly FilterOption[];
  onChange: (value: string[]) => void;
}

function SelectFilter({ label, anyLabel, value, options, onChange }: SelectFilterProps) {
  const id = useId();
  return (
    <span className="filter">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} className={value.length ? 'filter-select set' : 'filter-select'} value={value[0] ?? ''} onChange={(event) => onChange(event.target.value ? [event.target.value] : [])}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}

interface BoardFilterBarProps {
  options: FilterOptions;
}

/** Search and filters over the board: plant, site, asset, team, assignee, severity, due window, overdue, unsent edits. */
export const BoardFilterBar = forwardRef<HTMLInputElement, BoardFilterBarProps>(function BoardFilterBar({ options }, searchRef) {
  const filter = useBoardFilter((state) => state.filter);
  const setFilter = useBoardFilter((state) => state.setFilter);
  const clearFilter = useBoardFilter((state) => state.clearFilter);
  const active = activeCriteria(filter);
  // The asset list follows the chosen site.
  const assets = filter.siteIds.length ? options.assets.filter((asset) => filter.siteIds.some((site) => asset.id.startsWith(`${site}\u0001`))) : options.assets;
  return (
    <div className="filter-bar" role="search" aria-label="Filter work orders">
      <input
        ref={searchRef}
        type="search"
        className="filter-search"
        aria-label="Search work orders"
        placeholder="Search code, title, asset"
        value={filter.text}
        onChange={(event) => setFilter({ text: event.target.value })}
      />
      <PlantFilter />
      <SelectFilter label="Site" anyLabel="All sites" value={filter.siteIds} options={options.sites} onChange={(siteIds) => setFilter({ siteIds, assetIds: [] })} />
      <Picker
        label="Asset"
        noneLabel="All assets"
        value={filter.assetIds[0] ?? null}
        options={assets.map((asset) => ({ ...asset, id: asset.id.split('\u0001')[1]! }))}
        onChange={(id) => setFilter({ assetIds: id === null ? [] : [id] })}
      />
      <Picker label="Team" noneLabel="All teams" value={filter.teamIds[0] ?? null} options={options.teams} onChange={(id) => setFilter({ teamIds: id === null ? [] : [id] })} />
      <Picker label="Assignee" noneLabel="Anyone" value={filter.assigneeIds[0] ?? null} options={options.assignees} onChange={(id) => setFilter({ assigneeIds: id === null ? [] : [id] })} />
      <SelectFilter
        label="Severity"
        anyLabel="Any severity"
        value={filter.severities}
        options={options.severities.map((severity) => ({ id: severity, label: severity }))}
        onChange={(severities) => setFilter({ severities })}
      />
      <span className="filter">
        <label htmlFor="board-due-filter" className="visually-hidden">
          Due
        </label>
        <select id="board-due-filter" className={filter.due !== 'any' ? 'filter-select set' : 'filter-select'} value={filter.due} onChange={(event) => setFilter({ due: event.target.value as DueWindow })}>
          {dueWindows.map((window) => (
            <option key={window} value={window}>
              {dueLabels[window]}
            </option>
          ))}
        </select>
      </span>
      <button type="button" className="chip-toggle" aria-pressed={filter.overdueOnly} onClick={() => setFilter({ overdueOnly: !filter.overdueOnly })}>
        Overdue
      </button>
      <button type="button" className="chip-toggle" aria-pressed={filter.pendingOnly} onClick={() => setFilter({ pendingOnly: !filter.pendingOnly })}>
        Unsent edits
      </button>
      {filter.countedIn !== null && (
        <button type="button" className="chip-toggle" aria-pressed onClick={() => setFilter({ countedIn: null })} title="Show every work order the other filters let through again">
          {countedLabels[filter.countedIn]} <span aria-hidden>×</span>
        </button>
      )}
      {active > 0 && (
        <button type="button" className="link-button filter-clear" onClick={clearFilter}>
          Clear {active === 1 ? 'filter' : `${active} filters`}
        </button>
      )}
    </div>
  );
});

/** The chip a clicked key figure leaves in the filter bar: what the table is narrowed to. */
const countedLabels: Record<KpiCount, string> = {
  backlog: 'Counted in Backlog (open)',
  overdue: 'Counted in Overdue',
  pmDue: 'Counted in PM compliance (PM work fallen due)',
  repairs: 'Counted in MTTR (completed repairs)',
};

/** Asset options carry their site, so the asset list can follow the site filter: `siteId\u0001assetId`. */
export const assetOptionId = (connectionId: string, siteKey: string | null, assetKey: string) => `${recordId(connectionId, siteKey)}\u0001${recordId(connectionId, assetKey)}`;
