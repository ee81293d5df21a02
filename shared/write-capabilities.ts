import { z } from 'zod';
import { writeActions, type WriteAction } from './domain/outbox-operation';

/** Work-order fields a supervisor edits from the board. */
export const editableWorkOrderFields = ['laborAssignedKey', 'teamKey', 'scheduledAt', 'dueAt', 'severity', 'notes', 'actualTime', 'completionRemarks'] as const;
export type EditableWorkOrderField = (typeof editableWorkOrderFields)[number];

/** The field a system takes a work order's assignee in: a technician (labor) or a user account. */
export const assigneeFields = ['laborAssignedKey', 'userAssignedKey'] as const;
export type AssigneeField = (typeof assigneeFields)[number];

/** What a connection's system accepts from Millwright; it travels to the renderer in each ConnectionView. */
export const writeCapabilitiesSchema = z.object({
  /** The system, as people call it. */
  label: z.string(),
  /** The writes offered; empty for a connection that only reads (its kind has no writer). */
  actions: z.array(z.enum(writeActions)).readonly(),
  /**
   * Offered writes Makini's validation notes say nothing about for this system: Millwright sends
   * them and shows the system's answer, refusal included, and says so beside the action.
   */
  unverifiedActions: z.array(z.enum(writeActions)).readonly(),
  /** Fields a new work order must have. */
  createWorkOrderRequired: z.array(z.string()).readonly(),
  /** Work-order fields the system lets us change. */
  updateWorkOrderFields: z.array(z.enum(editableWorkOrderFields)).readonly(),
  /** Fields every work-order update must carry, changed or not; the pusher fills them from the record. */
  updateWorkOrderRequired: z.array(z.string()).readonly(),
  /** How the system takes a work order's assignee: MaintainX takes the technician's user account. */
  assigneeField: z.enum(assigneeFields),
  /** Fields a new purchase order must have. */
  createPurchaseOrderRequired: z.array(z.string()).readonly(),
  /** Fields a new service request must have. */
  createServiceRequestRequired: z.array(z.string()).readonly(),
});
export type WriteCapabilities = z.infer<typeof writeCapabilitiesSchema>;

/** A system Millwright only reads from: nothing is offered for editing and nothing is sent. */
export function readOnlyWriteCapabilities(label: string): WriteCapabilities {
  return {
    label,
    actions: [],
    unverifiedActions: [],
    createWorkOrderRequired: [],
    updateWorkOrderFields: [],
    updateWorkOrderRequired: [],
    assigneeField: 'laborAssignedKey',
    createPurchaseOrderRequired: [],
    createServiceRequestRequired: [],
  };
}

/** The writes Makini's notes cover for every system they list: creating and updating work orders. */
const documentedForAll: readonly WriteAction[] = ['createWorkOrder', 'updateWorkOrder'];

type ListedSystem = Omit<WriteCapabilities, 'actions' | 'unverifiedActions' | 'createPurchaseOrderRequired' | 'createServiceRequestRequired'> & {
  actions?: readonly WriteAction[];
  /** The fields of a new service request, for a system the notes give them for. */
  createServiceRequestRequired?: readonly string[];
};

/**
 * What each system behind Makini accepts, as Makini's platform validation notes
 * (`../shared/makini-api/platform-validation.md`) say, and nothing more: the notes give each
 * listed system's fields for creating and updating work orders, so those writes are known; for
 * every other write (status, purchase orders, inventory) the notes are silent, so it is offered
 * as unverified. `test/unit/write-capabilities-notes.test.ts` checks each row of the notes here.
 */
const listedSystems: Readonly<Record<string, ListedSystem>> = {
  emaint: {
    label: 'eMaint',
    createWorkOrderRequired: ['assetKey', 'title', 'scheduledAt'],
    updateWorkOrderFields: ['scheduledAt', 'dueAt'],
    updateWorkOrderRequired: [],
    assigneeField: 'laborAssignedKey',
    createServiceRequestRequired: ['userRequestedKey', 'title'],
  },
  maintainx: {
    label: 'MaintainX',
    createWorkOrderRequired: ['siteKey', 'title'],
    updateWorkOrderFields: ['scheduledAt', 'dueAt', 'severity', 'laborAssignedKey'],
    updateWorkOrderRequired: ['siteKey', 'title'],
    assigneeField: 'userAssignedKey',
  },
  inextia: {
    label: 'Inextia',
    createWorkOrderRequired: ['assetKey', 'title', 'severity', 'scheduledAt'],
    updateWorkOrderFields: ['severity', 'scheduledAt'],
    updateWorkOrderRequired: [],
    assigneeField: 'laborAssignedKey',
  },
  'infor-e': {
    label: 'Infor EAM',
    createWorkOrderRequired: ['assetKey', 'title'],
    updateWorkOrderFields: ['teamKey'],
    updateWorkOrderRequired: ['assetKey'],
    assigneeField: 'laborAssignedKey',
  },
  upkeep: {
    label: 'UpKeep',
    createWorkOrderRequired: ['assetKey', 'title', 'severity', 'scheduledAt'],
    updateWorkOrderFields: ['severity', 'scheduledAt'],
    updateWorkOrderRequired: [],
    assigneeField: 'laborAssignedKey',
  },
  // ServiceChannel needs an organization and an account on every new work order, which the
  // board has no way to choose: creating one (approving a request makes one) is not offered there.
  'service-channel': {
    label: 'ServiceChannel',
    actions: writeActions.filter((action) => action !== 'createWorkOrder' && action !== 'approveServiceRequest'),
    createWorkOrderRequired: ['organizationKey', 'siteKey', 'accountKey', 'title', 'description', 'severity', 'scheduledAt'],
    updateWorkOrderFields: ['severity', 'scheduledAt', 'dueAt'],
    updateWorkOrderRequired: [],
    assigneeField: 'laborAssignedKey',
  },
};

function listed({ actions = writeActions, createServiceRequestRequired, ...system }: ListedSystem): WriteCapabilities {
  const documented = [...documentedForAll, ...(createServiceRequestRequired ? (['createServiceRequest'] as const) : [])];
  return {
    ...system,
    actions,
    unverifiedActions: actions.filter((action) => !documented.includes(action)),
    createPurchaseOrderRequired: [],
    createServiceRequestRequired: createServiceRequestRequired ?? ['title'],
  };
}

/** Millwright's own demo plant: its rules are its own (electron/demo-plant/demo-plant-write-rules.ts), every write known. */
const demoPlant: WriteCapabilities = {
  label: 'Demo plant',
  actions: writeActions,
  unverifiedActions: [],
  createWorkOrderRequired: ['title', 'siteKey'],
  updateWorkOrderFields: editableWorkOrderFields,
  updateWorkOrderRequired: [],
  assigneeField: 'laborAssignedKey',
  createPurchaseOrderRequired: ['siteKey', 'vendorKey'],
  createServiceRequestRequired: ['title', 'userRequestedKey'],
};

/**
 * A system the notes do not list (SAP, Maximo, …): nothing is known, so everything is offered,
 * sent as the unified API words it, and the system's own validation answers. The title is the
 * board's own need: a work order without one cannot be shown.
 */
const unlisted = (label: string): WriteCapabilities => ({
  label,
  actions: writeActions,
  unverifiedActions: writeActions,
  createWorkOrderRequired: ['title'],
  updateWorkOrderFields: editableWorkOrderFields,
  updateWorkOrderRequired: [],
  assigneeField: 'laborAssignedKey',
  createPurchaseOrderRequired: [],
  createServiceRequestRequired: ['title'],
});

/** "MAINTAIN-X", "MaintainX" and "maintain_x" are one system. */
export const normaliseProvider = (provider: string) => provider.toLowerCase().replace(/[\s_]+/g, '-').replace(/^maintain-x$/, 'maintainx');

/**
 * What a Makini connection (a demo plant included) accepts, by the system behind Makini. A
 * connection's own capabilities, whatever its kind, are in its ConnectionView (`writes`).
 */
export function writeCapabilities(provider: string | null): WriteCapabilities {
  if (!provider) return unlisted('Unknown system');
  const name = normaliseProvider(provider);
  if (name === 'demo-plant') return demoPlant;
  const system = listedSystems[name];
  return system ? listed(system) : unlisted(provider);
}

/** Each write as a supervisor would name it. */
const actionPhrases: Readonly<Record<WriteAction, string>> = {
  setWorkOrderStatus: 'status changes',
  updateWorkOrder: 'work-order edits',
  createWorkOrder: 'new work orders',
  createPurchaseOrder: 'new purchase orders',
  setPurchaseOrderStatus: 'purchase-order status changes',
  adjustInventory: 'stock adjustments',
  createServiceRequest: 'new service requests',
  approveServiceRequest: 'work orders made from a service request',
  mergeServiceRequest: 'a service request merged into a work order',
  addWorkOrderPart: 'parts added to a work order',
  recordPartUse: 'parts used on a work order',
  attachDocument: 'photos and files attached',
};

/** The plain sentence shown beside an action the notes say nothing about for the connected system; null when they cover it. */
export function unverifiedNote(capabilities: WriteCapabilities, action: WriteAction): string | null {
  if (!capabilities.unverifiedActions.includes(action)) return null;
  const { label } = capabilities;
  return `Makini’s notes do not say whether ${label} takes ${actionPhrases[action]}: Millwright sends them and shows ${label}’s answer on Pending changes.`;
}

/** The fields a new record of this write must have; none for a write that changes a record. */
export function requiredToCreate(capabilities: WriteCapabilities, action: WriteAction): readonly string[] {
  if (action === 'createWorkOrder' || action === 'approveServiceRequest') return capabilities.createWorkOrderRequired;
  if (action === 'createPurchaseOrder') return capabilities.createPurchaseOrderRequired;
  if (action === 'createServiceRequest') return capabilities.createServiceRequestRequired;
  return [];
}

/** The required fields a draft lacks (empty strings count as missing). */
export function missingFields(required: readonly string[], draft: Readonly<Record<string, unknown>>): string[] {
  return required.filter((field) => draft[field] === undefined || draft[field] === null || draft[field] === '');
}
