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
  siteKey: string | null;
  siteName: string;
  rows: AssetWorkRow[];
}

/** Open work orders (not completed) per asset, grouped by the asset's site, soonest next date first. */
export function upcomingWorkBySite(sites: readonly Site[], assets: readonly Asset[], workOrders: readonly WorkOrder[], now = new Date()): SiteWorkGroup[] {
  const nowIso = now.toISOString();
  const rows = new Map<string, AssetWorkRow>();
  const assetByKey = new Map(assets.map((asset) => [asset.key, asset]));
  for (const workOrder of workOrders) {
    if (workOrder.completedAt !== null || workOrder.assetKey === null) continue;
    const asset = assetByKey.get(workOrder.assetKey);
    if (!asset) continue;
    let row = rows.get(asset.key);
    if (!row) rows.set(asset.key, (row = { assetKey: asset.key, assetName: asset.name, open: 0, overdue: 0, nextScheduledAt: null }));
    row.open += 1;
    if (workOrder.dueAt !== null && workOrder.dueAt < nowIso) row.overdue += 1;
    if (workOrder.scheduledAt !== null && workOrder.scheduledAt >= nowIso && (row.nextScheduledAt === null || workOrder.scheduledAt < row.nextScheduledAt)) {
      row.nextScheduledAt = workOrder.scheduledAt;
    }
  }
  const siteNames = new Map(sites.map((site) => [site.key, site.name]));
  const groups = new Map<string | null, SiteWorkGroup>();
  for (const row of rows.values()) {
    const siteKey = assetByKey.get(row.assetKey)?.siteKey ?? null;
    let group = groups.get(siteKey);
    if (!group) groups.set(siteKey, (group = { siteKey, siteName: (siteKey && siteNames.get(siteKey)) || 'No site', rows: [] }));
    group.rows.push(row);
  }
  const soonest = (a: AssetWorkRow, b: AssetWorkRow) =>
    (a.nextScheduledAt ?? '\uffff').localeCompare(b.nextScheduledAt ?? '\uffff') || a.assetName.localeCompare(b.assetName);
  return [...groups.values()].map((group) => ({ ...group, rows: group.rows.sort(soonest) })).sort((a, b) => a.siteName.localeCompare(b.siteName));
}
