import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultPlantSizes, type PlantData, type PlantSizes } from '../../electron/demo-plant/plant-data';
import { generatePlant } from '../../electron/demo-plant/plant-data-generator';

/**
 * A saved demo plant is stored as its seed plus its changes, so a seed must keep giving exactly the
 * records it always gave. These digests of the generated plant's JSON were taken on commit f24047f,
 * before the generator was split into modules; any change to what a seed generates (values, record
 * order or field order) changes them.
 *
 * Service requests came later, from a random stream of their own after everything else: the
 * digests of the collections before them are still the ones taken then (the JSON of the plant
 * without the collections added since), and the service requests and their statuses have pins of
 * their own, taken when they were added. Asset downtimes came after them, the same way, with pins
 * of their own.
 */
const epochMs = Date.UTC(2026, 2, 4, 9, 24, 28, 731);

/** More sites than site names and more parts than part variants: the generator's repeat rounds. */
const wideSizes: PlantSizes = { sites: 7, assets: 120, workOrders: 400, pmPlans: 60, technicians: 12, parts: 700, purchaseOrders: 80, serviceRequests: 25 };
/** No sites: technicians without a site, parts stocked nowhere. */
const siteLessSizes: PlantSizes = { sites: 0, assets: 0, workOrders: 0, pmPlans: 0, technicians: 5, parts: 30, purchaseOrders: 0, serviceRequests: 0 };

const expectedDigests: readonly { sizes: PlantSizes; name: string; seed: number; sha256: string }[] = [
  { name: 'default', sizes: defaultPlantSizes, seed: 1, sha256: '32128fe0f8c644894f4d65460cbe950c40e27f185059d72cb07e928399babce4' },
  { name: 'default', sizes: defaultPlantSizes, seed: 7, sha256: '0527b5730234ad3d27be806bfc5c541d0eab082b04328f829cf344ba039293a2' },
  { name: 'wide', sizes: wideSizes, seed: 1, sha256: 'd17973a16140d5fa6f27e3f2d605a8beea031cf45957394964f913e49d586320' },
  { name: 'wide', sizes: wideSizes, seed: 7, sha256: 'dd856f3b1675c43dba195b9773ab1d81ab3ed59e03bc72e806ba041845220dfc' },
  { name: 'site-less', sizes: siteLessSizes, seed: 1, sha256: 'fcf030398b82f7fd885d54dd769da0c6bc74b03759e39898b6593a6a4e020e52' },
  { name: 'site-less', sizes: siteLessSizes, seed: 7, sha256: '677bf3ac5f4a015200892292fec5b05b581361b4ada7738b4dca7c614fc5ec2f' },
];

/** The service requests and their status table, pinned when they were added. */
const expectedServiceRequestDigests: readonly { sizes: PlantSizes; name: string; seed: number; sha256: string }[] = [
  { name: 'default', sizes: defaultPlantSizes, seed: 1, sha256: 'cafdcee282971bd46b70a1e08508fc48c353ecc653ad47c5ec4a3eae031cd91c' },
  { name: 'default', sizes: defaultPlantSizes, seed: 7, sha256: '40f7276ded5cbc621c0f271d4f8b07afc289d58b3def8207eaa2d39268649143' },
  { name: 'wide', sizes: wideSizes, seed: 1, sha256: 'd36e1ce04b1c8b3a88090a387a453bf544adae3a3fcbb1c538e2d7aca54d6855' },
  { name: 'wide', sizes: wideSizes, seed: 7, sha256: '798cb8b6c9168a1890fa52a46a4b98f98e3f091f3da28df289fb585bdf8dbef6' },
  { name: 'site-less', sizes: siteLessSizes, seed: 1, sha256: 'f78554f924cd1adbb618be675ffb672ba697075c91268e576f5261e0a8c75a59' },
  { name: 'site-less', sizes: siteLessSizes, seed: 7, sha256: '520f6af5254bf378a72fa781476e6c44bf6b436946b905107add567668a0a6c3' },
];

/** The asset downtimes, pinned when they were added. */
const expectedAssetDowntimeDigests: readonly { sizes: PlantSizes; name: string; seed: number; sha256: string }[] = [
  { name: 'default', sizes: defaultPlantSizes, seed: 1, sha256: '85618274e5a9438ada00cace1b3f00dd4d1c769472120a730f07419c781cd504' },
  { name: 'default', sizes: defaultPlantSizes, seed: 7, sha256: 'fa57300847c545420066e4a55ff7ed0f4cfc0c7d33fa111204e2e5b13642944f' },
  { name: 'wide', sizes: wideSizes, seed: 1, sha256: '8da35ea42e3655acbc9bd3abf381b4fec91020e749060bb04aa6eee3c1eba9eb' },
  { name: 'wide', sizes: wideSizes, seed: 7, sha256: 'ed8cb3b6f2ae410913ed2240c510e5d951621d1769f5ec6dbab40b7074b89af3' },
  { name: 'site-less', sizes: siteLessSizes, seed: 1, sha256: '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945' },
  { name: 'site-less', sizes: siteLessSizes, seed: 7, sha256: '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945' },
];

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The collections added after plants were first saved, last in PlantData, in the order they were added. */
const addedLater = ['serviceRequestStatuses', 'serviceRequests', 'assetDowntimes'] as const;

/** The plant as generated before service requests existed: every collection but those added since, in their order. */
function beforeServiceRequests(data: PlantData): Omit<PlantData, (typeof addedLater)[number]> {
  const { serviceRequestStatuses, serviceRequests, assetDowntimes, ...earlier } = data;
  void serviceRequestStatuses;
  void serviceRequests;
  void assetDowntimes;
  return earlier;
}

describe('generatePlant for fixed seeds', () => {
  it.each(expectedDigests)('gives the same $name plant for seed $seed as it always has', ({ sizes, seed, sha256: expected }) => {
    expect(sha256(beforeServiceRequests(generatePlant(seed, sizes, epochMs)))).toBe(expected);
  });

  it.each(expectedServiceRequestDigests)('gives the same $name service requests for seed $seed as when they were added', ({ sizes, seed, sha256: expected }) => {
    const { serviceRequestStatuses, serviceRequests } = generatePlant(seed, sizes, epochMs);
    expect(sha256({ serviceRequestStatuses, serviceRequests })).toBe(expected);
  });

  it.each(expectedAssetDowntimeDigests)('gives the same $name asset downtimes for seed $seed as when they were added', ({ sizes, seed, sha256: expected }) => {
    expect(sha256(generatePlant(seed, sizes, epochMs).assetDowntimes)).toBe(expected);
  });

  it('keeps the collections before service requests whatever their number, and adds the later collections last, downtime after requests', () => {
    const none = generatePlant(1, { ...wideSizes, serviceRequests: 0 }, epochMs);
    const many = generatePlant(1, { ...wideSizes, serviceRequests: 90 }, epochMs);
    expect(sha256(beforeServiceRequests(none))).toBe(expectedDigests[2]!.sha256);
    expect(sha256(beforeServiceRequests(many))).toBe(expectedDigests[2]!.sha256);
    expect(none.serviceRequests).toEqual([]);
    expect(many.serviceRequests).toHaveLength(90);
    // Downtime draws from a stream of its own too: the number of service requests does not change it.
    expect(sha256(many.assetDowntimes)).toBe(expectedAssetDowntimeDigests[2]!.sha256);
    expect(none.assetDowntimes).toEqual(many.assetDowntimes);
    expect(Object.keys(many).slice(-addedLater.length)).toEqual([...addedLater]);
  });
});
