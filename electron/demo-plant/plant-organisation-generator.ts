/**
 * The plant's organisation: sites with their areas and stores, teams, the two status tables, the
 * technicians and the user accounts of everyone who works there.
 */
import { purchaseOrderStatusNames, workOrderStatusNames, type PurchaseOrderStatusName, type WorkOrderStatusName } from './plant-data';
import type { LocationInfo, PlantGeneration } from './plant-generation';
import { day, iso } from './plant-time';
import {
  areaNames,
  laborRoles,
  officeRoles,
  siteNames,
  storesArea,
  teamHeadcountWeights,
  teamNames,
  technicianFirstNames,
  technicianLastNames,
} from './plant-vocabulary';

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

/** A name as it appears in an e-mail address: lower-case ASCII letters ("Sørensen" → "sorensen"). */
const emailPart = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/[^a-z]/g, '');

/** A person's name not yet in `usedNames` (after 20 tries, a repeat), which it then adds there. */
function pickPersonName(plant: PlantGeneration, usedNames: Set<string | undefined>): { firstName: string; lastName: string; name: string } {
  let firstName = plant.random.pick(technicianFirstNames);
  let lastName = plant.random.pick(technicianLastNames);
  for (let attempt = 0; attempt < 20 && usedNames.has(`${firstName} ${lastName}`); attempt++) {
    firstName = plant.random.pick(technicianFirstNames);
    lastName = plant.random.pick(technicianLastNames);
  }
  const name = `${firstName} ${lastName}`;
  usedNames.add(name);
  return { firstName, lastName, name };
}

export function generateSitesAndLocations(plant: PlantGeneration): void {
  const names = plant.random.shuffle(siteNames);
  for (let i = 0; i < plant.sizes.sites; i++) {
    const [baseName, baseCode] = names[i % names.length]!;
    const round = Math.floor(i / names.length);
    const name = round === 0 ? baseName : `${baseName} ${round + 1}`;
    const code = round === 0 ? baseCode : `${baseCode}${round + 1}`;
    const { created, createdAt, updatedAt } = plant.stamps(plant.daysAgo(2200), plant.daysAgo(1500), plant.daysAgo(60));
    const key = plant.key('site');
    plant.data.sites.push({ key, name, code, createdAt, updatedAt });

    const addLocation = ([areaName, areaCode]: readonly [string, string]): LocationInfo => {
      const stamps = plant.stamps(created, created + 30 * day, plant.daysAgo(30));
      const location: LocationInfo = { key: plant.key('location'), created: stamps.created, assetKeys: [] };
      plant.data.locations.push({
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
    const equipmentLocations = plant.random.shuffle(areaNames).slice(0, plant.random.int(3, 5)).map(addLocation);
    plant.siteInfos.push({ key, code, equipmentLocations, stores });
  }
}

export function generateTeams(plant: PlantGeneration): void {
  for (const [name, code] of teamNames) {
    const key = plant.key('team');
    const { createdAt, updatedAt } = plant.stamps(plant.daysAgo(2000), plant.daysAgo(1500), plant.daysAgo(90));
    plant.data.teams.push({ key, name, code, createdAt, updatedAt });
    plant.teamKeys.set(name, key);
  }
}

export function generateStatuses(plant: PlantGeneration): void {
  generateStatusTable(plant, workOrderStatusNames, workOrderStatusCodes, 'work-orders', plant.data.workOrderStatuses, plant.workOrderStatusKeys);
  generateStatusTable(plant, purchaseOrderStatusNames, purchaseOrderStatusCodes, 'purchase-orders', plant.data.purchaseOrderStatuses, plant.purchaseOrderStatusKeys);
}

/** Each status table is configured in one go when the CMMS is set up, then edited now and then. */
export function generateStatusTable<Name extends string>(
  plant: PlantGeneration,
  names: readonly Name[],
  codes: Readonly<Record<Name, string>>,
  scope: 'work-orders' | 'purchase-orders' | 'service-requests',
  table: PlantGeneration['data']['workOrderStatuses'],
  keys: Map<Name, string>,
): void {
  const setup = plant.daysAgo(plant.random.int(1500, 1800));
  for (const name of names) {
    const key = plant.key('status');
    const updatedAt = iso(plant.between(setup, plant.daysAgo(30)));
    table.push({ key, name, code: codes[name], scope, isActive: true, createdAt: iso(setup), updatedAt });
    keys.set(name, key);
  }
}

export function generateLabors(plant: PlantGeneration): void {
  const usedNames = new Set<string>();
  const members = new Map<string, { key: string; siteKey: string | undefined; planner: boolean }[]>();
  for (let i = 0; i < plant.sizes.technicians; i++) {
    // The first technicians staff one team each, so every team can take work.
    const teamName = i < teamNames.length ? teamNames[i]![0] : plant.random.weighted(teamHeadcountWeights);
    const teamKey = plant.teamKeys.get(teamName)!;
    const site = plant.sizes.sites > 0 ? plant.random.pick(plant.siteInfos) : null;
    const roleName = plant.random.weighted(laborRoles);
    const { firstName, lastName, name } = pickPersonName(plant, usedNames);
    const key = plant.key('labor');
    // Everyone on the payroll predates the year of work orders, so assignments never precede hiring.
    const { createdAt, updatedAt } = plant.stamps(plant.daysAgo(2000), plant.daysAgo(380), plant.now);
    plant.data.labors.push({
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
    for (const site of plant.siteInfos) {
      const here = team.filter((member) => member.siteKey === site.key);
      if (here.length > 0) bySite.set(site.key, assignable(here));
    }
    plant.assignable.set(teamKey, { anySite: assignable(team), bySite });
  }
}

/** A user account for every technician (the labor's userKey), and a few office staff. */
export function generateUsers(plant: PlantGeneration): void {
  const takenAddresses = new Set<string>();
  const email = (firstName: string, lastName: string) => {
    const name = `${emailPart(firstName)}.${emailPart(lastName)}`;
    let address = name;
    for (let n = 2; takenAddresses.has(address); n++) address = `${name}${n}`;
    takenAddresses.add(address);
    return `${address}@plant.example`;
  };
  for (const labor of plant.data.labors) {
    const key = plant.key('user');
    // The account is opened with the technician record.
    const created = Date.parse(labor.createdAt!) / 1000;
    plant.data.users.push({
      key,
      name: labor.name,
      email: email(labor.firstName!, labor.lastName!),
      roleName: labor.roleName,
      siteKeys: [...(labor.siteKeys ?? [])],
      isActive: true,
      createdAt: labor.createdAt,
      updatedAt: iso(plant.between(created, plant.now)),
    });
    labor.userKey = key;
  }
  const usedNames = new Set(plant.data.labors.map((labor) => labor.name));
  const siteKeys = plant.siteInfos.map((site) => site.key);
  officeRoles.forEach((roleName, index) => {
    const { firstName, lastName, name } = pickPersonName(plant, usedNames);
    // The manager looks after every site; supervisors and planners after one each.
    const sites = roleName.endsWith('Manager') || siteKeys.length === 0 ? siteKeys : [siteKeys[index % siteKeys.length]!];
    const { createdAt, updatedAt } = plant.stamps(plant.daysAgo(2000), plant.daysAgo(380), plant.now);
    plant.data.users.push({ key: plant.key('user'), name, email: email(firstName, lastName), roleName, siteKeys: sites, isActive: true, createdAt, updatedAt });
  });
}
