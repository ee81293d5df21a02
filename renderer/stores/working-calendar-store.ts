import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { isDefaultCalendar, workingCalendarSchema, type WorkingCalendar } from '../../shared/schedule/working-calendar';
import { storedState } from './stored-state';

const workingCalendarsSchema = z.object({
  /** By site id (`connectionId\0siteKey`); a site not here works the default calendar. */
  calendars: z.record(z.string().max(1000), workingCalendarSchema),
});

interface WorkingCalendarState extends z.infer<typeof workingCalendarsSchema> {
  /** Sets a site's calendar; the default one is forgotten rather than kept. */
  setCalendar(siteId: string, calendar: WorkingCalendar): void;
}

/** When each site's people work (weekdays, hours a day), as set on the schedule; kept on this computer. */
export const useWorkingCalendars = create<WorkingCalendarState>()(
  persist(
    (set) => ({
      calendars: {},
      setCalendar: (siteId, calendar) =>
        set((state) => {
          const calendars = { ...state.calendars };
          if (isDefaultCalendar(calendar)) delete calendars[siteId];
          else calendars[siteId] = { workdays: [...new Set(calendar.workdays)].sort(), hoursPerDay: calendar.hoursPerDay };
          return { calendars };
        }),
    }),
    storedState('millwright.working-calendars', workingCalendarsSchema),
  ),
);
