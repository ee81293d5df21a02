import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultPlantSizes, type PlantSizes } from '../../electron/demo-plant/plant-data';
import { generatePlant } from '../../electron/demo-plant/plant-data-generator';

/**
 * A saved demo plant is stored as its seed plus its changes, so a seed must keep giving exactly the
 * records it always gave. These digests of the generated plant's JSON were taken on commit f24047f,
 * before the generator was split into modules; any change to what a seed generates (values, record
 * order or field order) changes them.
 */
const epochMs = Date.UTC(2026, 2, 4, 9, 24, 28, 731);

/** More sites than site names and more parts than part variants: the generator's repeat rounds. */
const wideSizes: PlantSizes = { sites: 7, assets: 120, workOrders: 400, pmPlans: 60, technicians: 12, parts: 700, purchaseOrders: 80 };
/** No sites: technicians without a site, parts stocked nowhere. */
const siteLessSizes: PlantSizes = { sites: 0, assets: 0, workOrders: 0, pmPlans: 0, technicians: 5, parts: 30, purchaseOrders: 0 };

const expectedDigests: readonly { sizes: PlantSizes; name: string; seed: number; sha256: string }[] = [
  { name: 'default', sizes: defaultPlantSizes, seed: 1, sha256: '32128fe0f8c644894f4d65460cbe950c40e27f185059d72cb07e928399babce4' },
  { name: 'default', sizes: defaultPlantSizes, seed: 7, sha256: '0527b5730234ad3d27be806bfc5c541d0eab082b04328f829cf344ba039293a2' },
  { name: 'wide', sizes: wideSizes, seed: 1, sha256: 'd17973a16140d5fa6f27e3f2d605a8beea031cf45957394964f913e49d586320' },
  { name: 'wide', sizes: wideSizes, seed: 7, sha256: 'dd856f3b1675c43dba195b9773ab1d81ab3ed59e03bc72e806ba041845220dfc' },
  { name: 'site-less', sizes: siteLessSizes, seed: 1, sha256: 'fcf030398b82f7fd885d54dd769da0c6bc74b03759e39898b6593a6a4e020e52' },
  { name: 'site-less', sizes: siteLessSizes, seed: 7, sha256: '677bf3ac5f4a015200892292fec5b05b581361b4ada7738b4dca7c614fc5ec2f' },
];

describe('generatePlant for fixed seeds', () => {
  it.each(expectedDigests)('gives the same $name plant for seed $seed as it always has', ({ sizes, seed, sha256 }) => {
    const json = JSON.stringify(generatePlant(seed, sizes, epochMs));
    expect(createHash('sha256').update(json).digest('hex')).toBe(sha256);
  });
});
