import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { useAppStore, type View } from './app-store';
import { useBoardFilter, workOrderFilterSchema } from './board-filter-store';
import { boardLayoutSchema, useBoardLayout } from './board-layout-store';
import { scheduleViewSchema, useScheduleView } from './schedule-view-store';
import { storedState } from './stored-state';

const views = ['board', 'schedule', 'requests', 'stores', 'purchasing', 'connections', 'history', 'outbox'] as const satisfies readonly View[];
export const maxViewNameLength = 60;

const savedViewSchema = z.object({
  name: z.string().trim().min(1).max(maxViewNameLength),
  page: z.enum(['board', 'schedule']),
  filter: workOrderFilterSchema,
  board: boardLayoutSchema.pick({ layout: true, sort: true }),
  schedule: scheduleViewSchema,
});
export type SavedView = z.infer<typeof savedViewSchema>;

const savedViewsSchema = z.object({
  views: z.array(savedViewSchema).max(200),
  /** The page shown when the app was last left, opened again at start. */
  lastPage: z.enum(views),
});

interface SavedViewsState extends z.infer<typeof savedViewsSchema> {
  /** Saves what the Board or Schedule shows now (filters, search, sort, layout, horizon) under a name, replacing one of that name. */
  save(name: string): SavedView;
  /** Shows a saved view: its page, with its filters, search, sort, layout and horizon. */
  apply(name: string): void;
  remove(name: string): void;
}

/** Named views of the Board, its table and the Schedule, and the page last shown; kept on this computer. */
export const useSavedViews = create<SavedViewsState>()(
  persist(
    (set, get) => ({
      views: [],
      lastPage: 'board',
      save: (name) => {
        const { view } = useAppStore.getState();
        const { layout, sort } = useBoardLayout.getState();
        const { horizon, search, onlyWithWork } = useScheduleView.getState();
        const saved = savedViewSchema.parse({
          name,
          page: view === 'schedule' ? 'schedule' : 'board',
          filter: useBoardFilter.getState().filter,
          board: { layout, sort },
          schedule: { horizon, search, onlyWithWork },
        });
        set((state) => ({ views: [...state.views.filter((v) => v.name !== saved.name), saved].sort((a, b) => a.name.localeCompare(b.name)) }));
        return saved;
      },
      apply: (name) => {
        const saved = get().views.find((v) => v.name === name);
        if (!saved) return;
        useBoardFilter.setState({ filter: saved.filter });
        useBoardLayout.setState(saved.board);
        useScheduleView.getState().set(saved.schedule);
        useAppStore.getState().setView(saved.page);
      },
      remove: (name) => set((state) => ({ views: state.views.filter((v) => v.name !== name) })),
    }),
    storedState('millwright.saved-views', savedViewsSchema),
  ),
);

/** Opens the page last shown, and remembers each page the user goes to from now on. */
export function keepLastPage(): () => void {
  useAppStore.getState().setView(useSavedViews.getState().lastPage);
  return useAppStore.subscribe((state, previous) => {
    if (state.view !== previous.view) useSavedViews.setState({ lastPage: state.view });
  });
}
