/**
 * The plant's work: a year of work orders (preventive, corrective and breakdowns) with their
 * tasks and assignees, and the parts planned for and used on them.
 */
import type { components } from '../core/connectors/makini/makini-eam-api';
import type { WorkOrderStatusName } from './plant-data';
import { mixForAge, wireString, type AssetInfo, type MaterialInfo, type PlantGeneration } from './plant-generation';
import { day, hour, iso, minute } from './plant-time';
import {
  breakdownReports,
  breakdownSeverityWeights,
  estimatedHours,
  followUpSteps,
  preparationSteps,
  routineSeverityWeights,
  workComponents,
  workOrderNotes,
} from './plant-vocabulary';
import { weightedIndexPicker } from './seeded-random';

type S = components['schemas'];

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

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Task titles: the main job, with lock-out before and checks after when the list is long enough. */
function correctiveTaskTitles(plant: PlantGeneration, main: string, count: number): string[] {
  const titles = count >= 3 ? [plant.random.pick(preparationSteps), main] : [main];
  // A run of consecutive follow-ups, so they stay distinct and in a sensible order.
  const needed = count - titles.length;
  const first = plant.random.int(0, followUpSteps.length - needed);
  titles.push(...followUpSteps.slice(first, first + needed));
  return titles;
}

function assignee(plant: PlantGeneration, teamKey: string, siteKey: string): string | undefined {
  const team = plant.assignable.get(teamKey);
  return team ? plant.random.pick(team.bySite.get(siteKey) ?? team.anySite) : undefined;
}

export function generateWorkOrders(plant: PlantGeneration): void {
  const count = plant.sizes.workOrders;
  if (count === 0) return;
  // Creation times first, sorted, so codes and keys increase with createdAt.
  const createdTimes = new Float64Array(count);
  for (let i = 0; i < count; i++) createdTimes[i] = plant.now - plant.random.int(minute, 365 * day);
  createdTimes.sort();
  const pickAsset = weightedIndexPicker(plant.random, plant.assetWorkWeights);
  const codeBase = plant.random.int(10_000, 90_000);
  // Supervisors close completed work in batches, so some closures share a second.
  let lastBatchClose = -Infinity;

  for (let i = 0; i < count; i++) {
    const created = createdTimes[i]!;
    const statusName = plant.random.weighted(mixForAge(workOrderStatusMix, plant.now - created));

    const pm = plant.pmInfos.length > 0 && plant.random.chance(0.3) ? plant.random.pick(plant.pmInfos) : null;
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
      asset = plant.assetInfos[pickAsset()]!;
      let mainTask: string;
      if (plant.random.chance(0.2)) {
        mainTask = plant.random.pick(breakdownReports);
        categoryName = 'Breakdown';
        teamKey = asset.teamKey;
        severity = plant.random.weighted(breakdownSeverityWeights);
      } else {
        const component = plant.random.pick(workComponents);
        mainTask = `${plant.random.pick(component.actions)} ${component.name}`;
        categoryName = 'Corrective';
        teamKey = component.team ? plant.teamKeys.get(component.team)! : asset.teamKey;
        severity = plant.random.weighted(routineSeverityWeights);
      }
      title = `${mainTask} on ${asset.name}`;
      estimatedTime = plant.random.pick(estimatedHours);
      taskTitles = correctiveTaskTitles(plant, capitalize(mainTask), plant.random.int(1, 4));
    }

    let scheduled = created + plant.random.int(hour, 14 * day);
    let due = scheduled + plant.random.int(day, 21 * day);
    const open = statusName !== 'Completed' && statusName !== 'Closed';
    // Planners keep most of the open backlog re-planned around today; about a fifth stays overdue.
    const replanned = open && due < plant.now && plant.random.chance(0.8);
    if (replanned) {
      scheduled = Math.max(created + hour, plant.now + plant.random.int(-3 * day, 21 * day));
      due = scheduled + plant.random.int(day, 14 * day);
    }
    let completed: number | null = null;
    let updated: number;
    switch (statusName) {
      case 'Waiting for approval':
        updated = plant.between(created, Math.min(created + 10 * minute, plant.now));
        break;
      case 'Completed':
      case 'Closed': {
        // Done within days of the scheduled start; work scheduled for the future was done early.
        completed = scheduled > plant.now ? plant.between(created, plant.now) : plant.between(scheduled, Math.min(scheduled + 5 * day, plant.now));
        if (statusName === 'Completed') {
          updated = plant.between(completed, Math.min(completed + 2 * hour, plant.now));
        } else if (lastBatchClose >= completed && lastBatchClose <= completed + 14 * day && plant.random.chance(0.05)) {
          updated = lastBatchClose;
        } else {
          updated = plant.between(Math.min(completed + hour, plant.now), Math.min(completed + 14 * day, plant.now));
          lastBatchClose = updated;
        }
        break;
      }
      default:
        updated = replanned
          ? plant.between(Math.max(created, plant.now - 14 * day), plant.now)
          : plant.between(created, Math.min(created + 30 * day, plant.now));
    }

    const workOrder: S['WorkOrder'] = {
      key: plant.key('workOrder'),
      code: `WO-${String(codeBase + i).padStart(6, '0')}`,
      title,
      categoryName,
      assetKey: asset.key,
      siteKey: asset.siteKey,
      locationKey: asset.locationKey,
      teamKey,
      statusKey: plant.workOrderStatusKeys.get(statusName)!,
      status: statusName,
      severity,
      estimatedTime,
      scheduledAt: iso(scheduled),
      dueAt: iso(due),
      tasks: plant.tasks(taskTitles),
      createdAt: iso(created),
      updatedAt: iso(updated),
    };
    if (plant.random.chance(0.85)) {
      const labor = assignee(plant, teamKey, asset.siteKey);
      if (labor) workOrder.laborAssignedKey = labor;
    }
    if (pm) workOrder.pmKey = pm.key;
    if (completed !== null) workOrder.completedAt = iso(completed);
    if (plant.random.chance(0.25)) workOrder.notes = plant.random.pick(workOrderNotes);
    plant.data.workOrders.push(workOrder);
    plant.workOrderTimes.push({ created, updated, completed });
  }
}

/** Parts planned for about 40% of work orders, one to three each, from the stores of the work order's site where it keeps any. */
export function generateWorkOrderMaterials(plant: PlantGeneration): void {
  if (plant.materialInfos.length === 0) return;
  const bySite = new Map<string, MaterialInfo[]>();
  for (const { material, siteKey } of plant.stockedParts) {
    const stocked = bySite.get(siteKey);
    if (stocked) stocked.push(material);
    else bySite.set(siteKey, [material]);
  }
  for (let i = 0; i < plant.data.workOrders.length; i++) {
    if (!plant.random.chance(0.4)) continue;
    const workOrder = plant.data.workOrders[i]!;
    const { created, updated, completed } = plant.workOrderTimes[i]!;
    const candidates = bySite.get(workOrder.siteKey ?? '') ?? plant.materialInfos;
    const count = Math.min(plant.random.int(1, 3), candidates.length);
    const chosen = new Set<MaterialInfo>();
    while (chosen.size < count) chosen.add(plant.random.pick(candidates));
    for (const material of chosen) {
      const required = plant.random.int(1, 4);
      // Parts are issued as the work goes on: all of them (give or take one) once it is done.
      let used = 0;
      if (completed !== null) used = plant.random.chance(0.8) ? required : plant.random.int(required - 1, required + 1);
      else if (workOrder.status === 'In progress' || workOrder.status === 'On hold') used = plant.random.int(0, required);
      const planned = plant.between(created, Math.min(created + 2 * day, completed ?? updated));
      const changed = completed === null ? plant.between(planned, updated) : plant.between(Math.max(planned, completed - 2 * day), completed);
      plant.data.workOrderMaterials.push({
        key: plant.key('materialItem'),
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
