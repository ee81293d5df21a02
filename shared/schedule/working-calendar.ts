import { z } from 'zod';

/**
 * When a site's people work: the days of the week (0 Sunday … 6 Saturday, as `Date.getDay()`)
 * and the hours a technician works on each of them.
 */
export const workingCalendarSchema = z.object({
  workdays: z.array(z.number().int().min(0).max(6)).max(7),
  hoursPerDay: z.number().min(0.5).max(24),
});
export type WorkingCalendar = z.infer<typeof workingCalendarSchema>;

/** Monday to Friday, 8 hours a day: a site's calendar until someone sets it. */
export const defaultWorkingCalendar: WorkingCalendar = { workdays: [1, 2, 3, 4, 5], hoursPerDay: 8 };

/** Hours a technician on this calendar works on the (local) day of `day`: none on a day off. */
export function workingHoursOn(calendar: WorkingCalendar, day: Date): number {
  return calendar.workdays.includes(day.getDay()) ? calendar.hoursPerDay : 0;
}

/** Whether a calendar is the default one (so the schedule can say which sites were set by hand). */
export function isDefaultCalendar(calendar: WorkingCalendar): boolean {
  return calendar.hoursPerDay === defaultWorkingCalendar.hoursPerDay && [...calendar.workdays].sort().join() === defaultWorkingCalendar.workdays.join();
}
