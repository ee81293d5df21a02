import { describe, expect, it } from 'vitest';
import { approximateIntervalMs, projectTimeTrigger, uncoveredOccurrences } from '../../shared/schedule/pm-projection';
import { describeRule, readTrigger } from '../../shared/schedule/pm-trigger';

const trigger = (fields: Partial<Record<'type' | 'interval' | 'recurring' | 'condition' | 'meterKey', string | null>>) => ({
  type: null,
  interval: null,
  recurring: null,
  condition: null,
  meterKey: null,
  ...fields,
});

/** Local wall-clock instants, so the tests hold in any time zone. */
const local = (year: number, month: number, dayOfMonth: number, hour = 9) => new Date(year, month - 1, dayOfMonth, hour);

describe('readTrigger', () => {
  it('reads time-based triggers, fixed unless the condition says floating', () => {
    expect(readTrigger(trigger({ type: 'time', interval: '2', recurring: 'weeks' }))).toEqual({ kind: 'time', every: 2, unit: 'weeks', schedule: 'fixed' });
    expect(readTrigger(trigger({ type: 'time', interval: '3', recurring: 'Months', condition: 'floating: counted from the last completion' }))).toEqual({
      kind: 'time',
      every: 3,
      unit: 'months',
      schedule: 'floating',
    });
    expect(readTrigger(trigger({ type: 'calendar', interval: '1', recurring: 'year', condition: 'fixed schedule' }))).toMatchObject({ unit: 'years', schedule: 'fixed' });
  });

  it('reads meter-based triggers by their meter', () => {
    expect(readTrigger(trigger({ type: 'meter', interval: '500', recurring: 'hours', condition: 'every 500 run hours', meterKey: 'M1' }))).toEqual({
      kind: 'meter',
      every: 500,
      meterKey: 'M1',
      unitName: 'hours',
    });
  });

  it('says why a trigger cannot be projected', () => {
    expect(readTrigger(trigger({ type: 'time', interval: 'often', recurring: 'days' }))).toEqual({ kind: 'unreadable', reason: 'its interval “often” is not a positive number' });
    expect(readTrigger(trigger({ type: 'time', interval: '0', recurring: 'days' })).kind).toBe('unreadable');
    expect(readTrigger(trigger({ type: 'time', interval: '2', recurring: 'fortnights' }))).toEqual({ kind: 'unreadable', reason: '“fortnights” is not a calendar unit' });
    expect(readTrigger(trigger({ type: 'meter', interval: '500', recurring: 'hours' }))).toEqual({ kind: 'unreadable', reason: 'it is meter-based but names no meter' });
    expect(describeRule({ kind: 'time', every: 1, unit: 'weeks', schedule: 'fixed' })).toBe('every week');
    expect(describeRule({ kind: 'meter', every: 250, meterKey: 'M', unitName: 'hours' })).toBe('every 250 hours');
  });
});

describe('projectTimeTrigger', () => {
  const now = local(2026, 3, 10);

  it('puts a fixed schedule on the grid from the plan due date, month ends clamped without drift', () => {
    const projection = projectTimeTrigger(
      { kind: 'time', every: 1, unit: 'months', schedule: 'fixed' },
      { planDueAt: local(2026, 1, 31).toISOString(), lastCompletedAt: local(2026, 3, 1).toISOString(), now, until: local(2026, 6, 1) },
    );
    expect(projection?.basis).toBe('fixed-due-date');
    expect(projection?.occurrences).toEqual([local(2026, 1, 31), local(2026, 2, 28), local(2026, 3, 31), local(2026, 4, 30), local(2026, 5, 31)]);
  });

  it('counts a floating schedule from the last completion, and on from now once it is overdue', () => {
    const rule = { kind: 'time', every: 2, unit: 'weeks', schedule: 'floating' } as const;
    const onTime = projectTimeTrigger(rule, { planDueAt: local(2026, 3, 1).toISOString(), lastCompletedAt: local(2026, 3, 5).toISOString(), now, until: local(2026, 4, 20) });
    expect(onTime?.basis).toBe('floating-last-completion');
    expect(onTime?.occurrences).toEqual([local(2026, 3, 19), local(2026, 4, 2), local(2026, 4, 16)]);

    const overdue = projectTimeTrigger(rule, { planDueAt: null, lastCompletedAt: local(2026, 2, 1).toISOString(), now, until: local(2026, 4, 20) });
    expect(overdue?.occurrences).toEqual([local(2026, 2, 15), local(2026, 3, 24), local(2026, 4, 7)]);

    const neverDone = projectTimeTrigger(rule, { planDueAt: local(2026, 3, 12).toISOString(), lastCompletedAt: null, now, until: local(2026, 3, 30) });
    expect(neverDone).toEqual({ basis: 'floating-due-date', occurrences: [local(2026, 3, 12), local(2026, 3, 26)] });
  });

  it('has nothing to start from without a due date (fixed) or a completion and a due date (floating)', () => {
    const input = { planDueAt: null, lastCompletedAt: null, now, until: local(2026, 6, 1) };
    expect(projectTimeTrigger({ kind: 'time', every: 1, unit: 'weeks', schedule: 'fixed' }, input)).toBeNull();
    expect(projectTimeTrigger({ kind: 'time', every: 1, unit: 'weeks', schedule: 'floating' }, input)).toBeNull();
  });

  it('leaves out occurrences an open work order of the plan stands for', () => {
    const rule = { kind: 'time', every: 1, unit: 'weeks', schedule: 'fixed' } as const;
    const occurrences = [local(2026, 3, 2), local(2026, 3, 9), local(2026, 3, 16)];
    const kept = uncoveredOccurrences(occurrences, [local(2026, 3, 10, 15).getTime()], approximateIntervalMs(rule));
    expect(kept).toEqual([local(2026, 3, 2), local(2026, 3, 16)]);
  });
});
