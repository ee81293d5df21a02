import type { WorkOrder } from '../../../shared/domain/work-order';
import { formatDate } from '../../format';

interface WorkOrderCardProps {
  workOrder: WorkOrder;
  assetName: string | null;
  /** "Now" for the overdue mark, passed in so a column computes it once. */
  nowIso: string;
}

const severityClass = (severity: string | null) => `severity severity-${(severity ?? 'none').toLowerCase().replace(/[^a-z]/g, '')}`;

export function WorkOrderCard({ workOrder, assetName, nowIso }: WorkOrderCardProps) {
  const overdue = workOrder.dueAt !== null && workOrder.completedAt === null && workOrder.dueAt < nowIso;
  const label = [
    workOrder.code,
    workOrder.title,
    assetName ? `asset ${assetName}` : null,
    workOrder.severity ? `severity ${workOrder.severity}` : null,
    workOrder.dueAt ? `due ${formatDate(workOrder.dueAt)}${overdue ? ', overdue' : ''}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <article className="card" tabIndex={0} aria-label={label} data-work-order-key={workOrder.key}>
      <div className="card-top">
        <span className="card-code">{workOrder.code}</span>
        {workOrder.severity && <span className={severityClass(workOrder.severity)}>{workOrder.severity}</span>}
      </div>
      <div className="card-title" title={workOrder.title}>
        {workOrder.title}
      </div>
      <div className="card-meta">
        <span className="card-asset" title={assetName ?? undefined}>
          {assetName ?? 'No asset'}
        </span>
        <span className={overdue ? 'card-due overdue' : 'card-due'}>{workOrder.dueAt ? `Due ${formatDate(workOrder.dueAt)}` : 'No due date'}</span>
      </div>
    </article>
  );
}
