import { useLiveQuery } from 'dexie-react-hooks';
import type { Table } from 'dexie';
import { unsettledStates, type FieldValue, type OutboxOperation } from '../../../shared/domain/outbox-operation';
import { appDb } from '../../db/app-db';
import { attachmentSummary } from '../../ui/attachment-summary';
import { formatDateTime } from '../../ui/format';
import { fieldLabel, isInstantField, referenceTableOf } from '../../ui/work-order-fields';

/** What a record without a code of its own is called on the page. */
const codeless: Partial<Record<OutboxOperation['entity'], string>> = { purchaseOrders: 'Purchase order', serviceRequests: 'Service request', workOrderMaterials: 'Work order', documents: 'Work order' };
/** Keys a new parts line is sent with, said by its part's name instead. */
const partLineKeys = new Set(['workOrderKey', 'materialKey', 'storeroomKey']);

/** An unsettled operation with what the page needs to show it. */
export interface OutboxEntry {
  operation: OutboxOperation;
  /** e.g. "WO-001234" or "New"; null when the record left the cache. */
  code: string | null;
  title: string | null;
}

export interface OutboxView {
  entries: OutboxEntry[];
  /** Names of referenced records by `table\0connectionId\0key`. */
  names: ReadonlyMap<string, string>;
}

type Named = { key: string; connectionId: string; name?: string; title?: string; code?: string | null };

const nameKey = (table: string, connectionId: string, key: string) => `${table}\u0000${connectionId}\u0000${key}`;

function tableOf(field: string, entity: OutboxOperation['entity']): string | null {
  if (field === 'statusKey' && entity === 'purchaseOrders') return 'purchaseOrderStatuses';
  if (field === 'statusKey' && entity === 'serviceRequests') return 'serviceRequestStatuses';
  return referenceTableOf[field] ?? null;
}

/** Every value an operation shows: its changes, their base, and the conflicting values. */
function* shownValues(operation: OutboxOperation): Generator<[field: string, value: FieldValue]> {
  for (const [field, value] of Object.entries(operation.changes)) yield [field, value];
  for (const [field, value] of Object.entries(operation.base)) yield [field, value];
  for (const conflict of operation.conflicts) {
    yield [conflict.field, conflict.base];
    yield [conflict.field, conflict.mine];
    yield [conflict.field, conflict.theirs];
  }
}

/** The outbox's unsettled operations, oldest first, with their records' codes and the names of keys they hold; live. */
export function useOutboxView(): OutboxView | undefined {
  return useLiveQuery(async () => {
    const operations = (await appDb.outbox.where('state').anyOf([...unsettledStates]).toArray()).sort((a, b) => a.seq! - b.seq!);
    const entries: OutboxEntry[] = await Promise.all(
      operations.map(async (operation) => {
        const record = (await appDb.table(operation.entity).get([operation.connectionId, operation.key])) as Record<string, unknown> | undefined;
        if (!record) return { operation, code: null, title: null };
        // A parts line and an attachment go by their work order's code.
        const workOrderKey = operation.entity === 'workOrderMaterials' ? record.workOrderKey : operation.entity === 'documents' ? (record.entityKeys as string[])[0] : undefined;
        const workOrder = typeof workOrderKey === 'string' ? await appDb.workOrders.get([operation.connectionId, workOrderKey]) : undefined;
        const code = (workOrder?.code ?? record.code ?? record.orderNo ?? null) as string | null;
        const title = (record.title ?? record.name ?? null) as string | null;
        return { operation, code: code ?? codeless[operation.entity] ?? null, title };
      }),
    );
    const wanted = new Map<string, [table: string, connectionId: string, key: string]>();
    for (const operation of operations) {
      for (const [field, value] of shownValues(operation)) {
        const table = tableOf(field, operation.entity);
        if (table && typeof value === 'string' && value) wanted.set(nameKey(table, operation.connectionId, value), [table, operation.connectionId, value]);
      }
    }
    const names = new Map<string, string>();
    await Promise.all(
      [...wanted.values()].map(async ([table, connectionId, key]) => {
        const record = (await (appDb.table(table) as Table<Named, [string, string]>).get([connectionId, key])) ?? null;
        const name = record?.name ?? record?.title ?? record?.code;
        if (name) names.set(nameKey(table, connectionId, key), name);
      }),
    );
    return { entries, names };
  }, []);
}

/** A field's value as people read it: names for keys, dates in their locale, "none" for nothing. */
export function describeValue(names: ReadonlyMap<string, string>, operation: OutboxOperation, field: string, value: FieldValue | undefined): string {
  if (value === null || value === undefined || value === '') return 'none';
  const table = tableOf(field, operation.entity);
  if (table && typeof value === 'string') return names.get(nameKey(table, operation.connectionId, value)) ?? value;
  if (isInstantField(field) && typeof value === 'string') return formatDateTime(value);
  return String(value);
}

const actionLabels: Record<OutboxOperation['action'], string> = {
  setWorkOrderStatus: 'Status change',
  updateWorkOrder: 'Edit',
  createWorkOrder: 'New work order',
  createPurchaseOrder: 'New purchase order',
  setPurchaseOrderStatus: 'Status change',
  adjustInventory: 'Stock adjustment',
  createServiceRequest: 'New service request',
  approveServiceRequest: 'Request approved into a work order',
  mergeServiceRequest: 'Request merged into this work order',
  addWorkOrderPart: 'Part added to a work order',
  recordPartUse: 'Part used',
  attachDocument: 'Photo or file attached',
};

export const actionLabel = (operation: OutboxOperation) => actionLabels[operation.action];

/** "Status → In progress; Severity → High", the reason given when there is one ("Quantity → 12 (reason: cycle count)"), and a new part by its name ("V-belt: Needed → 2; Used → 2"). */
export function describeChanges(names: ReadonlyMap<string, string>, operation: OutboxOperation): string {
  if (operation.action === 'attachDocument') return attachmentSummary(operation);
  const changes = Object.entries(operation.changes)
    .filter(([field]) => operation.action !== 'addWorkOrderPart' || !partLineKeys.has(field))
    .map(([field, value]) => `${fieldLabel(field)} → ${describeValue(names, operation, field, value)}`)
    .join('; ');
  if (operation.action === 'addWorkOrderPart' && typeof operation.display.name === 'string') return `${operation.display.name}: ${changes}`;
  return operation.reason ? `${changes} (reason: ${operation.reason})` : changes;
}
