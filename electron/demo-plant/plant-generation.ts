import type { components } from '../core/connectors/makini/makini-eam-api';
import {
  keyPrefixes,
  type KeyKind,
  type PlantData,
  type PlantSizes,
  type PlantWorkTrigger,
  type PurchaseOrderStatusName,
  type ServiceRequestStatusName,
  type WorkOrderStatusName,
} from './plant-data';
import { day, iso } from './plant-time';
import type { AssetType, TeamName } from './plant-vocabulary';
import { SeededRandom } from './seeded-random';

type S = components['schemas'];

/** Entities added after plants were first saved: they draw from a stream of their own (see `startLaterStream`). */
const laterKeyKinds: readonly KeyKind[] = ['user', 'meter', 'meterReading', 'stock', 'materialItem'];
/** Mixed into the seed for the later entities' stream. */
const laterStreamSalt = 0x7a11e5;
/** Service requests, added after the later entities: a third stream (see `startServiceRequestStream`). */
const serviceRequestKeyKinds: readonly KeyKind[] = ['serviceRequest'];
/** Mixed into the seed for the service requests' stream. */
const serviceRequestStreamSalt = 0x5e4c_1ce5;
/** Asset downtimes, added after service requests: a fourth stream (see `startAssetDowntimeStream`). */
const assetDowntimeKeyKinds: readonly KeyKind[] = ['assetDowntime'];
/** Mixed into the seed for the asset downtimes' stream. */
const assetDowntimeStreamSalt = 0xd0_57_0e5d;
/** Documents: generated apart from the plant's data, from a stream of their own (plant-document-generator.ts). */
const documentKeyKinds: readonly KeyKind[] = ['document'];
/** The kinds whose counters the first stream starts: every kind no later stream claims. */
const firstStreamKinds = (kind: KeyKind) => ![laterKeyKinds, serviceRequestKeyKinds, assetDowntimeKeyKinds, documentKeyKinds].some((kinds) => kinds.includes(kind));

export interface SiteInfo {
  key: string;
  code: string;
  equipmentLocations: LocationInfo[];
  stores: LocationInfo;
}

export interface LocationInfo {
  key: string;
  created: number;
  /** Assets placed here so far: candidates for the parent of the next one. */
  assetKeys: string[];
}

export interface AssetInfo {
  key: string;
  name: string;
  siteKey: string;
  locationKey: string;
  teamKey: string;
  type: AssetType;
  created: number;
}

export interface PmInfo {
  key: string;
  asset: AssetInfo;
  title: string;
  teamKey: string;
  severity: string;
  estimatedTime: string;
  taskTitles: readonly string[];
}

export interface MaterialInfo {
  key: string;
  name: string;
  partNumber: string;
  priceCents: number;
  created: number;
}

/** A part kept at a site's stores, as its inventory record says. */
export interface StockedPart {
  material: MaterialInfo;
  siteKey: string;
  inventory: S['Inventory'];
  created: number;
}

/** A work order's instants, kept so later entities need not parse them back. */
export interface WorkOrderTimes {
  created: number;
  updated: number;
  completed: number | null;
}

/** The spec types these fields `object` (Record<string, never>), but its examples and Makini's answers carry strings. */
export const wireString = (value: string) => value as unknown as Record<string, never>;

/** The weights of the first age band a record of this age falls in (the last band if none). */
export function mixForAge<T>(mix: readonly { maxAgeDays: number; weights: T }[], ageSeconds: number): T {
  return (mix.find((band) => ageSeconds <= band.maxAgeDays * day) ?? mix[mix.length - 1]!).weights;
}

/**
 * A plant being generated: its records so far, the random stream and key counters they are drawn
 * from, and the indexes through which each entity family looks up the ones generated before it.
 * Times are whole seconds since the Unix epoch until written out.
 */
export class PlantGeneration {
  private currentRandom: SeededRandom;
  readonly now: number;
  private readonly keyCounters = {} as Record<KeyKind, number>; // Filled for every kind by the constructor and the `start…Stream` methods.
  readonly data: PlantData = {
    sites: [],
    locations: [],
    assets: [],
    teams: [],
    labors: [],
    users: [],
    workOrderStatuses: [],
    purchaseOrderStatuses: [],
    workOrders: [],
    workOrderMaterials: [],
    pmPlans: [],
    meters: [],
    meterReadings: [],
    vendors: [],
    materials: [],
    inventories: [],
    stocks: [],
    purchaseOrders: [],
    purchaseOrderLineItems: [],
    serviceRequestStatuses: [],
    serviceRequests: [],
    assetDowntimes: [],
  };
  readonly siteInfos: SiteInfo[] = [];
  readonly teamKeys = new Map<TeamName, string>();
  /** Who gets a team's work, by team key: its technicians (planners only if it has nobody else), overall and per site. */
  readonly assignable = new Map<string, { anySite: string[]; bySite: Map<string, string[]> }>();
  readonly workOrderStatusKeys = new Map<WorkOrderStatusName, string>();
  readonly purchaseOrderStatusKeys = new Map<PurchaseOrderStatusName, string>();
  readonly serviceRequestStatusKeys = new Map<ServiceRequestStatusName, string>();
  readonly assetInfos: AssetInfo[] = [];
  /** Relative work-order rate per asset: a few "bad actors" collect much of the corrective work. */
  readonly assetWorkWeights: number[] = [];
  readonly assetPmWeights: number[] = [];
  readonly pmInfos: PmInfo[] = [];
  /** Run-hour triggers of PM plans, to be pointed at their asset's run-hours meter once meters exist. */
  readonly meterTriggers: { trigger: PlantWorkTrigger; asset: AssetInfo }[] = [];
  readonly workOrderTimes: WorkOrderTimes[] = [];
  readonly vendorKeys: string[] = [];
  readonly materialInfos: MaterialInfo[] = [];
  readonly materialsByVendor = new Map<string, MaterialInfo[]>();
  readonly stockedParts: StockedPart[] = [];

  constructor(
    private readonly seed: number,
    readonly sizes: PlantSizes,
    epochMs: number,
  ) {
    this.currentRandom = new SeededRandom(seed);
    this.now = Math.floor(epochMs / 1000);
    this.startKeyCounters(firstStreamKinds);
  }

  get random(): SeededRandom {
    return this.currentRandom;
  }

  /**
   * A saved plant is its seed plus its changes, so a seed must keep giving the records it always
   * gave: entities added since draw from a stream of their own, started here after everything else.
   */
  startLaterStream(): void {
    this.currentRandom = new SeededRandom(this.seed ^ laterStreamSalt);
    this.startKeyCounters((kind) => laterKeyKinds.includes(kind));
  }

  /**
   * Service requests came after the later entities, and their stream after that one: it starts
   * here, once every other collection is final, so none of them changes. Keys of kinds the earlier
   * streams started (statuses) carry on from where those left off.
   */
  startServiceRequestStream(): void {
    this.currentRandom = new SeededRandom(this.seed ^ serviceRequestStreamSalt);
    this.startKeyCounters((kind) => serviceRequestKeyKinds.includes(kind));
  }

  /** Asset downtimes came after service requests, and their stream after theirs, for the same reason. */
  startAssetDowntimeStream(): void {
    this.currentRandom = new SeededRandom(this.seed ^ assetDowntimeStreamSalt);
    this.startKeyCounters((kind) => assetDowntimeKeyKinds.includes(kind));
  }

  /** Each entity's counter starts at a seeded offset so keys look like Makini's ("06000223041215"). */
  private startKeyCounters(include: (kind: KeyKind) => boolean): void {
    // (Object.keys is typed string[]; keyPrefixes has exactly the KeyKind keys.)
    for (const kind of Object.keys(keyPrefixes) as KeyKind[]) {
      if (include(kind)) this.keyCounters[kind] = this.random.int(100_000_000, 899_999_999);
    }
  }

  key(kind: KeyKind): string {
    const counter = this.keyCounters[kind]++;
    return keyPrefixes[kind] + String(counter).padStart(12, '0');
  }

  /** A whole second in [low, high]; low when the range is empty. */
  between(low: number, high: number): number {
    return high <= low ? low : this.random.int(low, high);
  }

  daysAgo(days: number): number {
    return this.now - days * day;
  }

  /** Created somewhere in [createdFrom, createdTo], last updated between then and `updatedTo`. */
  stamps(createdFrom: number, createdTo: number, updatedTo: number): { created: number; createdAt: string; updatedAt: string } {
    const created = this.between(createdFrom, Math.min(createdTo, this.now));
    const updated = this.between(created, Math.min(updatedTo, this.now));
    return { created, createdAt: iso(created), updatedAt: iso(updated) };
  }

  /** A work order's or PM plan's task list, numbered 10, 20, … */
  tasks(titles: readonly string[]): S['Task'][] {
    return titles.map((title, index) => ({ key: this.key('task'), code: String((index + 1) * 10), title }));
  }
}
