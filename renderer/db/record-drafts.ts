import type { FieldValue, WritableEntity } from '../../shared/domain/outbox-operation';
import { syncEntityRecordSchemas, type SyncEntityRecord } from '../../shared/domain/sync-entity';

interface DraftInput {
  connectionId: string;
  key: string;
  now: string;
  fields: Record<string, FieldValue>;
}

/** Every field of a new record that the user did not fill in, empty. */
const blanks: { [E in WritableEntity]: Omit<SyncEntityRecord<E>, 'connectionId' | 'key' | 'updatedAt' | 'deletedAt'> } = {
  workOrders: {
    code: 'New',
    title: '',
    statusKey: null,
    status: null,
    siteKey: null,
    locationKey: null,
    assetKey: null,
    teamKey: null,
    laborAssignedKey: null,
    pmKey: null,
    serviceRequestKey: null,
    severity: null,
    estimatedTime: null,
    actualTime: null,
    completionRemarks: null,
    notes: null,
    scheduledAt: null,
    dueAt: null,
    completedAt: null,
    createdAt: null,
    tasks: [],
  },
  purchaseOrders: {
    orderNo: null,
    title: '',
    statusKey: null,
    siteKey: null,
    vendorKey: null,
    orderDate: null,
    dueAt: null,
    totalNetValue: null,
  },
  inventories: { name: '', code: null, quantity: null, unitCost: null, locationKey: null },
  documents: { name: '', entityKeys: [], url: null, type: null, contentType: null, description: null, notes: null, createdAt: null },
  workOrderMaterials: { workOrderKey: null, materialKey: null, name: '', partNumber: null, requiredQuantity: null, usedQuantity: null },
  serviceRequests: {
    title: '',
    description: null,
    statusKey: null,
    siteKey: null,
    locationKey: null,
    assetKey: null,
    workOrderKey: null,
    userRequestedKey: null,
    userApprovedKey: null,
    teamKey: null,
    laborAssignedKey: null,
    severity: null,
    notes: null,
    approvedAt: null,
    dueAt: null,
    createdAt: null,
  },
};

/** A record made offline, as the cache holds it until the server answers with its own version. */
export function draftRecord<E extends WritableEntity>(entity: E, { connectionId, key, now, fields }: DraftInput): SyncEntityRecord<E> {
  // An attachment is sent with the one record it is for (fields hold no lists); the cache keeps it as the system will.
  const links = entity === 'documents' && typeof fields.entityKey === 'string' ? { entityKeys: [fields.entityKey] } : {};
  const draft = { ...blanks[entity], createdAt: now, ...fields, ...links, connectionId, key, updatedAt: now, deletedAt: null };
  return syncEntityRecordSchemas[entity].parse(draft) as SyncEntityRecord<E>;
}
