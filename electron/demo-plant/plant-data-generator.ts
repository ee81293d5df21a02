import type { components } from '../core/connectors/makini/makini-eam-api';
import {
  areaNames,
  assetTypes,
  breakdownReports,
  followUpSteps,
  laborRoles,
  meterKinds,
  officeRoles,
  partFamilies,
  partManufacturers,
  pmActivities,
  pmFrequencies,
  pmRunHourIntervals,
  preparationSteps,
  purchasePurposes,
  siteNames,
  storesArea,
  teamHeadcountWeights,
  teamNames,
  technicianFirstNames,
  technicianLastNames,
  vendorNames,
  workComponents,
  workOrderNotes,
  type AssetType,
  type MeterKind,
  type PartFamily,
  type PmFrequency,
  type TeamName,
} from './plant-vocabulary';
import { SeededRandom } from './seeded-random';

type S = components['schemas'];

export interface PlantSizes {
  sites: number;
  assets: number;
  workOrders: number;
  pmPlans: number;
  technicians: number;
  parts: number;
  purchaseOrders: number;
}

export const defaultPlantSizes: PlantSizes = {
  sites: 3,
  assets: 400,
  workOrders: 5000,
  pmPlans: 250,
  technicians: 40,
  parts: 300,
  purchaseOrders: 600,
};

/** Workflow status table; names exactly these, in this order. */
export const workOrderStatusNames = ['Waiting for approval', 'Approved', 'Scheduled', 'In progress', 'On hold', 'Completed', 'Closed'] as const;
export type WorkOrderStatusName = (typeof workOrderStatusNames)[number];

/** Purchase-order workflow, in order. */
export const purchaseOrderStatusNames = ['Draft', 'Pending approval', 'Approved', 'Ordered', 'Partially received', 'Received', 'Closed'] as const;
export type PurchaseOrderStatusName = (typeof purchaseOrderStatusNames)[number];

const workOrderStatusCodes: Record<WorkOrderStatusName, string> = {
  'Waiting for approval': 'WAPPR',
  Approved: 'APPR',
  Scheduled: 'SCHED',
  'In progress': 'INPRG',
  'On hold': 'HOLD',
  Completed: 'COMP',
  Closed: 'CLOSE',
};

const purchaseOrderStatusCodes: Record<PurchaseOrderStatusName, string> = {
  Draft: 'DRAFT',
  'Pending approval': 'PNDAPPR',
  Approved: 'APPR',
  Ordered: 'ORDERED',
  'Partially received': 'PARTRCVD',
  Received: 'RECEIVED',
  Closed: 'CLOSE',
};

/** Makini's PurchaseOrder schema has no createdAt; the demo plant sends one, as for every other entity. */
export type PlantPurchaseOrder = S['PurchaseOrder'] & { createdAt?: string };
/** Real Makini line items are listed from `purchase-orders.line-items`; the demo plant links them to their order this way. */
export type PlantPOLineItem = S['POLineItem'] & { purchaseOrderKey?: string };
/** Makini's User schema has no e-mail and types isActive as a string; the demo plant sends both, isActive as a boolean like Labor's. */
export type PlantUser = Omit<S['User'], 'isActive'> & { email?: string; isActive?: boolean };
/** Makini's Counter schema has no name and types assetKeys as a string; the demo plant names its meters and lists asset keys as an array, like PM plans. */
export type PlantMeter = Omit<S['Counter'], 'assetKeys'> & { name?: string; assetKeys?: string[] };
/** Readings never change, so the spec gives them no updatedAt; the demo plant sends one equal to createdAt, like every record it serves. */
export type PlantMeterReading = S['CounterReading'] & { updatedAt?: string; deletedAt?: string };
/** The spec's WorkTrigger has no link to a meter; the demo plant's meter-based triggers name theirs in meterKey. */
export type PlantWorkTrigger = S['WorkTrigger'] & { meterKey?: string };
export type PlantPmPlan = Omit<S['PreventiveMaintenance'], 'triggers'> & { triggers?: PlantWorkTrigger[] };

export interface PlantData {
  sites: S['Site'][];
  locations: S['Location'][];
  assets: S['Asset'][];
  teams: S['Team'][];
  labors: S['Labor'][];
  users: PlantUser[];
  workOrderStatuses: S['Status'][];
  purchaseOrderStatuses: S['Status'][];
  workOrders: S['WorkOrder'][];
  /** Parts planned for and used on work orders, each linked to its work order by workOrderKey. */
  workOrderMaterials: S['MaterialItem'][];
  pmPlans: PlantPmPlan[];
  meters: PlantMeter[];
  meterReadings: PlantMeterReading[];
  vendors: S['Vendor'][];
  materials: S['Material'][];
  inventories: S['Inventory'][];
  stocks: S['Stock'][];
  purchaseOrders: S['PurchaseOrder'][];
  purchaseOrderLineItems: S['POLineItem'][];
}

const minute = 60;
const hour = 3600;
const day = 86_400;

/** "YYYY-MM-DDT" per day number: Date#toISOString is too slow for the ~10^6 instants of a large plant. */
const datePrefixes = new Map<number, string>();
const twoDigits = (value: number) => (value < 10 ? `0${value}` : String(value));

/** An instant as Makini writes it: ISO-8601, whole seconds, UTC ("2026-03-04T09:24:28Z"). */
export function isoSeconds(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const dayNumber = Math.floor(seconds / day);
  let prefix = datePrefixes.get(dayNumber);
  if (prefix === undefined) {
    prefix = new Date(dayNumber * day * 1000).toISOString().slice(0, 11);
    datePrefixes.set(dayNumber, prefix);
  }
  const secondOfDay = seconds - dayNumber * day;
  return `${prefix}${twoDigits(Math.floor(secondOfDay / hour))}:${twoDigits(Math.floor(secondOfDay / minute) % 60)}:${twoDigits(secondOfDay % 60)}Z`;
}

/** The `condition` of time-based PM triggers: a fixed grid, or counted from the last completion. */
export const fixedCondition = 'fixed schedule';
export const floatingCondition = 'floating: counted from the last completion';

/** Whole seconds plus a calendar interval in UTC; month ends clamp (31 Jan + 1 month = 28 or 29 Feb). */
function addInterval(seconds: number, count: number, unit: PmFrequency['recurring']): number {
  if (unit === 'days') return seconds + count * day;
  if (unit === 'weeks') return seconds + count * 7 * day;
  const date = new Date(seconds * 1000);
  const dayOfMonth = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + count);
  const monthLength = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(dayOfMonth, monthLength));
  return Math.floor(date.getTime() / 1000);
}

/** isoSeconds for the whole seconds the generator works in. */
const iso = (seconds: number) => isoSeconds(seconds * 1000);

type Level = 'Low' | 'Medium' | 'High';
type Severity = Level | 'Critical';
const criticalityWeights: readonly (readonly [Level, number])[] = [
  ['Low', 30],
  ['Medium', 50],
  ['High', 20],
];
const partCriticalityWeights: readonly (readonly [Level, number])[] = [
  ['Low', 45],
  ['Medium', 40],
  ['High', 15],
];
const routineSeverityWeights: readonly (readonly [Severity, number])[] = [
  ['Low', 25],
  ['Medium', 45],
  ['High', 22],
  ['Critical', 8],
];
const breakdownSeverityWeights: readonly (readonly [Severity, number])[] = [
  ['Low', 5],
  ['Medium', 30],
  ['High', 45],
  ['Critical', 20],
];
const estimatedHours: readonly string[] = ['0.5', '1', '1.5', '2', '2.5', '3', '4', '6', '8'];

/** Work-order status mix by age: recent work is mostly open, older work mostly completed and closed. */
const workOrderStatusMix: readonly { maxAgeDays: number; weights: readonly (readonly [WorkOrderStatusName, number])[] }[] = [
  {
    maxAgeDays: 3,
    weights: [['Waiting for approval', 40], ['Approved', 25], ['Scheduled', 15], ['In progress', 12], ['On hold', 3], ['Completed', 5], ['Closed', 0]],
  },
  {
    maxAgeDays: 45,
    weights: [['Waiting for approval', 12], ['Approved', 14], ['Scheduled', 22], ['In progress', 20], ['On hold', 9], ['Completed', 17], ['Closed', 6]],
  },
  {
    maxAgeDays: 120,
    weights: [['Waiting for approval', 2], ['Approved', 2], ['Scheduled', 3], ['In progress', 3], ['On hold', 5], ['Completed', 30], ['Closed', 55]],
  },
  {
    maxAgeDays: Infinity,
    weights: [['Waiting for approval', 0.5], ['Approved', 0.5], ['Scheduled', 1], ['In progress', 1], ['On hold', 2], ['Completed', 10], ['Closed', 85]],
  },
];

const purchaseOrderStatusMix: readonly { maxAgeDays: number; weights: readonly (readonly [PurchaseOrderStatusName, number])[] }[] = [
  { maxAgeDays: 7, weights: [['Draft', 30], ['Pending approval', 30], ['Approved', 20], ['Ordered', 20]] },
  {
    maxAgeDays: 60,
    weights: [['Draft', 5], ['Pending approval', 10], ['Approved', 10], ['Ordered', 35], ['Partially received', 20], ['Received', 15], ['Closed', 5]],
  },
  { maxAgeDays: Infinity, weights: [['Pending approval', 1], ['Ordered', 3], ['Partially received', 4], ['Received', 27], ['Closed', 65]] },
];

function mixForAge<T>(mix: readonly { maxAgeDays: number; weights: T }[], ageSeconds: number): T {
  return (mix.find((band) => ageSeconds <= band.maxAgeDays * day) ?? mix[mix.length - 1]!).weights;
}

/** Two-letter entity prefixes: with a 12-digit counter they make keys unique across the whole plant. */
export const keyPrefixes = {
  site: '01',
  location: '02',
  asset: '03',
  team: '04',
  labor: '05',
  status: '06',
  workOrder: '07',
  task: '08',
  pmPlan: '09',
  vendor: '10',
  material: '11',
  inventory: '12',
  purchaseOrder: '13',
  poLineItem: '14',
  user: '15',
  meter: '16',
  meterReading: '17',
  stock: '18',
  materialItem: '19',
} as const;
type KeyKind = keyof typeof keyPrefixes;
/** Entities added after plants were first saved: they draw from a stream of their own (see `generate`). */
const laterKeyKinds: readonly KeyKind[] = ['user', 'meter', 'meterReading', 'stock', 'materialItem'];
/** Mixed into the seed for the later entities' stream. */
const laterStreamSalt = 0x7a11e5;

/** The spec types these fields `object` (Record<string, never>), but its examples and Makini's answers carry strings. */
const wireString = (value: string) => value as unknown as Record<string, never>;

const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A name as it appears in an e-mail address: lower-case ASCII letters ("Sørensen" → "sorensen"). */
const emailPart = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/[^a-z]/g, '');

/** Picks indices with probability proportional to fixed weights in O(log n) per pick. */
function weightedIndexPicker(random: SeededRandom, weights: readonly number[]): () => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, index) => (cumulative[index] = total += weight));
  return () => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

function checkSizes(sizes: PlantSizes): void {
  for (const [name, value] of Object.entries(sizes)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`Plant size "${name}" must be a non-negative integer, not ${value}.`);
  }
  if (sizes.assets > 0 && sizes.sites === 0) throw new RangeError('A plant with assets needs at least one site.');
  if ((sizes.workOrders > 0 || sizes.pmPlans > 0) && sizes.assets === 0) throw new RangeError('Work orders and PM plans need at least one asset.');
  if (sizes.purchaseOrders > 0 && (sizes.parts === 0 || sizes.sites === 0)) throw new RangeError('Purchase orders need at least one part and one site.');
}

interface SiteInfo {
  key: string;
  code: string;
  equipmentLocations: LocationInfo[];
  stores: LocationInfo;
}

interface LocationInfo {
  key: string;
  created: number;
  /** Assets placed here so far: candidates for the parent of the next one. */
  assetKeys: string[];
}

interface AssetInfo {
  key: string;
  name: string;
  siteKey: string;
  locationKey: string;
  teamKey: string;
  type: AssetType;
  created: number;
}

interface PmInfo {
  key: string;
  asset: AssetInfo;
  title: string;
  teamKey: string;
  severity: string;
  estimatedTime: string;
  taskTitles: readonly string[];
}

interface MaterialInfo {
  key: string;
  name: string;
  partNumber: string;
  priceCents: number;
  created: number;
}

/** A part kept at a site's stores, as its inventory record says. */
interface StockedPart {
  material: MaterialInfo;
  siteKey: string;
  inventory: S['Inventory'];
  created: number;
}

/** A work order's instants, kept so later entities need not parse them back. */
interface WorkOrderTimes {
  created: number;
  updated: number;
  completed: number | null;
}

/**
 * Builds the plant one entity at a time; later entities look earlier ones up through the
 * precomputed indexes kept here. Times are whole seconds since the Unix epoch until written out.
 */
class PlantGenerator {
  private random: SeededRandom;
  private readonly now: number;
  private readonly keyCounters = {} as Record<KeyKind, number>; // Filled for every kind by the constructor and `generate`.
  private readonly data: PlantData = {
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
  };
  private readonly siteInfos: SiteInfo[] = [];
  private readonly teamKeys = new Map<TeamName, string>();
  /** Who gets a team's work, by team key: its technicians (planners only if it has nobody else), overall and per site. */
  private readonly assignable = new Map<string, { anySite: string[]; bySite: Map<string, string[]> }>();
  private readonly workOrderStatusKeys = new Map<WorkOrderStatusName, string>();
  private readonly purchaseOrderStatusKeys = new Map<PurchaseOrderStatusName, string>();
  private readonly assetInfos: AssetInfo[] = [];
  /** Relative work-order rate per asset: a few "bad actors" collect much of the corrective work. */
  private readonly assetWorkWeights: number[] = [];
  private readonly assetPmWeights: number[] = [];
  private readonly pmInfos: PmInfo[] = [];
  /** Run-hour triggers of PM plans, to be pointed at their asset's run-hours meter once meters exist. */
  private readonly meterTriggers: { trigger: PlantWorkTrigger; asset: AssetInfo }[] = [];
  private readonly workOrderTimes: WorkOrderTimes[] = [];
  private readonly vendorKeys: string[] = [];
  private readonly materialInfos: MaterialInfo[] = [];
  private readonly materialsByVendor = new Map<string, MaterialInfo[]>();
  private readonly stockedParts: StockedPart[] = [];

  constructor(
    private readonly seed: number,
    private readonly sizes: PlantSizes,
    epochMs: number,
  ) {
    this.random = new SeededRandom(seed);
    this.now = Math.floor(epochMs / 1000);
    this.startKeyCounters((kind) => !laterKeyKinds.includes(kind));
  }

  generate(): PlantData {
    this.generateSitesAndLocations();
    this.generateTeams();
    this.generateStatuses();
    this.generateLabors();
    this.generateAssets();
    this.generatePmPlans();
    this.generateWorkOrders();
    this.generateVendors();
    this.generateMaterialsAndInventories();
    this.generatePurchaseOrders();
    // A saved plant is its seed plus its changes, so a seed must keep giving the records it always
    // gave: entities added since draw from a stream of their own, after everything else.
    this.random = new SeededRandom(this.seed ^ laterStreamSalt);
    this.startKeyCounters((kind) => laterKeyKinds.includes(kind));
    this.generateUsers();
    this.generateMeters();
    this.generateStocks();
    this.generateWorkOrderMaterials();
    this.settlePmSchedules();
    return this.data;
  }

  /** Each entity's counter starts at a seeded offset so keys look like Makini's ("06000223041215"). */
  private startKeyCounters(include: (kind: KeyKind) => boolean): void {
    // (Object.keys is typed string[]; keyPrefixes has exactly the KeyKind keys.)
    for (const kind of Object.keys(keyPrefixes) as KeyKind[]) {
      if (include(kind)) this.keyCounters[kind] = this.random.int(100_000_000, 899_999_999);
    }
  }

  private key(kind: KeyKind): string {
    const counter = this.keyCounters[kind]++;
    return keyPrefixes[kind] + String(counter).padStart(12, '0');
  }

  /** A whole second in [low, high]; low when the range is empty. */
  private between(low: number, high: number): number {
    return high <= low ? low : this.random.int(low, high);
  }

  private daysAgo(days: number): number {
    return this.now - days * day;
  }

  /** Created somewhere in [createdFrom, createdTo], last updated between then and `updatedTo`. */
  private stamps(createdFrom: number, createdTo: number, updatedTo: number): { created: number; createdAt: string; updatedAt: string } {
    const created = this.between(createdFrom, Math.min(createdTo, this.now));
    const updated = this.between(created, Math.min(updatedTo, this.now));
    return { created, createdAt: iso(created), updatedAt: iso(updated) };
  }

  private generateSitesAndLocations(): void {
    const names = this.random.shuffle(siteNames);
    for (let i = 0; i < this.sizes.sites; i++) {
      const [baseName, baseCode] = names[i % names.length]!;
      const round = Math.floor(i / names.length);
      const name = round === 0 ? baseName : `${baseName} ${round + 1}`;
      const code = round === 0 ? baseCode : `${baseCode}${round + 1}`;
      const { created, createdAt, updatedAt } = this.stamps(this.daysAgo(2200), this.daysAgo(1500), this.daysAgo(60));
      const key = this.key('site');
      this.data.sites.push({ key, name, code, createdAt, updatedAt });

      const addLocation = ([areaName, areaCode]: readonly [string, string]): LocationInfo => {
        const stamps = this.stamps(created, created + 30 * day, this.daysAgo(30));
        const location: LocationInfo = { key: this.key('location'), created: stamps.created, assetKeys: [] };
        this.data.locations.push({
          key: location.key,
          siteKey: key,
          name: areaName,
          code: `${code}-${areaCode}`,
          type: 'area',
          isActive: true,
          createdAt: stamps.createdAt,
          updatedAt: stamps.updatedAt,
        });
        return location;
      };
      const stores = addLocation(storesArea);
      const equipmentLocations = this.random.shuffle(areaNames).slice(0, this.random.int(3, 5)).map(addLocation);
      this.siteInfos.push({ key, code, equipmentLocations, stores });
    }
  }

  private generateTeams(): void {
    for (const [name, code] of teamNames) {
      const key = this.key('team');
      const { createdAt, updatedAt } = this.stamps(this.daysAgo(2000), this.daysAgo(1500), this.daysAgo(90));
      this.data.teams.push({ key, name, code, createdAt, updatedAt });
      this.teamKeys.set(name, key);
    }
  }

  private generateStatuses(): void {
    // Each status table is configured in one go when the CMMS is set up, then edited now and then.
    const workOrderSetup = this.daysAgo(this.random.int(1500, 1800));
    for (const name of workOrderStatusNames) {
      const key = this.key('status');
      const updatedAt = iso(this.between(workOrderSetup, this.daysAgo(30)));
      this.data.workOrderStatuses.push({
        key,
        name,
        code: workOrderStatusCodes[name],
        scope: 'work-orders',
        isActive: true,
        createdAt: iso(workOrderSetup),
        updatedAt,
      });
      this.workOrderStatusKeys.set(name, key);
    }
    const purchaseOrderSetup = this.daysAgo(this.random.int(1500, 1800));
    for (const name of purchaseOrderStatusNames) {
      const key = this.key('status');
      const updatedAt = iso(this.between(purchaseOrderSetup, this.daysAgo(30)));
      this.data.purchaseOrderStatuses.push({
        key,
        name,
        code: purchaseOrderStatusCodes[name],
        scope: 'purchase-orders',
        isActive: true,
        createdAt: iso(purchaseOrderSetup),
        updatedAt,
      });
      this.purchaseOrderStatusKeys.set(name, key);
    }
  }

  private generateLabors(): void {
    const usedNames = new Set<string>();
    const members = new Map<string, { key: string; siteKey: string | undefined; planner: boolean }[]>();
    for (let i = 0; i < this.sizes.technicians; i++) {
      // The first technicians staff one team each, so every team can take work.
      const teamName = i < teamNames.length ? teamNames[i]![0] : this.random.weighted(teamHeadcountWeights);
      const teamKey = this.teamKeys.get(teamName)!;
      const site = this.sizes.sites > 0 ? this.random.pick(this.siteInfos) : null;
      const roleName = this.random.weighted(laborRoles);
      let firstName = this.random.pick(technicianFirstNames);
      let lastName = this.random.pick(technicianLastNames);
      for (let attempt = 0; attempt < 20 && usedNames.has(`${firstName} ${lastName}`); attempt++) {
        firstName = this.random.pick(technicianFirstNames);
        lastName = this.random.pick(technicianLastNames);
      }
      const name = `${firstName} ${lastName}`;
      usedNames.add(name);
      const key = this.key('labor');
      // Everyone on the payroll predates the year of work orders, so assignments never precede hiring.
      const { createdAt, updatedAt } = this.stamps(this.daysAgo(2000), this.daysAgo(380), this.now);
      this.data.labors.push({
        key,
        code: `T${String(i + 1).padStart(4, '0')}`,
        firstName,
        lastName,
        name,
        teamKey,
        siteKeys: site ? [site.key] : [],
        roleName,
        isActive: true,
        createdAt,
        updatedAt,
      });
      const member = { key, siteKey: site?.key, planner: roleName === 'Planner' };
      const team = members.get(teamKey);
      if (team) team.push(member);
      else members.set(teamKey, [member]);
    }
    const assignable = (entries: { key: string; planner: boolean }[]) => {
      const doers = entries.filter((entry) => !entry.planner);
      return (doers.length > 0 ? doers : entries).map((entry) => entry.key);
    };
    for (const [teamKey, team] of members) {
      const bySite = new Map<string, string[]>();
      for (const site of this.siteInfos) {
        const here = team.filter((member) => member.siteKey === site.key);
        if (here.length > 0) bySite.set(site.key, assignable(here));
      }
      this.assignable.set(teamKey, { anySite: assignable(team), bySite });
    }
  }

  private generateAssets(): void {
    const pickSite = weightedIndexPicker(
      this.random,
      this.siteInfos.map(() => this.random.int(2, 5)),
    );
    const nextTag = new Map<AssetType, number>();
    for (let i = 0; i < this.sizes.assets; i++) {
      const site = this.siteInfos[pickSite()]!;
      const location = this.random.pick(site.equipmentLocations);
      const type = this.random.pick(assetTypes);
      const tagNumber = nextTag.get(type) ?? this.random.int(1, 3) * 100 + 1;
      nextTag.set(type, tagNumber + this.random.int(1, 3));
      const name = `${type.name} ${type.tagPrefix}-${tagNumber}`;
      // Parents come from assets already placed in the same location, so there can be no cycle.
      const parentKey = location.assetKeys.length > 0 && this.random.chance(0.2) ? this.random.pick(location.assetKeys) : undefined;
      const criticality = this.random.weighted(criticalityWeights);
      const makeName = this.random.pick(type.makes);
      const modelName = `${type.modelPrefix}-${this.random.int(10, 99) * 10}`;
      // Equipment was registered before the year of work-order history began.
      const { created, createdAt, updatedAt } = this.stamps(Math.max(location.created, this.daysAgo(1800)), this.daysAgo(400), this.now);
      const serialNumber = `${type.modelPrefix}${new Date(created * 1000).getUTCFullYear() % 100}-${String(this.random.int(0, 999_999)).padStart(6, '0')}`;
      const key = this.key('asset');
      const teamKey = this.teamKeys.get(type.team)!;
      const asset: S['Asset'] = {
        key,
        name,
        siteKey: site.key,
        locationKey: location.key,
        categoryName: type.name,
        criticality,
        isActive: true,
        serialNumber,
        makeName,
        modelName,
        teamKey,
        createdAt,
        updatedAt,
      };
      if (parentKey) asset.parentKey = parentKey;
      this.data.assets.push(asset);
      location.assetKeys.push(key);
      this.assetInfos.push({ key, name, siteKey: site.key, locationKey: location.key, teamKey, type, created });
      // Squared exponential: a long tail of rarely touched assets and a few that break all the time.
      const e = -Math.log(1 - this.random.next());
      this.assetWorkWeights.push(0.1 + e * e);
      this.assetPmWeights.push(criticality === 'High' ? 3 : criticality === 'Medium' ? 2 : 1);
    }
  }

  /** Task titles: the main job, with lock-out before and checks after when the list is long enough. */
  private taskTitles(main: string, count: number): string[] {
    const titles = count >= 3 ? [this.random.pick(preparationSteps), main] : [main];
    // A run of consecutive follow-ups, so they stay distinct and in a sensible order.
    const needed = count - titles.length;
    const first = this.random.int(0, followUpSteps.length - needed);
    titles.push(...followUpSteps.slice(first, first + needed));
    return titles;
  }

  private tasks(titles: readonly string[]): S['Task'][] {
    return titles.map((title, index) => ({ key: this.key('task'), code: String((index + 1) * 10), title }));
  }

  private generatePmPlans(): void {
    const pickAsset = weightedIndexPicker(this.random, this.assetPmWeights);
    for (let i = 0; i < this.sizes.pmPlans; i++) {
      const asset = this.assetInfos[pickAsset()]!;
      const activity = this.random.pick(pmActivities);
      const teamKey = activity.team ? this.teamKeys.get(activity.team)! : asset.teamKey;
      let title: string;
      let trigger: PlantWorkTrigger;
      let dueOffset: number;
      if (this.random.chance(0.2)) {
        const hours = this.random.pick(pmRunHourIntervals);
        title = `${hours}-hour ${activity.name} – ${asset.name}`;
        trigger = { type: 'meter', interval: String(hours), recurring: 'hours', condition: `every ${hours} run hours` };
        this.meterTriggers.push({ trigger, asset });
        dueOffset = this.random.int(-7 * day, 30 * day);
      } else {
        const frequency = this.random.pick(pmFrequencies);
        title = `${frequency.label} ${activity.name} – ${asset.name}`;
        trigger = { type: 'time', interval: frequency.interval, recurring: frequency.recurring };
        // Next due within one period from now, a few overdue; never more than 30 days either way.
        const period = frequency.periodDays * day;
        dueOffset = Math.max(-30 * day, Math.min(30 * day, this.random.int(Math.round(-0.3 * period), period)));
      }
      const severity = this.random.weighted(routineSeverityWeights);
      const estimatedTime = this.random.pick(estimatedHours);
      const taskTitles = activity.steps.slice(0, this.random.int(1, Math.min(5, activity.steps.length)));
      const { created } = this.stamps(asset.created, this.daysAgo(400), this.now);
      const updated = this.between(Math.max(created, this.daysAgo(120)), this.now);
      const key = this.key('pmPlan');
      this.data.pmPlans.push({
        key,
        title,
        assetKeys: [asset.key],
        siteKey: asset.siteKey,
        teamKey,
        status: 'Active',
        severity,
        estimatedTime,
        dueAt: iso(this.now + dueOffset),
        triggers: [trigger],
        tasks: this.tasks(taskTitles),
        createdAt: iso(created),
        updatedAt: iso(updated),
      });
      this.pmInfos.push({ key, asset, title, teamKey, severity, estimatedTime, taskTitles });
    }
  }

  private assignee(teamKey: string, siteKey: string): string | undefined {
    const team = this.assignable.get(teamKey);
    return team ? this.random.pick(team.bySite.get(siteKey) ?? team.anySite) : undefined;
  }

  private generateWorkOrders(): void {
    const count = this.sizes.workOrders;
    if (count === 0) return;
    // Creation times first, sorted, so codes and keys increase with createdAt.
    const createdTimes = new Float64Array(count);
    for (let i = 0; i < count; i++) createdTimes[i] = this.now - this.random.int(minute, 365 * day);
    createdTimes.sort();
    const pickAsset = weightedIndexPicker(this.random, this.assetWorkWeights);
    const codeBase = this.random.int(10_000, 90_000);
    // Supervisors close completed work in batches, so some closures share a second.
    let lastBatchClose = -Infinity;

    for (let i = 0; i < count; i++) {
      const created = createdTimes[i]!;
      const statusName = this.random.weighted(mixForAge(workOrderStatusMix, this.now - created));

      const pm = this.pmInfos.length > 0 && this.random.chance(0.3) ? this.random.pick(this.pmInfos) : null;
      let asset: AssetInfo;
      let title: string;
      let categoryName: string;
      let teamKey: string;
      let severity: string;
      let estimatedTime: string;
      let taskTitles: readonly string[];
      if (pm) {
        ({ asset, title, teamKey, severity, estimatedTime, taskTitles } = pm);
        categoryName = 'Preventive';
      } else {
        asset = this.assetInfos[pickAsset()]!;
        let mainTask: string;
        if (this.random.chance(0.2)) {
          mainTask = this.random.pick(breakdownReports);
          categoryName = 'Breakdown';
          teamKey = asset.teamKey;
          severity = this.random.weighted(breakdownSeverityWeights);
        } else {
          const component = this.random.pick(workComponents);
          mainTask = `${this.random.pick(component.actions)} ${component.name}`;
          categoryName = 'Corrective';
          teamKey = component.team ? this.teamKeys.get(component.team)! : asset.teamKey;
          severity = this.random.weighted(routineSeverityWeights);
        }
        title = `${mainTask} on ${asset.name}`;
        estimatedTime = this.random.pick(estimatedHours);
        taskTitles = this.taskTitles(capitalize(mainTask), this.random.int(1, 4));
      }

      let scheduled = created + this.random.int(hour, 14 * day);
      let due = scheduled + this.random.int(day, 21 * day);
      const open = statusName !== 'Completed' && statusName !== 'Closed';
      // Planners keep most of the open backlog re-planned around today; about a fifth stays overdue.
      const replanned = open && due < this.now && this.random.chance(0.8);
      if (replanned) {
        scheduled = Math.max(created + hour, this.now + this.random.int(-3 * day, 21 * day));
        due = scheduled + this.random.int(day, 14 * day);
      }
      let completed: number | null = null;
      let updated: number;
      switch (statusName) {
        case 'Waiting for approval':
          updated = this.between(created, Math.min(created + 10 * minute, this.now));
          break;
        case 'Completed':
        case 'Closed': {
          // Done within days of the scheduled start; work scheduled for the future was done early.
          completed = scheduled > this.now ? this.between(created, this.now) : this.between(scheduled, Math.min(scheduled + 5 * day, this.now));
          if (statusName === 'Completed') {
            updated = this.between(completed, Math.min(completed + 2 * hour, this.now));
          } else if (lastBatchClose >= completed && lastBatchClose <= completed + 14 * day && this.random.chance(0.05)) {
            updated = lastBatchClose;
          } else {
            updated = this.between(Math.min(completed + hour, this.now), Math.min(completed + 14 * day, this.now));
            lastBatchClose = updated;
          }
          break;
        }
        default:
          updated = replanned
            ? this.between(Math.max(created, this.now - 14 * day), this.now)
            : this.between(created, Math.min(created + 30 * day, this.now));
      }

      const workOrder: S['WorkOrder'] = {
        key: this.key('workOrder'),
        code: `WO-${String(codeBase + i).padStart(6, '0')}`,
        title,
        categoryName,
        assetKey: asset.key,
        siteKey: asset.siteKey,
        locationKey: asset.locationKey,
        teamKey,
        statusKey: this.workOrderStatusKeys.get(statusName)!,
        status: statusName,
        severity,
        estimatedTime,
        scheduledAt: iso(scheduled),
        dueAt: iso(due),
        tasks: this.tasks(taskTitles),
        createdAt: iso(created),
        updatedAt: iso(updated),
      };
      if (this.random.chance(0.85)) {
        const labor = this.assignee(teamKey, asset.siteKey);
        if (labor) workOrder.laborAssignedKey = labor;
      }
      if (pm) workOrder.pmKey = pm.key;
      if (completed !== null) workOrder.completedAt = iso(completed);
      if (this.random.chance(0.25)) workOrder.notes = this.random.pick(workOrderNotes);
      this.data.workOrders.push(workOrder);
      this.workOrderTimes.push({ created, updated, completed });
    }
  }

  private generateVendors(): void {
    vendorNames.forEach((name, index) => {
      const key = this.key('vendor');
      const { createdAt, updatedAt } = this.stamps(this.daysAgo(2500), this.daysAgo(400), this.daysAgo(7));
      this.data.vendors.push({ key, name, code: `V${String(1001 + index)}`, createdAt, updatedAt });
      this.vendorKeys.push(key);
    });
  }

  private generateMaterialsAndInventories(): void {
    const variants = this.random.shuffle(partFamilies.flatMap((family) => family.variants.map((variant): [PartFamily, string] => [family, variant])));
    // When there are more parts than variants, a variant comes again from a different manufacturer.
    const manufacturerOffsets = variants.map(() => this.random.int(0, partManufacturers.length - 1));
    const codeBase = this.random.int(10_000, 60_000);
    for (let i = 0; i < this.sizes.parts; i++) {
      const [family, variant] = variants[i % variants.length]!;
      const round = Math.floor(i / variants.length);
      const manufacturerName = partManufacturers[(manufacturerOffsets[i % variants.length]! + round) % partManufacturers.length]!;
      const name = `${family.family} ${variant}`;
      const code = `MAT-${codeBase + i}`;
      const partNumber = `${manufacturerName.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase()}-${this.random.int(10_000, 99_999)}`;
      const priceCents = this.random.int(family.price[0] * 100, family.price[1] * 100);
      const { created, createdAt, updatedAt } = this.stamps(this.daysAgo(1800), this.daysAgo(60), this.now);
      const key = this.key('material');
      this.data.materials.push({
        key,
        code,
        name,
        partNumber,
        manufacturerName,
        criticality: this.random.weighted(partCriticalityWeights),
        isActive: true,
        description: `${family.category}: ${name}, stocked per ${family.unit}.`,
        createdAt,
        updatedAt,
      });
      const material: MaterialInfo = { key, name, partNumber, priceCents, created };
      this.materialInfos.push(material);
      const vendorKey = this.random.pick(this.vendorKeys);
      const supplied = this.materialsByVendor.get(vendorKey);
      if (supplied) supplied.push(material);
      else this.materialsByVendor.set(vendorKey, [material]);

      if (this.siteInfos.length === 0) continue;
      const homeSite = this.random.pick(this.siteInfos);
      const stockedAt = [homeSite];
      if (this.siteInfos.length > 1 && this.random.chance(0.3)) {
        stockedAt.push(this.random.pick(this.siteInfos.filter((site) => site !== homeSite)));
      }
      for (const site of stockedAt) {
        // Stock levels move all the time: inventories are among the most recently updated records.
        const stockCreated = this.between(created, this.daysAgo(30));
        const inventory: S['Inventory'] = {
          key: this.key('inventory'),
          code: `${site.code}-${code}`,
          name,
          quantity: this.random.chance(0.1) ? 0 : this.random.int(1, 80),
          unitCost: Math.max(1, Math.round(priceCents / 100)),
          locationKey: site.stores.key,
          createdAt: iso(stockCreated),
          updatedAt: iso(this.between(Math.max(stockCreated, this.daysAgo(90)), this.now)),
        };
        this.data.inventories.push(inventory);
        this.stockedParts.push({ material, siteKey: site.key, inventory, created: stockCreated });
      }
    }
  }

  private generatePurchaseOrders(): void {
    const count = this.sizes.purchaseOrders;
    if (count === 0) return;
    const createdTimes = new Float64Array(count);
    for (let i = 0; i < count; i++) createdTimes[i] = this.now - this.random.int(hour, 540 * day);
    createdTimes.sort();
    const suppliers = this.vendorKeys.filter((vendorKey) => this.materialsByVendor.has(vendorKey));
    const orderNoBase = this.random.int(10_000, 40_000);

    for (let i = 0; i < count; i++) {
      const created = createdTimes[i]!;
      const statusName = this.random.weighted(mixForAge(purchaseOrderStatusMix, this.now - created));
      const statusIndex = purchaseOrderStatusNames.indexOf(statusName);
      const vendorKey = this.random.pick(suppliers);
      const site = this.random.pick(this.siteInfos);
      const due = created + this.random.int(5 * day, 45 * day);
      const approved = statusIndex >= purchaseOrderStatusNames.indexOf('Approved') ? this.between(Math.min(created + 10 * minute, this.now), Math.min(created + 3 * day, this.now)) : null;
      // Deliveries arrive within a week of the due date; if that week has not begun, they came early.
      const received =
        approved !== null && statusIndex >= purchaseOrderStatusNames.indexOf('Received')
          ? due - 7 * day > this.now
            ? this.between(approved, this.now)
            : this.between(Math.max(approved, due - 7 * day), Math.min(due + 7 * day, this.now))
          : null;
      let updated: number;
      if (received !== null) updated = statusName === 'Closed' ? this.between(received, Math.min(received + 20 * day, this.now)) : received;
      else if (approved === null) updated = this.between(created, Math.min(created + 2 * day, this.now));
      else if (statusName === 'Approved') updated = approved;
      else if (statusName === 'Ordered') updated = this.between(approved, Math.min(approved + 2 * day, this.now));
      else updated = this.between(approved, this.now); // Partially received: deliveries arrive at any time.

      const key = this.key('purchaseOrder');
      const supplied = this.materialsByVendor.get(vendorKey)!;
      const lineCount = this.random.int(1, Math.min(5, supplied.length));
      const chosen = new Set<MaterialInfo>();
      while (chosen.size < lineCount) chosen.add(this.random.pick(supplied));
      let totalCents = 0;
      let lineNo = 0;
      for (const material of chosen) {
        lineNo++;
        const partial = statusName === 'Partially received';
        const quantity = this.random.int(partial && lineNo === 1 ? 2 : 1, 40);
        const priceCents = Math.max(1, Math.round(material.priceCents * (0.9 + 0.2 * this.random.next())));
        totalCents += quantity * priceCents;
        let receivedQuantity = 0;
        let lineStatus: PurchaseOrderStatusName = statusName;
        if (received !== null) receivedQuantity = quantity;
        else if (partial) {
          // The first line is part-delivered; the others may be complete, partial or still outstanding.
          receivedQuantity = lineNo === 1 ? this.random.int(1, quantity - 1) : this.random.int(0, quantity);
          lineStatus = receivedQuantity === quantity ? 'Received' : receivedQuantity === 0 ? 'Ordered' : 'Partially received';
        }
        const lineItem: PlantPOLineItem = {
          key: this.key('poLineItem'),
          purchaseOrderKey: key,
          lineNo: String(lineNo),
          materialKey: material.key,
          vendorKey,
          name: material.name,
          quantity: wireString(String(quantity)),
          receivedQuantity: wireString(String(receivedQuantity)),
          price: wireString(money(priceCents)),
          statusKey: this.purchaseOrderStatusKeys.get(lineStatus)!,
          dueAt: iso(due),
          createdAt: iso(created),
          updatedAt: iso(updated),
        };
        this.data.purchaseOrderLineItems.push(lineItem);
      }

      const [first] = chosen;
      const order: PlantPurchaseOrder = {
        key,
        orderNo: `PO-${orderNoBase + i}`,
        title: `${this.random.pick(purchasePurposes)}: ${first!.name}${lineCount > 1 ? ` + ${lineCount - 1} more` : ''}`,
        siteKey: site.key,
        vendorKey,
        statusKey: this.purchaseOrderStatusKeys.get(statusName)!,
        orderDate: wireString(iso(created)),
        dueAt: iso(due),
        totalNetValue: money(totalCents),
        createdAt: iso(created),
        updatedAt: iso(updated),
      };
      if (approved !== null) order.approvedAt = iso(approved);
      if (received !== null) order.completedAt = iso(received);
      this.data.purchaseOrders.push(order);
    }
  }

  /** A user account for every technician (the labor's userKey), and a few office staff. */
  private generateUsers(): void {
    const takenAddresses = new Set<string>();
    const email = (firstName: string, lastName: string) => {
      const name = `${emailPart(firstName)}.${emailPart(lastName)}`;
      let address = name;
      for (let n = 2; takenAddresses.has(address); n++) address = `${name}${n}`;
      takenAddresses.add(address);
      return `${address}@plant.example`;
    };
    for (const labor of this.data.labors) {
      const key = this.key('user');
      // The account is opened with the technician record.
      const created = Date.parse(labor.createdAt!) / 1000;
      this.data.users.push({
        key,
        name: labor.name,
        email: email(labor.firstName!, labor.lastName!),
        roleName: labor.roleName,
        siteKeys: [...(labor.siteKeys ?? [])],
        isActive: true,
        createdAt: labor.createdAt,
        updatedAt: iso(this.between(created, this.now)),
      });
      labor.userKey = key;
    }
    const usedNames = new Set(this.data.labors.map((labor) => labor.name));
    const siteKeys = this.siteInfos.map((site) => site.key);
    officeRoles.forEach((roleName, index) => {
      let firstName = this.random.pick(technicianFirstNames);
      let lastName = this.random.pick(technicianLastNames);
      for (let attempt = 0; attempt < 20 && usedNames.has(`${firstName} ${lastName}`); attempt++) {
        firstName = this.random.pick(technicianFirstNames);
        lastName = this.random.pick(technicianLastNames);
      }
      const name = `${firstName} ${lastName}`;
      usedNames.add(name);
      // The manager looks after every site; supervisors and planners after one each.
      const sites = roleName.endsWith('Manager') || siteKeys.length === 0 ? siteKeys : [siteKeys[index % siteKeys.length]!];
      const { createdAt, updatedAt } = this.stamps(this.daysAgo(2000), this.daysAgo(380), this.now);
      this.data.users.push({ key: this.key('user'), name, email: email(firstName, lastName), roleName, siteKeys: sites, isActive: true, createdAt, updatedAt });
    });
  }

  /**
   * Meters on about a third of the assets, every asset with a run-hour PM plan among them; the
   * plans' triggers then name their asset's run-hours meter.
   */
  private generateMeters(): void {
    const runHourAssets = new Set(this.meterTriggers.map(({ asset }) => asset));
    const others = this.random.shuffle(this.assetInfos.filter((asset) => !runHourAssets.has(asset)));
    const alsoMetered = new Set(others.slice(0, Math.max(0, Math.round(this.assetInfos.length / 3) - runHourAssets.size)));
    const runHourMeters = new Map<AssetInfo, string>();
    for (const asset of this.assetInfos) {
      if (runHourAssets.has(asset)) runHourMeters.set(asset, this.addMeter(asset, meterKinds.runHours));
      else if (alsoMetered.has(asset)) this.addMeter(asset, meterKinds[this.random.pick(asset.type.meters)]);
    }
    for (const { trigger, asset } of this.meterTriggers) trigger.meterKey = runHourMeters.get(asset)!;
  }

  /** A meter with some twenty readings over the last 90 days; returns its key. */
  private addMeter(asset: AssetInfo, kind: MeterKind): string {
    const key = this.key('meter');
    const created = this.between(asset.created, this.daysAgo(100));
    const times = Array.from({ length: this.random.int(16, 24) }, () => this.between(this.daysAgo(90), this.now)).sort((a, b) => a - b);
    const { reading } = kind;
    const uniform = ([low, high]: readonly [number, number]) => low + this.random.next() * (high - low);
    // Counters have run since the meter was fitted; gauges start anywhere in their band.
    let value = reading.counter ? ((times[0]! - created) / day) * uniform(reading.perDay) : uniform(reading.range);
    let previous = times[0]!;
    let written = '';
    for (const time of times) {
      if (reading.counter) {
        value += ((time - previous) / day) * uniform(reading.perDay);
      } else {
        const [low, high] = reading.range;
        value = Math.min(high, Math.max(low, value + (this.random.next() - 0.5) * 0.3 * (high - low)));
      }
      previous = time;
      written = value.toFixed(kind.decimals);
      this.data.meterReadings.push({ key: this.key('meterReading'), meterKey: key, assetKey: asset.key, reading: written, createdAt: iso(time), updatedAt: iso(time) });
    }
    const last = iso(times.at(-1)!);
    this.data.meters.push({
      key,
      name: `${kind.name} – ${asset.name}`,
      siteKey: asset.siteKey,
      assetKeys: [asset.key],
      uomName: kind.uomName,
      lastReading: wireString(written),
      lastReadingAt: last,
      createdAt: iso(created),
      updatedAt: last,
    });
    return key;
  }

  /**
   * Says of each time-based plan whether its schedule is fixed (due on a grid from its due date,
   * whether or not the last one was done on time) or floating (each next due counted from the last
   * completion). About half the plans whose last completed work order puts the next due within 30
   * days of now float, and their due date is then that completion plus the interval; the others are
   * fixed. Runs last, so it draws nothing any other record depends on.
   */
  private settlePmSchedules(): void {
    const lastCompletion = new Map<string, number>();
    this.data.workOrders.forEach((workOrder, i) => {
      const { completed } = this.workOrderTimes[i]!;
      if (workOrder.pmKey === undefined || completed === null) return;
      if (completed > (lastCompletion.get(workOrder.pmKey) ?? -Infinity)) lastCompletion.set(workOrder.pmKey, completed);
    });
    for (const plan of this.data.pmPlans) {
      const trigger = plan.triggers![0]!;
      if (trigger.type !== 'time') continue;
      const completed = lastCompletion.get(plan.key!);
      const next = completed === undefined ? null : addInterval(completed, Number(trigger.interval), trigger.recurring as PmFrequency['recurring']);
      if (next !== null && Math.abs(next - this.now) <= 30 * day && this.random.chance(0.5)) {
        trigger.condition = floatingCondition;
        plan.dueAt = iso(next);
      } else {
        trigger.condition = fixedCondition;
      }
    }
  }

  /** Each stocked part's bin in its site's stores, or two bins, holding its inventory quantity between them. */
  private generateStocks(): void {
    for (const { material, inventory, created } of this.stockedParts) {
      const quantity = inventory.quantity ?? 0;
      const split = quantity >= 2 && this.random.chance(0.15) ? this.random.int(1, quantity - 1) : 0;
      for (const binQuantity of split > 0 ? [split, quantity - split] : [quantity]) {
        const minLevel = this.random.int(1, 8);
        const maxLevel = minLevel + this.random.int(10, 50);
        this.data.stocks.push({
          key: this.key('stock'),
          materialKey: material.key,
          locationKey: inventory.locationKey,
          position: `${String.fromCharCode(65 + this.random.int(0, 5))}-${twoDigits(this.random.int(1, 12))}-${this.random.int(1, 5)}`,
          quantity: wireString(String(binQuantity)),
          minLevel: wireString(String(minLevel)),
          maxLevel: wireString(String(maxLevel)),
          reorderPoint: String(minLevel),
          reorderQuantity: wireString(String(maxLevel - minLevel)),
          createdAt: inventory.createdAt,
          updatedAt: iso(this.between(Math.max(created, this.daysAgo(90)), this.now)),
        });
      }
    }
  }

  /** Parts planned for about 40% of work orders, one to three each, from the stores of the work order's site where it keeps any. */
  private generateWorkOrderMaterials(): void {
    if (this.materialInfos.length === 0) return;
    const bySite = new Map<string, MaterialInfo[]>();
    for (const { material, siteKey } of this.stockedParts) {
      const stocked = bySite.get(siteKey);
      if (stocked) stocked.push(material);
      else bySite.set(siteKey, [material]);
    }
    for (let i = 0; i < this.data.workOrders.length; i++) {
      if (!this.random.chance(0.4)) continue;
      const workOrder = this.data.workOrders[i]!;
      const { created, updated, completed } = this.workOrderTimes[i]!;
      const candidates = bySite.get(workOrder.siteKey ?? '') ?? this.materialInfos;
      const count = Math.min(this.random.int(1, 3), candidates.length);
      const chosen = new Set<MaterialInfo>();
      while (chosen.size < count) chosen.add(this.random.pick(candidates));
      for (const material of chosen) {
        const required = this.random.int(1, 4);
        // Parts are issued as the work goes on: all of them (give or take one) once it is done.
        let used = 0;
        if (completed !== null) used = this.random.chance(0.8) ? required : this.random.int(required - 1, required + 1);
        else if (workOrder.status === 'In progress' || workOrder.status === 'On hold') used = this.random.int(0, required);
        const planned = this.between(created, Math.min(created + 2 * day, completed ?? updated));
        const changed = completed === null ? this.between(planned, updated) : this.between(Math.max(planned, completed - 2 * day), completed);
        this.data.workOrderMaterials.push({
          key: this.key('materialItem'),
          workOrderKey: workOrder.key,
          materialKey: material.key,
          assetKey: workOrder.assetKey,
          partNumber: material.partNumber,
          name: material.name,
          requiredQuantity: wireString(String(required)),
          quantity: wireString(String(used)),
          createdAt: iso(planned),
          updatedAt: iso(changed),
        });
      }
    }
  }
}

/**
 * The demo plant's records. Deterministic: the same seed, sizes and epoch (the plant's "now",
 * which every date is relative to) always give deep-equal data.
 */
export function generatePlant(seed: number, sizes: PlantSizes, epochMs: number): PlantData {
  checkSizes(sizes);
  return new PlantGenerator(seed, sizes, epochMs).generate();
}
