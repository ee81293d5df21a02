import { describe, expect, it } from 'vitest';
import type { Asset } from '../../shared/domain/asset';
import type { Location } from '../../shared/domain/location';
import type { Site } from '../../shared/domain/site';
import { assetHierarchy } from '../../shared/schedule/asset-hierarchy';

const base = { connectionId: 'c', updatedAt: '2026-01-01T00:00:00Z', deletedAt: null };
const site = (key: string, name: string): Site => ({ ...base, key, name, code: null }) as Site;
const location = (key: string, name: string, siteKey: string | null, parentKey: string | null = null): Location => ({ ...base, key, name, code: null, siteKey, parentKey });
const asset = (key: string, name: string, siteKey: string | null, locationKey: string | null, parentKey: string | null = null): Asset => ({
  ...base,
  key,
  name,
  siteKey,
  locationKey,
  parentKey,
  categoryName: null,
  criticality: null,
  isActive: true,
});

const outline = (rows: ReturnType<typeof assetHierarchy>) =>
  rows.map((row) => (row.kind === 'asset' ? `${'  '.repeat(row.depth)}${row.asset.name}` : row.kind === 'location' ? `${'  '.repeat(row.depth)}[${row.name}]` : `# ${row.name} (${row.assetCount})`));

describe('assetHierarchy', () => {
  const sites = [site('s2', 'West'), site('s1', 'East')];
  const locations = [location('l1', 'Hall A', 's1'), location('l2', 'Line 1', 's1', 'l1'), location('l3', 'Boilers', 's2'), location('l4', 'Empty', 's2')];
  const assets = [
    asset('a1', 'Pump P-10', 's1', 'l2'),
    asset('a2', 'Pump P-9', 's1', 'l2'),
    asset('a3', 'Motor M-1', 's1', 'l2', 'a1'),
    asset('a4', 'Crane CR-1', 's1', 'l1'),
    asset('a5', 'Boiler B-1', 's2', 'l3'),
    asset('a6', 'Spare pump', 's2', null),
    asset('a7', 'Loose valve', null, null),
    asset('a8', 'Loop A', 's2', 'l3', 'a9'),
    asset('a9', 'Loop B', 's2', 'l3', 'a8'),
  ];

  it('nests locations and child assets under sites, names in natural order', () => {
    expect(outline(assetHierarchy(sites, locations, assets))).toEqual([
      '# East (4)',
      '[Hall A]',
      '  Crane CR-1',
      '  [Line 1]',
      '    Pump P-9',
      '    Pump P-10',
      '      Motor M-1',
      '# West (4)',
      '[Boilers]',
      '  Boiler B-1',
      '  Loop A',
      '  Loop B',
      '[No location]',
      '  Spare pump',
      '# No site (1)',
      '[No location]',
      '  Loose valve',
    ]);
  });

  it('lists only the assets asked for, and the places that hold them', () => {
    expect(outline(assetHierarchy(sites, locations, assets, (a) => a.name.startsWith('Motor')))).toEqual(['# East (1)', '[Hall A]', '  [Line 1]', '    Motor M-1']);
  });
});
