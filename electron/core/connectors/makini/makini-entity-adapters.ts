import type { z } from 'zod';
import type { SyncEntity, SyncEntityRecord } from '../../../../shared/domain/sync-entity';
import type { paths } from './makini-eam-api';
import * as wire from './makini-record-schemas';
import { orNull, readFlag, toKeys, toNumber } from './makini-wire-fields';

const baseOut = (r: { key: string; updatedAt: string; deletedAt?: string | null | undefined }) => ({ key: r.key, updatedAt: r.updatedAt, deletedAt: orNull(r.deletedAt) });

/** A duration the spec types as a string, which systems also send as a number of hours. */
const timeText = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? null : String(value));

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
    schema: wire.site.transform((r) => ({
      key: r.key,
      updatedAt: r.updatedAt,
      deletedAt: orNull(r.deletedAt),
      code: orNull(r.code),
      name: r.name || r.code || r.key,
    })),
  },
  workOrderStatuses: {
    path: '/api/eam/statuses/work-orders',
    schema: wire.status.transform((r) => ({
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
    schema: wire.asset.transform((r) => ({
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
    schema: wire.location.transform((r) => ({ ...baseOut(r), name: r.name || r.code || r.key, code: orNull(r.code), siteKey: orNull(r.siteKey), parentKey: orNull(r.parentKey) })),
  },
  teams: { path: '/api/eam/teams', schema: wire.team.transform((r) => ({ ...baseOut(r), name: r.name || r.code || r.key, code: orNull(r.code) })) },
  users: {
    path: '/api/eam/users',
    schema: wire.user.transform((r) => ({ ...baseOut(r), name: r.name || r.key, roleName: orNull(r.roleName), isActive: readFlag(r.isActive, true) })),
  },
  labors: {
    path: '/api/eam/labors',
    schema: wire.labor.transform((r) => ({
      ...baseOut(r),
      name: r.name || [r.firstName, r.lastName].filter(Boolean).join(' ') || r.code || r.key,
      code: orNull(r.code),
      teamKey: orNull(r.teamKey),
      siteKeys: toKeys(r.siteKeys),
      userKey: orNull(r.userKey),
      roleName: orNull(r.roleName),
      isActive: readFlag(r.isActive, true),
    })),
  },
  meters: {
    path: '/api/eam/meters',
    schema: wire.meter.transform((r) => ({
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
    schema: wire.meterReading.transform((r) => ({
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
    schema: wire.pmPlan.transform((r) => ({
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
  vendors: { path: '/api/eam/vendors', schema: wire.vendor.transform((r) => ({ ...baseOut(r), name: r.name || r.code || r.key, code: orNull(r.code) })) },
  materials: {
    path: '/api/eam/materials',
    schema: wire.material.transform((r) => ({
      ...baseOut(r),
      name: r.name || r.partNumber || r.key,
      code: orNull(r.code),
      partNumber: orNull(r.partNumber),
      manufacturerName: orNull(r.manufacturerName),
      criticality: orNull(r.criticality),
      inventoryKeys: r.inventories,
    })),
  },
  inventories: {
    path: '/api/eam/inventories',
    schema: wire.inventory.transform((r) => ({
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
    schema: wire.stock.transform((r) => ({
      ...baseOut(r),
      materialKey: orNull(r.materialKey),
      locationKey: orNull(r.locationKey),
      storeroomKey: orNull(r.storeroomKey),
      quantity: toNumber(r.quantity),
      reorderPoint: toNumber(r.reorderPoint),
      reorderQuantity: toNumber(r.reorderQuantity),
      position: orNull(r.position),
    })),
  },
  serviceRequestStatuses: {
    path: '/api/eam/statuses/service-requests',
    schema: wire.status.transform((r) => ({ ...baseOut(r), name: r.name || r.code || r.key, code: orNull(r.code), isActive: readFlag(r.isActive, false) })),
  },
  assetDowntimes: {
    path: '/api/eam/assets-downtime',
    schema: wire.assetDowntime.transform((r) => ({
      ...baseOut(r),
      assetKey: orNull(r.assetKey),
      description: orNull(r.description),
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      categoryName: orNull(r.categoryName),
      severity: orNull(r.severity),
      notes: orNull(r.notes),
    })),
  },
  documents: {
    path: '/api/eam/documents',
    schema: wire.document.transform((r) => ({
      ...baseOut(r),
      name: r.name || r.key,
      entityKeys: toKeys(r.entityKeys),
      url: orNull(r.url),
      type: orNull(r.type),
      contentType: orNull(r.contentType),
      description: orNull(r.description),
      notes: orNull(r.notes),
      createdAt: orNull(r.createdAt),
    })),
  },
  serviceRequests: {
    path: '/api/eam/service-requests',
    schema: wire.serviceRequest.transform((r) => ({
      ...baseOut(r),
      title: r.title || '(untitled)',
      description: orNull(r.description),
      statusKey: orNull(r.statusKey),
      siteKey: orNull(r.siteKey),
      locationKey: orNull(r.locationKey),
      assetKey: orNull(r.assetKey),
      workOrderKey: orNull(r.workOrderKey),
      userRequestedKey: orNull(r.userRequestedKey),
      userApprovedKey: orNull(r.userApprovedKey),
      teamKey: orNull(r.teamKey),
      laborAssignedKey: orNull(r.laborAssignedKey),
      severity: orNull(r.severity),
      notes: orNull(r.notes),
      approvedAt: orNull(r.approvedAt),
      dueAt: orNull(r.dueAt),
      createdAt: orNull(r.createdAt),
    })),
  },
  purchaseOrderStatuses: {
    path: '/api/eam/statuses/purchase-orders',
    schema: wire.status.transform((r) => ({ ...baseOut(r), name: r.name || r.code || r.key, code: orNull(r.code), isActive: readFlag(r.isActive, false) })),
  },
  purchaseOrders: {
    path: '/api/eam/purchase-orders',
    schema: wire.purchaseOrder.transform((r) => ({
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
    schema: wire.lineItem.transform((r) => ({
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
    schema: wire.workOrder.transform((r) => ({
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
      serviceRequestKey: orNull(r.serviceRequestKey),
      severity: orNull(r.severity),
      estimatedTime: timeText(r.estimatedTime),
      actualTime: timeText(r.actualTime),
      completionRemarks: orNull(r.completionRemarks),
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
    schema: wire.workOrderMaterial.transform((r) => ({
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
