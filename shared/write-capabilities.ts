import type { WriteAction } from './domain/outbox-operation';

/** Work-order fields a supervisor edits from the board. */
export const editableWorkOrderFields = ['laborAssignedKey', 'teamKey', 'scheduledAt', 'dueAt', 'severity', 'notes'] as const;
export type EditableWorkOrderField = (typeof editableWorkOrderFields)[number];

export interface WriteCapabilities {
  /** The system, as people call it. */
  label: string;
  actions: readonly WriteAction[];
  /** Fields a new work order must have. */
  createWorkOrderRequired: readonly string[];
  /** Work-order fields the system lets us change. */
  updateWorkOrderFields: readonly EditableWorkOrderField[];
  /** Fields every work-order update must carry, changed or not; the pusher fills them from the record. */
  updateWorkOrderRequired: readonly string[];
  /** Fields a new purchase order must have. */
  createPurchaseOrderRequired: readonly string[];
}

const allActions: readonly WriteAction[] = [
  'setWorkOrderStatus',
  'updateWorkOrder',
  'createWorkOrder',
  'createPurchaseOrder',
  'setPurchaseOrderStatus',
  'adjustInventory',
];

/**
 * What each system behind Makini accepts, from Makini's platform validation notes
 * (`../shared/makini-api/platform-validation.md`). Systems the notes do not list get the full
 * unified API and the server's own validation; a refusal lands in the outbox as `rejected`.
 */
const byProvider: Readonly<Record<string, WriteCapabilities>> = {
  'demo-plant': {
    label: 'Demo plant',
    actions: allActions,
    createWorkOrderRequired: ['title', 'siteKey'],
    updateWorkOrderFields: editableWorkOrderFields,
    updateWorkOrderRequired: [],
    createPurchaseOrderRequired: ['siteKey', 'vendorKey'],
  },
  emaint: {
    label: 'eMaint',
    actions: allActions,
    createWorkOrderRequired: ['assetKey', 'title', 'scheduledAt'],
    updateWorkOrderFields: ['scheduledAt', 'dueAt'],
    updateWorkOrderRequired: [],
    createPurchaseOrderRequired: [],
  },
  maintainx: {
    label: 'MaintainX',
    actions: allActions,
    createWorkOrderRequired: ['siteKey', 'title'],
    updateWorkOrderFields: ['scheduledAt', 'dueAt', 'severity', 'laborAssignedKey'],
    updateWorkOrderRequired: ['siteKey', 'title'],
    createPurchaseOrderRequired: [],
  },
  inextia: {
    label: 'Inextia',
    actions: allActions,
    createWorkOrderRequired: ['assetKey', 'title', 'severity', 'scheduledAt'],
    updateWorkOrderFields: ['severity', 'scheduledAt'],
    updateWorkOrderRequired: [],
    createPurchaseOrderRequired: [],
  },
  'infor-e': {
    label: 'Infor EAM',
    actions: allActions,
    createWorkOrderRequired: ['assetKey', 'title'],
    updateWorkOrderFields: ['teamKey'],
    updateWorkOrderRequired: ['assetKey'],
    createPurchaseOrderRequired: [],
  },
  upkeep: {
    label: 'UpKeep',
    actions: allActions,
    createWorkOrderRequired: ['assetKey', 'title', 'severity', 'scheduledAt'],
    updateWorkOrderFields: ['severity', 'scheduledAt'],
    updateWorkOrderRequired: [],
    createPurchaseOrderRequired: [],
  },
  // ServiceChannel needs an organization and an account on every new work order, which the
  // board has no way to choose: creating is not offered there.
  'service-channel': {
    label: 'ServiceChannel',
    actions: allActions.filter((action) => action !== 'createWorkOrder'),
    createWorkOrderRequired: ['organizationKey', 'siteKey', 'accountKey', 'title', 'description', 'severity', 'scheduledAt'],
    updateWorkOrderFields: ['severity', 'scheduledAt', 'dueAt'],
    updateWorkOrderRequired: [],
    createPurchaseOrderRequired: [],
  },
};

const unlisted: Omit<WriteCapabilities, 'label'> = {
  actions: allActions,
  createWorkOrderRequired: ['title'],
  updateWorkOrderFields: editableWorkOrderFields,
  updateWorkOrderRequired: [],
  createPurchaseOrderRequired: [],
};

/** "MAINTAIN-X", "MaintainX" and "maintain_x" are one system. */
const normalise = (provider: string) => provider.toLowerCase().replace(/[\s_]+/g, '-').replace(/^maintain-x$/, 'maintainx');

export function writeCapabilities(provider: string | null): WriteCapabilities {
  if (!provider) return { label: 'Unknown system', ...unlisted };
  return byProvider[normalise(provider)] ?? { label: provider, ...unlisted };
}

/** The required fields a draft lacks (empty strings count as missing). */
export function missingFields(required: readonly string[], draft: Readonly<Record<string, unknown>>): string[] {
  return required.filter((field) => draft[field] === undefined || draft[field] === null || draft[field] === '');
}
