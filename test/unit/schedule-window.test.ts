import { describe, expect, it } from 'vitest';
import { scheduleWindow, shiftAnchor, spanInWindow } from '../../shared/schedule/schedule-window';

describe('scheduleWindow', () => {
  it('starts on the Monday of the anchor week, in days up to four weeks and weeks beyond', () => {
    const twoWeeks = scheduleWindow(new Date(2026, 2, 12, 15), 2); // a Thursday
    expect(twoWeeks.start).toEqual(new Date(2026, 2, 9));
    expect(twoWeeks.end).toEqual(new Date(2026, 2, 23));
    expect(twoWeeks.unit).toBe('day');
    expect(twoWeeks.columns).toHaveLength(14);
    expect(twoWeeks.columns[13]).toEqual({ start: new Date(2026, 2, 22), end: new Date(2026, 2, 23) });

    const twelveWeeks = scheduleWindow(new Date(2026, 2, 9), 12);
    expect(twelveWeeks.unit).toBe('week');
    expect(twelveWeeks.columns).toHaveLength(12);
    expect(twelveWeeks.days).toHaveLength(84);
    expect(twelveWeeks.columns[1]!.start).toEqual(new Date(2026, 2, 16));
    expect(scheduleWindow(new Date(2026, 2, 9), 8).unit).toBe('week');
    expect(scheduleWindow(new Date(2026, 2, 9), 4).columns).toHaveLength(28);
  });

  it('moves half a horizon back or on', () => {
    expect(shiftAnchor(new Date(2026, 2, 9), 4, 1)).toEqual(new Date(2026, 2, 23));
    expect(shiftAnchor(new Date(2026, 2, 9), 2, -1)).toEqual(new Date(2026, 2, 2));
  });
});

describe('spanInWindow', () => {
  const window = { start: new Date(0), end: new Date(1000) };
  it('places a span as fractions of the window, clipped, with a minimum width', () => {
    expect(spanInWindow(window, 250, 500)).toEqual({ left: 0.25, width: 0.25, clippedStart: false, clippedEnd: false });
    expect(spanInWindow(window, -100, 100)).toEqual({ left: 0, width: 0.1, clippedStart: true, clippedEnd: false });
    expect(spanInWindow(window, 900, 2000)).toMatchObject({ left: 0.9, clippedStart: false, clippedEnd: true });
    expect(spanInWindow(window, 900, 2000)!.width).toBeCloseTo(0.1, 12);
    expect(spanInWindow(window, 500, 500, 0.05)).toEqual({ left: 0.5, width: 0.05, clippedStart: false, clippedEnd: false });
    expect(spanInWindow(window, 990, 990, 0.05)?.left).toBeCloseTo(0.95);
    expect(spanInWindow(window, 1000, 1200)).toBeNull();
    expect(spanInWindow(window, -200, 0)).toBeNull();
  });
});
