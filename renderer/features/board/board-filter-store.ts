import { create } from 'zustand';
import { emptyWorkOrderFilter, type WorkOrderFilter } from '../../../shared/board/work-order-filter';

interface BoardFilterState {
  filter: WorkOrderFilter;
  setFilter(change: Partial<WorkOrderFilter>): void;
  clearFilter(): void;
}

/** The board's filters and search; they stay as they were when the user comes back to the board. */
export const useBoardFilter = create<BoardFilterState>()((set) => ({
  filter: emptyWorkOrderFilter,
  setFilter: (change) => set((state) => ({ filter: { ...state.filter, ...change } })),
  clearFilter: () => set({ filter: emptyWorkOrderFilter }),
}));
