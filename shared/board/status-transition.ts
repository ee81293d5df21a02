import { workflowStage } from '../domain/status-workflow';
import type { WorkOrderStatus } from '../domain/work-order-status';

/** Workflow stages (see status-workflow.ts) the rules below speak of. */
const stage = { request: 0, scheduled: 2, inProgress: 4, completed: 6, closed: 7, cancelled: 8 } as const;

/**
 * Why the status workflow does not let a work order move from one status to another, or null
 * when it may. The rules are those of maintenance workflows generally (Maximo, MaintainX,
 * UpKeep): closed and cancelled work is final; only completed work is closed; work that has
 * started does not go back to a request; completed work is reopened (in progress, on hold) or
 * closed, not sent back to planning. Statuses the plant no longer uses take nothing.
 */
export function statusTransitionRefusal(
  from: Pick<WorkOrderStatus, 'name'> | null,
  to: Pick<WorkOrderStatus, 'name' | 'isActive'>,
): string | null {
  if (!to.isActive) return `“${to.name}” is no longer in use in this plant's status table.`;
  if (!from) return null;
  const source = workflowStage(from);
  const target = workflowStage(to);
  if (source === target && from.name === to.name) return null;
  if (source === stage.closed) return `${from.name} work orders are final; reopen it in the plant's own system if it needs more work.`;
  if (source === stage.cancelled) return `${from.name} work orders are final; create a new work order instead.`;
  if (target === stage.closed && source !== stage.completed) return `Only completed work can be ${to.name.toLowerCase()}: move it to a completed status first.`;
  if (source >= stage.inProgress && source <= stage.completed && target === stage.request) {
    return `Work has started on it, so it cannot go back to “${to.name}”.`;
  }
  if (source === stage.completed && target <= stage.scheduled) {
    return `Completed work can be reopened (in progress, on hold) or closed, not sent back to “${to.name}”.`;
  }
  return null;
}
