import type { Asset } from '../domain/asset';
import type { Location } from '../domain/location';
import type { Site } from '../domain/site';

export type HierarchyRow =
  | { kind: 'site'; id: string; connectionId: string; siteKey: string | null; name: string; assetCount: number }
  | { kind: 'location'; id: string; connectionId: string; locationKey: string | null; name: string; code: string | null; depth: number; assetCount: number }
  | { kind: 'asset'; id: string; asset: Asset; depth: number };

/** A record's id across connections. */
export const recordId = (connectionId: string, key: string) => `${connectionId}\u0000${key}`;

/** One collator for every comparison: `localeCompare` with options builds one per call. */
const naturalOrder = new Intl.Collator(undefined, { numeric: true });
const byName = <T extends { name: string }>(a: T, b: T) => naturalOrder.compare(a.name, b.name);

/**
 * The schedule's rows: each site, its location tree (locations under their parent location), and
 * in each location its assets with child assets under their parent. Names sort naturally
 * ("P-9" before "P-10"). Assets with no known location come last in their site under "No location",
 * assets with no known site under "No site". Only assets `include` accepts are listed, and only
 * the sites and locations that then hold any. Parent links that loop are cut.
 */
export function assetHierarchy(
  sites: readonly Site[],
  locations: readonly Location[],
  assets: readonly Asset[],
  include: (asset: Asset) => boolean = () => true,
): HierarchyRow[] {
  const siteById = new Map(sites.map((site) => [recordId(site.connectionId, site.key), site]));
  const locationById = new Map(locations.map((location) => [recordId(location.connectionId, location.key), location]));
  const shown = assets.filter(include);

  // Assets by the location they sit in (null: none known), and by parent asset.
  const assetsAt = new Map<string, Asset[]>();
  const childAssets = new Map<string, Asset[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const siteOf = (asset: Asset) => {
    const location = asset.locationKey === null ? undefined : locationById.get(recordId(asset.connectionId, asset.locationKey));
    const siteKey = asset.siteKey ?? location?.siteKey ?? null;
    return siteKey !== null && siteById.has(recordId(asset.connectionId, siteKey)) ? recordId(asset.connectionId, siteKey) : null;
  };
  /** The asset's location when it is listed under the asset's site (a location of another site, or of none, is not). */
  const locationOf = (asset: Asset) => {
    const location = asset.locationKey === null ? undefined : locationById.get(recordId(asset.connectionId, asset.locationKey));
    const siteId = siteOf(asset);
    return location && location.siteKey !== null && siteId === recordId(location.connectionId, location.siteKey) ? recordId(location.connectionId, location.key) : null;
  };
  const shownById = new Map(shown.map((asset) => [recordId(asset.connectionId, asset.key), asset]));
  /** Whether following parents from the asset comes back to it. */
  const inLoop = (asset: Asset) => {
    const start = recordId(asset.connectionId, asset.key);
    const seen = new Set<string>();
    for (let current = asset.parentKey === null ? undefined : shownById.get(recordId(asset.connectionId, asset.parentKey)); current; ) {
      const id = recordId(current.connectionId, current.key);
      if (id === start) return true;
      if (seen.has(id)) return false;
      seen.add(id);
      current = current.parentKey === null ? undefined : shownById.get(recordId(current.connectionId, current.parentKey));
    }
    return false;
  };
  for (const asset of shown) {
    const parentId = asset.parentKey === null ? null : recordId(asset.connectionId, asset.parentKey);
    const parent = parentId === null || inLoop(asset) ? undefined : shownById.get(parentId);
    // A child sits under its parent only when both are in the same place; otherwise it stands on its own.
    if (parent && locationOf(parent) === locationOf(asset) && siteOf(parent) === siteOf(asset)) push(childAssets, parentId!, asset);
    else push(assetsAt, `${siteOf(asset) ?? `${asset.connectionId}\u0000`}|${locationOf(asset) ?? ''}`, asset);
  }

  const childLocations = new Map<string, Location[]>();
  const rootLocations = new Map<string, Location[]>();
  for (const location of locations) {
    const siteId = location.siteKey === null ? null : recordId(location.connectionId, location.siteKey);
    if (siteId === null || !siteById.has(siteId)) continue;
    const parentId = location.parentKey === null ? null : recordId(location.connectionId, location.parentKey);
    const parent = parentId === null ? undefined : locationById.get(parentId);
    if (parent && parent.siteKey === location.siteKey) push(childLocations, parentId!, location);
    else push(rootLocations, siteId, location);
  }

  const rows: HierarchyRow[] = [];
  const assetRows = (list: readonly Asset[], depth: number, seen: Set<string>): HierarchyRow[] => {
    const out: HierarchyRow[] = [];
    for (const asset of [...list].sort(byName)) {
      const id = recordId(asset.connectionId, asset.key);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ kind: 'asset', id, asset, depth });
      out.push(...assetRows(childAssets.get(id) ?? [], depth + 1, seen));
    }
    return out;
  };
  const locationRows = (siteId: string, list: readonly Location[], depth: number, seen: Set<string>): HierarchyRow[] => {
    const out: HierarchyRow[] = [];
    for (const location of [...list].sort(byName)) {
      const id = recordId(location.connectionId, location.key);
      if (seen.has(id)) continue;
      seen.add(id);
      const own = assetRows(assetsAt.get(`${siteId}|${id}`) ?? [], depth + 1, seen);
      const below = locationRows(siteId, childLocations.get(id) ?? [], depth + 1, seen);
      const assetCount = [...own, ...below].filter((row) => row.kind === 'asset').length;
      if (assetCount === 0) continue;
      out.push({ kind: 'location', id, connectionId: location.connectionId, locationKey: location.key, name: location.name, code: location.code, depth, assetCount }, ...own, ...below);
    }
    return out;
  };
  const emitSite = (siteId: string, connectionId: string, siteKey: string | null, name: string) => {
    const seen = new Set<string>();
    const inner = locationRows(siteId, rootLocations.get(siteId) ?? [], 0, seen);
    const unplaced = assetRows(assetsAt.get(`${siteId}|`) ?? [], 1, seen);
    if (unplaced.length > 0) {
      const assetCount = unplaced.filter((row) => row.kind === 'asset').length;
      inner.push({ kind: 'location', id: `${siteId}|none`, connectionId, locationKey: null, name: 'No location', code: null, depth: 0, assetCount }, ...unplaced);
    }
    const assetCount = inner.filter((row) => row.kind === 'asset').length;
    if (assetCount > 0) rows.push({ kind: 'site', id: siteId, connectionId, siteKey, name, assetCount }, ...inner);
  };
  for (const site of [...sites].sort(byName)) emitSite(recordId(site.connectionId, site.key), site.connectionId, site.key, site.name);
  const connections = [...new Set(shown.map((asset) => asset.connectionId))].sort();
  for (const connectionId of connections) emitSite(`${connectionId}\u0000`, connectionId, null, 'No site');
  return rows;
}
