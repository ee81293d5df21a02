import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { storedState } from './stored-state';

export const tableColumnIds = ['code', 'title', 'asset', 'location', 'site', 'plant', 'status', 'severity', 'assignee', 'team', 'due', 'scheduled', 'completed', 'age'] as const;
export type TableColumnId = (typeof tableColumnIds)[number];
export type SortDirection = 'ascending' | 'descending';

export const boardLayoutSchema = z.object({
  layout: z.enum(['board', 'table']),
  sort: z.object({ column: z.enum(tableColumnIds), direction: z.enum(['ascending', 'descending']) }),
  widths: z.partialRecord(z.enum(tableColumnIds), z.number().int().min(56).max(640)),
});
export type BoardLayoutSettings = z.infer<typeof boardLayoutSchema>;
export type BoardLayout = BoardLayoutSettings['layout'];
export type TableSort = BoardLayoutSettings['sort'];

interface BoardLayoutState extends BoardLayoutSettings {
  setLayout(layout: BoardLayout): void;
  /** Sorts by a column: ascending first, then the other way on each click. */
  sortBy(column: TableColumnId): void;
  setWidth(column: TableColumnId, width: number): void;
  restore(settings: BoardLayoutSettings): void;
}

/** How the work is laid out on the Board page; kept on this computer across restarts. */
export const useBoardLayout = create<BoardLayoutState>()(
  persist(
    (set) => ({
      layout: 'board',
      sort: { column: 'due', direction: 'ascending' },
      widths: {},
      setLayout: (layout) => set({ layout }),
      sortBy: (column) =>
        set((state) => ({ sort: { column, direction: state.sort.column === column && state.sort.direction === 'ascending' ? 'descending' : 'ascending' } })),
      setWidth: (column, width) => set((state) => ({ widths: { ...state.widths, [column]: Math.round(Math.max(56, Math.min(640, width))) } })),
      restore: (settings) => set(settings),
    }),
    storedState('millwright.board-layout', boardLayoutSchema),
  ),
);
