import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { scheduleHorizons } from '../../shared/schedule/schedule-window';
import { storedState } from './stored-state';

export const scheduleViewSchema = z.object({
  horizon: z.union(scheduleHorizons.map((weeks) => z.literal(weeks))),
  search: z.string().max(1000),
  onlyWithWork: z.boolean(),
});
export type ScheduleViewSettings = z.infer<typeof scheduleViewSchema>;

interface ScheduleViewState extends ScheduleViewSettings {
  /** A day in the window shown; null follows today (not kept across restarts: the app opens on this week). */
  anchor: Date | null;
  set(change: Partial<ScheduleViewSettings & { anchor: Date | null }>): void;
}

/** How the schedule was left (horizon, window, search, "only assets with work"): as it was when the user comes back to it. */
export const useScheduleView = create<ScheduleViewState>()(
  persist(
    (set) => ({
      horizon: 4,
      anchor: null,
      search: '',
      onlyWithWork: false,
      set: (change) => set(change),
    }),
    storedState('millwright.schedule-view', scheduleViewSchema),
  ),
);
