/** One reading of a meter, its time in epoch milliseconds. */
export interface ReadingPoint {
  at: number;
  value: number;
}

export interface MeterProjectionInput {
  /** Every units of the meter (500 for "every 500 run hours"). */
  every: number;
  /** The meter's readings, in any order. */
  readings: readonly ReadingPoint[];
  /** The newest completion of a work order raised from the plan, as epoch milliseconds. */
  lastCompletedAt: number | null;
  /** Projected dates are produced up to (not including) this instant. */
  until: number;
}

export interface MeterDue {
  /** The reading at which the plan is due. */
  reading: number;
  /** When the meter is projected to reach it (epoch ms; in the past when it already has), or null without a reading rate. */
  at: number | null;
  /** The last reading has already reached it. */
  reached: boolean;
}

export interface MeterProjection {
  last: ReadingPoint | null;
  /** Units per day over the rate window, or null when it cannot be told (fewer than two readings a day apart, or not rising). */
  ratePerDay: number | null;
  /** Where the first due reading comes from. */
  basis: 'last-completion' | 'next-multiple';
  /** The reading at the last completion, when that is the basis. */
  completionReading: number | null;
  dues: MeterDue[];
}

const dayMs = 86_400_000;
/** The reading rate is the rise over the readings of the last 90 days before the newest. */
export const rateWindowDays = 90;
const maxDues = 200;

/**
 * Due readings of a meter-based trigger and the dates the meter is projected to reach them.
 * The first due reading is the reading at the plan's last completion (the newest reading taken at
 * or before it) plus the interval; with no completion, or none the readings cover, it is the next
 * multiple of the interval above the last reading. When the meter has passed it, it is overdue
 * and the later ones are counted from the last reading; otherwise they follow it every interval.
 * A date is the last reading's time plus the distance to the due reading at the rate of the last
 * 90 days. Without a rate, the first due reading and (when that is passed) the next are given
 * with no date.
 */
export function projectMeterTrigger({ every, readings, lastCompletedAt, until }: MeterProjectionInput): MeterProjection {
  const sorted = readings.filter((point) => Number.isFinite(point.value) && Number.isFinite(point.at)).sort((a, b) => a.at - b.at);
  const last = sorted.at(-1) ?? null;
  if (!last || !(every > 0)) return { last, ratePerDay: null, basis: 'next-multiple', completionReading: null, dues: [] };

  const windowStart = last.at - rateWindowDays * dayMs;
  const first = sorted.find((point) => point.at >= windowStart)!;
  const span = last.at - first.at;
  const rise = last.value - first.value;
  const ratePerDay = span >= dayMs && rise > 0 ? (rise / span) * dayMs : null;

  let completionReading: number | null = null;
  if (lastCompletedAt !== null) {
    completionReading = sorted.findLast((point) => point.at <= lastCompletedAt)?.value ?? null;
  }
  const firstDue = completionReading !== null ? completionReading + every : (Math.floor(last.value / every) + 1) * every;
  const dateOf = (reading: number) => (ratePerDay === null ? null : last.at + ((reading - last.value) / ratePerDay) * dayMs);

  const dues: MeterDue[] = [];
  // Passed already: that one is overdue, and the next are counted from the reading now, as it can
  // be done no earlier than now (floating, like a meter-based PM in any CMMS).
  const reached = firstDue <= last.value;
  const base = reached ? last.value : firstDue;
  const firstAt = dateOf(firstDue);
  if (reached || firstAt === null || firstAt < until) dues.push({ reading: firstDue, at: firstAt, reached });
  if (ratePerDay !== null) {
    for (let k = 1; dues.length < maxDues; k++) {
      const reading = base + k * every;
      const at = dateOf(reading)!;
      if (at >= until) break;
      dues.push({ reading, at, reached: false });
    }
  } else if (reached) {
    dues.push({ reading: base + every, at: null, reached: false });
  }
  return { last, ratePerDay, basis: completionReading !== null ? 'last-completion' : 'next-multiple', completionReading, dues };
}
