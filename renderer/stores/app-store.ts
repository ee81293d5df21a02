import { create } from 'zustand';
import type { ConnectionView } from '../../shared/connection-view';
import type { SyncEntity } from '../../shared/domain/sync-entity';
import type { SyncProgress } from '../../shared/sync-progress';

export type View = 'board' | 'schedule' | 'connections';

interface AppState {
  view: View;
  /** Lost contact with main (web mode: the host stopped). */
  hostLost: boolean;
  connections: ConnectionView[];
  selectedConnectionId: string | null;
  /** Latest progress per connection and entity. */
  progress: Record<string, Partial<Record<SyncEntity, SyncProgress>>>;
  setView(view: View): void;
  setHostLost(): void;
  setConnections(connections: ConnectionView[]): void;
  upsertConnection(connection: ConnectionView): void;
  recordProgress(progress: SyncProgress): void;
}

export const useAppStore = create<AppState>()((set) => ({
  view: 'board',
  hostLost: false,
  connections: [],
  selectedConnectionId: null,
  progress: {},
  setView: (view) => set({ view }),
  setHostLost: () => set({ hostLost: true }),
  setConnections: (connections) =>
    set((state) => ({ connections, selectedConnectionId: state.selectedConnectionId ?? connections[0]?.id ?? null })),
  upsertConnection: (connection) =>
    set((state) => {
      const exists = state.connections.some((c) => c.id === connection.id);
      const connections = exists ? state.connections.map((c) => (c.id === connection.id ? connection : c)) : [...state.connections, connection];
      return { connections, selectedConnectionId: state.selectedConnectionId ?? connection.id };
    }),
  recordProgress: (progress) =>
    set((state) => ({
      progress: {
        ...state.progress,
        [progress.connectionId]: { ...state.progress[progress.connectionId], [progress.entity]: progress },
      },
    })),
}));
