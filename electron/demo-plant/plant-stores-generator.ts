/**
 * The plant's stores and purchasing: vendors, parts with their inventories and stock bins at the
 * sites' stores, and purchase orders with their lines.
 */
import type { components } from '../core/connectors/makini/makini-eam-api';
import { purchaseOrderStatusNames, type PlantPOLineItem, type PlantPurchaseOrder, type PurchaseOrderStatusName } from './plant-data';
import { mixForAge, wireString, type MaterialInfo, type PlantGeneration } from './plant-generation';
import { day, hour, iso, minute, twoDigits } from './plant-time';
import { partCriticalityWeights, partFamilies, partManufacturers, purchasePurposes, vendorNames, type PartFamily } from './stores-vocabulary';

type S = components['schemas'];

const purchaseOrderStatusMix: readonly { maxAgeDays: number; weights: readonly (readonly [PurchaseOrderStatusName, number])[] }[] = [
  { maxAgeDays: 7, weights: [['Draft', 30], ['Pending approval', 30], ['Approved', 20], ['Ordered', 20]] },
  {
    maxAgeDays: 60,
    weights: [['Draft', 5], ['Pending approval', 10], ['Approved', 10], ['Ordered', 35], ['Partially received', 20], ['Received', 15], ['Closed', 5]],
  },
  { maxAgeDays: Infinity, weights: [['Pending approval', 1], ['Ordered', 3], ['Partially received', 4], ['Received', 27], ['Closed', 65]] },
];

const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

export function generateVendors(plant: PlantGeneration): void {
  vendorNames.forEach((name, index) => {
    const key = plant.key('vendor');
    const { createdAt, updatedAt } = plant.stamps(plant.daysAgo(2500), plant.daysAgo(400), plant.daysAgo(7));
    plant.data.vendors.push({ key, name, code: `V${String(1001 + index)}`, createdAt, updatedAt });
    plant.vendorKeys.push(key);
  });
}

export function generateMaterialsAndInventories(plant: PlantGeneration): void {
  const variants = plant.random.shuffle(partFamilies.flatMap((family) => family.variants.map((variant): [PartFamily, string] => [family, variant])));
  // When there are more parts than variants, a variant comes again from a different manufacturer.
  const manufacturerOffsets = variants.map(() => plant.random.int(0, partManufacturers.length - 1));
  const codeBase = plant.random.int(10_000, 60_000);
  for (let i = 0; i < plant.sizes.parts; i++) {
    const [family, variant] = variants[i % variants.length]!;
    const round = Math.floor(i / variants.length);
    const manufacturerName = partManufacturers[(manufacturerOffsets[i % variants.length]! + round) % partManufacturers.length]!;
    const name = `${family.family} ${variant}`;
    const code = `MAT-${codeBase + i}`;
    const partNumber = `${manufacturerName.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase()}-${plant.random.int(10_000, 99_999)}`;
    const priceCents = plant.random.int(family.price[0] * 100, family.price[1] * 100);
    const { created, createdAt, updatedAt } = plant.stamps(plant.daysAgo(1800), plant.daysAgo(60), plant.now);
    const key = plant.key('material');
    plant.data.materials.push({
      key,
      code,
      name,
      partNumber,
      manufacturerName,
      criticality: plant.random.weighted(partCriticalityWeights),
      isActive: true,
      description: `${family.category}: ${name}, stocked per ${family.unit}.`,
      createdAt,
      updatedAt,
    });
    const material: MaterialInfo = { key, name, partNumber, priceCents, created };
    plant.materialInfos.push(material);
    const vendorKey = plant.random.pick(plant.vendorKeys);
    const supplied = plant.materialsByVendor.get(vendorKey);
    if (supplied) supplied.push(material);
    else plant.materialsByVendor.set(vendorKey, [material]);

    if (plant.siteInfos.length === 0) continue;
    const homeSite = plant.random.pick(plant.siteInfos);
    const stockedAt = [homeSite];
    if (plant.siteInfos.length > 1 && plant.random.chance(0.3)) {
      stockedAt.push(plant.random.pick(plant.siteInfos.filter((site) => site !== homeSite)));
    }
    for (const site of stockedAt) {
      // Stock levels move all the time: inventories are among the most recently updated records.
      const stockCreated = plant.between(created, plant.daysAgo(30));
      const inventory: S['Inventory'] = {
        key: plant.key('inventory'),
        code: `${site.code}-${code}`,
        name,
        quantity: plant.random.chance(0.1) ? 0 : plant.random.int(1, 80),
        unitCost: Math.max(1, Math.round(priceCents / 100)),
        locationKey: site.stores.key,
        createdAt: iso(stockCreated),
        updatedAt: iso(plant.between(Math.max(stockCreated, plant.daysAgo(90)), plant.now)),
      };
      plant.data.inventories.push(inventory);
      plant.stockedParts.push({ material, siteKey: site.key, inventory, created: stockCreated });
    }
  }
}

export function generatePurchaseOrders(plant: PlantGeneration): void {
  const count = plant.sizes.purchaseOrders;
  if (count === 0) return;
  const createdTimes = new Float64Array(count);
  for (let i = 0; i < count; i++) createdTimes[i] = plant.now - plant.random.int(hour, 540 * day);
  createdTimes.sort();
  const suppliers = plant.vendorKeys.filter((vendorKey) => plant.materialsByVendor.has(vendorKey));
  const orderNoBase = plant.random.int(10_000, 40_000);

  for (let i = 0; i < count; i++) {
    const created = createdTimes[i]!;
    const statusName = plant.random.weighted(mixForAge(purchaseOrderStatusMix, plant.now - created));
    const statusIndex = purchaseOrderStatusNames.indexOf(statusName);
    const vendorKey = plant.random.pick(suppliers);
    const site = plant.random.pick(plant.siteInfos);
    const due = created + plant.random.int(5 * day, 45 * day);
    const approved = statusIndex >= purchaseOrderStatusNames.indexOf('Approved') ? plant.between(Math.min(created + 10 * minute, plant.now), Math.min(created + 3 * day, plant.now)) : null;
    // Deliveries arrive within a week of the due date; if that week has not begun, they came early.
    const received =
      approved !== null && statusIndex >= purchaseOrderStatusNames.indexOf('Received')
        ? due - 7 * day > plant.now
          ? plant.between(approved, plant.now)
          : plant.between(Math.max(approved, due - 7 * day), Math.min(due + 7 * day, plant.now))
        : null;
    let updated: number;
    if (received !== null) updated = statusName === 'Closed' ? plant.between(received, Math.min(received + 20 * day, plant.now)) : received;
    else if (approved === null) updated = plant.between(created, Math.min(created + 2 * day, plant.now));
    else if (statusName === 'Approved') updated = approved;
    else if (statusName === 'Ordered') updated = plant.between(approved, Math.min(approved + 2 * day, plant.now));
    else updated = plant.between(approved, plant.now); // Partially received: deliveries arrive at any time.

    const key = plant.key('purchaseOrder');
    const supplied = plant.materialsByVendor.get(vendorKey)!;
    const lineCount = plant.random.int(1, Math.min(5, supplied.length));
    const chosen = new Set<MaterialInfo>();
    while (chosen.size < lineCount) chosen.add(plant.random.pick(supplied));
    let totalCents = 0;
    let lineNo = 0;
    for (const material of chosen) {
      lineNo++;
      const partial = statusName === 'Partially received';
      const quantity = plant.random.int(partial && lineNo === 1 ? 2 : 1, 40);
      const priceCents = Math.max(1, Math.round(material.priceCents * (0.9 + 0.2 * plant.random.next())));
      totalCents += quantity * priceCents;
      let receivedQuantity = 0;
      let lineStatus: PurchaseOrderStatusName = statusName;
      if (received !== null) receivedQuantity = quantity;
      else if (partial) {
        // The first line is part-delivered; the others may be complete, partial or still outstanding.
        receivedQuantity = lineNo === 1 ? plant.random.int(1, quantity - 1) : plant.random.int(0, quantity);
        lineStatus = receivedQuantity === quantity ? 'Received' : receivedQuantity === 0 ? 'Ordered' : 'Partially received';
      }
      const lineItem: PlantPOLineItem = {
        key: plant.key('poLineItem'),
        purchaseOrderKey: key,
        lineNo: String(lineNo),
        materialKey: material.key,
        vendorKey,
        name: material.name,
        quantity: wireString(String(quantity)),
        receivedQuantity: wireString(String(receivedQuantity)),
        price: wireString(money(priceCents)),
        statusKey: plant.purchaseOrderStatusKeys.get(lineStatus)!,
        dueAt: iso(due),
        createdAt: iso(created),
        updatedAt: iso(updated),
      };
      plant.data.purchaseOrderLineItems.push(lineItem);
    }

    const [first] = chosen;
    const order: PlantPurchaseOrder = {
      key,
      orderNo: `PO-${orderNoBase + i}`,
      title: `${plant.random.pick(purchasePurposes)}: ${first!.name}${lineCount > 1 ? ` + ${lineCount - 1} more` : ''}`,
      siteKey: site.key,
      vendorKey,
      statusKey: plant.purchaseOrderStatusKeys.get(statusName)!,
      orderDate: wireString(iso(created)),
      dueAt: iso(due),
      totalNetValue: money(totalCents),
      createdAt: iso(created),
      updatedAt: iso(updated),
    };
    if (approved !== null) order.approvedAt = iso(approved);
    if (received !== null) order.completedAt = iso(received);
    plant.data.purchaseOrders.push(order);
  }
}

/** Each stocked part's bin in its site's stores, or two bins, holding its inventory quantity between them. */
export function generateStocks(plant: PlantGeneration): void {
  for (const { material, inventory, created } of plant.stockedParts) {
    const quantity = inventory.quantity ?? 0;
    const split = quantity >= 2 && plant.random.chance(0.15) ? plant.random.int(1, quantity - 1) : 0;
    for (const binQuantity of split > 0 ? [split, quantity - split] : [quantity]) {
      const minLevel = plant.random.int(1, 8);
      const maxLevel = minLevel + plant.random.int(10, 50);
      plant.data.stocks.push({
        key: plant.key('stock'),
        materialKey: material.key,
        locationKey: inventory.locationKey,
        position: `${String.fromCharCode(65 + plant.random.int(0, 5))}-${twoDigits(plant.random.int(1, 12))}-${plant.random.int(1, 5)}`,
        quantity: wireString(String(binQuantity)),
        minLevel: wireString(String(minLevel)),
        maxLevel: wireString(String(maxLevel)),
        reorderPoint: String(minLevel),
        reorderQuantity: wireString(String(maxLevel - minLevel)),
        createdAt: inventory.createdAt,
        updatedAt: iso(plant.between(Math.max(created, plant.daysAgo(90)), plant.now)),
      });
    }
  }
}
