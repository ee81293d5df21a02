import { demoPlantWriteRules, type DemoPlantWriteOperation } from './demo-plant-write-rules';
import { endStopOnCompletion } from './plant-asset-downtimes';
import { purchaseOrderStatusNames } from './plant-data';
import { approveServiceRequest, fileServiceRequest } from './plant-service-requests';
import type { PlantState } from './plant-state';
import { rebalanceStocks } from './plant-stock';
import { isoSeconds } from './plant-time';
import {
  validateInventoryUpdate,
  validateMaterialInventoryUpdate,
  validatePurchaseOrderCreation,
  validatePurchaseOrderStatus,
  validateServiceRequestCreation,
  validateWorkOrderBody,
  type InventoryChange,
} from './plant-write-validation';
import { addWorkOrderMaterial as addMaterialLine, updateWorkOrderMaterial as updateMaterialLine } from './plant-work-order-materials';
import { requireBody } from './write-error';
import { existing, live, type WriteRecord } from './write-records';

/**
 * The write side of the demo plant's EAM API (see this folder's README, "Writes"): each route has
 * its body validated (plant-write-validation.ts), then changes records through PlantState.put
 * with updatedAt set to the request time.
 */

type Rec = WriteRecord;

export interface WriteResult {
  /** The record the answer's `data` carries. */
  data: Rec;
  /** Its key, for the write log. */
  key: string;
}

interface WriteContext {
  state: PlantState;
  /** The request's time, as every record it writes is stamped (ISO-8601, whole seconds). */
  stamp: string;
}

/** Sets a field, or removes it for null; leaves it alone for undefined. */
function assign(record: Rec, name: string, value: unknown): void {
  if (value === undefined) return;
  if (value === null) delete record[name];
  else record[name] = value;
}

const money = (amount: number) => amount.toFixed(2);
const statusName = (state: PlantState, name: 'workOrderStatuses' | 'purchaseOrderStatuses', key: unknown) =>
  typeof key === 'string' ? (state.collections[name].get(key)?.name ?? undefined) : undefined;

// ---------------------------------------------------------------- work orders

const doneStatuses = new Set(['Completed', 'Closed']);

/** Applies a validated work-order body to `record` (a copy of the current one, or a new one). */
function applyWorkOrderChanges(ctx: WriteContext, record: Rec, changes: Record<string, unknown>, creating: boolean): void {
  const { state, stamp } = ctx;
  for (const [name, value] of Object.entries(changes)) assign(record, name, value);
  if (creating && record.statusKey === undefined) {
    const waiting = state.collections.workOrderStatuses.live().find((status) => status.name === 'Waiting for approval');
    if (waiting) record.statusKey = waiting.key;
  }
  const status = statusName(state, 'workOrderStatuses', record.statusKey);
  if (status !== undefined) record.status = status;
  if (status !== undefined && doneStatuses.has(status) && !record.completedAt && changes.completedAt === undefined) record.completedAt = stamp;
  // Reopening (a done status to an open one) clears the completion, unless the body sets one: the
  // work is not completed any more, so it is open, and overdue again when past due.
  if (status !== undefined && changes.statusKey !== undefined && !doneStatuses.has(status) && record.completedAt && changes.completedAt === undefined) delete record.completedAt;
  if (creating) record.createdAt = stamp;
  record.updatedAt = stamp;
}

/** A work order this write completed (it had no completedAt, or another) ends the stop it was the work for. */
function endStopIfCompleted(ctx: WriteContext, before: Rec | undefined, workOrder: Rec): void {
  if (workOrder.completedAt !== undefined && workOrder.completedAt !== before?.completedAt) endStopOnCompletion(ctx.state, workOrder, ctx.stamp);
}

/** A work order stored with a serviceRequestKey in its body approves that request, linking it to the work order. */
function approveNamedRequest(ctx: WriteContext, workOrder: Rec, changes: Record<string, unknown>): void {
  if (typeof changes.serviceRequestKey === 'string') approveServiceRequest(ctx.state, changes.serviceRequestKey, workOrder, ctx.stamp);
}

function createWorkOrder(ctx: WriteContext, _key: string | null, body: Record<string, unknown>): WriteResult {
  const record: Rec = {};
  const changes = validateWorkOrderBody(ctx.state, demoPlantWriteRules.createWorkOrder, body, record, true);
  applyWorkOrderChanges(ctx, record, changes, true);
  const key = ctx.state.nextKey('workOrders');
  const created: Rec = { key, code: record.code ?? ctx.state.nextCode('workOrders', 'code', 'WO-'), ...record };
  ctx.state.put('workOrders', created);
  approveNamedRequest(ctx, created, changes);
  endStopIfCompleted(ctx, undefined, created);
  return { data: created, key };
}

function updateWorkOrder(ctx: WriteContext, key: string | null, body: Record<string, unknown>): WriteResult {
  const before = existing(ctx.state, 'workOrders', 'work order', key!);
  const record = { ...before };
  const changes = validateWorkOrderBody(ctx.state, demoPlantWriteRules.updateWorkOrder, body, record, false);
  applyWorkOrderChanges(ctx, record, changes, false);
  ctx.state.put('workOrders', record);
  approveNamedRequest(ctx, record, changes);
  endStopIfCompleted(ctx, before, record);
  return { data: record, key: key! };
}

function updateWorkOrderStatus(ctx: WriteContext, key: string | null, body: Record<string, unknown>): WriteResult {
  const before = existing(ctx.state, 'workOrders', 'work order', key!);
  const record = { ...before };
  applyWorkOrderChanges(ctx, record, validateWorkOrderBody(ctx.state, demoPlantWriteRules.updateWorkOrderStatus, body, record, false), false);
  ctx.state.put('workOrders', record);
  endStopIfCompleted(ctx, before, record);
  return { data: record, key: key! };
}

// ---------------------------------------------------------------- purchase orders

function lineItemsOf(state: PlantState, purchaseOrderKey: string): Rec[] {
  return (state.collections.purchaseOrderLineItems.live() as Rec[]).filter((line) => line.purchaseOrderKey === purchaseOrderKey);
}

/** A part's price when an order line gives none: the unit cost of its stock. */
function defaultPrice(state: PlantState, materialKey: string): number | undefined {
  for (const inventoryKey of state.inventoriesOfMaterial(materialKey)) {
    const unitCost = live(state, 'inventories', inventoryKey)?.unitCost;
    if (typeof unitCost === 'number') return unitCost;
  }
  return undefined;
}

function createPurchaseOrder(ctx: WriteContext, _key: string | null, body: Record<string, unknown>): WriteResult {
  const { state, stamp } = ctx;
  const { texts, amounts, site, vendor, status, lines: requestedLines } = validatePurchaseOrderCreation(state, body);
  const order: Rec = {};
  for (const [name, value] of Object.entries(texts)) assign(order, name, value);
  for (const [name, amount] of Object.entries(amounts)) assign(order, name, amount === undefined || amount === null ? amount : money(amount));
  const lines = requestedLines.map(({ material, quantity, price }) => ({ material, quantity, price: price ?? defaultPrice(state, material.key!) }));

  const key = state.nextKey('purchaseOrders');
  const statusKey = status?.key ?? state.collections.purchaseOrderStatuses.live().find((candidate) => candidate.name === 'Draft')?.key;
  const created: Rec = {
    key,
    orderNo: order.orderNo ?? state.nextCode('purchaseOrders', 'orderNo', 'PO-'),
    ...order,
    siteKey: site.key,
    vendorKey: vendor.key,
    ...(statusKey ? { statusKey } : {}),
    orderDate: order.orderDate ?? stamp,
    createdAt: stamp,
    updatedAt: stamp,
  };
  const lineItems = lines.map(({ material, quantity, price }, index): Rec => {
    const line: Rec = {
      key: state.nextKey('purchaseOrderLineItems'),
      purchaseOrderKey: key,
      lineNo: String(index + 1),
      materialKey: material.key,
      vendorKey: vendor.key,
      name: material.name,
      quantity: String(quantity),
      receivedQuantity: '0',
      createdAt: stamp,
      updatedAt: stamp,
    };
    if (price !== undefined) line.price = money(price);
    if (statusKey) line.statusKey = statusKey;
    if (created.dueAt) line.dueAt = created.dueAt;
    return line;
  });
  if (created.totalNetValue === undefined && lineItems.length > 0) {
    created.totalNetValue = money(lines.reduce((sum, line) => sum + line.quantity * (line.price ?? 0), 0));
  }
  state.put('purchaseOrders', created);
  for (const line of lineItems) state.put('purchaseOrderLineItems', line);
  return { data: { ...created, lineItems }, key };
}

function updatePurchaseOrderStatus(ctx: WriteContext, key: string | null, body: Record<string, unknown>): WriteResult {
  const { state, stamp } = ctx;
  const order = { ...existing(state, 'purchaseOrders', 'purchase order', key!) };
  const status = validatePurchaseOrderStatus(state, body);

  const previousStatusKey = order.statusKey;
  const name = String(status.name);
  const rank = purchaseOrderStatusNames.indexOf(name as (typeof purchaseOrderStatusNames)[number]);
  order.statusKey = status.key;
  if (rank >= purchaseOrderStatusNames.indexOf('Approved') && !order.approvedAt) order.approvedAt = stamp;
  if (rank >= purchaseOrderStatusNames.indexOf('Received') && !order.completedAt) order.completedAt = stamp;
  order.updatedAt = stamp;
  state.put('purchaseOrders', order);
  // Lines that were where the order was move with it; lines received apart keep their own status.
  const lineItems = lineItemsOf(state, key!).map((line) => {
    if (line.statusKey !== previousStatusKey || previousStatusKey === status.key) return line;
    const moved: Rec = { ...line, statusKey: status.key, updatedAt: stamp };
    if (name === 'Received') moved.receivedQuantity = line.quantity;
    state.put('purchaseOrderLineItems', moved);
    return moved;
  });
  return { data: { ...order, lineItems }, key: key! };
}

// ---------------------------------------------------------------- inventories

/** Applies a validated inventory change, and keeps the part's stock bins there in step with its quantity. */
function applyInventoryChange(ctx: WriteContext, { inventory: current, code, name, quantity, unitCost }: InventoryChange): Rec {
  const { state, stamp } = ctx;
  const inventory: Rec = { ...current };
  assign(inventory, 'code', code);
  assign(inventory, 'name', name);
  assign(inventory, 'quantity', quantity);
  assign(inventory, 'unitCost', unitCost);
  inventory.updatedAt = stamp;
  state.put('inventories', inventory);
  const materialKey = state.materialOfInventory(inventory.key!);
  if (typeof quantity === 'number' && materialKey && typeof inventory.locationKey === 'string') {
    rebalanceStocks(state, materialKey, inventory.locationKey, quantity, stamp);
  }
  return inventory;
}

function updateInventory(ctx: WriteContext, key: string | null, body: Record<string, unknown>): WriteResult {
  const current = existing(ctx.state, 'inventories', 'inventory', key!);
  const inventory = applyInventoryChange(ctx, validateInventoryUpdate(ctx.state, current, body));
  return { data: inventory, key: key! };
}

function updateMaterialInventory(ctx: WriteContext, key: string | null, body: Record<string, unknown>): WriteResult {
  const { state, stamp } = ctx;
  const material = existing(state, 'materials', 'part (material)', key!);
  applyInventoryChange(ctx, validateMaterialInventoryUpdate(state, key!, body));
  const updated: Rec = { ...material, updatedAt: stamp };
  state.put('materials', updated);
  const inventories = state.inventoriesOfMaterial(key!).map((inventoryKey) => live(state, 'inventories', inventoryKey)).filter((inventory) => inventory !== undefined);
  return { data: { ...updated, inventories }, key: key! };
}

// ---------------------------------------------------------------- service requests

function createServiceRequest(ctx: WriteContext, _key: string | null, body: Record<string, unknown>): WriteResult {
  const request = fileServiceRequest(ctx.state, validateServiceRequestCreation(ctx.state, body), ctx.stamp);
  return { data: request, key: request.key! };
}

// ---------------------------------------------------------------- work-order materials

function addWorkOrderMaterial(ctx: WriteContext, key: string | null, body: Record<string, unknown>): WriteResult {
  const workOrder = existing(ctx.state, 'workOrders', 'work order', key!);
  const line = addMaterialLine(ctx.state, workOrder, body, ctx.stamp);
  return { data: line, key: line.key! };
}

function updateWorkOrderMaterial(ctx: WriteContext, key: string | null, body: Record<string, unknown>, pathKeys: PathKeys): WriteResult {
  const workOrder = existing(ctx.state, 'workOrders', 'work order', key!);
  const line = updateMaterialLine(ctx.state, workOrder, pathKeys.materialKey!, body, ctx.stamp);
  return { data: line, key: line.key! };
}

// ---------------------------------------------------------------- routing

/** The path's keys after {key}, by name (e.g. materialKey). */
type PathKeys = Readonly<Record<string, string>>;
type WriteHandler = (ctx: WriteContext, key: string | null, body: Record<string, unknown>, pathKeys: PathKeys) => WriteResult;

const handlers: Record<DemoPlantWriteOperation, WriteHandler> = {
  createWorkOrder,
  updateWorkOrder,
  updateWorkOrderStatus,
  createPurchaseOrder,
  updatePurchaseOrderStatus,
  updateInventory,
  updateMaterialInventory,
  createServiceRequest,
  addWorkOrderMaterial,
  updateWorkOrderMaterial,
};

/** The write routes, each path as a pattern over what follows /api/eam/, with the names of its keys ({key}, {materialKey}) in order. */
const writeRoutes = Object.entries(demoPlantWriteRules).map(([operation, rule]) => {
  const parts = rule.path.slice('/api/eam/'.length).split(/\{(\w+)\}/);
  // split with a group alternates literal text and key names: text, name, text, name, …, text.
  const names = parts.filter((_, index) => index % 2 === 1);
  const pattern = parts.map((part, index) => (index % 2 === 1 ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return { operation: operation as DemoPlantWriteOperation, method: rule.method, names, pattern: new RegExp(`^${pattern}$`) };
});

export interface MatchedWrite {
  operation: DemoPlantWriteOperation;
  /** The record key in the path ({key}), for routes that have one. */
  key: string | null;
  /** The path's other keys by name ({materialKey}); empty for routes with none. */
  pathKeys: PathKeys;
}

/**
 * The write route for a method and a path under /api/eam/: null when no write route has this
 * path, 'method-not-allowed' when one has it for another method.
 */
export function matchWriteRoute(method: string, eamPath: string): MatchedWrite | 'method-not-allowed' | null {
  let pathKnown = false;
  for (const route of writeRoutes) {
    const match = route.pattern.exec(eamPath);
    if (!match) continue;
    if (route.method !== method) {
      pathKnown = true;
      continue;
    }
    const keys: Record<string, string> = {};
    try {
      route.names.forEach((name, index) => (keys[name] = decodeURIComponent(match[index + 1]!)));
    } catch {
      return null;
    }
    const { key = null, ...pathKeys } = keys;
    return { operation: route.operation, key, pathKeys };
  }
  return pathKnown ? 'method-not-allowed' : null;
}

/** Validates and applies one write at `nowMs`; throws WriteError when the plant refuses it. */
export function applyWrite(state: PlantState, write: MatchedWrite, body: unknown, nowMs: number): WriteResult {
  return handlers[write.operation]({ state, stamp: isoSeconds(nowMs) }, write.key, requireBody(body), write.pathKeys);
}
