import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { dueWindows, emptyWorkOrderFilter, type WorkOrderFilter } from '../../shared/board/work-order-filter';
import { kpiCounts } from '../../shared/kpis/work-order-kpis';
import { storedState } from './stored-state';

const ids = z.array(z.string().max(1000)).max(10_000);
export const workOrderFilterSchema = z.object({
  text: z.string().max(1000),
  siteIds: ids,
  assetIds: ids,
  teamIds: ids,
  assigneeIds: ids,
  severities: ids,
  due: z.enum(dueWindows),
  overdueOnly: z.boolean(),
  pendingOnly: z.boolean(),
  countedIn: z.enum(kpiCounts).nullable(),
}) satisfies z.ZodType<WorkOrderFilter>;

interface BoardFilterState {
  filter: WorkOrderFilter;
  setFilter(change: Partial<WorkOrderFilter>): void;
  clearFilter(): void;
}

/** The board's filters and search: as they were when the user comes back to the board, or starts the app again. */
export const useBoardFilter = create<BoardFilterState>()(
  persist(
    (set) => ({
      filter: emptyWorkOrderFilter,
      setFilter: (change) => set((state) => ({ filter: { ...state.filter, ...change } })),
      clearFilter: () => set({ filter: emptyWorkOrderFilter }),
    }),
    storedState('millwright.board-filter', z.object({ filter: workOrderFilterSchema })),
  ),
);
