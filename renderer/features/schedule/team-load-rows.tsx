import { hoursPerTechnicianDay, sumBy } from '../../../shared/schedule/technician-load';
import { defaultWorkOrderHours } from '../../../shared/schedule/work-order-booking';
import type { ScheduleWindow } from '../../../shared/schedule/schedule-window';
import { countOf } from '../../ui/format';
import { formatDayMonth, formatDecimal, formatHours } from './schedule-format';
import type { ScheduleModel } from './schedule-model';

interface TeamLoadRowsProps {
  loads: ScheduleModel['loads'];
  window: ScheduleWindow;
  /** Plant names by connection, when teams of several plants are shown. */
  plantNames: ReadonlyMap<string, string> | null;
}

/** Hours booked per team and day (or week) against what the team's people can work. */
export function TeamLoadRows({ loads, window, plantNames }: TeamLoadRowsProps) {
  const perColumn = window.unit === 'day' ? 1 : 7;
  return (
    <div className="schedule-load" role="rowgroup" aria-label="Technician load per team">
      <div className="schedule-row load-head" role="row">
        <div className="row-label" role="rowheader">
          Team load
          <span className="muted" title={`Open work orders book their PM plan's estimate, or ${defaultWorkOrderHours} h, on their scheduled day; projected PMs their plan's estimate on their due day. Capacity: active technicians × 8 h a day.`}>
            hours booked a {perColumn === 1 ? 'day' : 'week'}
          </span>
        </div>
        <div className="row-track" role="cell" />
      </div>
      {loads.length === 0 && (
        <div className="schedule-row" role="row">
          <div className="row-label muted" role="rowheader">
            No teams synced yet.
          </div>
        </div>
      )}
      {loads.map((load) => {
        const sums = sumBy(load.hours, perColumn);
        const capacity = load.capacityPerDay * perColumn;
        return (
          <div key={load.teamId} className="schedule-row load-row" role="row" aria-label={`${load.name}${plantNames ? ` (${plantNames.get(load.connectionId) ?? ''})` : ''} load`}>
            <div className="row-label" role="rowheader">
              <span className="row-name">{load.name}</span>
              <span className="row-sub muted">
                {plantNames && `${plantNames.get(load.connectionId) ?? ''} · `}
                {load.capacityPerDay === 0 ? 'no active technicians' : `${countOf(load.capacityPerDay / hoursPerTechnicianDay, 'person', 'people', formatDecimal)} · ${formatHours(load.capacityPerDay * perColumn)} a ${perColumn === 1 ? 'day' : 'week'}`}
              </span>
            </div>
            <div className="row-track load-track" role="cell">
              {sums.map((hours, i) => {
                const share = capacity > 0 ? hours / capacity : hours > 0 ? Infinity : 0;
                const level = share > 1 ? 'over' : share > 0.85 ? 'high' : hours > 0 ? 'ok' : 'none';
                const start = window.columns[i]!.start;
                return (
                  <div
                    key={start.getTime()}
                    className={`load-cell load-${level}`}
                    title={`${load.name}, ${formatDayMonth(start)}${perColumn > 1 ? ' week' : ''}: ${formatHours(hours)} booked of ${formatHours(capacity)}`}
                    aria-label={`${formatDayMonth(start)}: ${formatHours(hours)} of ${formatHours(capacity)}`}
                  >
                    <span className="load-fill" style={{ height: `${Math.min(1, Number.isFinite(share) ? share : 1) * 100}%` }} />
                    <span className="load-value">{hours > 0 ? formatDecimal(hours) : ''}</span>
                  </div>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}
