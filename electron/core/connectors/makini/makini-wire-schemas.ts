import { z } from 'zod';
import type { SyncEntity, SyncEntityRecord } from '../../../../shared/domain/sync-entity';
import type { components, paths } from './makini-eam-api';

type Wire = components['schemas'];
/** The fields a schema reads, restricted to the names Makini's spec gives that entity. */
type FieldsOf<T> = Partial<Record<keyof T, z.ZodType>>;

const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date-time');
/** Optional text: Makini omits fields, sends null, or sends "" for "no value" (normalised by `orNull`). */
const text = z.string().nullish();
const optionalInstant = z.union([instant, z.literal('')]).nullish();
/** The spec's examples send booleans as "true"/"false" strings; real answers send booleans. */
const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).nullish();

/** "" and absent mean "no value": one pass per record instead of a transform per field (validation is on the sync's hot path). */
const orNull = (value: string | null | undefined): string | null => (value ? value : null);
const isTrue = (value: boolean | string | null | undefined): boolean => value === true || value === 'true' || value === '1';

const base = {
  key: z.union([z.string().min(1), z.number()]).transform(String),
  updatedAt: instant,
  deletedAt: optionalInstant,
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
  scheduledAt: optionalInstant,
  dueAt: optionalInstant,
  completedAt: optionalInstant,
  createdAt: optionalInstant,
} satisfies FieldsOf<Wire['WorkOrder']>);

type Unbound<E extends SyncEntity> = Omit<SyncEntityRecord<E>, 'connectionId'>;

export interface MakiniEntityAdapter<E extends SyncEntity> {
  /** The Makini list endpoint. */
  path: keyof paths;
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
      isActive: isTrue(r.isActive),
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
      isActive: isTrue(r.isActive),
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
      scheduledAt: orNull(r.scheduledAt),
      dueAt: orNull(r.dueAt),
      completedAt: orNull(r.completedAt),
      createdAt: orNull(r.createdAt),
    })),
  },
};

/** The list envelope of the spec: { data: [...], links: {...}, meta: { total, ... } }. */
export const makiniListEnvelopeSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({ total: z.number().int().nonnegative().nullish() }).loose().nullish(),
});

export const makiniIntegrationSchema = z.object({
  data: z
    .object({ provider: text.transform(orNull), company_name: text.transform(orNull), sync_status: text.transform(orNull) })
    .loose() satisfies z.ZodType<Partial<Record<'provider' | 'company_name' | 'sync_status', unknown>>>,
});
