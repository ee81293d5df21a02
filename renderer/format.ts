/** Dates and numbers in the user's locale. */
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const numberFormat = new Intl.NumberFormat();

export const formatDate = (iso: string | null) => (iso ? dateFormat.format(new Date(iso)) : '—');
export const formatTime = (iso: string | null) => (iso ? timeFormat.format(new Date(iso)) : '—');
export const formatCount = (value: number) => numberFormat.format(value);
