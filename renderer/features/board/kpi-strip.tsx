import { availabilityWindowDays, type AssetAvailability } from '../../../shared/kpis/asset-availability';
import type { KpiCount, WorkOrderKpis } from '../../../shared/kpis/work-order-kpis';
import { countOf, formatCount, formatDays, formatHours, formatPercent, formatSharePercent } from '../../ui/format';

interface KpiProps {
  label: string;
  value: string;
  detail: string;
  tone?: 'danger' | 'warning' | 'ok' | undefined;
  title: string;
  /** Opens the table on the work orders the figure counts; `what` names them. */
  show?: { what: string; onShow: () => void } | undefined;
  /** Not known yet: the tile holds the figure's place. */
  pending?: boolean;
}

function Kpi({ label, value, detail, tone, title, show, pending = false }: KpiProps) {
  const body = (
    <>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
      <span className="kpi-detail">{detail}</span>
    </>
  );
  return (
    <div className={['kpi', tone ? `kpi-${tone}` : '', show ? 'kpi-clickable' : '', pending ? 'kpi-pending' : ''].filter(Boolean).join(' ')} role="group" aria-label={pending ? `${label}: ${detail}` : `${label}: ${value}, ${detail}`} title={title}>
      {show ? (
        <button type="button" className="kpi-open" onClick={show.onShow} aria-label={`Show ${show.what} in the table`}>
          {body}
        </button>
      ) : (
        body
      )}
    </div>
  );
}

const workOrderKpiLabels = ['Backlog', 'Overdue', 'PM compliance', 'MTTR'] as const;
const availabilityKpiLabels = ['Availability', 'MTBF'] as const;
const allKpiLabels = [...workOrderKpiLabels, ...availabilityKpiLabels];

/** Tiles standing in for figures still being worked out. */
function PendingKpis({ labels, detail, title }: { labels: readonly string[]; detail: string; title: string }) {
  return labels.map((label) => <Kpi key={label} label={label} value="…" detail={detail} title={title} pending />);
}

/** Availability and MTBF over the board's assets, with the plants left out because their systems report no downtime. */
export type BoardAvailability = AssetAvailability & { unreportedPlants: string[] };

interface KpiStripProps {
  /** Null while they are worked out, the moment after the page first shows. */
  kpis: WorkOrderKpis | null;
  /** Null while the Sync history is read (which plants report downtime). */
  availability: BoardAvailability | null;
  /** A plant shown is still in its first sync: the figures would count only what has arrived. */
  loading: boolean;
  /** Set when filters narrow the board: how many work orders the figures are over, of how many. */
  filtered: { shown: number; total: number } | null;
  /** Opens the table filtered to what a figure counts. */
  onShow: (counted: KpiCount) => void;
}

/** The board's key figures, over the work orders the filters show; saying so when filters narrow them, and holding back while a first sync is still bringing them in. */
export function KpiStrip({ kpis, availability, loading, filtered, onShow }: KpiStripProps) {
  // Until the figures are known, tiles of the same labels hold their places, so the board below
  // does not jump down under the supervisor's pointer when they arrive.
  if (loading) {
    return (
      <section className="kpi-strip" aria-label="Key figures">
        <PendingKpis labels={allKpiLabels} detail="after the first sync" title="Key figures appear when the first sync has brought in every work order." />
      </section>
    );
  }
  if (kpis === null) {
    return (
      <section className="kpi-strip" aria-label="Key figures" aria-busy="true">
        <PendingKpis labels={allKpiLabels} detail="counting…" title="Counting the work orders shown." />
      </section>
    );
  }
  const overdueShare = kpis.backlog === 0 ? 0 : kpis.overdue / kpis.backlog;
  const compliance = kpis.pmCompliance;
  const scope = filtered ? ` Counted over the ${countOf(filtered.shown, 'work order')} the filters show, of ${formatCount(filtered.total)}.` : '';
  return (
    <section className={filtered ? 'kpi-strip is-filtered' : 'kpi-strip'} aria-label={filtered ? 'Key figures, filters applied' : 'Key figures'}>
      {filtered && (
        <p className="kpi-scope" role="note">
          <strong>Filters applied</strong>
          <span>
            figures over {formatCount(filtered.shown)} of {countOf(filtered.total, 'work order')}
          </span>
        </p>
      )}
      <Kpi
        label="Backlog"
        value={formatCount(kpis.backlog)}
        detail={kpis.backlogMedianAgeDays === null ? 'open work orders' : `median age ${formatDays(kpis.backlogMedianAgeDays)}`}
        title={`Open work orders (not completed, closed or cancelled).${kpis.backlogOldestAgeDays === null ? '' : ` The oldest was created ${formatDays(kpis.backlogOldestAgeDays)} ago.`}${scope}`}
        show={{ what: `the ${countOf(kpis.backlog, 'open work order')}`, onShow: () => onShow('backlog') }}
      />
      <Kpi
        label="Overdue"
        value={formatCount(kpis.overdue)}
        detail={kpis.backlog === 0 ? 'nothing open' : `${formatPercent(overdueShare)} of the backlog`}
        tone={kpis.overdue > 0 ? 'danger' : 'ok'}
        title={`Open work orders past their due date; the schedule counts them the same way, and shows projected PMs apart.${scope}`}
        show={{ what: `the ${countOf(kpis.overdue, 'overdue work order')}`, onShow: () => onShow('overdue') }}
      />
      <Kpi
        label="PM compliance"
        value={compliance === null ? '—' : formatPercent(compliance)}
        detail={kpis.pmDue === 0 ? 'no PM work fell due' : `of ${countOf(kpis.pmDue, 'PM work order')} due`}
        tone={compliance === null ? undefined : compliance >= 0.9 ? 'ok' : compliance >= 0.75 ? 'warning' : 'danger'}
        title={`Preventive work orders completed on or before their due date, of those that fell due (due date passed, or completed).${scope}`}
        show={{ what: `the ${countOf(kpis.pmDue, 'PM work order')} that fell due`, onShow: () => onShow('pmDue') }}
      />
      <Kpi
        label="MTTR"
        value={kpis.mttrHours === null ? '—' : formatHours(kpis.mttrHours)}
        detail={kpis.repairs === 0 ? 'no completed repairs' : `over ${countOf(kpis.repairs, 'repair')}`}
        title={`Mean time to repair: from a corrective work order's creation to its completion, averaged over completed ones.${scope}`}
        show={{ what: `the ${countOf(kpis.repairs, 'completed repair')}`, onShow: () => onShow('repairs') }}
      />
      {availability ? <AvailabilityKpis availability={availability} /> : <PendingKpis labels={availabilityKpiLabels} detail="counting…" title="Reading which plants report downtime." />}
    </section>
  );
}

/** Availability and MTBF: over assets, not work orders, so the board's filters narrow them only by site and asset. */
function AvailabilityKpis({ availability }: { availability: BoardAvailability }) {
  const days = `the last ${availabilityWindowDays} days`;
  const left = availability.unreportedPlants.length > 0 ? ` ${availability.unreportedPlants.join(', ')} ${availability.unreportedPlants.length === 1 ? 'reports' : 'report'} no downtime, so ${availability.unreportedPlants.length === 1 ? 'its' : 'their'} assets are left out.` : '';
  const over = ` Over the active assets of the sites and assets the filters pick; the other filters choose work orders, not assets.${left}`;
  if (availability.availability === null) {
    const why = availability.unreportedPlants.length > 0 ? 'no downtime reported' : 'no active assets';
    return (
      <>
        <Kpi label="Availability" value="—" detail={why} title={`The share of ${days} the assets were running.${over}`} />
        <Kpi label="MTBF" value="—" detail={why} title={`Mean time between failures over ${days}.${over}`} />
      </>
    );
  }
  return (
    <>
      <Kpi
        label="Availability"
        value={formatSharePercent(availability.availability)}
        detail={availability.downNow > 0 ? `${countOf(availability.downNow, 'asset')} down now` : `${countOf(availability.assets, 'asset')}, ${availabilityWindowDays} days`}
        tone={availability.downNow > 0 ? 'warning' : undefined}
        title={`The share of ${days} the ${countOf(availability.assets, 'asset')} were running: stopped ${formatHours(availability.downHours)} of ${formatHours(availability.hours)} together, planned stops included.${over}`}
      />
      <Kpi
        label="MTBF"
        value={availability.mtbfHours === null ? '—' : formatHours(availability.mtbfHours)}
        detail={availability.failures === 0 ? `no failures in ${availabilityWindowDays} days` : `over ${countOf(availability.failures, 'failure')}`}
        title={`Mean time between failures: the hours the assets ran in ${days}, per unplanned stop that began in them.${over}`}
      />
    </>
  );
}
