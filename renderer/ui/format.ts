/**
 * Dates, times, numbers and counted nouns, in the user's locale: every page formats through this
 * module, so one instant reads the same wherever it is shown. Dates carry their year only when it
 * is not this year ("6 Sept", "6 Sept 2025"); a date and time is the date, then hours and minutes
 * ("6 Sept, 14:05").
 */
export interface Formats {
  /** A date: "6 Sept" this year, "6 Sept 2025" in another; "—" for none. */
  date(iso: string | null | undefined): string;
  /** The same date with the time of day: "6 Sept, 14:05". */
  dateTime(iso: string | null | undefined): string;
  /** Hours and minutes: "14:05". */
  time(iso: string | null | undefined): string;
  /** A recent moment: the time alone today ("14:05"), the date and time before ("6 Sept, 14:05"). */
  moment(iso: string | null | undefined): string;
  count(value: number): string;
}

export interface FormatOptions {
  /** BCP 47 locale; the user's by default. */
  locale?: string;
  /** IANA time zone; the user's by default. */
  timeZone?: string;
  /** "Now", for what "this year" is. */
  now?: () => Date;
}

/** Formats for a locale, time zone and clock (tests pin all three; the app uses the user's). */
export function makeFormats({ locale, timeZone, now = () => new Date() }: FormatOptions = {}): Formats {
  const zone = timeZone === undefined ? {} : { timeZone };
  const withYear = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', ...zone });
  const withoutYear = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...zone });
  const yearOf = new Intl.DateTimeFormat('en-US', { year: 'numeric', ...zone });
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...zone });
  const numbers = new Intl.NumberFormat(locale);
  const parse = (iso: string | null | undefined) => {
    if (!iso) return null;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : date;
  };
  const date = (value: Date) => (yearOf.format(value) === yearOf.format(now()) ? withoutYear : withYear).format(value);
  const sameDay = (value: Date) => withYear.format(value) === withYear.format(now());
  return {
    date: (iso) => {
      const value = parse(iso);
      return value ? date(value) : '—';
    },
    dateTime: (iso) => {
      const value = parse(iso);
      return value ? `${date(value)}, ${clock.format(value)}` : '—';
    },
    time: (iso) => {
      const value = parse(iso);
      return value ? clock.format(value) : '—';
    },
    moment: (iso) => {
      const value = parse(iso);
      if (!value) return '—';
      return sameDay(value) ? clock.format(value) : `${date(value)}, ${clock.format(value)}`;
    },
    count: (value) => numbers.format(value),
  };
}

const formats = makeFormats();
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/** Dates formatted this minute, by ISO string: a table scrolled through 100,000 rows formats the same ones again and again. */
const datesFormatted = new Map<string, string>();
let datesMinute = 0;
/** A date: its year only when it is not this year. */
export const formatDate = (iso: string | null | undefined) => {
  if (!iso) return formats.date(iso);
  const minute = Math.floor(Date.now() / 60_000);
  if (minute !== datesMinute || datesFormatted.size > 50_000) {
    datesFormatted.clear();
    datesMinute = minute;
  }
  let text = datesFormatted.get(iso);
  if (text === undefined) datesFormatted.set(iso, (text = formats.date(iso)));
  return text;
};
/** The same as formatDate (kept for the cards' imports). */
export const formatShortDate = formatDate;
/** Hours and minutes. */
export const formatTime = (iso: string | null | undefined) => formats.time(iso);
/** Date (its year only when not this year), then hours and minutes. */
export const formatDateTime = (iso: string | null | undefined) => formats.dateTime(iso);
/** The time alone today, the date and time before: for "last synced", "next sync" and the like. */
export const formatMoment = (iso: string | null | undefined) => formats.moment(iso);
export const formatCount = (value: number) => formats.count(value);
export const formatDecimal = (value: number) => oneDecimal.format(value);
const upToOneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const amountFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** A price or total in the order's currency, which Makini names by a key only: "1,204.50". */
export const formatAmount = (value: number) => amountFormat.format(value);
/** 0.934 → "93 %" (as the locale writes it). */
export const formatPercent = (ratio: number) => percentFormat.format(ratio);
const sharePercentFormat = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
/**
 * A share near the whole, to a tenth of a percent and rounded down, so a share short of all never
 * reads as all: 0.9996 → "99.9 %", 1 → "100.0 %".
 */
export const formatSharePercent = (ratio: number) => sharePercentFormat.format(Math.floor(ratio * 1000 + 1e-9) / 1000);

/**
 * A count with its noun, singular for one: "1 work order", "1,204 work orders". Give the plural
 * when it is not the singular plus "s" ("1 entry", "3 entries").
 */
export function countOf(count: number, singular: string, plural = `${singular}s`, format: (value: number) => string = formatCount): string {
  return `${format(count)} ${count === 1 ? singular : plural}`;
}

/** A span of hours as people say it: "45 min", "6.5 h", "3.2 days". */
export function formatHours(hours: number): string {
  if (hours < 1) return `${formatCount(Math.round(hours * 60))} min`;
  if (hours < 48) return `${formatDecimal(hours)} h`;
  return `${formatDecimal(hours / 24)} days`;
}
/** A span of days: "under a day", "1 day", "12 days". */
export function formatDays(days: number): string {
  const whole = Math.round(days);
  if (whole < 1) return 'under a day';
  return countOf(whole, 'day');
}
/** A file's size as people read it: "812 bytes", "48 KB", "2.4 MB", "12.3 GB" (1 MB = 1,048,576 bytes, as the attachment limit is given). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return countOf(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${formatCount(Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${upToOneDecimal.format(bytes / (1024 * 1024))} MB`;
  return `${upToOneDecimal.format(bytes / 1024 ** 3)} GB`;
}
