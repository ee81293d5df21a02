// What the tray says: the connections' status (main's one status model) and how many edits wait.
import type { ConnectionView } from '../shared/connection-view';

export type TrayState = 'idle' | 'syncing' | 'attention';

export interface TrayStatus {
  state: TrayState;
  /** Hover text (Windows, Linux) and the first line of the tray menu. */
  tooltip: string;
  /** The menu line about queued edits. */
  pendingLabel: string;
  /** Shown beside the icon in the macOS menu bar: the pending count, or nothing. */
  title: string;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * Attention wins over syncing (a connection needs the user), syncing over idle. One connection's
 * trouble is said in its status's own sentence, as on the Connections page.
 */
export function describeTrayStatus(connections: readonly Pick<ConnectionView, 'name' | 'status'>[], pendingEdits: number | null): TrayStatus {
  const troubled = connections.filter((view) => view.status.attention);
  const syncing = connections.filter((view) => view.status.kind === 'syncing');
  let state: TrayState = 'idle';
  let summary: string;
  if (troubled.length > 0) {
    state = 'attention';
    summary = troubled.length === 1 ? troubled[0]!.status.sentence : `${plural(troubled.length, 'connection', 'connections')} need attention`;
  } else if (syncing.length > 0) {
    state = 'syncing';
    summary = syncing.length === 1 ? syncing[0]!.status.sentence : `Syncing ${syncing.length} connections…`;
  } else if (connections.length === 0) {
    summary = 'No connections';
  } else if (connections.every((view) => view.status.kind === 'disconnected')) {
    summary = 'All connections disconnected';
  } else {
    summary = connections.some((view) => view.status.kind === 'live') ? 'Up to date · live' : 'Up to date';
  }
  const pendingLabel =
    pendingEdits === null ? 'Pending changes: not known yet' : pendingEdits === 0 ? 'No changes waiting to be sent' : `${plural(pendingEdits, 'change', 'changes')} waiting to be sent`;
  return {
    state,
    tooltip: `Millwright — ${summary}${pendingEdits ? ` · ${plural(pendingEdits, 'change', 'changes')} waiting` : ''}`,
    pendingLabel,
    title: pendingEdits ? String(pendingEdits) : '',
  };
}
