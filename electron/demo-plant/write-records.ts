import type { CollectionName, PlantState } from './plant-state';
import type { PlantRecord } from './record-collection';
import { WriteError } from './write-error';

/** A record as writes read and change it: any field by name. */
export type WriteRecord = PlantRecord & Record<string, unknown>;

/**
 * The record with the fields of `order` first, in that order (the spec's order for its entity),
 * any others after them; undefined fields left out.
 */
export function inFieldOrder(order: readonly string[], record: Record<string, unknown>): WriteRecord {
  const ordered: Record<string, unknown> = {};
  for (const name of order) if (record[name] !== undefined) ordered[name] = record[name];
  for (const [name, value] of Object.entries(record)) if (!Object.hasOwn(ordered, name) && value !== undefined) ordered[name] = value;
  return ordered as WriteRecord;
}

/** The record of `name` with this key, unless there is none or it is deleted. */
export const live = (state: PlantState, name: CollectionName, key: string): WriteRecord | undefined => {
  const record = state.collections[name].get(key) as WriteRecord | undefined;
  return record && !record.deletedAt ? record : undefined;
};

/** The record a write's path names; 404 NOT_FOUND when there is none or it is deleted. */
export function existing(state: PlantState, name: CollectionName, what: string, key: string): WriteRecord {
  const record = state.collections[name].get(key) as WriteRecord | undefined;
  if (!record) throw new WriteError(404, 'NOT_FOUND', `No ${what} with key ${key}.`);
  if (record.deletedAt) throw new WriteError(404, 'NOT_FOUND', `The ${what} with key ${key} was deleted at ${record.deletedAt}.`);
  return record;
}
