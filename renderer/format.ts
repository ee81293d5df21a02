/** Dates and numbers in the user's locale. */
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const shortDateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const numberFormat = new Intl.NumberFormat();
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

const valid = (iso: string) => !Number.isNaN(new Date(iso).getTime());

export const formatDate = (iso: string | null) => (iso && valid(iso) ? dateFormat.format(new Date(iso)) : '—');
/** A date this year without its year ("12 Mar"), other years with it. */
export const formatShortDate = (iso: string | null) => {
  if (!iso || !valid(iso)) return '—';
  const date = new Date(iso);
  return date.getFullYear() === new Date().getFullYear() ? shortDateFormat.format(date) : dateFormat.format(date);
};
export const formatTime = (iso: string | null) => (iso && valid(iso) ? timeFormat.format(new Date(iso)) : '—');
export const formatDateTime = (iso: string | null | undefined) => (iso ? (valid(iso) ? dateTimeFormat.format(new Date(iso)) : iso) : '—');
export const formatCount = (value: number) => numberFormat.format(value);
export const formatDecimal = (value: number) => oneDecimal.format(value);
/** 0.934 → "93 %" (as the locale writes it). */
export const formatPercent = (ratio: number) => percentFormat.format(ratio);
/** A span of hours as people say it: "45 min", "6.5 h", "3.2 days". */
export function formatHours(hours: number): string {
  if (hours < 1) return `${formatCount(Math.round(hours * 60))} min`;
  if (hours < 48) return `${formatDecimal(hours)} h`;
  return `${formatDecimal(hours / 24)} days`;
}
/** A span of days: "today", "1 day", "12 days". */
export function formatDays(days: number): string {
  const whole = Math.round(days);
  if (whole < 1) return 'under a day';
  return whole === 1 ? '1 day' : `${formatCount(whole)} days`;
}
