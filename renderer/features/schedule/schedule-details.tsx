import { useState } from 'react';
import { availabilityWindowDays } from '../../../shared/kpis/asset-availability';
import { describeRule } from '../../../shared/schedule/pm-trigger';
import { countOf, formatHours as formatSpan, formatSharePercent } from '../../ui/format';
import { formatDateTime, formatDecimal, formatFullDate, formatHours, formatReading } from './schedule-format';
import type { AssetFigures, DowntimeBar, ScheduleBar, WorkOrderBar } from './schedule-model';

interface ScheduleDetailsProps {
  bar: ScheduleBar;
  assetName: string;
  teamName: string | null;
  statusName: string | null;
  /** Why this work order cannot be moved from here, or null when it can. */
  moveRefusal: string | null;
  /** The bar's asset's availability, MTBF and MTTR. */
  figures: AssetFigures;
  onMove: (bar: WorkOrderBar, days: number) => void;
  /** A new work order on the bar's asset; null where its plant takes none. */
  onCreate: (() => void) | null;
  onClose: () => void;
}

const toDateInput = (time: number) => {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/** What a selected bar is: the work order's dates and overlaps, or the PM occurrence's trigger and how it was projected. */
export function ScheduleDetails({ bar, assetName, teamName, statusName, moveRefusal, figures, onMove, onCreate, onClose }: ScheduleDetailsProps) {
  return (
    <aside
      className="schedule-details"
      aria-label="Selected booking"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="details-head">
        <p className="details-kind">{bar.kind === 'pm' ? 'Projected PM' : bar.kind === 'downtime' ? (bar.planned ? 'Planned stop' : 'Downtime') : bar.workOrder.code}</p>
        <button type="button" className="button small" onClick={onClose} aria-label="Close details">
          ✕
        </button>
      </div>
      {bar.kind === 'work-order' ? (
        <WorkOrderDetails bar={bar} assetName={assetName} teamName={teamName} statusName={statusName} moveRefusal={moveRefusal} onMove={onMove} />
      ) : bar.kind === 'pm' ? (
        <PmDetails bar={bar} assetName={assetName} teamName={teamName} />
      ) : (
        <DowntimeDetails bar={bar} assetName={assetName} />
      )}
      <AssetFiguresView assetName={assetName} figures={figures} onCreate={onCreate} />
    </aside>
  );
}

function WorkOrderDetails({ bar, assetName, teamName, statusName, moveRefusal, onMove }: Omit<ScheduleDetailsProps, 'bar' | 'onClose' | 'onCreate' | 'figures'> & { bar: WorkOrderBar }) {
  const [target, setTarget] = useState(() => toDateInput(bar.start));
  const shift = Math.round((new Date(`${target}T00:00`).getTime() - new Date(`${toDateInput(bar.start)}T00:00`).getTime()) / 86_400_000);
  const { workOrder } = bar;
  return (
    <>
      <h2 className="details-title">{workOrder.title || 'Untitled work order'}</h2>
      <dl className="details-list">
        <dt>Asset</dt>
        <dd>{assetName}</dd>
        <dt>Status</dt>
        <dd>{statusName ?? workOrder.status ?? '—'}</dd>
        <dt>Team</dt>
        <dd>{teamName ?? '—'}</dd>
        <dt>Scheduled</dt>
        <dd>{workOrder.scheduledAt ? formatDateTime(Date.parse(workOrder.scheduledAt)) : '—'}</dd>
        <dt>Due</dt>
        <dd className={bar.overdue ? 'overdue' : undefined}>
          {workOrder.dueAt ? formatDateTime(Date.parse(workOrder.dueAt)) : '—'}
          {bar.overdue ? ' · overdue' : ''}
        </dd>
        <dt>Books</dt>
        <dd>{formatHours(bar.hours)}</dd>
      </dl>
      {bar.conflictsWith.length > 0 && (
        <p className="details-warning" role="note">
          Booked at the same time as {bar.conflictsWith.join(', ')} on this asset.
        </p>
      )}
      {!bar.done && (
        <form
          className="details-move"
          onSubmit={(event) => {
            event.preventDefault();
            if (shift !== 0) onMove(bar, shift);
          }}
        >
          <label>
            Move start to
            <input type="date" value={target} onChange={(event) => setTarget(event.target.value)} disabled={moveRefusal !== null} />
          </label>
          <div className="details-actions">
            <button type="button" className="button small" disabled={moveRefusal !== null} onClick={() => onMove(bar, -1)}>
              − 1 day
            </button>
            <button type="button" className="button small" disabled={moveRefusal !== null} onClick={() => onMove(bar, 1)}>
              + 1 day
            </button>
            <button type="submit" className="button small primary" disabled={moveRefusal !== null || shift === 0 || Number.isNaN(shift)}>
              Reschedule
            </button>
          </div>
          {moveRefusal && <p className="muted details-note">{moveRefusal}</p>}
          {!moveRefusal && <p className="muted details-note">The due date moves with it. The change waits in the outbox until the plant has it.</p>}
        </form>
      )}
    </>
  );
}

function PmDetails({ bar, assetName, teamName }: { bar: Extract<ScheduleBar, { kind: 'pm' }>; assetName: string; teamName: string | null }) {
  const { pm } = bar;
  const { rule, meter } = pm;
  return (
    <>
      <h2 className="details-title">{pm.title}</h2>
      <dl className="details-list">
        <dt>Asset</dt>
        <dd>{assetName}</dd>
        <dt>Team</dt>
        <dd>{teamName ?? '—'}</dd>
        <dt>Trigger</dt>
        <dd>
          {describeRule(rule)}
          {rule.kind === 'time' ? (rule.schedule === 'fixed' ? ', fixed schedule' : ', floating: counted from the last completion') : ''}
        </dd>
        {meter && (
          <>
            <dt>Due at</dt>
            <dd>
              {formatReading(meter.dueReading)} {meter.uomName}
            </dd>
            <dt>Last reading</dt>
            <dd>{meter.last ? `${formatReading(meter.last.value)} ${meter.uomName ?? ''} on ${formatFullDate(meter.last.at)}` : '—'}</dd>
            <dt>Rate</dt>
            <dd>{meter.ratePerDay === null ? '—' : `${formatDecimal(meter.ratePerDay)} ${meter.uomName ?? ''} a day (last 90 days)`}</dd>
          </>
        )}
        <dt>{meter ? 'Projected' : 'Due'}</dt>
        <dd className={pm.overdue ? 'overdue' : undefined}>
          {formatFullDate(pm.at)}
          {pm.overdue ? ' · overdue' : ''}
        </dd>
        <dt>Estimate</dt>
        <dd>{pm.hours === null ? '—' : formatHours(pm.hours)}</dd>
      </dl>
      <p className="muted details-note">
        {meter
          ? `Projected from the reading rate: ${formatReading(meter.dueReading - (meter.last?.value ?? 0))} ${meter.uomName ?? ''} to go${meter.ratePerDay ? `, about ${formatDecimal((meter.dueReading - (meter.last?.value ?? 0)) / meter.ratePerDay)} days` : ''}.`
          : rule.kind === 'time' && rule.schedule === 'floating'
            ? 'A projection: counted from the last completion, so it moves when the work is done earlier or later.'
            : 'A projection from the plan’s trigger; the plant raises the work order itself.'}
      </p>
    </>
  );
}

function DowntimeDetails({ bar, assetName }: { bar: DowntimeBar; assetName: string }) {
  const { downtime } = bar;
  return (
    <>
      <h2 className="details-title">{downtime.description ?? (bar.planned ? 'Planned stop' : 'Unplanned stop')}</h2>
      <dl className="details-list">
        <dt>Asset</dt>
        <dd>{assetName}</dd>
        <dt>Kind</dt>
        <dd>{downtime.categoryName ? `${downtime.categoryName}${bar.planned ? ' (planned)' : ' (a failure)'}` : 'Not given (counted as a failure)'}</dd>
        <dt>Severity</dt>
        <dd>{downtime.severity ?? '—'}</dd>
        <dt>Stopped</dt>
        <dd>{formatDateTime(bar.start)}</dd>
        <dt>Running again</dt>
        <dd className={bar.ongoing ? 'overdue' : undefined}>{bar.ongoing ? 'Not yet: still down' : formatDateTime(bar.end)}</dd>
        <dt>{bar.ongoing ? 'Down for' : 'Lasted'}</dt>
        <dd>{formatSpan((bar.end - bar.start) / 3_600_000)}</dd>
      </dl>
      {downtime.notes && <p className="details-note">{downtime.notes}</p>}
    </>
  );
}

/** The asset's figures, worked out as the board's key figures are. */
function AssetFiguresView({ assetName, figures, onCreate }: { assetName: string; figures: AssetFigures; onCreate: (() => void) | null }) {
  const { availability } = figures;
  return (
    <section className="details-figures" aria-label={`${assetName}: availability and repair times`}>
      <h3>This asset</h3>
      <dl className="details-list">
        <dt>Availability</dt>
        {availability === null ? (
          <dd>Not known: this plant’s system reports no downtime</dd>
        ) : (
          <dd>{availability.availability === null ? '—' : `${formatSharePercent(availability.availability)} over ${availabilityWindowDays} days (stopped ${formatSpan(availability.downHours)})`}</dd>
        )}
        <dt>MTBF</dt>
        {availability === null ? (
          <dd>Not known: no downtime reported</dd>
        ) : (
          <dd>{availability.mtbfHours === null ? `No failures in ${availabilityWindowDays} days` : `${formatSpan(availability.mtbfHours)} (${countOf(availability.failures, 'failure')} in ${availabilityWindowDays} days)`}</dd>
        )}
        <dt>MTTR</dt>
        <dd>{figures.mttrHours === null ? 'No completed repairs' : `${formatSpan(figures.mttrHours)} (over ${countOf(figures.repairs, 'completed repair')})`}</dd>
      </dl>
      {onCreate && (
        <button type="button" className="button small" onClick={onCreate}>
          New work order on {assetName}
        </button>
      )}
    </section>
  );
}
