import type { Asset } from '../domain/asset';
import { recordId, type WorkOrderFilter } from './work-order-filter';

/**
 * The assets the board's availability and MTBF are over: the active assets of the plants shown,
 * narrowed by the Asset filter when it picks some, else by the Site filter. The other filters
 * pick work orders, not assets, and leave this as it is. Ids are `connectionId\0assetKey`.
 */
export function boardAssetScope(assets: readonly Asset[], filter: Pick<WorkOrderFilter, 'siteIds' | 'assetIds'>, leaveOut: ReadonlySet<string>): Set<string> {
  const picked = filter.assetIds.length > 0 ? new Set(filter.assetIds) : null;
  const sites = filter.siteIds.length > 0 ? new Set(filter.siteIds) : null;
  const scope = new Set<string>();
  for (const asset of assets) {
    if (!asset.isActive || leaveOut.has(asset.connectionId)) continue;
    const id = recordId(asset.connectionId, asset.key);
    if (picked ? picked.has(id) : !sites || sites.has(recordId(asset.connectionId, asset.siteKey))) scope.add(id);
  }
  return scope;
}
