import {
  demoPlantSeverities,
  demoPlantWriteRules,
  type DemoPlantWriteOperation,
  type DemoPlantWriteRule,
} from './demo-plant-write-rules';
import { purchaseOrderStatusNames } from './plant-data';
import { isoSeconds } from './plant-time';
import type { CollectionName, PlantState } from './plant-state';
import type { PlantRecord } from './record-collection';

/**
 * The write side of the demo plant's EAM API (see README, "Demo plant writes"): each route
 * validates its body against the plant's records and demoPlantWriteRules, then changes records
 * through PlantState.put with updatedAt set to the request time.
 */

type Rec = PlantRecord & Record<string, unknown>;

/** A write the plant refuses: 404 NOT_FOUND for an unknown record, 422 VALIDATION_ERROR for a bad body. */
export class WriteError extends Error {
  constructor(
    readonly status: 400 | 404 | 422,
    readonly code: 'INVALID_REQUEST' | 'NOT_FOUND' | 'VALIDATION_ERROR',
    message: string,
    /** Per field (e.g. "siteKey", "lineItems[0].quantity"), what is wrong with it. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

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

const plainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const live = (state: PlantState, name: CollectionName, key: string): Rec | undefined => {
  const record = state.collections[name].get(key) as Rec | undefined;
  return record && !record.deletedAt ? record : undefined;
};

/** Reads and checks a request body's fields, collecting what is wrong with each. */
class BodyFields {
  /** Per field, what is wrong with it. No prototype: a body field named `__proto__` or `constructor` is a field like any other. */
  readonly errors: Record<string, string> = Object.create(null) as Record<string, string>;

  constructor(
    readonly body: Record<string, unknown>,
    private readonly prefix = '',
  ) {}

  has(name: string): boolean {
    return Object.hasOwn(this.body, name) && this.body[name] !== undefined;
  }

  fail(name: string, message: string): void {
    this.errors[this.prefix + name] ??= message;
  }

  ok(name: string): boolean {
    return !Object.hasOwn(this.errors, this.prefix + name);
  }

  /** Unknown fields, missing required ones and cleared ones that may not be. */
  checkShape(rule: Pick<DemoPlantWriteRule, 'fields' | 'required' | 'notClearable'>): void {
    for (const name of Object.keys(this.body)) {
      if (!rule.fields.includes(name)) this.fail(name, 'is not a field this request takes');
    }
    for (const name of rule.required) {
      const value = this.body[name];
      if (value === undefined || value === null || value === '') this.fail(name, 'is required');
    }
    for (const name of rule.notClearable) {
      if (this.has(name) && (this.body[name] === null || this.body[name] === '')) this.fail(name, 'cannot be cleared');
    }
  }

  /** undefined: absent; null: clear it ("" clears too); otherwise the string. */
  text(name: string): string | null | undefined {
    if (!this.has(name)) return undefined;
    const value = this.body[name];
    if (value === null || value === '') return null;
    if (typeof value === 'string') return value;
    this.fail(name, 'must be a string or null');
    return undefined;
  }

  /** A date-time Date.parse understands, as the plant writes them (ISO-8601, whole seconds, UTC). */
  date(name: string): string | null | undefined {
    if (!this.has(name)) return undefined;
    const value = this.body[name];
    if (value === null || value === '') return null;
    const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms)) {
      this.fail(name, 'must be an ISO-8601 date-time (e.g. "2026-03-04T09:24:28Z") or null');
      return undefined;
    }
    return isoSeconds(ms);
  }

  /** A number, or a string holding one (quantities and money travel as either). */
  number(name: string, options: { integer?: boolean; positive?: boolean; allowText?: boolean } = {}): number | null | undefined {
    if (!this.has(name)) return undefined;
    const value = this.body[name];
    if (value === null) return null;
    const number = typeof value === 'number' ? value : options.allowText && typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    if (!Number.isFinite(number)) {
      this.fail(name, options.allowText ? 'must be a number (or a string holding one) or null' : options.integer ? 'must be a whole number or null' : 'must be a number or null');
      return undefined;
    }
    if (options.integer && !Number.isInteger(number)) this.fail(name, 'must be a whole number');
    else if (options.positive && number <= 0) this.fail(name, 'must be more than 0');
    else if (number < 0) this.fail(name, 'must not be negative');
    else return number;
    return undefined;
  }

  /** A key that must name a live record of `collection`. */
  ref(name: string, collection: CollectionName, what: string, state: PlantState): Rec | null | undefined {
    const key = this.text(name);
    if (key === undefined || key === null) return key;
    const record = live(state, collection, key);
    if (!record) this.fail(name, `no ${what} with key "${key}"`);
    return record;
  }

  /** A key to a kind of record the demo plant does not keep: only null (or leaving it out) passes. */
  noneKept(name: string, what: string): void {
    const key = this.text(name);
    if (typeof key === 'string') this.fail(name, `no ${what} with key "${key}" (the demo plant keeps none)`);
  }

  /** An array of objects (the spec's tasks and documents), kept as sent. */
  objectList(name: string): Record<string, unknown>[] | null | undefined {
    if (!this.has(name)) return undefined;
    const value = this.body[name];
    if (value === null) return null;
    if (Array.isArray(value) && value.every(plainObject)) return value;
    this.fail(name, 'must be an array of objects or null');
    return undefined;
  }
}

/** Throws 422 with every field's problem if any was found. */
function throwIfInvalid(errors: Record<string, string>): void {
  const entries = Object.entries(errors);
  if (entries.length === 0) return;
  const message = `Invalid ${entries.length === 1 ? 'field' : 'fields'}: ${entries.map(([name, problem]) => `${name}: ${problem}`).join('; ')}.`;
  throw new WriteError(422, 'VALIDATION_ERROR', message, errors);
}

function requireBody(body: unknown): Record<string, unknown> {
  if (!plainObject(body)) throw new WriteError(400, 'INVALID_REQUEST', 'The request body must be a JSON object.');
  return body;
}

function existing(state: PlantState, name: CollectionName, what: string, key: string): Rec {
  const record = state.collections[name].get(key) as Rec | undefined;
  if (!record) throw new WriteError(404, 'NOT_FOUND', `No ${what} with key ${key}.`);
  if (record.deletedAt) throw new WriteError(404, 'NOT_FOUND', `The ${what} with key ${key} was deleted at ${record.deletedAt}.`);
  return record;
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

const workOrderTextFields = ['title', 'code', 'instructions', 'roleName', 'categoryName', 'notes', 'completionRemarks'] as const;
const workOrderDateFields = ['scheduledAt', 'dueAt', 'approvedAt', 'completedAt', 'deletedAt'] as const;
const workOrderRefs = [
  ['statusKey', 'workOrderStatuses', 'work-order status'],
  ['siteKey', 'sites', 'site'],
  ['locationKey', 'locations', 'location'],
  ['storeroomKey', 'locations', 'location'],
  ['assetKey', 'assets', 'asset'],
  ['pmKey', 'pmPlans', 'PM plan'],
  ['teamKey', 'teams', 'team'],
  ['laborAssignedKey', 'labors', 'technician (labor)'],
  ['userApprovedKey', 'users', 'user'],
] as const satisfies readonly (readonly [string, CollectionName, string])[];
const workOrderUnkeptRefs = [
  ['assetDowntimeKey', 'asset downtime'],
  ['serviceRequestKey', 'service request'],
  ['accountKey', 'account'],
] as const;
const doneStatuses = new Set(['Completed', 'Closed']);

/** Validates a work-order body and applies it to `record` (a copy of the current one, or a new one). */
function applyWorkOrderBody(ctx: WriteContext, rule: DemoPlantWriteRule, body: Record<string, unknown>, record: Rec, creating: boolean): void {
  const { state, stamp } = ctx;
  const fields = new BodyFields(body);
  fields.checkShape(rule);
  const changes: Record<string, unknown> = {};
  for (const name of workOrderTextFields) changes[name] = fields.text(name);
  const description = fields.text('description');
  if (description !== undefined) {
    if (changes.instructions !== undefined && changes.instructions !== description) fields.fail('description', 'conflicts with instructions (the same field); send one of them');
    else changes.instructions = description;
  }
  for (const name of workOrderDateFields) changes[name] = fields.date(name);
  // The plant stamps createdAt and updatedAt itself; a client's values are checked, then ignored.
  fields.date('createdAt');
  fields.date('updatedAt');
  const refs: Record<string, Rec | null | undefined> = {};
  for (const [name, collection, what] of workOrderRefs) {
    refs[name] = fields.ref(name, collection, what, state);
    changes[name] = fields.ok(name) && refs[name] !== undefined ? (refs[name]?.key ?? null) : undefined;
  }
  for (const [name, what] of workOrderUnkeptRefs) fields.noneKept(name, what);
  const severity = fields.text('severity');
  if (typeof severity === 'string' && !(demoPlantSeverities as readonly string[]).includes(severity)) {
    fields.fail('severity', `must be one of ${demoPlantSeverities.join(', ')}`);
  } else changes.severity = severity;
  for (const name of ['estimatedTime', 'actualTime']) {
    const hours = fields.number(name, { allowText: true });
    changes[name] = hours === undefined || hours === null ? hours : String(hours);
  }
  changes.tasks = fields.objectList('tasks');
  changes.documents = fields.objectList('documents');

  // Where the work happens must agree: the asset and the location are at the work order's site.
  if (creating && refs.assetKey && changes.locationKey === undefined) changes.locationKey = refs.assetKey.locationKey;
  if (fields.has('siteKey') || fields.has('assetKey') || fields.has('locationKey')) {
    const siteKey = changes.siteKey !== undefined ? changes.siteKey : record.siteKey;
    const asset = refs.assetKey !== undefined ? refs.assetKey : live(state, 'assets', String(record.assetKey ?? ''));
    const locationKey = changes.locationKey !== undefined ? changes.locationKey : record.locationKey;
    const location = typeof locationKey === 'string' ? live(state, 'locations', locationKey) : undefined;
    if (typeof siteKey === 'string' && fields.ok('siteKey')) {
      if (asset && asset.siteKey !== siteKey && fields.ok('assetKey')) fields.fail(fields.has('assetKey') ? 'assetKey' : 'siteKey', `asset "${asset.key}" is at site "${asset.siteKey}", not "${siteKey}"`);
      if (location && location.siteKey !== siteKey && fields.ok('locationKey')) fields.fail(fields.has('locationKey') ? 'locationKey' : 'siteKey', `location "${location.key}" is at site "${location.siteKey}", not "${siteKey}"`);
    }
  }
  throwIfInvalid(fields.errors);

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

function createWorkOrder(ctx: WriteContext, _key: string | null, body: Record<string, unknown>): WriteResult {
  const record: Rec = {};
  applyWorkOrderBody(ctx, demoPlantWriteRules.createWorkOrder, body, record, true);
  const key = ctx.state.nextKey('workOrders');
  const created: Rec = { key, code: record.code ?? ctx.state.nextCode('workOrders', 'code', 'WO-'), ...record };
  ctx.state.put('workOrders', created);
  return { data: created, key };
}

function updateWorkOrder(ctx: WriteContext, key: string | null, body: Record<string, unknown>): WriteResult {
  const record = { ...existing(ctx.state, 'workOrders', 'work order', key!) };
  applyWorkOrderBody(ctx, demoPlantWriteRules.updateWorkOrder, body, record, false);
  ctx.state.put('workOrders', record);
  return { data: record, key: key! };
}

function updateWorkOrderStatus(ctx: WriteContext, key: string | null, body: Record<string, unknown>): WriteResult {
  const record = { ...existing(ctx.state, 'workOrders', 'work order', key!) };
  applyWorkOrderBody(ctx, demoPlantWriteRules.updateWorkOrderStatus, body, record, false);
  ctx.state.put('workOrders', record);
  return { data: record, key: key! };
}

// ---------------------------------------------------------------- purchase orders

const purchaseOrderTextFields = ['code', 'orderNo', 'title', 'description', 'shippingMethod', 'terms', 'notes'] as const;
const purchaseOrderDateFields = ['orderDate', 'dueAt', 'approvedAt', 'completedAt'] as const;
const purchaseOrderMoneyFields = ['totalNetValue', 'totalTaxValue', 'totalGrossValue'] as const;
const lineItemFields = ['materialKey', 'quantity', 'price'];
const maxLineItems = 200;

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
  const fields = new BodyFields(body);
  fields.checkShape(demoPlantWriteRules.createPurchaseOrder);
  const order: Rec = {};
  for (const name of purchaseOrderTextFields) assign(order, name, fields.text(name));
  for (const name of purchaseOrderDateFields) assign(order, name, fields.date(name));
  fields.date('createdAt');
  fields.date('updatedAt');
  for (const name of purchaseOrderMoneyFields) {
    const amount = fields.number(name, { allowText: true });
    assign(order, name, amount === undefined || amount === null ? amount : money(amount));
  }
  const site = fields.ref('siteKey', 'sites', 'site', state);
  const vendor = fields.ref('vendorKey', 'vendors', 'vendor', state);
  const status = fields.ref('statusKey', 'purchaseOrderStatuses', 'purchase-order status', state);
  fields.noneKept('currencyKey', 'currency');

  const lines: { material: Rec; quantity: number; price: number | undefined }[] = [];
  if (fields.has('lineItems')) {
    const items = body.lineItems;
    if (!Array.isArray(items)) fields.fail('lineItems', 'must be an array of {materialKey, quantity, price?}');
    else if (items.length > maxLineItems) fields.fail('lineItems', `takes at most ${maxLineItems} lines`);
    else {
      items.forEach((item, index) => {
        if (!plainObject(item)) return fields.fail(`lineItems[${index}]`, 'must be an object {materialKey, quantity, price?}');
        const line = new BodyFields(item, `lineItems[${index}].`);
        line.checkShape({ fields: lineItemFields, required: ['materialKey', 'quantity'], notClearable: [] });
        const material = line.ref('materialKey', 'materials', 'part (material)', state);
        const quantity = line.number('quantity', { positive: true, allowText: true });
        const price = line.number('price', { allowText: true });
        Object.assign(fields.errors, line.errors);
        if (material && typeof quantity === 'number') lines.push({ material, quantity, price: price ?? defaultPrice(state, material.key!) });
      });
    }
  }
  throwIfInvalid(fields.errors);

  const key = state.nextKey('purchaseOrders');
  const statusKey = status?.key ?? state.collections.purchaseOrderStatuses.live().find((candidate) => candidate.name === 'Draft')?.key;
  const created: Rec = {
    key,
    orderNo: order.orderNo ?? state.nextCode('purchaseOrders', 'orderNo', 'PO-'),
    ...order,
    siteKey: site!.key,
    vendorKey: vendor!.key,
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
      vendorKey: vendor!.key,
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
  const fields = new BodyFields(body);
  fields.checkShape(demoPlantWriteRules.updatePurchaseOrderStatus);
  const wanted = fields.text('status');
  let status: Rec | undefined;
  if (typeof wanted === 'string') {
    const lower = wanted.toLowerCase();
    const statuses = state.collections.purchaseOrderStatuses.live() as Rec[];
    status =
      statuses.find((candidate) => candidate.key === wanted) ??
      statuses.find((candidate) => String(candidate.name).toLowerCase() === lower || String(candidate.code).toLowerCase() === lower);
    if (!status) fields.fail('status', `no purchase-order status with key, name or code "${wanted}"`);
  }
  throwIfInvalid(fields.errors);

  const previousStatusKey = order.statusKey;
  const name = String(status!.name);
  const rank = purchaseOrderStatusNames.indexOf(name as (typeof purchaseOrderStatusNames)[number]);
  order.statusKey = status!.key;
  if (rank >= purchaseOrderStatusNames.indexOf('Approved') && !order.approvedAt) order.approvedAt = stamp;
  if (rank >= purchaseOrderStatusNames.indexOf('Received') && !order.completedAt) order.completedAt = stamp;
  order.updatedAt = stamp;
  state.put('purchaseOrders', order);
  // Lines that were where the order was move with it; lines received apart keep their own status.
  const lineItems = lineItemsOf(state, key!).map((line) => {
    if (line.statusKey !== previousStatusKey || previousStatusKey === status!.key) return line;
    const moved: Rec = { ...line, statusKey: status!.key, updatedAt: stamp };
    if (name === 'Received') moved.receivedQuantity = line.quantity;
    state.put('purchaseOrderLineItems', moved);
    return moved;
  });
  return { data: { ...order, lineItems }, key: key! };
}

// ---------------------------------------------------------------- inventories

/**
 * Keeps a part's stock bins at a location in step with its inventory quantity: more goes into the
 * first bin, less comes out of the last ones first.
 */
function rebalanceStocks(state: PlantState, materialKey: string, locationKey: string, quantity: number, stamp: string): void {
  const bins = (state.collections.stocks.live() as Rec[])
    .filter((stock) => stock.materialKey === materialKey && stock.locationKey === locationKey)
    .sort((a, b) => (a.key! < b.key! ? -1 : 1));
  if (bins.length === 0) return;
  const held = bins.map((bin) => Math.max(0, Number(bin.quantity) || 0));
  let change = quantity - held.reduce((sum, amount) => sum + amount, 0);
  if (change > 0) held[0]! += change;
  for (let i = held.length - 1; i >= 0 && change < 0; i--) {
    const taken = Math.min(held[i]!, -change);
    held[i]! -= taken;
    change += taken;
  }
  bins.forEach((bin, i) => {
    const stock: Rec = { ...bin, quantity: String(held[i]), updatedAt: stamp };
    if (stock.quantity !== String(bin.quantity)) state.put('stocks', stock);
  });
}

/** Validates an inventory body; `choose` picks the record from the body's locationKey (and may fail it). */
function applyInventoryBody(
  ctx: WriteContext,
  rule: DemoPlantWriteRule,
  body: Record<string, unknown>,
  choose: (fields: BodyFields, location: Rec | null | undefined) => Rec | undefined,
): Rec {
  const { state, stamp } = ctx;
  const fields = new BodyFields(body);
  fields.checkShape(rule);
  const code = fields.text('code');
  const name = fields.text('name');
  const quantity = fields.number('quantity', { integer: true });
  const unitCost = fields.number('unitCost', { integer: true });
  const location = fields.ref('locationKey', 'locations', 'location', state);
  const current = fields.ok('locationKey') ? choose(fields, location) : undefined;
  throwIfInvalid(fields.errors);

  const inventory: Rec = { ...current! };
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
  const inventory = applyInventoryBody(ctx, demoPlantWriteRules.updateInventory, body, (fields, location) => {
    if (location && location.key !== current.locationKey) {
      fields.fail('locationKey', `inventory "${key}" is kept at location "${current.locationKey}" and cannot move; adjust the part's inventory at "${location.key}" instead`);
    }
    return current;
  });
  return { data: inventory, key: key! };
}

function updateMaterialInventory(ctx: WriteContext, key: string | null, body: Record<string, unknown>): WriteResult {
  const { state, stamp } = ctx;
  const material = existing(state, 'materials', 'part (material)', key!);
  const stocked = state.inventoriesOfMaterial(key!).map((inventoryKey) => live(state, 'inventories', inventoryKey)).filter((inventory) => inventory !== undefined);
  applyInventoryBody(ctx, demoPlantWriteRules.updateMaterialInventory, body, (fields, location) => {
    if (location) {
      const there = stocked.find((inventory) => inventory.locationKey === location.key);
      if (!there) fields.fail('locationKey', `part "${key}" is not stocked at location "${location.key}"`);
      return there;
    }
    if (stocked.length === 1) return stocked[0];
    if (stocked.length === 0) fields.fail('locationKey', `part "${key}" is not stocked at any location`);
    else fields.fail('locationKey', `is required: part "${key}" is stocked at ${stocked.length} locations (${stocked.map((inventory) => inventory.locationKey).join(', ')})`);
    return undefined;
  });
  const updated: Rec = { ...material, updatedAt: stamp };
  state.put('materials', updated);
  const inventories = state.inventoriesOfMaterial(key!).map((inventoryKey) => live(state, 'inventories', inventoryKey)).filter((inventory) => inventory !== undefined);
  return { data: { ...updated, inventories }, key: key! };
}

// ---------------------------------------------------------------- routing

type WriteHandler = (ctx: WriteContext, key: string | null, body: Record<string, unknown>) => WriteResult;

const handlers: Record<DemoPlantWriteOperation, WriteHandler> = {
  createWorkOrder,
  updateWorkOrder,
  updateWorkOrderStatus,
  createPurchaseOrder,
  updatePurchaseOrderStatus,
  updateInventory,
  updateMaterialInventory,
};

/** The write routes, each path as a pattern over what follows /api/eam/. */
const writeRoutes = Object.entries(demoPlantWriteRules).map(([operation, rule]) => {
  const pattern = rule.path
    .slice('/api/eam/'.length)
    .split('{key}')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('([^/]+)');
  return { operation: operation as DemoPlantWriteOperation, method: rule.method, pattern: new RegExp(`^${pattern}$`) };
});

export interface MatchedWrite {
  operation: DemoPlantWriteOperation;
  /** The record key in the path, for routes that have one. */
  key: string | null;
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
    let key: string | null = null;
    if (match[1] !== undefined) {
      try {
        key = decodeURIComponent(match[1]);
      } catch {
        return null;
      }
    }
    return { operation: route.operation, key };
  }
  return pathKnown ? 'method-not-allowed' : null;
}

/** Validates and applies one write at `nowMs`; throws WriteError when the plant refuses it. */
export function applyWrite(state: PlantState, write: MatchedWrite, body: unknown, nowMs: number): WriteResult {
  return handlers[write.operation]({ state, stamp: isoSeconds(nowMs) }, write.key, requireBody(body));
}
