/**
 * What each write route takes (demoPlantWriteRules) checked against the plant's records: each
 * validator reads a body into the values to store, or throws 422 VALIDATION_ERROR naming every
 * field that is wrong. Nothing here changes the plant (see plant-writes.ts).
 */
import { demoPlantSeverities, demoPlantWriteRules, type DemoPlantWriteRule } from './demo-plant-write-rules';
import type { CollectionName, PlantState } from './plant-state';
import { serviceRequestLinkProblem, type ServiceRequestFiling } from './plant-service-requests';
import { BodyFields } from './write-body-fields';
import { plainObject, throwIfInvalid } from './write-error';
import { live, type WriteRecord } from './write-records';

type Rec = WriteRecord;

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
  ['assetDowntimeKey', 'assetDowntimes', 'asset downtime'],
] as const satisfies readonly (readonly [string, CollectionName, string])[];
const workOrderUnkeptRefs = [['accountKey', 'account']] as const;

/**
 * A work-order body as the changes to make to `record` (the current work order, or an empty one
 * when `creating`): per field the value to store, null to clear it, undefined to leave it.
 */
export function validateWorkOrderBody(state: PlantState, rule: DemoPlantWriteRule, body: Record<string, unknown>, record: Rec, creating: boolean): Record<string, unknown> {
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
  // The service request the work order is raised for (a create) or that is merged into it (an
  // update): plant-writes.ts approves it once the work order is stored.
  const serviceRequest = fields.ref('serviceRequestKey', 'serviceRequests', 'service request', state);
  if (serviceRequest) {
    const problem = serviceRequestLinkProblem(state, serviceRequest, creating ? null : (record.key ?? null));
    if (problem) fields.fail('serviceRequestKey', problem);
    else changes.serviceRequestKey = serviceRequest.key;
  } else if (serviceRequest === null) changes.serviceRequestKey = null;
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
  return changes;
}

// ---------------------------------------------------------------- purchase orders

const purchaseOrderTextFields = ['code', 'orderNo', 'title', 'description', 'shippingMethod', 'terms', 'notes'] as const;
const purchaseOrderDateFields = ['orderDate', 'dueAt', 'approvedAt', 'completedAt'] as const;
const purchaseOrderMoneyFields = ['totalNetValue', 'totalTaxValue', 'totalGrossValue'] as const;
const lineItemFields = ['materialKey', 'quantity', 'price'];
const maxLineItems = 200;

export interface PurchaseOrderCreation {
  /** The spec's text and date fields, then its money fields, in the order they are stored: null clears, undefined leaves out. */
  texts: Record<string, string | null | undefined>;
  amounts: Record<string, number | null | undefined>;
  site: Rec;
  vendor: Rec;
  /** The status asked for; when none, the order starts as Draft. */
  status: Rec | null | undefined;
  /** The demo extension `lineItems`; a line without a price (undefined or null) is priced from the part's stock. */
  lines: { material: Rec; quantity: number; price: number | null | undefined }[];
}

export function validatePurchaseOrderCreation(state: PlantState, body: Record<string, unknown>): PurchaseOrderCreation {
  const fields = new BodyFields(body);
  fields.checkShape(demoPlantWriteRules.createPurchaseOrder);
  const texts: PurchaseOrderCreation['texts'] = {};
  for (const name of purchaseOrderTextFields) texts[name] = fields.text(name);
  for (const name of purchaseOrderDateFields) texts[name] = fields.date(name);
  fields.date('createdAt');
  fields.date('updatedAt');
  const amounts: PurchaseOrderCreation['amounts'] = {};
  for (const name of purchaseOrderMoneyFields) amounts[name] = fields.number(name, { allowText: true });
  const site = fields.ref('siteKey', 'sites', 'site', state);
  const vendor = fields.ref('vendorKey', 'vendors', 'vendor', state);
  const status = fields.ref('statusKey', 'purchaseOrderStatuses', 'purchase-order status', state);
  fields.noneKept('currencyKey', 'currency');

  const lines: PurchaseOrderCreation['lines'] = [];
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
        if (material && typeof quantity === 'number') lines.push({ material, quantity, price });
      });
    }
  }
  throwIfInvalid(fields.errors);
  // Both are required (checkShape), so with no errors both name live records.
  return { texts, amounts, site: site!, vendor: vendor!, status, lines };
}

/** The purchase-order status a status body names by key, name or code. */
export function validatePurchaseOrderStatus(state: PlantState, body: Record<string, unknown>): Rec {
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
  return status!;
}

// ---------------------------------------------------------------- inventories

export interface InventoryChange {
  /** The inventory record to change. */
  inventory: Rec;
  code: string | null | undefined;
  name: string | null | undefined;
  quantity: number | null | undefined;
  unitCost: number | null | undefined;
}

/** Validates an inventory body; `choose` picks the record from the body's locationKey (and may fail it). */
function validateInventoryBody(
  state: PlantState,
  rule: DemoPlantWriteRule,
  body: Record<string, unknown>,
  choose: (fields: BodyFields, location: Rec | null | undefined) => Rec | undefined,
): InventoryChange {
  const fields = new BodyFields(body);
  fields.checkShape(rule);
  const code = fields.text('code');
  const name = fields.text('name');
  const quantity = fields.number('quantity', { integer: true });
  const unitCost = fields.number('unitCost', { integer: true });
  const location = fields.ref('locationKey', 'locations', 'location', state);
  const current = fields.ok('locationKey') ? choose(fields, location) : undefined;
  throwIfInvalid(fields.errors);
  return { inventory: current!, code, name, quantity, unitCost };
}

/** A body for `PUT inventories/{key}`: an inventory does not move, so a locationKey must be its own. */
export function validateInventoryUpdate(state: PlantState, current: Rec, body: Record<string, unknown>): InventoryChange {
  return validateInventoryBody(state, demoPlantWriteRules.updateInventory, body, (fields, location) => {
    if (location && location.key !== current.locationKey) {
      fields.fail('locationKey', `inventory "${current.key}" is kept at location "${current.locationKey}" and cannot move; adjust the part's inventory at "${location.key}" instead`);
    }
    return current;
  });
}

/** A body for `PUT materials/{key}/inventory`: the locationKey picks which of the part's inventories, and is required when it has several. */
export function validateMaterialInventoryUpdate(state: PlantState, materialKey: string, body: Record<string, unknown>): InventoryChange {
  const stocked = state.inventoriesOfMaterial(materialKey).map((inventoryKey) => live(state, 'inventories', inventoryKey)).filter((inventory) => inventory !== undefined);
  return validateInventoryBody(state, demoPlantWriteRules.updateMaterialInventory, body, (fields, location) => {
    if (location) {
      const there = stocked.find((inventory) => inventory.locationKey === location.key);
      if (!there) fields.fail('locationKey', `part "${materialKey}" is not stocked at location "${location.key}"`);
      return there;
    }
    if (stocked.length === 1) return stocked[0];
    if (stocked.length === 0) fields.fail('locationKey', `part "${materialKey}" is not stocked at any location`);
    else fields.fail('locationKey', `is required: part "${materialKey}" is stocked at ${stocked.length} locations (${stocked.map((inventory) => inventory.locationKey).join(', ')})`);
    return undefined;
  });
}

// ---------------------------------------------------------------- service requests

/** A body for `POST service-requests`: who reports what, and on which equipment. */
export function validateServiceRequestCreation(state: PlantState, body: Record<string, unknown>): ServiceRequestFiling {
  const fields = new BodyFields(body);
  fields.checkShape(demoPlantWriteRules.createServiceRequest);
  const title = fields.text('title');
  const description = fields.text('description');
  const requester = fields.ref('userRequestedKey', 'users', 'user', state);
  const asset = fields.ref('assetKey', 'assets', 'asset', state);
  throwIfInvalid(fields.errors);
  // title and userRequestedKey are required (checkShape), so with no errors both are there.
  return { title: title!, description: description ?? undefined, requester: requester!, asset: asset ?? undefined };
}

// ---------------------------------------------------------------- work-order materials

export interface WorkOrderMaterialBody {
  /** The part a new line is for (POST); undefined on an update, whose part is the path's. */
  material: Rec | undefined;
  /** The storeroom (a location) named in the body, if any. */
  storeroom: Rec | undefined;
  /** Whole numbers of at least 0; undefined when not sent. */
  requiredQuantity: number | undefined;
  usedQuantity: number | undefined;
}

/**
 * A body for `POST work-orders/{key}/materials` (`pathMaterialKey` null) or `PUT
 * work-orders/{key}/materials/{materialKey}`: the part, where it is taken from, and how many are
 * needed and used, as numbers or strings holding whole numbers. An update's materialKey, when
 * sent, must be its path's: a line does not change part. Whether the work order already has a line
 * for the part and whether the stock allows the use are the plant's to check (plant-work-order-materials.ts).
 */
export function validateWorkOrderMaterialBody(state: PlantState, rule: DemoPlantWriteRule, body: Record<string, unknown>, pathMaterialKey: string | null): WorkOrderMaterialBody {
  const fields = new BodyFields(body);
  fields.checkShape(rule);
  let material: Rec | undefined;
  if (pathMaterialKey === null) material = fields.ref('materialKey', 'materials', 'part (material)', state) ?? undefined;
  else {
    const named = fields.text('materialKey');
    if (typeof named === 'string' && named !== pathMaterialKey) fields.fail('materialKey', `must be the part in the path ("${pathMaterialKey}"): a line does not change part; add a line for "${named}" instead`);
  }
  const storeroom = fields.ref('storeroomKey', 'locations', 'storeroom (location)', state) ?? undefined;
  const quantity = (name: string) => fields.number(name, { integer: true, allowText: true }) ?? undefined;
  const requiredQuantity = quantity('requiredQuantity');
  const usedQuantity = quantity('usedQuantity');
  throwIfInvalid(fields.errors);
  return { material, storeroom, requiredQuantity, usedQuantity };
}
