import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../shared/domain/inventory';
import type { Material } from '../../shared/domain/material';
import type { Stock } from '../../shared/domain/stock';
import { stockLevels } from '../../shared/stores/stock-levels';

const stamp = '2026-12-01T08:00:00Z';
const part = (connectionId: string, key: string, name: string, inventoryKeys: string[] = []): Material => ({
  connectionId,
  key,
  updatedAt: stamp,
  deletedAt: null,
  name,
  code: null,
  partNumber: null,
  manufacturerName: null,
  criticality: null,
  inventoryKeys,
});
const bin = (connectionId: string, key: string, materialKey: string | null, locationKey: string, quantity: number | null, reorderPoint: number | null, position: string | null = null): Stock => ({
  connectionId,
  key,
  updatedAt: stamp,
  deletedAt: null,
  materialKey,
  locationKey,
  storeroomKey: null,
  quantity,
  reorderPoint,
  reorderQuantity: reorderPoint === null ? null : 10,
  position,
});
const inventory = (connectionId: string, key: string, locationKey: string, quantity: number | null): Inventory => ({
  connectionId,
  key,
  updatedAt: stamp,
  deletedAt: null,
  name: 'x',
  code: null,
  quantity,
  unitCost: 4,
  locationKey,
});

describe('stock levels for the Stores page', () => {
  it('lists out-of-stock parts first, then low ones furthest under their reorder point, then the rest by name', () => {
    const levels = stockLevels({
      materials: [part('a', 'm1', 'Bearing'), part('a', 'm2', 'Belt'), part('a', 'm3', 'Filter'), part('a', 'm4', 'Gasket'), part('a', 'm5', 'Anchor bolt')],
      stocks: [
        bin('a', 's1', 'm1', 'L1', 12, 4),
        bin('a', 's2', 'm2', 'L1', 3, 4), // 1 under
        bin('a', 's3', 'm3', 'L1', 0, 2), // out
        bin('a', 's4', 'm4', 'L1', 1, 6), // 5 under
        bin('a', 's5', 'm5', 'L1', 9, null),
      ],
      inventories: [],
    });
    expect(levels.map((level) => [level.material.name, level.state])).toEqual([
      ['Filter', 'out'],
      ['Gasket', 'low'],
      ['Belt', 'low'],
      ['Anchor bolt', 'ok'],
      ['Bearing', 'ok'],
    ]);
  });

  it('adds up a part’s bins at one place, and takes the inventory’s quantity as what is on hand when the part names one there', () => {
    const [level, ...rest] = stockLevels({
      materials: [part('a', 'm1', 'Bearing', ['i1'])],
      stocks: [bin('a', 's2', 'm1', 'L1', 5, 2, 'B-02'), bin('a', 's1', 'm1', 'L1', 4, 3, 'A-01')],
      inventories: [inventory('a', 'i1', 'L1', 7)],
    });
    expect(rest).toEqual([]);
    expect(level!.bins.map((b) => b.position)).toEqual(['A-01', 'B-02']);
    expect(level!.reorderPoint).toBe(5);
    expect(level!.reorderQuantity).toBe(20);
    expect(level!.inventory?.key).toBe('i1');
    expect(level!.onHand).toBe(7);
    expect(level!.state).toBe('ok');

    const [unlinked] = stockLevels({ materials: [part('a', 'm1', 'Bearing')], stocks: [bin('a', 's1', 'm1', 'L1', 4, 3), bin('a', 's2', 'm1', 'L1', 5, 2)], inventories: [inventory('a', 'i1', 'L1', 7)] });
    expect(unlinked!.inventory).toBeNull();
    expect(unlinked!.onHand).toBe(9);
  });

  it('gives a part one level per place, one for an inventory with no bins, and none for bins of an unknown part', () => {
    const levels = stockLevels({
      materials: [part('a', 'm1', 'Bearing', ['i1', 'i2', 'missing'])],
      stocks: [bin('a', 's1', 'm1', 'L1', 4, 3), bin('a', 's2', 'gone', 'L1', 4, 3), bin('a', 's3', null, 'L1', 4, 3)],
      inventories: [inventory('a', 'i1', 'L1', 4), inventory('a', 'i2', 'L2', 0)],
    });
    expect(levels.map((level) => [level.locationKey, level.inventory?.key, level.bins.length, level.state])).toEqual([
      ['L2', 'i2', 0, 'out'],
      ['L1', 'i1', 1, 'ok'],
    ]);
  });

  it('keeps two plants apart even when their keys are the same, and says when nothing tells how many are on hand', () => {
    const levels = stockLevels({
      materials: [part('a', 'm1', 'Bearing', ['i1']), part('b', 'm1', 'Bearing')],
      stocks: [bin('a', 's1', 'm1', 'L1', 4, 3), bin('b', 's1', 'm1', 'L1', null, 3)],
      inventories: [inventory('a', 'i1', 'L1', 2), inventory('b', 'i1', 'L1', 50)],
    });
    expect(levels.map((level) => [level.connectionId, level.onHand, level.state])).toEqual([
      ['a', 2, 'low'],
      ['b', null, 'unknown'],
    ]);
  });
});
