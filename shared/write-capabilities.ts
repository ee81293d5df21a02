import { z } from 'zod';
import { writeActions } from './domain/outbox-operation';

/** Work-order fields a supervisor edits from the board. */
export const editableWorkOrderFields = ['laborAssignedKey', 'teamKey', 'scheduledAt', 'dueAt', 'severity', 'notes'] as const;
export type EditableWorkOrderField = (typeof editableWorkOrderFields)[number];

/** What a connection's system accepts from Millwright; it travels to the renderer in each ConnectionView. */
export const writeCapabilitiesSchema = z.object({
  /** The system, as people call it. */
  label: z.string(),
  /** Empty for a connection that only reads (its kind has no writer). */
  actions: z.array(z.enum(writeActions)).readonly(),
  /** Fields a new work order must have. */
  createWorkOrderRequired: z.array(z.string()).readonly(),
  /** Work-order fields the system lets us change. */
  updateWorkOrderFields: z.array(z.enum(editableWorkOrderFields)).readonly(),
  /** Fields every work-order update must carry, changed or not; the pusher fills them from the record. */
  updateWorkOrderRequired: z.array(z.string()).readonly(),
  /** Fields a new purchase order must have. */
  createPurchaseOrderRequired: z.array(z.string()).readonly(),
});
export type WriteCapabilities = z.infer<typeof writeCapabilitiesSchema>;

/** A system Millwright only reads from: nothing is offered for editing and nothing is sent. */
export function readOnlyWriteCapabilities(label: string): WriteCapabilities {
  return { label, actions: [], createWorkOrderRequired: [], updateWorkOrderFields: [], updateWorkOrderRequired: [], createPurchaseOrderRequired: [] };
}

/**
 * What each system behind Makini accepts, from Makini's platform validation notes
 * (`../shared/makini-api/platform-validation.md`). Systems the notes do not list get the full
 * unified API and the server's own validation; a refusal lands in the outbox as `rejected`.
 */
const byProvider: Readonly<Record<string, WriteCapabilities>> = {
  'demo-plant': {
    label: 'Demo plant',
    actions: writeActions,
    createWorkOrderRequired: ['title', 'siteKey'],
    updateWorkOrderFields: editableWorkOrderFields,
    updateWorkOrderRequired: [],
    createPurchaseOrderRequired: ['siteKey', 'vendorKey'],
  },
  emaint: {
    label: 'eMaint',
    actions: writeActions,
    createWorkOrderRequired: ['assetKey', 'title', 'scheduledAt'],
    updateWorkOrderFields: ['scheduledAt', 'dueAt'],
    updateWorkOrderRequired: [],
    createPurchaseOrderRequired: [],
  },
  maintainx: {
    label: 'MaintainX',
    actions: writeActions,
    createWorkOrderRequired: ['siteKey', 'title'],
    updateWorkOrderFields: ['scheduledAt', 'dueAt', 'severity', 'laborAssignedKey'],
    updateWorkOrderRequired: ['siteKey', 'title'],
    createPurchaseOrderRequired: [],
  },
  inextia: {
    label: 'Inextia',
    actions: writeActions,
    createWorkOrderRequired: ['assetKey', 'title', 'severity', 'scheduledAt'],
    updateWorkOrderFields: ['severity', 'scheduledAt'],
    updateWorkOrderRequired: [],
    createPurchaseOrderRequired: [],
  },
  'infor-e': {
    label: 'Infor EAM',
    actions: writeActions,
    createWorkOrderRequired: ['assetKey', 'title'],
    updateWorkOrderFields: ['teamKey'],
    updateWorkOrderRequired: ['assetKey'],
    createPurchaseOrderRequired: [],
  },
  upkeep: {
    label: 'UpKeep',
    actions: writeActions,
    createWorkOrderRequired: ['assetKey', 'title', 'severity', 'scheduledAt'],
    updateWorkOrderFields: ['severity', 'scheduledAt'],
    updateWorkOrderRequired: [],
    createPurchaseOrderRequired: [],
  },
  // ServiceChannel needs an organization and an account on every new work order, which the
  // board has no way to choose: creating is not offered there.
  'service-channel': {
    label: 'ServiceChannel',
    actions: writeActions.filter((action) => action !== 'createWorkOrder'),
    createWorkOrderRequired: ['organizationKey', 'siteKey', 'accountKey', 'title', 'description', 'severity', 'scheduledAt'],
    updateWorkOrderFields: ['severity', 'scheduledAt', 'dueAt'],
    updateWorkOrderRequired: [],
    createPurchaseOrderRequired: [],
  },
};

const unlisted: Omit<WriteCapabilities, 'label'> = {
  actions: writeActions,
  createWorkOrderRequired: ['title'],
  updateWorkOrderFields: editableWorkOrderFields,
  updateWorkOrderRequired: [],
  createPurchaseOrderRequired: [],
};

/** "MAINTAIN-X", "MaintainX" and "maintain_x" are one system. */
const normalise = (provider: string) => provider.toLowerCase().replace(/[\s_]+/g, '-').replace(/^maintain-x$/, 'maintainx');

/**
 * What a Makini connection (a demo plant included) accepts, by the system behind Makini. A
 * connection's own capabilities, whatever its kind, are in its ConnectionView (`writes`).
 */
export function writeCapabilities(provider: string | null): WriteCapabilities {
  if (!provider) return { label: 'Unknown system', ...unlisted };
  return byProvider[normalise(provider)] ?? { label: provider, ...unlisted };
}

/** The required fields a draft lacks (empty strings count as missing). */
export function missingFields(required: readonly string[], draft: Readonly<Record<string, unknown>>): string[] {
  return required.filter((field) => draft[field] === undefined || draft[field] === null || draft[field] === '');
}
