import { useLiveQuery } from 'dexie-react-hooks';
import { unsettledStates } from '../../../shared/domain/outbox-operation';
import type { PurchaseOrder } from '../../../shared/domain/purchase-order';
import type { PurchaseOrderLineItem } from '../../../shared/domain/purchase-order-line-item';
import type { WorkOrderStatus } from '../../../shared/domain/work-order-status';
import { appDb } from '../../db/app-db';
import { markKey, outboxMarks, type OutboxMark } from '../../ui/use-outbox';

/** A purchase order with what the page shows beside it. */
export interface ShownPurchaseOrder {
  order: PurchaseOrder;
  status: WorkOrderStatus | null;
  vendorName: string | null;
  siteName: string | null;
  lines: PurchaseOrderLineItem[];
  /** How its unsent changes stand, if it has any. */
  mark: OutboxMark | null;
}

export interface PurchasingView {
  orders: ShownPurchaseOrder[];
  /** Each plant's purchase-order status table, in the plant's order. */
  statuses: WorkOrderStatus[];
  /** Part names by `connectionId\0key`, for the lines. */
  partNames: ReadonlyMap<string, string>;
}

const ref = (connectionId: string, key: string | null) => `${connectionId}\u0000${key ?? ''}`;
/** Newest first: the order placed last is the one being chased. */
const newestFirst = (a: ShownPurchaseOrder, b: ShownPurchaseOrder) => (b.order.orderDate ?? b.order.updatedAt).localeCompare(a.order.orderDate ?? a.order.updatedAt);

/** Every cached purchase order with its status, vendor, site, lines and unsent change; live. */
export function usePurchaseOrders(): PurchasingView | undefined {
  return useLiveQuery(async () => {
    const [orders, statuses, vendors, sites, lines, materials, operations] = await Promise.all([
      appDb.purchaseOrders.toArray(),
      appDb.purchaseOrderStatuses.toArray(),
      appDb.vendors.toArray(),
      appDb.sites.toArray(),
      appDb.purchaseOrderLineItems.toArray(),
      appDb.materials.toArray(),
      appDb.outbox.where('state').anyOf([...unsettledStates]).toArray(),
    ]);
    const statusOf = new Map(statuses.map((status) => [ref(status.connectionId, status.key), status]));
    const vendorOf = new Map(vendors.map((vendor) => [ref(vendor.connectionId, vendor.key), vendor.name]));
    const siteOf = new Map(sites.map((site) => [ref(site.connectionId, site.key), site.name]));
    const linesOf = new Map<string, PurchaseOrderLineItem[]>();
    for (const line of lines) {
      const id = ref(line.connectionId, line.purchaseOrderKey);
      const list = linesOf.get(id);
      if (list) list.push(line);
      else linesOf.set(id, [line]);
    }
    const marks = outboxMarks(operations, 'purchaseOrders');
    const shown = orders.map((order): ShownPurchaseOrder => ({
      order,
      status: order.statusKey ? (statusOf.get(ref(order.connectionId, order.statusKey)) ?? null) : null,
      vendorName: order.vendorKey ? (vendorOf.get(ref(order.connectionId, order.vendorKey)) ?? null) : null,
      siteName: order.siteKey ? (siteOf.get(ref(order.connectionId, order.siteKey)) ?? null) : null,
      lines: (linesOf.get(ref(order.connectionId, order.key)) ?? []).sort((a, b) => Number(a.lineNo ?? 0) - Number(b.lineNo ?? 0)),
      mark: marks.get(markKey(order.connectionId, order.key)) ?? null,
    }));
    return {
      orders: shown.sort(newestFirst),
      statuses,
      partNames: new Map(materials.map((material) => [ref(material.connectionId, material.key), material.name])),
    };
  }, []);
}
