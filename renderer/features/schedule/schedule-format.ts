import { getISOWeek } from 'date-fns';
import { formatDate, formatDateTime as formatInstant } from '../../ui/format';

/** The schedule's dates and numbers, in the user's locale. */
const weekdayNarrow = new Intl.DateTimeFormat(undefined, { weekday: 'narrow' });
const dayOfMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric' });
const monthName = new Intl.DateTimeFormat(undefined, { month: 'short' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const isoOf = (date: Date | number) => {
  const value = new Date(date);
  return Number.isNaN(value.getTime()) ? null : value.toISOString();
};
const range = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export const formatWeekdayNarrow = (date: Date) => weekdayNarrow.format(date);
export const formatDayOfMonth = (date: Date) => dayOfMonth.format(date);
export const formatMonth = (date: Date) => monthName.format(date);
export const formatDayMonth = (date: Date | number) => dayMonth.format(date);
/** The weekday, then the date as every page writes it (renderer/ui/format.ts): "Mon 6 Sept". */
export const formatFullDate = (date: Date | number) => (isoOf(date) === null ? '—' : `${weekday.format(date)} ${formatDate(isoOf(date))}`);
/** A date and time as every page writes it (renderer/ui/format.ts). */
export const formatDateTime = (date: Date | number) => formatInstant(isoOf(date));
export const formatRange = (start: Date, endInclusive: Date) => range.formatRange(start, endInclusive);
export const formatHours = (hours: number) => `${decimal.format(hours)} h`;
export const formatDecimal = (value: number) => decimal.format(value);
export const formatReading = (value: number) => whole.format(value);
export const isoWeek = (date: Date) => getISOWeek(date);

