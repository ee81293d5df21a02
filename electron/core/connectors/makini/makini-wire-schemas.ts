import { z } from 'zod';
import type { SyncEntity, SyncEntityRecord } from '../../../../shared/domain/sync-entity';
import type { components, paths } from './makini-eam-api';

type Wire = components['schemas'];
/** The fields a schema reads, restricted to the names Makini's spec gives that entity. */
type FieldsOf<T> = Partial<Record<keyof T, z.ZodType>>;

/**
 * A time the sync depends on (when a record changed, when it was deleted): the cursor orders and
 * resumes by it, so a record whose time cannot be read is set aside with the reason. The spec
 * gives times no format; an ISO-8601 date and time (what Makini sends) or anything `Date.parse`
 * reads is taken.
 */
const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date and time');
/** Optional text: Makini omits fields, sends null, or sends "" for "no value" (normalised by `orNull`). */
const text = z.string().nullish();
/** A deletion time: absent, null or "" mean "not deleted"; anything else must read as a time (deleting on a guess is not safe). */
const deletionInstant = z.union([instant, z.literal('')]).nullish();
/**
 * A time the record only describes (due, scheduled, completed, ordered…): read when it is one,
 * else no value. Lenient where the spec is (it types these as plain strings): one unreadable date
 * does not keep the rest of a work order off the board.
 */
const optionalInstant = z.unknown().optional().transform((value): string | null => (typeof value === 'string' && value !== '' && !Number.isNaN(Date.parse(value)) ? value : null));
/** Real answers send booleans; the spec types flags as strings, and its examples send "true", "false" or even "string". */
const flag = z.union([z.boolean(), z.string()]).nullish();

/** "" and absent mean "no value": one pass per record instead of a transform per field (validation is on the sync's hot path). */
const orNull = (value: string | null | undefined): string | null => (value ? value : null);
/** Quantities and prices: the spec types them as strings or objects; answers send numbers or numeric strings. */
const numeric = z.union([z.number(), z.string()]).nullish();
const toNumber = (value: number | string | null | undefined): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
};
/** Lists of keys: arrays, or the spec examples' "[]"-style strings. */
const keyList = z.union([z.array(z.string()), z.string()]).nullish();
const toKeys = (value: string[] | string | null | undefined): string[] => {
  if (Array.isArray(value)) return value;
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [value];
  } catch {
    return value.split(',').map((item) => item.trim()).filter(Boolean);
  }
};
/** A flag's value, or `otherwise` when it is absent or text that says neither yes nor no. */
const readFlag = (value: boolean | string | null | undefined, otherwise: boolean): boolean => {
  if (typeof value === 'boolean') return value;
  const word = value?.trim().toLowerCase();
  if (word === 'true' || word === '1') return true;
  if (word === 'false' || word === '0') return false;
  return otherwise;
};

const base = {
  key: z.union([z.string().min(1), z.number()]).transform(String),
  updatedAt: instant,
  deletedAt: deletionInstant,
};

const site = z.object({ ...base, code: text, name: text } satisfies FieldsOf<Wire['Site']>);
const status = z.object({ ...base, name: text, code: text, isActive: flag } satisfies FieldsOf<Wire['Status']>);
const asset = z.object({
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
const workOrder = z.object({
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
  severity: text,
  notes: text,
  scheduledAt: optionalInstant,
  dueAt: optionalInstant,
  completedAt: optionalInstant,
  createdAt: optionalInstant,
  tasks: z.array(task).nullish(),
} satisfies FieldsOf<Wire['WorkOrder']>);


const base3 = { key: base.key, updatedAt: instant, deletedAt: deletionInstant };
const baseOut = (r: { key: string; updatedAt: string; deletedAt?: string | null | undefined }) => ({ key: r.key, updatedAt: r.updatedAt, deletedAt: orNull(r.deletedAt) });

const location = z.object({ ...base3, name: text, code: text, siteKey: text, parentKey: text } satisfies FieldsOf<Wire['Location']>);
const team = z.object({ ...base3, name: text, code: text } satisfies FieldsOf<Wire['Team']>);
const user = z.object({ ...base3, name: text, roleName: text, isActive: flag } satisfies FieldsOf<Wire['User']>);
const labor = z.object({ ...base3, name: text, firstName: text, lastName: text, code: text, teamKey: text, userKey: text, roleName: text, isActive: flag } satisfies FieldsOf<Wire['Labor']>);
const pmTrigger = z.object({ type: text, interval: z.union([z.string(), z.number()]).nullish(), recurring: text, condition: text, meterKey: text }).loose();
const pmPlan = z.object({
  ...base3,
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
const meter = z.object({
  ...base3,
  name: text,
  siteKey: text,
  assetKeys: keyList,
  uomName: text,
  lastReading: numeric,
  lastReadingAt: optionalInstant,
} satisfies Partial<Record<keyof Wire['Counter'] | 'name', z.ZodType>>);
/** Readings have no updatedAt in the spec: they are created, never changed. */
const meterReading = z.object({ key: base.key, createdAt: instant, deletedAt: deletionInstant, meterKey: text, assetKey: text, reading: numeric } satisfies Partial<
  Record<keyof Wire['CounterReading'] | 'deletedAt', z.ZodType>
>);
const vendor = z.object({ ...base3, name: text, code: text } satisfies FieldsOf<Wire['Vendor']>);
const material = z.object({ ...base3, name: text, code: text, partNumber: text, manufacturerName: text, criticality: text } satisfies FieldsOf<Wire['Material']>);
const inventory = z.object({ ...base3, name: text, code: text, quantity: numeric, unitCost: numeric, locationKey: text } satisfies Partial<
  Record<keyof Wire['Inventory'] | 'deletedAt', z.ZodType>
>);
const stock = z.object({ ...base3, materialKey: text, locationKey: text, storeroomKey: text, quantity: numeric, reorderPoint: numeric } satisfies FieldsOf<Wire['Stock']>);
const purchaseOrder = z.object({
  ...base3,
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
const lineItem = z.object({
  ...base3,
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
const workOrderMaterial = z.object({
  ...base3,
  workOrderKey: text,
  materialKey: text,
  name: text,
  partNumber: text,
  quantity: numeric,
  requiredQuantity: numeric,
} satisfies FieldsOf<Wire['MaterialItem']>);

type Unbound<E extends SyncEntity> = Omit<SyncEntityRecord<E>, 'connectionId'>;

export interface MakiniEntityAdapter<E extends SyncEntity> {
  /** The Makini list endpoint. */
  path: keyof paths;
  /** The field that tells when a record changed: updatedAt, or createdAt for records that never change. */
  changeField?: 'updatedAt' | 'createdAt';
  /** Validates one wire record and maps it into the domain type (without its connection). */
  schema: z.ZodType<Unbound<E>>;
}

export const makiniEntityAdapters: { [E in SyncEntity]: MakiniEntityAdapter<E> } = {
  sites: {
    path: '/api/eam/sites',
    schema: site.transform((r) => ({
      key: r.key,
      updatedAt: r.updatedAt,
      deletedAt: orNull(r.deletedAt),
      code: orNull(r.code),
      name: r.name || r.code || r.key,
    })),
  },
  workOrderStatuses: {
    path: '/api/eam/statuses/work-orders',
    schema: status.transform((r) => ({
      key: r.key,
      updatedAt: r.updatedAt,
      deletedAt: orNull(r.deletedAt),
      name: r.name || r.code || r.key,
      code: orNull(r.code),
      isActive: readFlag(r.isActive, false),
    })),
  },
  assets: {
    path: '/api/eam/assets',
    schema: asset.transform((r) => ({
      key: r.key,
      updatedAt: r.updatedAt,
      deletedAt: orNull(r.deletedAt),
      name: r.name || r.key,
      siteKey: orNull(r.siteKey),
      locationKey: orNull(r.locationKey),
      parentKey: orNull(r.parentKey),
      categoryName: orNull(r.categoryName),
      criticality: orNull(r.criticality),
      isActive: readFlag(r.isActive, false),
    })),
  },
  locations: {
    path: '/api/eam/locations',
    schema: location.transform((r) => ({ ...baseOut(r), name: r.name || r.code || r.key, code: orNull(r.code), siteKey: orNull(r.siteKey), parentKey: orNull(r.parentKey) })),
  },
  teams: { path: '/api/eam/teams', schema: team.transform((r) => ({ ...baseOut(r), name: r.name || r.code || r.key, code: orNull(r.code) })) },
  users: {
    path: '/api/eam/users',
    schema: user.transform((r) => ({ ...baseOut(r), name: r.name || r.key, roleName: orNull(r.roleName), isActive: readFlag(r.isActive, true) })),
  },
  labors: {
    path: '/api/eam/labors',
    schema: labor.transform((r) => ({
      ...baseOut(r),
      name: r.name || [r.firstName, r.lastName].filter(Boolean).join(' ') || r.code || r.key,
      code: orNull(r.code),
      teamKey: orNull(r.teamKey),
      userKey: orNull(r.userKey),
      roleName: orNull(r.roleName),
      isActive: readFlag(r.isActive, true),
    })),
  },
  meters: {
    path: '/api/eam/meters',
    schema: meter.transform((r) => ({
      ...baseOut(r),
      siteKey: orNull(r.siteKey),
      assetKeys: toKeys(r.assetKeys),
      uomName: orNull(r.uomName ?? r.name),
      lastReading: toNumber(r.lastReading),
      lastReadingAt: orNull(r.lastReadingAt),
    })),
  },
  meterReadings: {
    path: '/api/eam/meter-readings',
    changeField: 'createdAt',
    schema: meterReading.transform((r) => ({
      key: r.key,
      updatedAt: r.createdAt,
      deletedAt: orNull(r.deletedAt),
      meterKey: orNull(r.meterKey),
      assetKey: orNull(r.assetKey),
      reading: toNumber(r.reading),
    })),
  },
  pmPlans: {
    path: '/api/eam/pm',
    schema: pmPlan.transform((r) => ({
      ...baseOut(r),
      title: r.title || r.key,
      siteKey: orNull(r.siteKey),
      teamKey: orNull(r.teamKey),
      assetKeys: toKeys(r.assetKeys),
      status: orNull(r.status),
      severity: orNull(r.severity),
      estimatedTime: r.estimatedTime === null || r.estimatedTime === undefined || r.estimatedTime === '' ? null : String(r.estimatedTime),
      dueAt: orNull(r.dueAt),
      triggers: (r.triggers ?? []).map((t) => ({
        type: orNull(t.type),
        interval: t.interval === null || t.interval === undefined || t.interval === '' ? null : String(t.interval),
        recurring: orNull(t.recurring),
        condition: orNull(t.condition),
        meterKey: orNull(t.meterKey),
      })),
    })),
  },
  vendors: { path: '/api/eam/vendors', schema: vendor.transform((r) => ({ ...baseOut(r), name: r.name || r.code || r.key, code: orNull(r.code) })) },
  materials: {
    path: '/api/eam/materials',
    schema: material.transform((r) => ({
      ...baseOut(r),
      name: r.name || r.partNumber || r.key,
      code: orNull(r.code),
      partNumber: orNull(r.partNumber),
      manufacturerName: orNull(r.manufacturerName),
      criticality: orNull(r.criticality),
    })),
  },
  inventories: {
    path: '/api/eam/inventories',
    schema: inventory.transform((r) => ({
      ...baseOut(r),
      name: r.name || r.code || r.key,
      code: orNull(r.code),
      quantity: toNumber(r.quantity),
      unitCost: toNumber(r.unitCost),
      locationKey: orNull(r.locationKey),
    })),
  },
  stocks: {
    path: '/api/eam/stocks',
    schema: stock.transform((r) => ({
      ...baseOut(r),
      materialKey: orNull(r.materialKey),
      locationKey: orNull(r.locationKey),
      storeroomKey: orNull(r.storeroomKey),
      quantity: toNumber(r.quantity),
      reorderPoint: toNumber(r.reorderPoint),
    })),
  },
  purchaseOrderStatuses: {
    path: '/api/eam/statuses/purchase-orders',
    schema: status.transform((r) => ({ ...baseOut(r), name: r.name || r.code || r.key, code: orNull(r.code), isActive: readFlag(r.isActive, false) })),
  },
  purchaseOrders: {
    path: '/api/eam/purchase-orders',
    schema: purchaseOrder.transform((r) => ({
      ...baseOut(r),
      orderNo: orNull(r.orderNo),
      title: r.title || r.orderNo || r.key,
      statusKey: orNull(r.statusKey),
      siteKey: orNull(r.siteKey),
      vendorKey: orNull(r.vendorKey),
      orderDate: orNull(r.orderDate),
      dueAt: orNull(r.dueAt),
      totalNetValue: toNumber(r.totalNetValue),
    })),
  },
  purchaseOrderLineItems: {
    path: '/api/eam/purchase-orders.line-items',
    schema: lineItem.transform((r) => ({
      ...baseOut(r),
      purchaseOrderKey: orNull(r.purchaseOrderKey),
      lineNo: r.lineNo === null || r.lineNo === undefined ? null : String(r.lineNo),
      materialKey: orNull(r.materialKey),
      name: r.name || r.key,
      quantity: toNumber(r.quantity),
      receivedQuantity: toNumber(r.receivedQuantity),
      price: toNumber(r.price),
      statusKey: orNull(r.statusKey),
      dueAt: orNull(r.dueAt),
    })),
  },
  workOrders: {
    path: '/api/eam/work-orders',
    schema: workOrder.transform((r) => ({
      key: r.key,
      updatedAt: r.updatedAt,
      deletedAt: orNull(r.deletedAt),
      code: r.code || r.key,
      title: r.title || '(untitled)',
      statusKey: orNull(r.statusKey),
      status: orNull(r.status),
      siteKey: orNull(r.siteKey),
      locationKey: orNull(r.locationKey),
      assetKey: orNull(r.assetKey),
      teamKey: orNull(r.teamKey),
      laborAssignedKey: orNull(r.laborAssignedKey),
      pmKey: orNull(r.pmKey),
      severity: orNull(r.severity),
      notes: orNull(r.notes),
      scheduledAt: orNull(r.scheduledAt),
      dueAt: orNull(r.dueAt),
      completedAt: orNull(r.completedAt),
      createdAt: orNull(r.createdAt),
      tasks: (r.tasks ?? []).map((t) => ({
        key: orNull(t.key),
        code: orNull(t.code),
        title: t.title || t.code || '(untitled)',
        description: orNull(t.description),
        priority: orNull(t.priority),
      })),
    })),
  },
  workOrderMaterials: {
    path: '/api/eam/work-orders/materials',
    schema: workOrderMaterial.transform((r) => ({
      ...baseOut(r),
      workOrderKey: orNull(r.workOrderKey),
      materialKey: orNull(r.materialKey),
      name: r.name || r.partNumber || r.key,
      partNumber: orNull(r.partNumber),
      requiredQuantity: toNumber(r.requiredQuantity),
      usedQuantity: toNumber(r.quantity),
    })),
  },
};

/**
 * The list envelope of the spec: { data: [...], links: {...}, meta: { total, ... } }. Only `data`
 * must be right (a list of records); `links` and `meta` only steer paging and the progress bar, so
 * whatever they hold is read by `readListPaging` where it makes sense and ignored where not.
 */
export const makiniListEnvelopeSchema = z.looseObject({ data: z.array(z.unknown()) });

/** Why a list answer cannot be read at all, in plain words naming the field. */
export function describeEnvelopeProblem(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The answer is not a page of records.';
  const data = (body as { data?: unknown }).data;
  if (data === undefined) return 'The page has no "data" (the list of records).';
  return `The page's "data" (the list of records) should be a list but is ${data === null ? 'empty (null)' : typeof data === 'object' ? 'a group of fields' : typeof data}.`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A whole number ≥ 0, or null: the spec types page numbers and totals as any number. */
const wholeNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null);
/** A next-page link worth believing: an http(s) URL or a path/query on the same server. */
const isLink = (value: string): boolean => {
  if (value.startsWith('/') || value.startsWith('?')) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * Paging as the envelope tells it, where it makes sense: `total` when `meta.total` is a whole
 * number ≥ 0 (it only feeds the progress bar), else null; `hasMore` from whole page numbers, else
 * from `links.next` (null or "" says no more; a URL or path says more), else null (the caller
 * judges by whether the page was full). A mock's float page numbers or placeholder link are ignored.
 */
export function readListPaging(envelope: Record<string, unknown>): { total: number | null; hasMore: boolean | null } {
  const meta = isObject(envelope.meta) ? envelope.meta : {};
  const links = isObject(envelope.links) ? envelope.links : null;
  const current = wholeNumber(meta.current_page);
  const last = wholeNumber(meta.last_page);
  let hasMore: boolean | null = null;
  if (current !== null && last !== null) hasMore = current < last;
  else if (links && 'next' in links) {
    const next = links.next;
    if (next === null || next === '') hasMore = false;
    else if (typeof next === 'string' && isLink(next)) hasMore = true;
  }
  return { total: wholeNumber(meta.total), hasMore };
}

export const makiniIntegrationSchema = z.object({
  data: z
    .object({ provider: text.transform(orNull), company_name: text.transform(orNull), sync_status: text.transform(orNull) })
    .loose() satisfies z.ZodType<Partial<Record<'provider' | 'company_name' | 'sync_status', unknown>>>,
});
