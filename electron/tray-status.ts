// What the tray says: the connections' sync state and how many edits wait to be sent.
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

/** Attention wins over syncing (a connection needs the user), syncing over idle. */
export function describeTrayStatus(connections: readonly ConnectionView[], pendingEdits: number | null): TrayStatus {
  const troubled = connections.filter((view) => view.state === 'needs_reauth' || view.state === 'error');
  const syncing = connections.filter((view) => view.state === 'syncing');
  let state: TrayState = 'idle';
  let summary: string;
  if (troubled.length > 0) {
    state = 'attention';
    const first = troubled[0]!;
    const what = first.state === 'needs_reauth' ? 'needs to be reauthorized' : 'has a sync problem';
    summary = troubled.length === 1 ? `${first.name} ${what}` : `${plural(troubled.length, 'connection', 'connections')} need attention`;
  } else if (syncing.length > 0) {
    state = 'syncing';
    summary = syncing.length === 1 ? `Syncing ${syncing[0]!.name}…` : `Syncing ${syncing.length} connections…`;
  } else if (connections.length === 0) {
    summary = 'No connections';
  } else {
    summary = connections.every((view) => view.state === 'disconnected') ? 'All connections disconnected' : 'Up to date';
  }
  const pendingLabel =
    pendingEdits === null ? 'Queued edits: not known yet' : pendingEdits === 0 ? 'No edits waiting to be sent' : `${plural(pendingEdits, 'edit', 'edits')} waiting to be sent`;
  return {
    state,
    tooltip: `Millwright — ${summary}${pendingEdits ? ` · ${plural(pendingEdits, 'edit', 'edits')} queued` : ''}`,
    pendingLabel,
    title: pendingEdits ? String(pendingEdits) : '',
  };
}
