import { create } from 'zustand';
import type { ScheduleHorizon } from '../../../shared/schedule/schedule-window';

interface ScheduleViewState {
  horizon: ScheduleHorizon;
  /** A day in the window shown; null follows today. */
  anchor: Date | null;
  search: string;
  onlyWithWork: boolean;
  set(change: Partial<Omit<ScheduleViewState, 'set'>>): void;
}

/** How the schedule was left (horizon, window, search, "only assets with work"): as it was when the user comes back to it. */
export const useScheduleView = create<ScheduleViewState>()((set) => ({
  horizon: 4,
  anchor: null,
  search: '',
  onlyWithWork: false,
  set: (change) => set(change),
}));
