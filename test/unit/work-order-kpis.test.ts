import { describe, expect, it } from 'vitest';
import { computeWorkOrderKpis } from '../../shared/kpis/work-order-kpis';

const now = '2026-03-10T12:00:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(now) - days * 86_400_000).toISOString();
const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

interface Row {
  createdAt: string | null;
  dueAt: string | null;
  completedAt: string | null;
  pmKey: string | null;
  open: boolean;
}
const row = (fields: Partial<Row>): Row => ({ createdAt: null, dueAt: null, completedAt: null, pmKey: null, open: true, ...fields });
const kpis = (rows: Row[]) => computeWorkOrderKpis(rows, (r) => r.open, now);

describe('computeWorkOrderKpis', () => {
  it('counts the open backlog, its median and oldest age, and the overdue ones', () => {
    const result = kpis([
      row({ createdAt: daysAgo(2), dueAt: daysAgo(1) }), // overdue
      row({ createdAt: daysAgo(10), dueAt: daysAgo(-3) }),
      row({ createdAt: daysAgo(40), dueAt: null }),
      row({ createdAt: daysAgo(5), dueAt: daysAgo(4), open: false, completedAt: daysAgo(4) }), // done: not backlog
      row({ createdAt: daysAgo(7), dueAt: daysAgo(2), completedAt: daysAgo(3) }), // reopened (open status, old completion date): backlog, overdue
    ]);
    expect(result.backlog).toBe(4);
    expect(result.backlogMedianAgeDays).toBeCloseTo(8.5, 6);
    expect(result.backlogOldestAgeDays).toBeCloseTo(40, 6);
    expect(result.overdue).toBe(2);
  });

  it('takes the median of an even backlog as the mean of its two middle ages', () => {
    const result = kpis([row({ createdAt: daysAgo(1) }), row({ createdAt: daysAgo(3) }), row({ createdAt: daysAgo(9) }), row({ createdAt: daysAgo(20) })]);
    expect(result.backlogMedianAgeDays).toBeCloseTo(6, 6);
  });

  it('rates PM compliance over PM work that fell due: on or before due counts, late and missed do not', () => {
    const due = daysAgo(5);
    const result = kpis([
      row({ pmKey: 'pm1', dueAt: due, completedAt: due, open: false }), // exactly on due: compliant
      row({ pmKey: 'pm1', dueAt: due, completedAt: daysAgo(6), open: false }), // early
      row({ pmKey: 'pm2', dueAt: due, completedAt: daysAgo(4), open: false }), // late
      row({ pmKey: 'pm2', dueAt: due }), // missed, still open
      row({ pmKey: 'pm3', dueAt: daysAgo(-5) }), // not due yet: not counted
      row({ pmKey: 'pm3', dueAt: daysAgo(-5), completedAt: daysAgo(1), open: false }), // done ahead of a future due: compliant
      row({ pmKey: 'pm4', dueAt: null, completedAt: daysAgo(1), open: false }), // no due date: not counted
      row({ dueAt: due, completedAt: daysAgo(1), open: false }), // corrective: not PM
    ]);
    expect(result.pmDue).toBe(5);
    expect(result.pmCompliance).toBeCloseTo(3 / 5, 9);
  });

  it('averages MTTR over completed corrective work only, in hours from creation to completion', () => {
    const a = daysAgo(10);
    const b = daysAgo(8);
    const result = kpis([
      row({ createdAt: a, completedAt: hoursAfter(a, 4), open: false }),
      row({ createdAt: b, completedAt: hoursAfter(b, 10), open: false }),
      row({ createdAt: b, completedAt: hoursAfter(b, 100), pmKey: 'pm', open: false }), // PM: not a repair
      row({ createdAt: b }), // open: not done
      row({ createdAt: b, completedAt: hoursAfter(b, 1) }), // reopened: its old completion is not a repair
    ]);
    expect(result.repairs).toBe(2);
    expect(result.mttrHours).toBeCloseTo(7, 9);
  });

  it('says null, not zero, where there is nothing to measure', () => {
    const result = kpis([]);
    expect(result).toEqual({
      backlog: 0,
      backlogMedianAgeDays: null,
      backlogOldestAgeDays: null,
      overdue: 0,
      pmCompliance: null,
      pmDue: 0,
      mttrHours: null,
      repairs: 0,
    });
  });
});
