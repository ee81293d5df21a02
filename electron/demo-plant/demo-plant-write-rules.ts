/**
 * What the demo plant's write routes take and require: the one place its validation rules are
 * written down, so the app's capability matrix for provider "demo-plant" can be checked against
 * them in tests. Pure data; safe to import from anywhere.
 *
 * Makini passes writes on to the plant's own system, and each system has its own required fields
 * (../shared/makini-api/platform-validation.md). The demo plant reports provider "demo-plant" from
 * GET /api/integrations/current and requires what MaintainX requires to create a work order
 * (title and siteKey), a site and a vendor to create a purchase order, and what eMaint requires to
 * create a service request (userRequestedKey and title).
 */

/** The provider GET /api/integrations/current reports for the demo plant. */
export const demoPlantProvider = 'demo-plant';

/** The severities the demo plant's work orders use; writes must use one of them. */
export const demoPlantSeverities = ['Low', 'Medium', 'High', 'Critical'] as const;

/** The spec's request fields for POST /api/eam/work-orders and PUT /api/eam/work-orders/{key}. */
export const workOrderRequestFields = [
  'title',
  'statusKey',
  'scheduledAt',
  'siteKey',
  'locationKey',
  'storeroomKey',
  'assetKey',
  'assetDowntimeKey',
  'serviceRequestKey',
  'pmKey',
  'teamKey',
  'laborAssignedKey',
  'accountKey',
  'userApprovedKey',
  'code',
  'instructions',
  'severity',
  'estimatedTime',
  'actualTime',
  'roleName',
  'categoryName',
  'documents',
  'tasks',
  'notes',
  'approvedAt',
  'dueAt',
  'completedAt',
  'completionRemarks',
  'createdAt',
  'updatedAt',
  'deletedAt',
  /** Not in the spec's WorkOrder: MaintainX and others call instructions "description"; stored as instructions. */
  'description',
] as const;

/** The spec's request fields for POST /api/eam/purchase-orders, plus the demo plant's `lineItems` extension. */
export const purchaseOrderRequestFields = [
  'siteKey',
  'vendorKey',
  'code',
  'orderNo',
  'orderDate',
  'statusKey',
  'title',
  'description',
  'dueAt',
  'approvedAt',
  'completedAt',
  'shippingMethod',
  'terms',
  'notes',
  'currencyKey',
  'totalNetValue',
  'totalTaxValue',
  'totalGrossValue',
  'createdAt',
  'updatedAt',
  /** Demo-plant extension (the spec has no way to send lines): [{materialKey, quantity, price?}]. */
  'lineItems',
] as const;

/** The spec's request fields for POST /api/eam/service-requests. */
export const serviceRequestRequestFields = ['userRequestedKey', 'title', 'assetKey', 'description'] as const;

/** The spec's request fields for PUT /api/eam/inventories/{key} and PUT /api/eam/materials/{key}/inventory. */
export const inventoryRequestFields = ['code', 'name', 'quantity', 'unitCost', 'locationKey'] as const;

/**
 * The spec's request fields for POST /api/eam/work-orders/{key}/materials and PUT
 * /api/eam/work-orders/{key}/materials/{materialKey}: a part planned for and used on a work order.
 * `usedQuantity` is stored and served as the MaterialItem's `quantity` (the spec's name for it on
 * the read side); `storeroomKey` is the location the parts are taken from.
 */
export const workOrderMaterialRequestFields = ['materialKey', 'storeroomKey', 'requiredQuantity', 'usedQuantity'] as const;

export type DemoPlantWriteOperation =
  | 'createWorkOrder'
  | 'updateWorkOrder'
  | 'updateWorkOrderStatus'
  | 'createPurchaseOrder'
  | 'updatePurchaseOrderStatus'
  | 'updateInventory'
  | 'updateMaterialInventory'
  | 'createServiceRequest'
  | 'addWorkOrderMaterial'
  | 'updateWorkOrderMaterial';

export interface DemoPlantWriteRule {
  method: 'POST' | 'PUT';
  /** Under the API's base address; {key} is the record's key, {materialKey} a part's (the one line of the work order for that part). */
  path: string;
  /** The body fields the route takes; any other field is a 422 VALIDATION_ERROR. */
  fields: readonly string[];
  /** Fields that must be present, non-null and non-empty. */
  required: readonly string[];
  /** Fields that may be left out but not cleared (sent as null or ""). On creates, null is the same as leaving a field out. */
  notClearable: readonly string[];
}

export const demoPlantWriteRules: Record<DemoPlantWriteOperation, DemoPlantWriteRule> = {
  createWorkOrder: {
    method: 'POST',
    path: '/api/eam/work-orders',
    fields: workOrderRequestFields,
    required: ['title', 'siteKey'],
    notClearable: [],
  },
  updateWorkOrder: {
    method: 'PUT',
    path: '/api/eam/work-orders/{key}',
    fields: workOrderRequestFields,
    required: [],
    // A service request merged into the work order stays linked: the spec has no way to undo it.
    notClearable: ['title', 'siteKey', 'statusKey', 'serviceRequestKey'],
  },
  updateWorkOrderStatus: {
    method: 'PUT',
    path: '/api/eam/work-orders/{key}/status',
    fields: ['statusKey'],
    required: ['statusKey'],
    notClearable: [],
  },
  createPurchaseOrder: {
    method: 'POST',
    path: '/api/eam/purchase-orders',
    fields: purchaseOrderRequestFields,
    required: ['siteKey', 'vendorKey'],
    notClearable: [],
  },
  updatePurchaseOrderStatus: {
    method: 'PUT',
    path: '/api/eam/purchase-orders/{key}/status',
    fields: ['status'],
    required: ['status'],
    notClearable: [],
  },
  updateInventory: {
    method: 'PUT',
    path: '/api/eam/inventories/{key}',
    fields: inventoryRequestFields,
    required: [],
    notClearable: ['quantity', 'locationKey'],
  },
  updateMaterialInventory: {
    method: 'PUT',
    path: '/api/eam/materials/{key}/inventory',
    fields: inventoryRequestFields,
    // locationKey is required only when the part is stocked at more than one location.
    required: [],
    notClearable: ['quantity', 'locationKey'],
  },
  createServiceRequest: {
    method: 'POST',
    path: '/api/eam/service-requests',
    fields: serviceRequestRequestFields,
    required: ['title', 'userRequestedKey'],
    notClearable: [],
  },
  addWorkOrderMaterial: {
    method: 'POST',
    path: '/api/eam/work-orders/{key}/materials',
    fields: workOrderMaterialRequestFields,
    // The spec marks both quantities "numeric|required"; one line per part and work order.
    required: ['materialKey', 'requiredQuantity', 'usedQuantity'],
    notClearable: [],
  },
  updateWorkOrderMaterial: {
    method: 'PUT',
    path: '/api/eam/work-orders/{key}/materials/{materialKey}',
    fields: workOrderMaterialRequestFields,
    // The spec marks both quantities required here too, and the app sends both; the plant takes
    // any subset, as its other updates do. materialKey, when sent, must be the path's.
    required: [],
    notClearable: ['materialKey', 'storeroomKey', 'requiredQuantity', 'usedQuantity'],
  },
};

/**
 * POST /api/eam/documents, the one write whose body is the spec's multipart/form-data rather than
 * JSON (so not among demoPlantWriteRules): the parts it takes, those it requires, and its limits.
 */
export const documentUploadRule = {
  method: 'POST',
  path: '/api/eam/documents',
  /** `entityKeys[]` may be repeated: each the key of a work order, asset or service request the document belongs to. */
  parts: ['file', 'name', 'entityKeys[]'],
  required: ['file', 'name'],
  /** 10 MiB: a larger file is refused 413. */
  maxFileBytes: 10 * 1024 * 1024,
  /** The name, trimmed, is 1 to this many characters. */
  maxNameLength: 255,
  maxEntityKeys: 100,
} as const;

/** How many Idempotency-Key answers the plant keeps (the newest); older keys are forgotten. */
export const idempotencyKeysKept = 100_000;
/** The longest Idempotency-Key the plant accepts. */
export const idempotencyKeyMaxLength = 255;
