import { z } from 'zod';
import type { SyncEntityRecord } from '../../../../shared/domain/sync-entity';
import { flagCell, instantCell, keyCell, optionalInstantCell, textCell } from './export-cells';

/*
 * The columns of an export file (README.md beside this file has the table). Column names are
 * matched ignoring case, spaces, "_" and "-" ("Updated At", "updated_at" and "updatedAt" are one
 * column); columns not named here are ignored.
 */

/** The kinds of record an export file holds: each is one list of the sync. */
export type ExportKind = 'workOrders' | 'assets';

/** A column name as matched: lower case, letters and digits only. */
export const columnId = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Work-order columns, each with the names it is also exported under. */
export const workOrderColumns = {
  code: [],
  title: [],
  status: [],
  asset: [],
  site: [],
  due: ['dueAt', 'due date'],
  scheduled: ['scheduledAt', 'scheduled date'],
  priority: ['severity'],
  assignee: ['assigned to'],
  notes: [],
  updatedAt: ['last changed', 'last modified'],
  deletedAt: [],
} satisfies Record<string, string[]>;

export const assetColumns = {
  code: [],
  name: [],
  site: [],
  parent: [],
  category: [],
  criticality: [],
  active: [],
  updatedAt: ['last changed', 'last modified'],
  deletedAt: [],
} satisfies Record<string, string[]>;

export const exportColumns: Record<ExportKind, Record<string, string[]>> = { workOrders: workOrderColumns, assets: assetColumns };
/** Columns a CSV export must have: without them no record could be read, so the file is refused as a whole. */
export const requiredColumns = ['code', 'updatedAt'] as const;

type Unbound<E extends ExportKind> = Omit<SyncEntityRecord<E>, 'connectionId'>;

const workOrderRow = z.object({
  code: keyCell,
  title: textCell,
  status: textCell,
  asset: textCell,
  site: textCell,
  due: optionalInstantCell,
  scheduled: optionalInstantCell,
  priority: textCell,
  assignee: textCell,
  notes: textCell,
  updatedAt: instantCell,
  deletedAt: optionalInstantCell,
} satisfies Record<keyof typeof workOrderColumns, z.ZodType>);

const assetRow = z.object({
  code: keyCell,
  name: textCell,
  site: textCell,
  parent: textCell,
  category: textCell,
  criticality: textCell,
  active: flagCell(true),
  updatedAt: instantCell,
  deletedAt: optionalInstantCell,
} satisfies Record<keyof typeof assetColumns, z.ZodType>);

/**
 * Validates one row (keyed by column, as `columnId` and the aliases resolve them) and maps it
 * into the domain record. A file names work by its code: the code is the key; statuses, sites
 * and assignees are named by their text, which is their key in the lists made from them.
 */
export const exportRecordSchemas: { [K in ExportKind]: z.ZodType<Unbound<K>> } = {
  workOrders: workOrderRow.transform((row) => ({
    key: row.code,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    code: row.code,
    title: row.title ?? '(untitled)',
    statusKey: row.status,
    status: row.status,
    siteKey: row.site,
    locationKey: null,
    assetKey: row.asset,
    teamKey: null,
    laborAssignedKey: row.assignee,
    pmKey: null, serviceRequestKey: null, estimatedTime: null, actualTime: null, completionRemarks: null,
    severity: row.priority,
    notes: row.notes,
    scheduledAt: row.scheduled,
    dueAt: row.due,
    completedAt: null,
    createdAt: null,
    tasks: [],
  })),
  assets: assetRow.transform((row) => ({
    key: row.code,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    name: row.name ?? row.code,
    siteKey: row.site,
    locationKey: null,
    parentKey: row.parent,
    categoryName: row.category,
    criticality: row.criticality,
    isActive: row.active,
  })),
};
