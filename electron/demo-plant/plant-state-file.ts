import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { savedIdempotencySchema, type SavedIdempotency } from './idempotency-store';
import { completeSizes, type PlantSizes } from './plant-data';
import type { PlantIdentity, PlantOverrides, PlantTombstones } from './plant-state';
import { savedAuthSchema, type SavedAuth } from './token-registry';

const stateFileSchema = z.object({
  version: z.literal(1),
  seed: z.number().int(),
  sizes: z.record(z.string(), z.number().int().nonnegative()),
  epochMs: z.number(),
  /** The admin token; absent for plants that keep it in memory only (inside the app). */
  token: z.string().min(16).optional(),
  overrides: z.record(z.string(), z.array(z.object({ key: z.string() }).loose())),
  /** Keys purged by hard deletes; files written before the plant could purge have none. */
  tombstones: z.record(z.string(), z.array(z.string())).optional(),
  /** Issued grants; files written before the plant issued tokens have none. */
  auth: savedAuthSchema.nullish(),
  /** Answers kept for Idempotency-Keys, oldest first; files written before the plant took writes have none. */
  idempotency: savedIdempotencySchema.optional(),
});

export interface PlantStateSnapshot {
  identity: PlantIdentity;
  /** Null when the plant keeps its admin token in memory only. */
  token: string | null;
  overrides: PlantOverrides;
  tombstones: PlantTombstones;
  auth: SavedAuth | null;
  /** Answers kept for Idempotency-Keys, oldest first. */
  idempotency: SavedIdempotency;
}

/**
 * Reads a saved plant. A missing file gives null; an unreadable or foreign one is set aside
 * (renamed *.corrupt-<time>) so the plant can start fresh without destroying it.
 */
export async function loadPlantState(file: string): Promise<PlantStateSnapshot | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed;
  try {
    parsed = stateFileSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    const aside = `${file}.corrupt-${Date.now()}`;
    await rename(file, aside);
    console.warn(`demo plant: ${file} was not a readable plant state; moved it to ${aside} and started fresh`);
    return null;
  }
  const { seed, sizes, epochMs, token, overrides, tombstones, auth, idempotency } = parsed.data;
  return {
    // A plant saved before a size existed was generated before that collection was: it has the default.
    identity: { seed, sizes: completeSizes(sizes as Partial<PlantSizes>), epochMs },
    token: token ?? null,
    overrides: overrides as PlantOverrides,
    tombstones: (tombstones ?? {}) as PlantTombstones,
    auth: auth ?? null,
    idempotency: idempotency ?? [],
  };
}

/** Writes the plant atomically: a crash mid-write leaves the previous file whole. */
export async function savePlantState(file: string, snapshot: PlantStateSnapshot): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const body = JSON.stringify({
    version: 1,
    seed: snapshot.identity.seed,
    sizes: snapshot.identity.sizes,
    epochMs: snapshot.identity.epochMs,
    ...(snapshot.token !== null ? { token: snapshot.token } : {}),
    overrides: snapshot.overrides,
    tombstones: snapshot.tombstones,
    auth: snapshot.auth,
    idempotency: snapshot.idempotency,
  });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, body, { mode: 0o600 });
  await rename(temporary, file);
}
