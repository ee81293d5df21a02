import type { WorkOrderKpis } from '../../../shared/kpis/work-order-kpis';
import { formatCount, formatDays, formatHours, formatPercent } from '../../format';

interface KpiProps {
  label: string;
  value: string;
  detail: string;
  tone?: 'danger' | 'warning' | 'ok' | undefined;
  title: string;
}

function Kpi({ label, value, detail, tone, title }: KpiProps) {
  return (
    <div className={tone ? `kpi kpi-${tone}` : 'kpi'} role="group" aria-label={`${label}: ${value}, ${detail}`} title={title}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
      <span className="kpi-detail">{detail}</span>
    </div>
  );
}

/** The board's key figures, over the work orders the filters show. */
export function KpiStrip({ kpis }: { kpis: WorkOrderKpis }) {
  const overdueShare = kpis.backlog === 0 ? 0 : kpis.overdue / kpis.backlog;
  const compliance = kpis.pmCompliance;
  return (
    <section className="kpi-strip" aria-label="Key figures">
      <Kpi
        label="Backlog"
        value={formatCount(kpis.backlog)}
        detail={kpis.backlogMedianAgeDays === null ? 'open work orders' : `median age ${formatDays(kpis.backlogMedianAgeDays)}`}
        title={`Open work orders (not completed, closed or cancelled).${kpis.backlogOldestAgeDays === null ? '' : ` The oldest was created ${formatDays(kpis.backlogOldestAgeDays)} ago.`}`}
      />
      <Kpi
        label="Overdue"
        value={formatCount(kpis.overdue)}
        detail={kpis.backlog === 0 ? 'nothing open' : `${formatPercent(overdueShare)} of the backlog`}
        tone={kpis.overdue > 0 ? 'danger' : 'ok'}
        title="Open work orders past their due date."
      />
      <Kpi
        label="PM compliance"
        value={compliance === null ? '—' : formatPercent(compliance)}
        detail={kpis.pmDue === 0 ? 'no PM work fell due' : `of ${formatCount(kpis.pmDue)} PM work orders due`}
        tone={compliance === null ? undefined : compliance >= 0.9 ? 'ok' : compliance >= 0.75 ? 'warning' : 'danger'}
        title="Preventive work orders completed on or before their due date, of those that fell due (due date passed, or completed)."
      />
      <Kpi
        label="MTTR"
        value={kpis.mttrHours === null ? '—' : formatHours(kpis.mttrHours)}
        detail={kpis.repairs === 0 ? 'no completed repairs' : `over ${formatCount(kpis.repairs)} completed repairs`}
        title="Mean time to repair: from a corrective work order's creation to its completion, averaged over completed ones."
      />
    </section>
  );
}
