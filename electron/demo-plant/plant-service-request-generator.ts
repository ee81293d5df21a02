/**
 * Service requests: problems reported at the plant on its equipment, with their status table.
 * Most older ones were approved and a work order raised for them, a few declined, and the last
 * few days' still wait as New.
 *
 * Added after plants were first saved, so they draw from a random stream of their own, started
 * once every other collection is final (`startServiceRequestStream`): no earlier record changes.
 * They only read those records; a linked work order names its request (serviceRequestKey) when
 * the plant serves it (PlantState), not here, so the generated work orders stay as they were.
 */
import type { components } from '../core/connectors/makini/makini-eam-api';
import { serviceRequestStatusNames, type ServiceRequestStatusName } from './plant-data';
import type { AssetInfo, PlantGeneration } from './plant-generation';
import { generateStatusTable } from './plant-organisation-generator';
import { day, hour, iso, minute } from './plant-time';
import { breakdownSeverityWeights, routineSeverityWeights, type Severity } from './plant-vocabulary';
import { weightedIndexPicker, type SeededRandom } from './seeded-random';
import {
  commonProblemReports,
  declineReasons,
  problemReportsByAssetType,
  reportCircumstances,
  requestDueDays,
  typesWithoutMachineProblems,
  type ProblemReport,
} from './service-request-vocabulary';

type S = components['schemas'];
type User = PlantGeneration['data']['users'][number];

export const serviceRequestStatusCodes: Record<ServiceRequestStatusName, string> = {
  New: 'NEW',
  Approved: 'APPROVED',
  Declined: 'DECLINED',
};

/** Who files requests, by role: supervisors and planners on behalf of production, technicians on their rounds. */
const requesterWeights: Readonly<Record<string, number>> = {
  'Maintenance Supervisor': 12,
  'Maintenance Planner': 6,
  'Maintenance Manager': 2,
  'Senior Technician': 2,
  Technician: 1,
  Planner: 1,
};
/** Who approves them: the office. */
const approverRoles = new Set(['Maintenance Supervisor', 'Maintenance Manager', 'Maintenance Planner']);

const isSeverity = (value: unknown): value is Severity => typeof value === 'string' && Object.hasOwn(requestDueDays, value);

/** The users working at a site (the manager works at all of them); everyone when nobody does. */
function usersAt(users: readonly User[], siteKey: string): readonly User[] {
  const here = users.filter((user) => user.siteKeys?.includes(siteKey));
  return here.length > 0 ? here : users;
}

/** The user most likely to file a request about equipment at a site. */
export function pickRequester(random: SeededRandom, users: readonly User[], siteKey: string): User {
  const candidates = usersAt(users, siteKey);
  return random.weighted(candidates.map((user) => [user, requesterWeights[user.roleName ?? ''] ?? 1] as const));
}

/** A problem an operator could report on this kind of equipment; `stopped` asks for a breakdown (or not) where the type has one. */
export function pickProblem(random: SeededRandom, assetTypeName: string, stopped?: boolean): ProblemReport {
  const own = problemReportsByAssetType[assetTypeName] ?? [];
  const common = typesWithoutMachineProblems.has(assetTypeName) ? [] : commonProblemReports;
  const pool = own.length > 0 && (common.length === 0 || random.chance(0.8)) ? own : commonProblemReports;
  if (stopped === undefined) return random.pick(pool);
  const fits = (report: ProblemReport) => Boolean(report.stopped) === stopped;
  const matching = pool.filter(fits);
  const elsewhere = matching.length > 0 ? matching : [...own, ...common].filter(fits);
  return random.pick(elsewhere.length > 0 ? elsewhere : pool);
}

/** The request's description: which machine, where, what is wrong and (drawn from `random`) when it was noticed. */
export function describeProblem(random: SeededRandom, assetName: string, locationName: string | undefined, report: ProblemReport): string {
  const circumstances = report.stopped ? reportCircumstances.any : [...reportCircumstances.any, ...reportCircumstances.running];
  return `${assetName}${locationName ? ` (${locationName})` : ''}: ${report.detail} ${random.pick(circumstances)}`;
}

interface Draft {
  created: number;
  updated: number;
  asset: AssetInfo;
  report: ProblemReport;
  status: ServiceRequestStatusName;
  severity: Severity;
  categoryName: string;
  requester: User;
  workOrder?: { key: string; teamKey?: string; approvedAt: number; approver: User | undefined };
  notes?: string;
}

export function generateServiceRequests(plant: PlantGeneration): void {
  plant.startServiceRequestStream();
  generateStatusTable(plant, serviceRequestStatusNames, serviceRequestStatusCodes, 'service-requests', plant.data.serviceRequestStatuses, plant.serviceRequestStatusKeys);
  const count = plant.sizes.serviceRequests;
  if (count === 0) return;
  const random = plant.random;
  const users = plant.data.users.filter((user) => user.isActive !== false);
  const offices = users.filter((user) => approverRoles.has(user.roleName ?? ''));
  const locationNames = new Map(plant.data.locations.map((location) => [location.key, location.name]));
  const assetsByKey = new Map(plant.assetInfos.map((asset) => [asset.key, asset]));
  const pickAsset = weightedIndexPicker(random, plant.assetWorkWeights);
  const pickRequesterAt = (siteKey: string) => pickRequester(random, users, siteKey);
  const pickApproverAt = (siteKey: string) => (offices.length > 0 ? random.pick(usersAt(offices, siteKey)) : undefined);
  const problemFor = (asset: AssetInfo, stopped?: boolean) => pickProblem(random, asset.type.name, stopped);
  const severityOf = (report: ProblemReport) => random.weighted(report.stopped ? breakdownSeverityWeights : routineSeverityWeights);

  // The last few days' requests wait to be looked at; of the older ones a few were declined and
  // the rest approved, each with a work order raised for it.
  const recent = Math.min(count, count >= 40 ? random.int(8, 12) : Math.ceil(count / 6));
  const declined = Math.round((count - recent) * 0.08);
  let approved = count - recent - declined;

  const drafts: Draft[] = [];
  const fresh = (created: number, stopped?: boolean): Draft => {
    const asset = plant.assetInfos[pickAsset()]!;
    const report = problemFor(asset, stopped);
    return { created, updated: created, asset, report, status: 'New', severity: severityOf(report), categoryName: report.stopped ? 'Breakdown' : 'Corrective', requester: pickRequesterAt(asset.siteKey) };
  };
  for (let i = 0; i < recent; i++) drafts.push(fresh(plant.now - random.int(20 * minute, 4 * day)));
  for (let i = 0; i < declined; i++) {
    // A stopped machine is never turned away: what gets declined is what was not a fault after all.
    const draft = fresh(plant.now - random.int(5 * day, 300 * day), false);
    draft.status = 'Declined';
    draft.updated = Math.min(draft.created + random.int(hour, 3 * day), plant.now);
    draft.notes = random.pick(declineReasons);
    drafts.push(draft);
  }

  // Work orders raised for a reported problem: corrective and breakdown work, not PM; each for one request.
  const candidates: number[] = [];
  plant.data.workOrders.forEach((workOrder, index) => {
    if (workOrder.pmKey === undefined && plant.workOrderTimes[index]!.created < plant.now - hour) candidates.push(index);
  });
  const linked = Math.min(approved, candidates.length);
  for (let i = 0; i < linked; i++) {
    // The first steps of a Fisher–Yates shuffle: `linked` distinct work orders.
    const j = random.int(i, candidates.length - 1);
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    const workOrder = plant.data.workOrders[candidates[i]!]!;
    const asset = assetsByKey.get(workOrder.assetKey ?? '');
    if (!asset) continue;
    const raised = plant.workOrderTimes[candidates[i]!]!.created;
    const report = problemFor(asset, workOrder.categoryName === 'Breakdown');
    drafts.push({
      created: Math.max(asset.created, raised - random.int(10 * minute, 36 * hour)),
      updated: raised,
      asset,
      report,
      status: 'Approved',
      severity: isSeverity(workOrder.severity) ? workOrder.severity : severityOf(report),
      categoryName: workOrder.categoryName ?? (report.stopped ? 'Breakdown' : 'Corrective'),
      requester: pickRequesterAt(asset.siteKey),
      workOrder: { key: workOrder.key!, teamKey: workOrder.teamKey, approvedAt: raised, approver: pickApproverAt(asset.siteKey) },
    });
    approved--;
  }
  // Without work orders to link (a small plant), the rest are an older backlog nobody has looked at.
  for (let i = 0; i < approved; i++) drafts.push(fresh(plant.now - random.int(4 * day, 60 * day)));

  // Keys in the order requests were filed, like the plant's other records.
  drafts.sort((a, b) => a.created - b.created);
  for (const draft of drafts) {
    const { asset, report, workOrder } = draft;
    const request: S['ServiceRequest'] = { key: plant.key('serviceRequest'), siteKey: asset.siteKey, locationKey: asset.locationKey, assetKey: asset.key };
    if (workOrder) request.workOrderKey = workOrder.key;
    if (workOrder?.teamKey) request.teamKey = workOrder.teamKey;
    request.userRequestedKey = draft.requester.key;
    if (workOrder?.approver) request.userApprovedKey = workOrder.approver.key;
    request.documents = [];
    request.title = report.title;
    request.description = describeProblem(random, asset.name, locationNames.get(asset.locationKey), report);
    request.statusKey = plant.serviceRequestStatusKeys.get(draft.status)!;
    request.severity = draft.severity;
    request.categoryName = draft.categoryName;
    if (draft.notes) request.notes = draft.notes;
    if (workOrder) request.approvedAt = iso(workOrder.approvedAt);
    request.dueAt = iso(draft.created + Math.round(requestDueDays[draft.severity] * day));
    request.createdAt = iso(draft.created);
    request.updatedAt = iso(draft.updated);
    plant.data.serviceRequests.push(request);
  }
}
