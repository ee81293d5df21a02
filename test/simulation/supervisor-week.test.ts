import { afterAll, describe, expect, it } from 'vitest';
import { runSupervisorWeek, type WeekFigures } from './supervisor-week';

/** Seeds run: 10 in `npm test`, more with SIM_SEEDS (200 for the nightly size) from SIM_FIRST_SEED; SIM_SEED replays one; SIM_CLIENTS desktops (5). */
const seedCount = Number(process.env.SIM_SEEDS ?? 10);
const firstSeed = Number(process.env.SIM_FIRST_SEED ?? 1);
const seeds = process.env.SIM_SEED ? [Number(process.env.SIM_SEED)] : Array.from({ length: seedCount }, (_, index) => firstSeed + index);

describe('five supervisors, one plant, a week offline', () => {
  const weeks: WeekFigures[] = [];

  afterAll(() => {
    const total = (field: keyof WeekFigures) => weeks.reduce((sum, week) => sum + week[field], 0);
    const fields = ['edits', 'applied', 'replayed', 'merged', 'conflictsSurfaced', 'conflictsResolved', 'refusals', 'crashes', 'lost', 'duplicated'] as const;
    console.log(`simulation, ${weeks.length} of ${seeds.length} seeds passed: ${fields.map((field) => `${field} ${total(field)}`).join(', ')}`);
  });

  it.each(seeds)('seed %i: every edit applied once or surfaced, every cache equal to the plant', async (seed) => {
    console.log(`simulation seed ${seed} (replay with SIM_SEED=${seed})`);
    const figures = await runSupervisorWeek(seed, { clients: Number(process.env.SIM_CLIENTS ?? 5) });
    weeks.push(figures);
    expect(figures).toMatchObject({ lost: 0, duplicated: 0 });
    expect(figures.edits).toBeGreaterThan(0);
  });
});
