import type { Asset } from '../../../shared/domain/asset';
import type { Site } from '../../../shared/domain/site';
import type { WorkOrder } from '../../../shared/domain/work-order';

export interface AssetWorkRow {
  assetKey: string;
  assetName: string;
  open: number;
  overdue: number;
  nextScheduledAt: string | null;
}

export interface SiteWorkGroup {
  connectionId: string;
  siteKey: string | null;
  siteName: string;
  rows: AssetWorkRow[];
}

/** Open work orders (not completed) per asset, grouped by the asset's site, soonest next date first. */
export function upcomingWorkBySite(sites: readonly Site[], assets: readonly Asset[], workOrders: readonly WorkOrder[], now = new Date()): SiteWorkGroup[] {
  const nowIso = now.toISOString();
  const id = (connectionId: string, key: string) => `${connectionId}\u0000${key}`;
  const rows = new Map<string, AssetWorkRow & { connectionId: string }>();
  const assetByKey = new Map(assets.map((asset) => [id(asset.connectionId, asset.key), asset]));
  for (const workOrder of workOrders) {
    if (workOrder.completedAt !== null || workOrder.assetKey === null) continue;
    const asset = assetByKey.get(id(workOrder.connectionId, workOrder.assetKey));
    if (!asset) continue;
    let row = rows.get(id(asset.connectionId, asset.key));
    if (!row) {
      row = { connectionId: asset.connectionId, assetKey: asset.key, assetName: asset.name, open: 0, overdue: 0, nextScheduledAt: null };
      rows.set(id(asset.connectionId, asset.key), row);
    }
    row.open += 1;
    if (workOrder.dueAt !== null && workOrder.dueAt < nowIso) row.overdue += 1;
    if (workOrder.scheduledAt !== null && workOrder.scheduledAt >= nowIso && (row.nextScheduledAt === null || workOrder.scheduledAt < row.nextScheduledAt)) {
      row.nextScheduledAt = workOrder.scheduledAt;
    }
  }
  const siteNames = new Map(sites.map((site) => [id(site.connectionId, site.key), site.name]));
  const groups = new Map<string, SiteWorkGroup>();
  for (const { connectionId, ...row } of rows.values()) {
    const siteKey = assetByKey.get(id(connectionId, row.assetKey))?.siteKey ?? null;
    const groupId = id(connectionId, siteKey ?? '');
    let group = groups.get(groupId);
    if (!group) {
      group = { connectionId, siteKey, siteName: (siteKey && siteNames.get(id(connectionId, siteKey))) || 'No site', rows: [] };
      groups.set(groupId, group);
    }
    group.rows.push(row);
  }
  const soonest = (a: AssetWorkRow, b: AssetWorkRow) =>
    (a.nextScheduledAt ?? '\uffff').localeCompare(b.nextScheduledAt ?? '\uffff') || a.assetName.localeCompare(b.assetName);
  return [...groups.values()].map((group) => ({ ...group, rows: group.rows.sort(soonest) })).sort((a, b) => a.siteName.localeCompare(b.siteName));
}
