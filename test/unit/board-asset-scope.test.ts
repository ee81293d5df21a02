import { describe, expect, it } from 'vitest';
import { boardAssetScope } from '../../shared/board/board-asset-scope';
import type { Asset } from '../../shared/domain/asset';

const asset = (connectionId: string, key: string, siteKey: string | null, isActive = true): Asset => ({
  connectionId,
  key,
  updatedAt: '2026-12-01T00:00:00Z',
  deletedAt: null,
  name: key,
  siteKey,
  locationKey: null,
  parentKey: null,
  categoryName: null,
  criticality: null,
  isActive,
});
const assets = [asset('c', 'a1', 's1'), asset('c', 'a2', 's2'), asset('c', 'gone', 's1', false), asset('d', 'b1', 's1')];
const ids = (scope: Set<string>) => [...scope].map((id) => id.replace('\u0000', ':')).sort();

describe("the assets the board's availability is over", () => {
  it('takes every active asset of the plants shown when no site or asset is picked', () => {
    expect(ids(boardAssetScope(assets, { siteIds: [], assetIds: [] }, new Set()))).toEqual(['c:a1', 'c:a2', 'd:b1']);
  });

  it("narrows to a site of one plant, and to the assets picked over the site's", () => {
    expect(ids(boardAssetScope(assets, { siteIds: ['c\u0000s1'], assetIds: [] }, new Set()))).toEqual(['c:a1']);
    expect(ids(boardAssetScope(assets, { siteIds: ['c\u0000s1'], assetIds: ['c\u0000a2'] }, new Set()))).toEqual(['c:a2']);
  });

  it('leaves out the plants whose systems report no downtime', () => {
    expect(ids(boardAssetScope(assets, { siteIds: [], assetIds: [] }, new Set(['d'])))).toEqual(['c:a1', 'c:a2']);
  });
});
