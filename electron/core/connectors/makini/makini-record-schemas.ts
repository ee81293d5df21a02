import { z } from 'zod';
import type { components } from './makini-eam-api';
import { deletionInstant, flag, instant, keyList, numeric, optionalInstant, text } from './makini-wire-fields';

type Wire = components['schemas'];
/** The fields a schema reads, restricted to the names Makini's spec gives that entity. */
type FieldsOf<T> = Partial<Record<keyof T, z.ZodType>>;

/*
 * The wire shape of each record Millwright reads, checked against the field names Makini's spec
 * gives that entity (the adapters map them into domain records).
 */

/** Every record's identity and change times. */
const base = {
  key: z.union([z.string().min(1), z.number()]).transform(String),
  updatedAt: instant,
  deletedAt: deletionInstant,
};

export const site = z.object({ ...base, code: text, name: text } satisfies FieldsOf<Wire['Site']>);
export const status = z.object({ ...base, name: text, code: text, isActive: flag } satisfies FieldsOf<Wire['Status']>);
export const asset = z.object({
  ...base,
  name: text,
  siteKey: text,
  locationKey: text,
  parentKey: text,
  categoryName: text,
  criticality: text,
  isActive: flag,
} satisfies FieldsOf<Wire['Asset']>);
/** A task's checkList is not read (see WorkOrderTask), so its shape cannot fail a work order. */
const task = z.object({ key: text, code: text, title: text, description: text, priority: text } satisfies FieldsOf<Wire['Task']>);
export const workOrder = z.object({
  ...base,
  code: text,
  title: text,
  statusKey: text,
  status: text,
  siteKey: text,
  locationKey: text,
  assetKey: text,
  teamKey: text,
  laborAssignedKey: text,
  pmKey: text,
  serviceRequestKey: text,
  severity: text,
  estimatedTime: z.union([z.string(), z.number()]).nullish(),
  actualTime: z.union([z.string(), z.number()]).nullish(),
  completionRemarks: text,
  notes: text,
  scheduledAt: optionalInstant,
  dueAt: optionalInstant,
  completedAt: optionalInstant,
  createdAt: optionalInstant,
  tasks: z.array(task).nullish(),
} satisfies FieldsOf<Wire['WorkOrder']>);

export const serviceRequest = z.object({
  ...base,
  title: text,
  description: text,
  statusKey: text,
  siteKey: text,
  locationKey: text,
  assetKey: text,
  workOrderKey: text,
  userRequestedKey: text,
  userApprovedKey: text,
  teamKey: text,
  laborAssignedKey: text,
  severity: text,
  notes: text,
  approvedAt: optionalInstant,
  dueAt: optionalInstant,
  createdAt: optionalInstant,
} satisfies FieldsOf<Wire['ServiceRequest']>);

/** A downtime period: its start must read as a time (a stop without one cannot be placed); a missing or unreadable end means the asset is still down. */
export const assetDowntime = z.object({
  ...base,
  assetKey: text,
  description: text,
  startedAt: instant,
  endedAt: optionalInstant,
  categoryName: text,
  severity: text,
  notes: text,
} satisfies FieldsOf<Wire['AssetDowntime']>);

/** A photo or file: its entityKeys say what it belongs to (a list, or the list as JSON text as the spec's example has it). */
export const document = z.object({
  ...base,
  entityKeys: keyList,
  name: text,
  url: text,
  type: text,
  contentType: text,
  description: text,
  notes: text,
  createdAt: optionalInstant,
} satisfies FieldsOf<Wire['Document']>);

export const location = z.object({ ...base, name: text, code: text, siteKey: text, parentKey: text } satisfies FieldsOf<Wire['Location']>);
export const team = z.object({ ...base, name: text, code: text } satisfies FieldsOf<Wire['Team']>);
export const user = z.object({ ...base, name: text, roleName: text, isActive: flag } satisfies FieldsOf<Wire['User']>);
export const labor = z.object({ ...base, name: text, firstName: text, lastName: text, code: text, teamKey: text, siteKeys: keyList, userKey: text, roleName: text, isActive: flag } satisfies FieldsOf<Wire['Labor']>);
const pmTrigger = z.object({ type: text, interval: z.union([z.string(), z.number()]).nullish(), recurring: text, condition: text, meterKey: text }).loose();
export const pmPlan = z.object({
  ...base,
  title: text,
  siteKey: text,
  teamKey: text,
  assetKeys: keyList,
  status: text,
  severity: text,
  estimatedTime: z.union([z.string(), z.number()]).nullish(),
  dueAt: optionalInstant,
  triggers: z.array(pmTrigger).nullish(),
} satisfies FieldsOf<Wire['PreventiveMaintenance']>);
export const meter = z.object({
  ...base,
  name: text,
  siteKey: text,
  assetKeys: keyList,
  uomName: text,
  lastReading: numeric,
  lastReadingAt: optionalInstant,
} satisfies Partial<Record<keyof Wire['Counter'] | 'name', z.ZodType>>);
/** Readings have no updatedAt in the spec: they are created, never changed. */
export const meterReading = z.object({ key: base.key, createdAt: instant, deletedAt: deletionInstant, meterKey: text, assetKey: text, reading: numeric } satisfies Partial<
  Record<keyof Wire['CounterReading'] | 'deletedAt', z.ZodType>
>);
export const vendor = z.object({ ...base, name: text, code: text } satisfies FieldsOf<Wire['Vendor']>);
/** A part's embedded inventories are read for their keys only; one without a key is passed over, not a reason to set the part aside. */
const embeddedInventories = z.array(z.unknown()).nullish().transform((items) =>
  (items ?? []).flatMap((item) => {
    const key = typeof item === 'object' && item !== null ? (item as { key?: unknown }).key : undefined;
    return typeof key === 'string' && key !== '' ? [key] : typeof key === 'number' ? [String(key)] : [];
  }),
);
export const material = z.object({ ...base, name: text, code: text, partNumber: text, manufacturerName: text, criticality: text, inventories: embeddedInventories } satisfies FieldsOf<Wire['Material']>);
export const inventory = z.object({ ...base, name: text, code: text, quantity: numeric, unitCost: numeric, locationKey: text } satisfies Partial<
  Record<keyof Wire['Inventory'] | 'deletedAt', z.ZodType>
>);
export const stock = z.object({ ...base, materialKey: text, locationKey: text, storeroomKey: text, quantity: numeric, reorderPoint: numeric, reorderQuantity: numeric, position: text } satisfies FieldsOf<Wire['Stock']>);
export const purchaseOrder = z.object({
  ...base,
  orderNo: text,
  title: text,
  statusKey: text,
  siteKey: text,
  vendorKey: text,
  orderDate: optionalInstant,
  dueAt: optionalInstant,
  totalNetValue: numeric,
} satisfies Partial<Record<keyof Wire['PurchaseOrder'] | 'deletedAt', z.ZodType>>);
/** The spec gives line items no link to their order; the demo plant sends purchaseOrderKey. */
export const lineItem = z.object({
  ...base,
  purchaseOrderKey: text,
  lineNo: z.union([z.string(), z.number()]).nullish(),
  materialKey: text,
  name: text,
  quantity: numeric,
  receivedQuantity: numeric,
  price: numeric,
  statusKey: text,
  dueAt: optionalInstant,
} satisfies Partial<Record<keyof Wire['POLineItem'] | 'purchaseOrderKey', z.ZodType>>);

/**
 * The spec's work-order materials lists declare WorkOrder items, an evident slip: the records are
 * MaterialItems (the schema the spec's other material lists are tagged with, and what the demo
 * plant sends). Every field is optional, so the slip's work orders still read as nameless parts.
 */
export const workOrderMaterial = z.object({
  ...base,
  workOrderKey: text,
  materialKey: text,
  name: text,
  partNumber: text,
  quantity: numeric,
  requiredQuantity: numeric,
} satisfies FieldsOf<Wire['MaterialItem']>);
