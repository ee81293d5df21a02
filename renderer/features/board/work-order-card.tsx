import type { WorkOrder } from '../../../shared/domain/work-order';
import { formatDate } from '../../format';

interface WorkOrderCardProps {
  workOrder: WorkOrder;
  assetName: string | null;
  /** The card's plant, shown when the board holds several. */
  plant: { name: string; disconnected: boolean } | null;
  /** "Now" for the overdue mark, passed in so a column computes it once. */
  nowIso: string;
}

const severityClass = (severity: string | null) => `severity severity-${(severity ?? 'none').toLowerCase().replace(/[^a-z]/g, '')}`;

export function WorkOrderCard({ workOrder, assetName, plant, nowIso }: WorkOrderCardProps) {
  const overdue = workOrder.dueAt !== null && workOrder.completedAt === null && workOrder.dueAt < nowIso;
  const label = [
    workOrder.code,
    workOrder.title,
    assetName ? `asset ${assetName}` : null,
    workOrder.severity ? `severity ${workOrder.severity}` : null,
    workOrder.dueAt ? `due ${formatDate(workOrder.dueAt)}${overdue ? ', overdue' : ''}` : null,
    plant ? `plant ${plant.name}${plant.disconnected ? ' (disconnected, read-only)' : ''}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <article className={plant?.disconnected ? 'card read-only' : 'card'} tabIndex={0} aria-label={label} data-work-order-key={workOrder.key}>
      <div className="card-top">
        <span className="card-code">{workOrder.code}</span>
        {plant && <span className="card-plant">{plant.name}</span>}
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
