import { describe, expect, it } from 'vitest';
import { countOf, formatDays, formatFileSize, formatSharePercent, makeFormats } from '../../renderer/ui/format';

// A fixed clock, locale and time zone: what "this year" is never depends on when the test runs.
const formats = makeFormats({ locale: 'en-GB', timeZone: 'UTC', now: () => new Date('2026-03-10T12:00:00Z') });

describe('dates and times', () => {
  it('leaves the year out of a date this year and shows it for any other year', () => {
    expect(formats.date('2026-09-06T10:00:00Z')).toBe('6 Sept');
    expect(formats.date('2025-09-06T10:00:00Z')).toBe('6 Sept 2025');
    expect(formats.date('2027-01-02T10:00:00Z')).toBe('2 Jan 2027');
  });

  it('judges the year in the time zone shown: New Year in UTC is still last year in New York', () => {
    const newYork = makeFormats({ locale: 'en-GB', timeZone: 'America/New_York', now: () => new Date('2026-03-10T12:00:00Z') });
    expect(newYork.date('2026-01-01T02:00:00Z')).toBe('31 Dec 2025');
    expect(formats.date('2026-01-01T02:00:00Z')).toBe('1 Jan');
  });

  it('writes a date and time as the date, then hours and minutes', () => {
    expect(formats.dateTime('2026-09-06T14:05:59Z')).toBe('6 Sept, 14:05');
    expect(formats.dateTime('2024-02-29T08:00:00Z')).toBe('29 Feb 2024, 08:00');
    expect(formats.time('2026-09-06T14:05:59Z')).toBe('14:05');
  });

  it('writes a moment today as its time alone and an earlier one with its date, judged in the time zone shown', () => {
    expect(formats.moment('2026-03-10T00:30:00Z')).toBe('00:30');
    expect(formats.moment('2026-03-09T23:59:00Z')).toBe('9 Mar, 23:59');
    expect(formats.moment('2025-03-10T09:00:00Z')).toBe('10 Mar 2025, 09:00');
    const tokyo = makeFormats({ locale: 'en-GB', timeZone: 'Asia/Tokyo', now: () => new Date('2026-03-10T12:00:00Z') });
    expect(tokyo.moment('2026-03-09T23:59:00Z')).toBe('08:59');
  });

  it('shows a dash for no date or one that cannot be read, never "Invalid Date"', () => {
    for (const value of [null, undefined, '', 'garbage']) {
      expect(formats.date(value)).toBe('—');
      expect(formats.dateTime(value)).toBe('—');
      expect(formats.time(value)).toBe('—');
      expect(formats.moment(value)).toBe('—');
    }
  });
});

describe('counted nouns', () => {
  const count = (value: number) => formats.count(value);
  it('says one in the singular and every other count in the plural', () => {
    expect(countOf(1, 'work order', undefined, count)).toBe('1 work order');
    expect(countOf(0, 'work order', undefined, count)).toBe('0 work orders');
    expect(countOf(2, 'work order', undefined, count)).toBe('2 work orders');
    expect(countOf(12_345, 'work order', undefined, count)).toBe('12,345 work orders');
    expect(countOf(1, 'entry', 'entries', count)).toBe('1 entry');
    expect(countOf(3, 'entry', 'entries', count)).toBe('3 entries');
  });

  it('counts days the same way', () => {
    expect(formatDays(0.4)).toBe('under a day');
    expect(formatDays(1.2)).toBe('1 day');
    expect(formatDays(2)).toBe('2 days');
  });
});

describe('shares near the whole', () => {
  it('writes a tenth of a percent, rounded down so a share short of all never reads as all', () => {
    const plain = (text: string) => text.replace(/\s/g, '');
    expect(plain(formatSharePercent(0.9996))).toBe('99.9%');
    expect(plain(formatSharePercent(1))).toBe('100.0%');
    // 0.57 × 1000 is 569.999… in binary floating point: still 57.0 %.
    expect(plain(formatSharePercent(0.57))).toBe('57.0%');
  });
});

describe('file sizes', () => {
  it('says bytes, whole kilobytes and megabytes to a tenth, a whole number without ".0"', () => {
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(812)).toBe('812 bytes');
    expect(formatFileSize(400_009)).toBe('391 KB');
    expect(formatFileSize(2.4 * 1024 * 1024)).toBe('2.4 MB');
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatFileSize(1023.9 * 1024 * 1024)).toBe('1,023.9 MB');
    expect(formatFileSize(12.34 * 1024 ** 3)).toBe('12.3 GB');
  });
});
