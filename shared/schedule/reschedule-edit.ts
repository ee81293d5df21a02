import { addDays } from 'date-fns';
import type { ConnectionView } from '../connection-view';
import type { FieldValue } from '../domain/outbox-operation';
import type { WorkOrderSummary } from '../domain/work-order-summary';
import { workOrderSpan } from './work-order-booking';

/** An instant as the plants' APIs write them: whole seconds, UTC. */
export const toWireInstant = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Why a work order's booking cannot be moved from Millwright, or null when it can. */
export function rescheduleRefusal(workOrder: WorkOrderSummary, connection: ConnectionView | undefined): string | null {
  if (!connection) return 'Its plant is no longer among the connections.';
  if (connection.state === 'disconnected') return `${connection.name} is disconnected: its work orders are read-only.`;
  if (workOrder.completedAt !== null) return `${workOrder.code} is completed.`;
  const capabilities = connection.writes;
  if (!capabilities.actions.includes('updateWorkOrder') || !capabilities.updateWorkOrderFields.includes('scheduledAt')) {
    return `${capabilities.label} does not accept a new scheduled date from Millwright.`;
  }
  return null;
}

export type RescheduleEdit = { ok: true; start: Date; changes: Record<string, FieldValue> } | { ok: false; reason: string };

/**
 * The update that moves a work order's booking by whole days: its start (its scheduled date, or
 * its due date when it has none) and its due date with it where the plant's system takes due
 * dates; refused where it cannot be moved, or would then start after a due date left behind.
 */
export function rescheduleEdit(workOrder: WorkOrderSummary, shift: number, connection: ConnectionView | undefined): RescheduleEdit {
  const refusal = rescheduleRefusal(workOrder, connection);
  if (refusal) return { ok: false, reason: refusal };
  const span = workOrderSpan(workOrder);
  if (!span) return { ok: false, reason: `${workOrder.code} has no scheduled or due date to move from.` };
  const capabilities = connection!.writes;
  const start = addDays(span.start, shift);
  const changes: Record<string, FieldValue> = { scheduledAt: toWireInstant(start) };
  if (workOrder.dueAt !== null) {
    const due = addDays(new Date(workOrder.dueAt), shift);
    if (capabilities.updateWorkOrderFields.includes('dueAt')) changes.dueAt = toWireInstant(due);
    else if (start.getTime() > Date.parse(workOrder.dueAt)) {
      return { ok: false, reason: `${capabilities.label} does not take due dates from Millwright, and ${workOrder.code} would then start after it is due.` };
    }
  }
  return { ok: true, start, changes };
}
