import type { WorkOrder } from '../../shared/domain/work-order';
import { draftRecord } from '../../renderer/db/record-drafts';

/** A cached work order for unit tests: every field empty (as the app drafts one), code and title its key, then `fields`. */
export function workOrderRecord(key: string, fields: Partial<WorkOrder> = {}, connectionId = 'c'): WorkOrder {
  return { ...draftRecord('workOrders', { connectionId, key, now: '2026-12-01T00:00:00Z', fields: {} }), code: key, title: key, createdAt: null, ...fields };
}
