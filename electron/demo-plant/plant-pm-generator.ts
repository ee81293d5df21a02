/**
 * The plant's preventive maintenance: PM plans on time or run-hour triggers, and, once their work
 * orders exist, whether each time-based plan runs on a fixed or a floating schedule.
 */
import type { PlantWorkTrigger } from './plant-data';
import type { PlantGeneration } from './plant-generation';
import { addInterval, day, iso } from './plant-time';
import { estimatedHours, pmActivities, pmFrequencies, pmRunHourIntervals, routineSeverityWeights, type PmFrequency } from './plant-vocabulary';
import { weightedIndexPicker } from './seeded-random';

/** The `condition` of time-based PM triggers: a fixed grid, or counted from the last completion. */
export const fixedCondition = 'fixed schedule';
export const floatingCondition = 'floating: counted from the last completion';

export function generatePmPlans(plant: PlantGeneration): void {
  const pickAsset = weightedIndexPicker(plant.random, plant.assetPmWeights);
  for (let i = 0; i < plant.sizes.pmPlans; i++) {
    const asset = plant.assetInfos[pickAsset()]!;
    const activity = plant.random.pick(pmActivities);
    const teamKey = activity.team ? plant.teamKeys.get(activity.team)! : asset.teamKey;
    let title: string;
    let trigger: PlantWorkTrigger;
    let dueOffset: number;
    if (plant.random.chance(0.2)) {
      const hours = plant.random.pick(pmRunHourIntervals);
      title = `${hours}-hour ${activity.name} – ${asset.name}`;
      trigger = { type: 'meter', interval: String(hours), recurring: 'hours', condition: `every ${hours} run hours` };
      plant.meterTriggers.push({ trigger, asset });
      dueOffset = plant.random.int(-7 * day, 30 * day);
    } else {
      const frequency = plant.random.pick(pmFrequencies);
      title = `${frequency.label} ${activity.name} – ${asset.name}`;
      trigger = { type: 'time', interval: frequency.interval, recurring: frequency.recurring };
      // Next due within one period from now, a few overdue; never more than 30 days either way.
      const period = frequency.periodDays * day;
      dueOffset = Math.max(-30 * day, Math.min(30 * day, plant.random.int(Math.round(-0.3 * period), period)));
    }
    const severity = plant.random.weighted(routineSeverityWeights);
    const estimatedTime = plant.random.pick(estimatedHours);
    const taskTitles = activity.steps.slice(0, plant.random.int(1, Math.min(5, activity.steps.length)));
    const { created } = plant.stamps(asset.created, plant.daysAgo(400), plant.now);
    const updated = plant.between(Math.max(created, plant.daysAgo(120)), plant.now);
    const key = plant.key('pmPlan');
    plant.data.pmPlans.push({
      key,
      title,
      assetKeys: [asset.key],
      siteKey: asset.siteKey,
      teamKey,
      status: 'Active',
      severity,
      estimatedTime,
      dueAt: iso(plant.now + dueOffset),
      triggers: [trigger],
      tasks: plant.tasks(taskTitles),
      createdAt: iso(created),
      updatedAt: iso(updated),
    });
    plant.pmInfos.push({ key, asset, title, teamKey, severity, estimatedTime, taskTitles });
  }
}

/**
 * Says of each time-based plan whether its schedule is fixed (due on a grid from its due date,
 * whether or not the last one was done on time) or floating (each next due counted from the last
 * completion). About half the plans whose last completed work order puts the next due within 30
 * days of now float, and their due date is then that completion plus the interval; the others are
 * fixed. Runs last, so it draws nothing any other record depends on.
 */
export function settlePmSchedules(plant: PlantGeneration): void {
  const lastCompletion = new Map<string, number>();
  plant.data.workOrders.forEach((workOrder, i) => {
    const { completed } = plant.workOrderTimes[i]!;
    if (workOrder.pmKey === undefined || completed === null) return;
    if (completed > (lastCompletion.get(workOrder.pmKey) ?? -Infinity)) lastCompletion.set(workOrder.pmKey, completed);
  });
  for (const plan of plant.data.pmPlans) {
    const trigger = plan.triggers![0]!;
    if (trigger.type !== 'time') continue;
    const completed = lastCompletion.get(plan.key!);
    const next = completed === undefined ? null : addInterval(completed, Number(trigger.interval), trigger.recurring as PmFrequency['recurring']);
    if (next !== null && Math.abs(next - plant.now) <= 30 * day && plant.random.chance(0.5)) {
      trigger.condition = floatingCondition;
      plan.dueAt = iso(next);
    } else {
      trigger.condition = fixedCondition;
    }
  }
}
