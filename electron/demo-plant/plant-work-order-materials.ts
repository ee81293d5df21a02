/**
 * The parts of a work order as writes change them (see this folder's README, "Parts used on work
 * orders"): the spec's POST /api/eam/work-orders/{key}/materials adds a line for a part, PUT
 * …/materials/{materialKey} changes the line for that part, and what is used comes out of stock.
 *
 * A line is a MaterialItem: `requiredQuantity` what the work needs, `quantity` what has been issued
 * to it so far (the spec's write routes call it `usedQuantity`; the spec's MaterialItem, the
 * generator and the app's reader call it `quantity`), and `storeroomKey`, not in the spec's
 * MaterialItem, the location the parts were taken from. Raising the used quantity takes the
 * difference out of that storeroom's stock (its bins and its inventory, see plant-stock.ts);
 * lowering it puts the difference back.
 */
import { demoPlantWriteRules } from './demo-plant-write-rules';
import type { PlantState } from './plant-state';
import { moveStock, stockAt, storeroomsKeeping } from './plant-stock';
import { validateWorkOrderMaterialBody } from './plant-write-validation';
import { throwIfInvalid, WriteError } from './write-error';
import { inFieldOrder, type WriteRecord } from './write-records';

type Rec = WriteRecord;

/** The spec's MaterialItem fields, in its order: lines the plant writes list theirs so (storeroomKey, the plant's own, after them). */
const materialItemFieldOrder = [
  'key',
  'materialKey',
  'assemblyKey',
  'assetKey',
  'assetTemplateKey',
  'workOrderKey',
  'pmKey',
  'productionOrderKey',
  'partNumber',
  'drawingNumber',
  'positionNumber',
  'documentKey',
  'name',
  'uomKey',
  'quantity',
  'requiredQuantity',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'storeroomKey',
] as const;

/** Every line of a work order, soft-deleted ones included (as lists serve them), in change order. */
export function materialLinesOf(state: PlantState, workOrderKey: string): Rec[] {
  return (state.collections.workOrderMaterials.all() as Rec[]).filter((line) => line.workOrderKey === workOrderKey);
}

/** The work order's live line for a part, if it has one (the plant keeps one per part). */
function lineFor(state: PlantState, workOrderKey: string, materialKey: string): Rec | undefined {
  return (state.collections.workOrderMaterials.live() as Rec[]).find((line) => line.workOrderKey === workOrderKey && line.materialKey === materialKey);
}

const count = (value: unknown) => Math.max(0, Number(value) || 0);

function partLabel(state: PlantState, materialKey: string): string {
  const material = state.collections.materials.get(materialKey) as Rec | undefined;
  return material?.name ? `"${String(material.name)}" (${materialKey})` : `"${materialKey}"`;
}

function storeroomLabel(state: PlantState, locationKey: string): string {
  const location = state.collections.locations.get(locationKey) as Rec | undefined;
  const name = location?.code ?? location?.name;
  return name ? `"${String(name)}" (${locationKey})` : `"${locationKey}"`;
}

/** Where else the part is on hand, for a refusal's message. */
function onHandElsewhere(state: PlantState, materialKey: string, except: string): string {
  const others = storeroomsKeeping(state, materialKey).filter((stock) => stock.locationKey !== except && stock.onHand > 0);
  return others.length === 0 ? '' : `; on hand elsewhere: ${others.map((stock) => `${stock.onHand} at ${storeroomLabel(state, stock.locationKey)}`).join(', ')}`;
}

interface StockIssue {
  /** The storeroom the line's parts are taken from after this write; undefined while none is known and none was needed. */
  storeroomKey: string | undefined;
  /** Stock to move: positive back into a storeroom, negative out of it. */
  moves: { locationKey: string; change: number }[];
}

/**
 * What a line's use does to stock: its part's used quantity goes from `previousUsed` to `used`,
 * taken from the storeroom named (`requested`), or the line's, or else the one holding the most of
 * the part. A line whose storeroom changes returns what it had used to the old one and takes all
 * it uses from the new one. Refuses (422) a take beyond what is on hand (naming usedQuantity), a
 * take with no storeroom holding any and none named, and a return to a storeroom that keeps no
 * record of the part (naming storeroomKey). Changes nothing.
 */
function planIssue(state: PlantState, materialKey: string, lineStoreroomKey: string | undefined, requested: Rec | undefined, previousUsed: number, used: number): StockIssue {
  const errors: Record<string, string> = {};
  const delta = used - previousUsed;
  let target = requested?.key ?? lineStoreroomKey;
  if (target === undefined) {
    const keeping = storeroomsKeeping(state, materialKey);
    const fullest = keeping[0];
    if (fullest && fullest.onHand > 0) target = fullest.locationKey;
    else if (delta > 0) {
      errors.storeroomKey = `is required: no storeroom has part ${partLabel(state, materialKey)} on hand to take ${delta} from; name the storeroom the parts come from`;
    } else if (delta < 0) {
      if (fullest) target = fullest.locationKey;
      else errors.storeroomKey = `is required: no storeroom keeps part ${partLabel(state, materialKey)} to return ${-delta} to`;
    }
  }
  throwIfInvalid(errors);
  if (target === undefined) return { storeroomKey: undefined, moves: [] };

  const from = lineStoreroomKey ?? target;
  const moves = (from === target ? [{ locationKey: target, change: -delta }] : [{ locationKey: from, change: previousUsed }, { locationKey: target, change: -used }]).filter((move) => move.change !== 0);
  for (const { locationKey, change } of moves) {
    const stock = stockAt(state, materialKey, locationKey);
    if (change < 0 && stock.onHand < -change) {
      const raise = from === target ? `raises the use by ${-change}` : `takes ${-change} from a new storeroom`;
      errors.usedQuantity ??= `${raise}, but only ${stock.onHand} of part ${partLabel(state, materialKey)} ${stock.onHand === 1 ? 'is' : 'are'} on hand at storeroom ${storeroomLabel(state, locationKey)}${onHandElsewhere(state, materialKey, locationKey)}`;
    } else if (change > 0 && !stock.kept) {
      errors.storeroomKey ??= `storeroom ${storeroomLabel(state, locationKey)} keeps no stock of part ${partLabel(state, materialKey)} to return ${change} to`;
    }
  }
  throwIfInvalid(errors);
  return { storeroomKey: target, moves };
}

function applyIssue(state: PlantState, materialKey: string, issue: StockIssue, stamp: string): void {
  for (const { locationKey, change } of issue.moves) moveStock(state, materialKey, locationKey, change, stamp);
}

/** POST work-orders/{key}/materials: a new line for a part the work order has none for, its use taken out of stock. */
export function addWorkOrderMaterial(state: PlantState, workOrder: Rec, body: Record<string, unknown>, stamp: string): Rec {
  const { material, storeroom, requiredQuantity, usedQuantity } = validateWorkOrderMaterialBody(state, demoPlantWriteRules.addWorkOrderMaterial, body, null);
  // materialKey and both quantities are required (checkShape), so with no errors all three are here.
  const materialKey = material!.key!;
  const existingLine = lineFor(state, workOrder.key!, materialKey);
  if (existingLine) {
    throwIfInvalid({
      materialKey: `work order "${workOrder.key}" already has line ${existingLine.key} for part ${partLabel(state, materialKey)}; update that line instead: PUT /api/eam/work-orders/${workOrder.key}/materials/${materialKey}`,
    });
  }
  const issue = planIssue(state, materialKey, undefined, storeroom, 0, usedQuantity!);
  const line = inFieldOrder(materialItemFieldOrder, {
    key: state.nextKey('workOrderMaterials'),
    materialKey,
    assetKey: workOrder.assetKey,
    workOrderKey: workOrder.key,
    partNumber: material!.partNumber,
    name: material!.name,
    uomKey: material!.uomKey,
    quantity: String(usedQuantity),
    requiredQuantity: String(requiredQuantity),
    createdAt: stamp,
    updatedAt: stamp,
    storeroomKey: issue.storeroomKey,
  });
  state.put('workOrderMaterials', line);
  applyIssue(state, materialKey, issue, stamp);
  return line;
}

/** PUT work-orders/{key}/materials/{materialKey}: the work order's line for that part; a change of use moves stock by the difference. */
export function updateWorkOrderMaterial(state: PlantState, workOrder: Rec, materialKey: string, body: Record<string, unknown>, stamp: string): Rec {
  const current = lineFor(state, workOrder.key!, materialKey);
  if (!current) throw new WriteError(404, 'NOT_FOUND', `Work order ${workOrder.key} has no line for part ${materialKey}; add one with POST /api/eam/work-orders/${workOrder.key}/materials.`);
  const { storeroom, requiredQuantity, usedQuantity } = validateWorkOrderMaterialBody(state, demoPlantWriteRules.updateWorkOrderMaterial, body, materialKey);
  const previousUsed = count(current.quantity);
  const used = usedQuantity ?? previousUsed;
  const lineStoreroomKey = typeof current.storeroomKey === 'string' ? current.storeroomKey : undefined;
  const issue = planIssue(state, materialKey, lineStoreroomKey, storeroom, previousUsed, used);
  const line = inFieldOrder(materialItemFieldOrder, {
    ...current,
    quantity: usedQuantity === undefined ? current.quantity : String(usedQuantity),
    requiredQuantity: requiredQuantity === undefined ? current.requiredQuantity : String(requiredQuantity),
    storeroomKey: issue.storeroomKey ?? lineStoreroomKey,
    updatedAt: stamp,
  });
  state.put('workOrderMaterials', line);
  applyIssue(state, materialKey, issue, stamp);
  return line;
}
