import { toCsv } from '../../../shared/csv';
import { recordId } from '../../../shared/board/work-order-filter';
import type { WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import { completedAtOf, isOverdue } from '../../../shared/domain/work-order-state';
import type { BoardColumn } from './board-columns';

/** Names of referenced records by `connectionId\0key`. */
export interface CsvNames {
  plants: ReadonlyMap<string, string>;
  sites: ReadonlyMap<string, string>;
  assets: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
  labors: ReadonlyMap<string, string>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-10 14:05" in the user's time zone: what spreadsheets read as a date and time in every locale. */
export function spreadsheetDateTime(iso: string | null): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export const csvHeader = ['Code', 'Title', 'Status', 'Plant', 'Site', 'Asset', 'Team', 'Assignee', 'Severity', 'Scheduled', 'Due', 'Completed', 'Created', 'Overdue', 'Unsent edits'];

/** The board as it is filtered, column by column in workflow order, as CSV. */
export function boardCsv(
  columns: readonly BoardColumn[],
  names: CsvNames,
  pending: (connectionId: string, key: string) => boolean,
  /** Open or not, as the board decides it (shared/domain/work-order-state). */
  isOpen: (workOrder: WorkOrderSummary) => boolean,
  now: number,
): string {
  const name = (map: ReadonlyMap<string, string>, connectionId: string, key: string | null) => (key ? (map.get(recordId(connectionId, key)) ?? key) : null);
  const rows: (string | null)[][] = [csvHeader];
  for (const column of columns) {
    for (const w of column.workOrders) {
      rows.push([
        w.code,
        w.title,
        column.name,
        names.plants.get(w.connectionId) ?? null,
        name(names.sites, w.connectionId, w.siteKey),
        name(names.assets, w.connectionId, w.assetKey),
        name(names.teams, w.connectionId, w.teamKey),
        name(names.labors, w.connectionId, w.laborAssignedKey),
        w.severity,
        spreadsheetDateTime(w.scheduledAt),
        spreadsheetDateTime(w.dueAt),
        spreadsheetDateTime(completedAtOf(w, isOpen(w))),
        spreadsheetDateTime(w.createdAt),
        isOverdue(w, isOpen(w), now) ? 'yes' : 'no',
        pending(w.connectionId, w.key) ? 'yes' : 'no',
      ]);
    }
  }
  return toCsv(rows);
}

/** Saves text as a file the way a browser does (Electron asks where): a download of a Blob. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  // The byte-order mark makes Excel read the file as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
