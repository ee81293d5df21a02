import { statusTransitionRefusal } from '../../shared/board/status-transition';
import type { FieldValue } from '../../shared/domain/outbox-operation';
import type { WorkOrder } from '../../shared/domain/work-order';
import type { SeededRandom } from '../../electron/demo-plant/seeded-random';
import { demoPlantSeverities } from '../../electron/demo-plant/demo-plant-write-rules';
import { isoSeconds } from '../../electron/demo-plant/plant-time';
import type { EditRequest } from '../../renderer/db/dexie-outbox';
import { simConnectionId, type SimClient } from './sim-client';

const hour = 60 * 60 * 1000;

/** A new value for one field of a work order, as a supervisor would pick it on the board or the schedule. */
export async function freshValue(client: SimClient, random: SeededRandom, field: string, workOrder: Pick<WorkOrder, 'notes' | 'severity' | 'laborAssignedKey'>, serial: number): Promise<FieldValue> {
  switch (field) {
    case 'severity':
      return random.pick(demoPlantSeverities.filter((severity) => severity !== workOrder.severity));
    case 'laborAssignedKey': {
      const labors = (await client.db.labors.toArray()).sort((a, b) => a.key.localeCompare(b.key)).filter((labor) => labor.key !== workOrder.laborAssignedKey);
      return labors.length > 0 ? random.pick(labors).key : null;
    }
    case 'scheduledAt':
      // A working hour in the next two weeks, on the hour.
      return isoSeconds(Math.floor((client.now().getTime() + random.int(0, 14) * 24 * hour) / (24 * hour)) * 24 * hour + random.int(6, 16) * hour);
    case 'notes':
      return `${workOrder.notes ? `${workOrder.notes}\n` : ''}${client.name}: checked on round ${serial}.`;
    default:
      throw new Error(`The simulation has no values for ${field}`);
  }
}

/**
 * One edit a supervisor makes from what their own cache shows: a status move the workflow
 * allows, a reassignment, a reschedule, a severity, a note, a new work order, or a part taken.
 * Most edits go to the plant's busy work orders (`hot`), where supervisors meet. Returns the
 * request and what the screen showed for its fields, or null when the chosen edit makes no sense
 * for the card drawn.
 */
export async function supervisorEdit(client: SimClient, random: SeededRandom, hot: readonly string[], serial: number): Promise<{ request: EditRequest; base: Record<string, FieldValue> } | null> {
  const workOrders = (await client.db.workOrders.toArray()).sort((a, b) => a.key.localeCompare(b.key));
  const hotOnes = workOrders.filter((workOrder) => hot.includes(workOrder.key));
  const target = random.chance(0.7) && hotOnes.length > 0 ? random.pick(hotOnes) : random.pick(workOrders);
  const kind = random.weighted([
    ['status', 3],
    ['laborAssignedKey', 2],
    ['scheduledAt', 2],
    ['severity', 1],
    ['notes', 2],
    ['create', 1],
    ['part', 1],
  ] as const);
  const update = (changes: Record<string, FieldValue>, display: Record<string, FieldValue> = {}) => ({
    request: { connectionId: simConnectionId, action: 'updateWorkOrder' as const, key: target.key, changes, ...(Object.keys(display).length > 0 ? { display } : {}) },
    base: Object.fromEntries(Object.keys(changes).map((field) => [field, ((target as Record<string, unknown>)[field] as FieldValue | undefined) ?? null])),
  });
  switch (kind) {
    case 'status': {
      const statuses = (await client.db.workOrderStatuses.toArray()).sort((a, b) => a.key.localeCompare(b.key));
      const current = statuses.find((status) => status.key === target.statusKey) ?? null;
      const allowed = statuses.filter((status) => status.key !== target.statusKey && statusTransitionRefusal(current, status) === null);
      if (allowed.length === 0) return null;
      const next = random.pick(allowed);
      return {
        request: { connectionId: simConnectionId, action: 'setWorkOrderStatus', key: target.key, changes: { statusKey: next.key }, display: { status: next.name } },
        base: { statusKey: target.statusKey },
      };
    }
    case 'create': {
      const sites = (await client.db.sites.toArray()).sort((a, b) => a.key.localeCompare(b.key));
      const site = random.pick(sites);
      const assets = (await client.db.assets.where('[connectionId+siteKey]').equals([simConnectionId, site.key]).toArray()).sort((a, b) => a.key.localeCompare(b.key));
      const changes: Record<string, FieldValue> = { title: `${client.name}: noise from gearbox, round ${serial}`, siteKey: site.key, severity: random.pick(demoPlantSeverities) };
      if (assets.length > 0) changes.assetKey = random.pick(assets).key;
      return { request: { connectionId: simConnectionId, action: 'createWorkOrder', changes, display: { status: null } }, base: {} };
    }
    case 'part': {
      if (target.key.startsWith('local:')) return null;
      const planned = new Set((await client.db.workOrderMaterials.where('[connectionId+workOrderKey]').equals([simConnectionId, target.key]).toArray()).map((line) => line.materialKey));
      const parts = (await client.db.materials.toArray()).sort((a, b) => a.key.localeCompare(b.key)).filter((part) => !planned.has(part.key));
      if (parts.length === 0) return null;
      const part = random.pick(parts);
      const quantity = random.int(1, 2);
      return {
        request: {
          connectionId: simConnectionId,
          action: 'addWorkOrderPart',
          changes: { workOrderKey: target.key, materialKey: part.key, requiredQuantity: quantity, usedQuantity: quantity },
          display: { name: part.name, partNumber: part.partNumber },
        },
        base: {},
      };
    }
    default:
      return update({ [kind]: await freshValue(client, random, kind, target, serial) });
  }
}
