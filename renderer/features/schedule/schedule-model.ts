import type { Asset } from '../../../shared/domain/asset';
import type { Labor } from '../../../shared/domain/labor';
import type { AssetDowntime } from '../../../shared/domain/asset-downtime';
import { computeAvailability, isPlannedStop, type AssetAvailability } from '../../../shared/kpis/asset-availability';
import { computeWorkOrderKpis } from '../../../shared/kpis/work-order-kpis';
import type { PmPlan } from '../../../shared/domain/pm-plan';
import type { WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import { isOverdue, openTest } from '../../../shared/domain/work-order-state';
import { assetHierarchy, recordId, type HierarchyRow } from '../../../shared/schedule/asset-hierarchy';
import { findBookingConflicts, type Booking } from '../../../shared/schedule/booking-conflicts';
import { projectPmPlans, type PlanNotice, type ProjectedPm } from '../../../shared/schedule/pm-occurrences';
import type { ScheduleWindow } from '../../../shared/schedule/schedule-window';
import { spanInWindow } from '../../../shared/schedule/schedule-window';
import { noTeamId, workload, type LoadItem, type TeamLoad } from '../../../shared/schedule/technician-load';
import { defaultWorkingCalendar, type WorkingCalendar } from '../../../shared/schedule/working-calendar';
import { defaultWorkOrderHours, workOrderHours, workOrderSpan, type WorkOrderSpan } from '../../../shared/schedule/work-order-booking';
import type { ScheduleData } from './use-schedule-data';

interface BarPlace {
  id: string;
  /** Fractions of the timeline's width. */
  left: number;
  width: number;
  clippedStart: boolean;
  clippedEnd: boolean;
  lane: number;
}

export interface WorkOrderBar extends BarPlace {
  kind: 'work-order';
  workOrder: WorkOrderSummary;
  start: number;
  end: number;
  defaultLength: boolean;
  hours: number;
  overdue: boolean;
  done: boolean;
  /** Codes of the open work orders on the same asset whose booked hours overlap its own. */
  conflictsWith: string[];
}

export interface PmBar extends BarPlace {
  kind: 'pm';
  pm: ProjectedPm;
}

/** A period the asset stood still: from the stop to its restart, or to now while it is still down. */
export interface DowntimeBar extends BarPlace {
  kind: 'downtime';
  downtime: AssetDowntime;
  start: number;
  end: number;
  ongoing: boolean;
  planned: boolean;
}

export type ScheduleBar = WorkOrderBar | PmBar | DowntimeBar;

export type ScheduleRow =
  | Exclude<HierarchyRow, { kind: 'asset' }>
  | {
      kind: 'asset';
      id: string;
      asset: Asset;
      depth: number;
      bars: ScheduleBar[];
      lanes: number;
      /** Overdue work orders on this asset. */
      overdue: number;
      /** PM plans whose projected occurrence on this asset is past due with no work order for it. */
      overduePm: number;
      conflicts: number;
      /** Stopped at this moment (a downtime without an end). */
      downNow: boolean;
      locationName: string | null;
    };

export interface SiteSummary {
  id: string;
  connectionId: string;
  name: string;
  assets: number;
  /** The share of the last 30 days its active assets ran (shared/kpis/asset-availability); null with none, or when its system reports no downtime. */
  availability: number | null;
  /** Its assets stopped at this moment. */
  downNow: number;
  overdue: number;
  overduePm: number;
  conflicts: number;
  rowIndex: number;
}

/** What books a workload cell: an open work order, or a projected PM its team is to do. */
export type LoadEntry = { kind: 'work-order'; id: string; workOrder: WorkOrderSummary; hours: number } | { kind: 'pm'; id: string; pm: ProjectedPm };

export interface ScheduleModel {
  rows: ScheduleRow[];
  sites: SiteSummary[];
  /** Each team's load and its technicians', by team name. */
  loads: (TeamLoad & { name: string })[];
  /** What the loads' cells name, by id. */
  loadEntries: ReadonlyMap<string, LoadEntry>;
  notices: PlanNotice[];
  totals: {
    assets: number;
    shownAssets: number;
    workOrders: number;
    pmOccurrences: number;
    /** Overdue work orders of the plants shown, counted as the board counts them (every one, with an asset or not). */
    overdue: number;
    /** Of those, the ones with no asset, which have no row here. */
    overdueWithoutAsset: number;
    /** Projected PM occurrences past due (one per plan and asset), apart from work orders. */
    overduePm: number;
    conflicts: number;
    /** Assets of the plants shown stopped at this moment. */
    downNow: number;
  };
}

export interface ScheduleFilters {
  search: string;
  onlyWithWork: boolean;
}

/** Bars shorter than this share of the window are drawn this wide, so each can be seen and grabbed. */
export const minBarFraction = (window: ScheduleWindow) => 1 / (window.days.length * 1.6);

/** Lays bars in lanes so overlapping ones stack instead of covering each other. */
function assignLanes(bars: BarPlace[]): number {
  bars.sort((a, b) => a.left - b.left || b.width - a.width);
  const laneEnds: number[] = [];
  for (const bar of bars) {
    let lane = laneEnds.findIndex((end) => end <= bar.left + 1e-9);
    if (lane === -1) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = bar.left + bar.width;
    bar.lane = lane;
  }
  return Math.max(1, laneEnds.length);
}

/*
 * The cache's mirrors keep a record's object, and a table's array, for as long as it does not
 * change: what depends on those alone is worked out once and kept beside them, so a change to one
 * work order does not parse every other's dates, build its ids again or sort every asset again.
 */
interface WorkOrderFacts {
  id: string;
  assetId: string | null;
  teamId: string | null;
  personId: string | null;
  planId: string | null;
  span: WorkOrderSpan | null;
  /** The plan its hours were read with (they follow the plan's estimate when it has none). */
  plan: PmPlan | undefined;
  hours: number;
}
const workOrderFacts = new WeakMap<WorkOrderSummary, WorkOrderFacts>();
function factsOf(workOrder: WorkOrderSummary, planById: ReadonlyMap<string, PmPlan>): WorkOrderFacts {
  const { connectionId } = workOrder;
  let facts = workOrderFacts.get(workOrder);
  const planId = facts ? facts.planId : workOrder.pmKey === null ? null : recordId(connectionId, workOrder.pmKey);
  const plan = planId === null ? undefined : planById.get(planId);
  if (!facts) {
    facts = {
      id: recordId(connectionId, workOrder.key),
      assetId: workOrder.assetKey === null ? null : recordId(connectionId, workOrder.assetKey),
      teamId: workOrder.teamKey === null ? null : recordId(connectionId, workOrder.teamKey),
      personId: workOrder.laborAssignedKey === null ? null : recordId(connectionId, workOrder.laborAssignedKey),
      planId,
      span: workOrderSpan(workOrder),
      plan,
      hours: workOrderHours(workOrder, plan),
    };
    workOrderFacts.set(workOrder, facts);
  } else if (plan !== facts.plan) {
    facts.plan = plan;
    facts.hours = workOrderHours(workOrder, plan);
  }
  return facts;
}
const hierarchies = new WeakMap<readonly Asset[], { sites: ScheduleData['sites']; locations: ScheduleData['locations']; rows: HierarchyRow[] }>();
/** Every site, location and asset in order, whatever the filters. */
function fullHierarchy({ sites, locations, assets }: ScheduleData): HierarchyRow[] {
  const kept = hierarchies.get(assets);
  if (kept && kept.sites === sites && kept.locations === locations) return kept.rows;
  const rows = assetHierarchy(sites, locations, assets);
  hierarchies.set(assets, { sites, locations, rows });
  return rows;
}

/**
 * The schedule's rows, bars, site summaries and team loads for a window, from the cached records.
 * `unreportedDowntime`: connections whose systems report no downtime list (renderer/ui/use-unreported-lists):
 * their sites get no availability rather than a perfect one. `calendars`: each site's working
 * calendar by site id, where it is not the default.
 */
export function buildScheduleModel(
  data: ScheduleData,
  window: ScheduleWindow,
  filters: ScheduleFilters,
  now: number,
  unreportedDowntime: ReadonlySet<string> = new Set(),
  calendars: ReadonlyMap<string, WorkingCalendar> = new Map(),
): ScheduleModel {
  const windowStart = window.start.getTime();
  const windowEnd = window.end.getTime();
  const planById = new Map(data.pmPlans.map((plan) => [recordId(plan.connectionId, plan.key), plan]));
  const isOpen = openTest(data.workOrderStatuses);
  const locationNames = new Map(data.locations.map((location) => [recordId(location.connectionId, location.key), location.name]));

  // Work orders, in one pass: the load they put on people, what is overdue, their bookings, and their bars.
  const bookings: Booking[] = [];
  const loadItems: LoadItem[] = [];
  const loadEntries = new Map<string, LoadEntry>();
  const barsByAsset = new Map<string, ScheduleBar[]>();
  const overdueByAsset = new Map<string, number>();
  const overduePmByAsset = new Map<string, number>();
  let overdueWorkOrders = 0;
  let overdueWithoutAsset = 0;
  const bump = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  const addBar = (assetId: string, bar: ScheduleBar) => {
    const list = barsByAsset.get(assetId);
    if (list) list.push(bar);
    else barsByAsset.set(assetId, [bar]);
  };
  const minFraction = minBarFraction(window);
  const workOrderBars: { assetId: string; bar: WorkOrderBar }[] = [];
  /** The codes of booked work orders, by id: what a conflict names. */
  const bookedCodes = new Map<string, string>();
  for (const workOrder of data.workOrders) {
    const facts = factsOf(workOrder, planById);
    const { id, assetId, span, hours } = facts;
    // Open and overdue as the board decides them: shared/domain/work-order-state.
    const open = isOpen(workOrder);
    const overdue = isOverdue(workOrder, open, now);
    if (overdue) overdueWorkOrders++;
    // Work with no asset still takes its people's time.
    if (span && open && (facts.teamId !== null || facts.personId !== null)) {
      loadItems.push({ teamId: facts.teamId, personId: facts.personId, at: span.start, hours, entryId: id });
      loadEntries.set(id, { kind: 'work-order', id, workOrder, hours });
    }
    if (assetId === null) {
      if (overdue) overdueWithoutAsset++;
      continue;
    }
    if (overdue) bump(overdueByAsset, assetId);
    if (!span) continue;
    // The work itself takes the asset for its hours from the scheduled start; the bar's span to the due date is the window it may be done in.
    if (open && workOrder.scheduledAt !== null) {
      bookings.push({ id, assetId, start: span.start, end: span.start + hours * 3_600_000 });
      bookedCodes.set(id, workOrder.code);
    }
    const place = spanInWindow(window, span.start, span.end, minFraction);
    if (!place) continue;
    workOrderBars.push({
      assetId,
      bar: { kind: 'work-order', id, ...place, lane: 0, workOrder, start: span.start, end: span.end, defaultLength: span.defaultLength, hours, overdue, done: !open, conflictsWith: [] },
    });
  }
  // Conflicts between the open ones of each asset, named by their codes.
  const conflicts = findBookingConflicts(bookings);
  for (const { assetId, bar } of workOrderBars) {
    const others = conflicts.get(bar.id);
    if (others) bar.conflictsWith = others.map((other) => bookedCodes.get(other) ?? other);
    addBar(assetId, bar);
  }

  const { occurrences, notices } = projectPmPlans({
    plans: data.pmPlans,
    workOrders: data.workOrders,
    meters: data.meters,
    readings: data.meterReadings,
    windowStart,
    windowEnd,
    now,
  });
  const overduePlans = new Set<string>();
  let pmBars = 0;
  for (const pm of occurrences) {
    const assetId = recordId(pm.connectionId, pm.assetKey);
    if (pm.overdue && !overduePlans.has(`${assetId}\u0000${pm.planKey}`)) {
      overduePlans.add(`${assetId}\u0000${pm.planKey}`);
      bump(overduePmByAsset, assetId);
    }
    if (pm.teamKey !== null && !pm.overdue) {
      loadItems.push({ teamId: recordId(pm.connectionId, pm.teamKey), personId: null, at: pm.at, hours: pm.hours ?? defaultWorkOrderHours, entryId: pm.id });
      loadEntries.set(pm.id, { kind: 'pm', id: pm.id, pm });
    }
    const place = spanInWindow(window, pm.at, pm.at, minFraction);
    if (!place) continue;
    pmBars++;
    addBar(assetId, { kind: 'pm', id: pm.id, ...place, lane: 0, pm });
  }

  // Downtime: the periods each asset stood still, to now for a stop still going.
  const downNow = new Set<string>();
  for (const downtime of data.assetDowntimes) {
    if (downtime.assetKey === null) continue;
    const start = Date.parse(downtime.startedAt);
    const ended = downtime.endedAt === null ? NaN : Date.parse(downtime.endedAt);
    const ongoing = Number.isNaN(ended);
    const end = ongoing ? Math.max(now, start) : ended;
    if (Number.isNaN(start) || end < start) continue;
    const assetId = recordId(downtime.connectionId, downtime.assetKey);
    if (start <= now && end >= now) downNow.add(assetId);
    const place = spanInWindow(window, start, end, minBarFraction(window));
    if (!place) continue;
    addBar(assetId, { kind: 'downtime', id: `downtime\u0000${recordId(downtime.connectionId, downtime.key)}`, ...place, lane: 0, downtime, start, end, ongoing, planned: isPlannedStop(downtime) });
  }

  const needle = filters.search.trim().toLowerCase();
  const matches = (asset: Asset) => {
    const id = recordId(asset.connectionId, asset.key);
    if (filters.onlyWithWork && !barsByAsset.has(id) && !overdueByAsset.has(id) && !overduePmByAsset.has(id) && !downNow.has(id)) return false;
    if (!needle) return true;
    const location = asset.locationKey === null ? '' : (locationNames.get(recordId(asset.connectionId, asset.locationKey)) ?? '');
    return `${asset.name}\n${asset.categoryName ?? ''}\n${location}`.toLowerCase().includes(needle);
  };
  const hierarchy = needle || filters.onlyWithWork ? assetHierarchy(data.sites, data.locations, data.assets, matches) : fullHierarchy(data);

  const rows: ScheduleRow[] = [];
  const sites: SiteSummary[] = [];
  let totalConflicts = 0;
  for (const row of hierarchy) {
    if (row.kind !== 'asset') {
      if (row.kind === 'site') sites.push({ id: row.id, connectionId: row.connectionId, name: row.name, assets: row.assetCount, availability: null, downNow: 0, overdue: 0, overduePm: 0, conflicts: 0, rowIndex: rows.length });
      rows.push(row);
      continue;
    }
    const bars = barsByAsset.get(row.id) ?? [];
    const lanes = assignLanes(bars);
    const overdue = overdueByAsset.get(row.id) ?? 0;
    const overduePm = overduePmByAsset.get(row.id) ?? 0;
    const conflicting = bars.filter((bar) => bar.kind === 'work-order' && bar.conflictsWith.length > 0).length;
    const site = sites.at(-1);
    const isDownNow = downNow.has(row.id);
    if (site) {
      if (isDownNow) site.downNow += 1;
      site.overdue += overdue;
      site.overduePm += overduePm;
      site.conflicts += conflicting;
    }
    totalConflicts += conflicting;
    const locationName = row.asset.locationKey === null ? null : (locationNames.get(recordId(row.asset.connectionId, row.asset.locationKey)) ?? null);
    rows.push({ ...row, bars, lanes, overdue, overduePm, conflicts: conflicting, downNow: isDownNow, locationName });
  }
  // Each site's availability, over all its active assets (as the board's Site filter counts it), whatever the search shows.
  const siteAssets = new Map<string, Set<string>>();
  let siteId: string | null = null;
  for (const row of fullHierarchy(data)) {
    if (row.kind === 'site') siteId = row.id;
    else if (row.kind === 'asset' && row.asset.isActive && siteId !== null) {
      const assets = siteAssets.get(siteId);
      if (assets) assets.add(row.id);
      else siteAssets.set(siteId, new Set([row.id]));
    }
  }
  // Each site's stops, sorted out once rather than read through in full for every site.
  const siteOfAsset = new Map<string, string>();
  for (const [id, assets] of siteAssets) for (const assetId of assets) siteOfAsset.set(assetId, id);
  const siteDowntimes = new Map<string, AssetDowntime[]>();
  for (const downtime of data.assetDowntimes) {
    const id = downtime.assetKey === null ? undefined : siteOfAsset.get(recordId(downtime.connectionId, downtime.assetKey));
    if (id === undefined) continue;
    const list = siteDowntimes.get(id);
    if (list) list.push(downtime);
    else siteDowntimes.set(id, [downtime]);
  }
  for (const site of sites) {
    site.availability = unreportedDowntime.has(site.connectionId) ? null : computeAvailability(siteDowntimes.get(site.id) ?? [], siteAssets.get(site.id) ?? new Set(), now).availability;
  }

  const teamsById = new Map(data.teams.map((team) => [recordId(team.connectionId, team.key), team]));
  const calendarOf = (labor: Labor) => (labor.siteKeys.length === 0 ? undefined : calendars.get(recordId(labor.connectionId, labor.siteKeys[0]!))) ?? defaultWorkingCalendar;
  const loads = workload(loadItems, window.days, data.labors, calendarOf)
    .map((load) => ({ ...load, name: teamsById.get(load.teamId)?.name ?? (load.teamId === noTeamId(load.connectionId) ? 'No team' : 'A team not synced yet') }))
    .sort((a, b) => Number(a.teamId === noTeamId(a.connectionId)) - Number(b.teamId === noTeamId(b.connectionId)) || a.name.localeCompare(b.name));

  return {
    rows,
    sites,
    loads,
    loadEntries,
    notices,
    totals: {
      assets: data.assets.length,
      shownAssets: rows.filter((row) => row.kind === 'asset').length,
      workOrders: workOrderBars.length,
      pmOccurrences: pmBars,
      overdue: overdueWorkOrders,
      overdueWithoutAsset,
      overduePm: overduePlans.size,
      conflicts: totalConflicts,
      downNow: downNow.size,
    },
  };
}

/** One asset's figures, as the board's key figures count them over many: availability and MTBF over the last 30 days, MTTR over its completed repairs. */
export interface AssetFigures {
  /** Null when the asset's system reports no downtime. */
  availability: AssetAvailability | null;
  mttrHours: number | null;
  repairs: number;
}

export function assetFigures(data: ScheduleData, asset: Asset, now: number, unreportedDowntime: ReadonlySet<string> = new Set()): AssetFigures {
  const own = (record: { connectionId: string; assetKey: string | null }) => record.connectionId === asset.connectionId && record.assetKey === asset.key;
  const kpis = computeWorkOrderKpis(data.workOrders.filter(own), openTest(data.workOrderStatuses), new Date(now).toISOString());
  return {
    availability: unreportedDowntime.has(asset.connectionId) ? null : computeAvailability(data.assetDowntimes.filter(own), new Set([recordId(asset.connectionId, asset.key)]), now),
    mttrHours: kpis.mttrHours,
    repairs: kpis.repairs,
  };
}
