import { create } from 'zustand';
import type { TableColumnId, TableSort } from './work-order-table-columns';

export type BoardLayout = 'board' | 'table';

interface BoardLayoutState {
  /** Columns of cards by status, or one table of every work order. */
  layout: BoardLayout;
  sort: TableSort;
  /** Widths the user has dragged the table's columns to, in pixels. */
  widths: Partial<Record<TableColumnId, number>>;
  setLayout(layout: BoardLayout): void;
  /** Sorts by a column: ascending first, then the other way on each click. */
  sortBy(column: TableColumnId): void;
  setWidth(column: TableColumnId, width: number): void;
}

/** How the work is laid out on the Board page; kept while the user is on other pages. */
export const useBoardLayout = create<BoardLayoutState>()((set) => ({
  layout: 'board',
  sort: { column: 'due', direction: 'ascending' },
  widths: {},
  setLayout: (layout) => set({ layout }),
  sortBy: (column) =>
    set((state) => ({ sort: { column, direction: state.sort.column === column && state.sort.direction === 'ascending' ? 'descending' : 'ascending' } })),
  setWidth: (column, width) => set((state) => ({ widths: { ...state.widths, [column]: Math.round(Math.max(56, Math.min(640, width))) } })),
}));
