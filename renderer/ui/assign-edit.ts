import type { ConnectionView } from '../../shared/connection-view';
import type { Labor } from '../../shared/domain/labor';
import type { WorkOrderSummary } from '../../shared/domain/work-order-summary';
import type { EditRequest } from '../db/dexie-outbox';
import { assigneeSending } from './assignee-sent-as';

export type PlannedEdit = { ok: true; edit: EditRequest } | { ok: false; reason: string };

/**
 * The queued edit that gives a work order to a technician (or to nobody), or why it cannot be
 * sent: the plant is disconnected, the technician works at another plant, the plant's system
 * takes no assignees from Millwright or only as user accounts, or nothing would change.
 * `plantLabors`: the technicians of the work order's plant.
 */
export function assignEdit(workOrder: WorkOrderSummary, labor: Labor | null, connection: ConnectionView | undefined, plantLabors: readonly Labor[]): PlannedEdit {
  if (!connection || connection.state === 'disconnected') return { ok: false, reason: 'its plant is disconnected.' };
  if (labor && labor.connectionId !== workOrder.connectionId) return { ok: false, reason: `${labor.name} works at another plant.` };
  const capabilities = connection.writes;
  if (!capabilities.actions.includes('updateWorkOrder') || !capabilities.updateWorkOrderFields.includes('laborAssignedKey')) {
    return { ok: false, reason: `${capabilities.label} does not take assignees from Millwright.` };
  }
  if (workOrder.laborAssignedKey === (labor?.key ?? null)) return { ok: false, reason: 'already so.' };
  const sending = assigneeSending(capabilities, plantLabors, labor?.key ?? null);
  if (!sending.ok) return { ok: false, reason: sending.refusal };
  return {
    ok: true,
    edit: { connectionId: workOrder.connectionId, action: 'updateWorkOrder', key: workOrder.key, changes: { laborAssignedKey: labor?.key ?? null }, ...(sending.sendAs ? { sendAs: sending.sendAs } : {}) },
  };
}
