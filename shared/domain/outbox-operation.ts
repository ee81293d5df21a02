import { z } from 'zod';
import { appErrorShapeSchema } from '../errors';

/** What a user can change offline; each is one write of a connector's RecordWriter (Makini's EAM API today). */
export const writeActions = [
  'setWorkOrderStatus',
  'updateWorkOrder',
  'createWorkOrder',
  'createPurchaseOrder',
  'setPurchaseOrderStatus',
  'adjustInventory',
  'createServiceRequest',
  'approveServiceRequest',
  'mergeServiceRequest',
  'addWorkOrderPart',
  'recordPartUse',
  'attachDocument',
] as const;
export type WriteAction = (typeof writeActions)[number];

/**
 * Writes that make a new record (the cache holds it under a `local:` key until the server
 * answers). Approving a service request makes its work order.
 */
export const createActions: readonly WriteAction[] = ['createWorkOrder', 'createPurchaseOrder', 'createServiceRequest', 'approveServiceRequest', 'addWorkOrderPart', 'attachDocument'];
export const isCreateAction = (action: WriteAction) => createActions.includes(action);

/** The cached entity each action writes to. */
export const writeActionEntity = {
  setWorkOrderStatus: 'workOrders',
  updateWorkOrder: 'workOrders',
  createWorkOrder: 'workOrders',
  createPurchaseOrder: 'purchaseOrders',
  setPurchaseOrderStatus: 'purchaseOrders',
  adjustInventory: 'inventories',
  createServiceRequest: 'serviceRequests',
  approveServiceRequest: 'workOrders',
  mergeServiceRequest: 'workOrders',
  addWorkOrderPart: 'workOrderMaterials',
  recordPartUse: 'workOrderMaterials',
  attachDocument: 'documents',
} as const satisfies Record<WriteAction, string>;
export type WritableEntity = (typeof writeActionEntity)[WriteAction];

export const fieldValueSchema = z.union([z.string(), z.number(), z.null()]);
export type FieldValue = z.infer<typeof fieldValueSchema>;
const fieldsSchema = z.record(z.string().min(1), fieldValueSchema);

export const outboxLineItemSchema = z.object({
  materialKey: z.string().min(1),
  quantity: z.number().positive(),
  price: z.number().nonnegative().nullable(),
});
export type OutboxLineItem = z.infer<typeof outboxLineItemSchema>;

/** A field sent under another name and value than the domain's (MaintainX takes the assignee as the technician's user account). */
export const sentAsSchema = z.object({ field: z.string().min(1), value: fieldValueSchema });
export type SentAs = z.infer<typeof sentAsSchema>;

export const outboxStates = ['pending', 'sending', 'done', 'conflict', 'rejected'] as const;
export type OutboxState = (typeof outboxStates)[number];
/** States that still owe the server something: the record keeps its pending mark. */
export const unsettledStates: readonly OutboxState[] = ['pending', 'sending', 'conflict', 'rejected'];

/** A field changed both here and upstream since the edit was made. */
export const fieldConflictSchema = z.object({
  field: z.string(),
  /** The value when the edit was made. */
  base: fieldValueSchema,
  mine: fieldValueSchema,
  theirs: fieldValueSchema,
  /** When upstream last changed the record. */
  theirsUpdatedAt: z.string(),
  /** Upstream's values of the fields shown with this one (a status's name and completion date), taken with theirs. */
  theirsShown: z.record(z.string().min(1), fieldValueSchema).optional(),
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;

/** Prefix of the key a record created offline carries until the server gives it its own. */
export const localKeyPrefix = 'local:';
export const isLocalKey = (key: string) => key.startsWith(localKeyPrefix);

/**
 * One offline edit waiting for (or done with) the server. `id` is client-made and sent as the
 * Idempotency-Key, so a retry after a crash cannot apply it twice. Operations of one record are
 * pushed in `seq` order.
 */
export const outboxOperationSchema = z.object({
  id: z.string().min(8),
  /** Order of creation, assigned by the store. */
  seq: z.number().int().nonnegative().optional(),
  connectionId: z.string().min(1),
  action: z.enum(writeActions),
  entity: z.enum(['workOrders', 'purchaseOrders', 'inventories', 'serviceRequests', 'workOrderMaterials', 'documents']),
  /** The record's key; `local:…` for a record created offline until the server answers. */
  key: z.string().min(1),
  /** The record's updatedAt when the edit was made; null for creates. */
  baseUpdatedAt: z.string().nullable(),
  /** The fields sent upstream (domain names) and their new values. */
  changes: fieldsSchema,
  /** Those fields' values when the edit was made, to tell upstream changes from ours. */
  base: fieldsSchema,
  /** Fields shown locally beside the changes (e.g. a status name for a status key). */
  display: fieldsSchema,
  lineItems: z.array(outboxLineItemSchema).optional(),
  /** Why the user made the change, kept with it here when the system takes no reason (a stock adjustment). Not sent. */
  reason: z.string().min(1).max(500).optional(),
  /** Domain fields of `changes` the system takes as another field: sent as that instead. */
  sendAs: z.record(z.string().min(1), sentAsSchema).optional(),
  createdAt: z.string(),
  attempts: z.number().int().nonnegative(),
  state: z.enum(outboxStates),
  /** Why the last attempt failed, or why the server refused it. */
  error: appErrorShapeSchema.nullable(),
  conflicts: z.array(fieldConflictSchema),
  /**
   * The Idempotency-Key its write carries, when not `id`: an edit sent again after its conflict
   * was settled is a new request (its first may have been applied before a crash, and the plant
   * would answer the new one with that old answer instead of applying it).
   */
  idempotencyKey: z.string().min(8).optional(),
});
export type OutboxOperation = z.infer<typeof outboxOperationSchema>;
