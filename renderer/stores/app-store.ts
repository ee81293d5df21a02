import { create } from 'zustand';
import type { AppNotification, ConnectionView } from '../../shared/connection-view';
import type { SyncEntity } from '../../shared/domain/sync-entity';
import type { SyncProgress } from '../../shared/sync-progress';

export type View = 'board' | 'schedule' | 'requests' | 'stores' | 'purchasing' | 'connections' | 'history' | 'outbox';

/** A button on a toast that takes the user to what it is about. */
export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast extends AppNotification {
  id: number;
  action?: ToastAction;
}

/** A work order, by its plant and key. */
export interface WorkOrderRef {
  connectionId: string;
  key: string;
}

interface AppState {
  view: View;
  /** Lost contact with main (web mode: the host stopped). */
  hostLost: boolean;
  connections: ConnectionView[];
  /** Which plant the board and schedule show: one connection, or all of them. */
  plantFilter: 'all' | string;
  /** Latest progress per connection and entity. */
  progress: Record<string, Partial<Record<SyncEntity, SyncProgress>>>;
  toasts: Toast[];
  /** The work order whose details are open on the Board. */
  openedWorkOrder: WorkOrderRef | null;
  setView(view: View): void;
  /** Opens a work order's details on the Board (from anywhere), or closes them. */
  openWorkOrder(workOrder: WorkOrderRef | null): void;
  setHostLost(): void;
  setPlantFilter(filter: 'all' | string): void;
  setConnections(connections: ConnectionView[]): void;
  upsertConnection(connection: ConnectionView): void;
  removeConnection(connectionId: string): void;
  recordProgress(progress: SyncProgress): void;
  pushToast(notification: AppNotification & { action?: ToastAction }): void;
  dismissToast(id: number): void;
}

let nextToastId = 1;

export const useAppStore = create<AppState>()((set) => ({
  view: 'board',
  hostLost: false,
  connections: [],
  plantFilter: 'all',
  progress: {},
  toasts: [],
  openedWorkOrder: null,
  setView: (view) => set({ view }),
  openWorkOrder: (workOrder) => set(workOrder ? { openedWorkOrder: workOrder, view: 'board' } : { openedWorkOrder: null }),
  setHostLost: () => set({ hostLost: true }),
  setPlantFilter: (plantFilter) => set({ plantFilter }),
  setConnections: (connections) => set({ connections }),
  upsertConnection: (connection) =>
    set((state) => ({
      connections: state.connections.some((c) => c.id === connection.id)
        ? state.connections.map((c) => (c.id === connection.id ? connection : c))
        : [...state.connections, connection],
    })),
  removeConnection: (connectionId) =>
    set((state) => ({
      connections: state.connections.filter((c) => c.id !== connectionId),
      plantFilter: state.plantFilter === connectionId ? 'all' : state.plantFilter,
    })),
  recordProgress: (progress) =>
    set((state) => ({
      progress: {
        ...state.progress,
        [progress.connectionId]: { ...state.progress[progress.connectionId], [progress.entity]: progress },
      },
    })),
  pushToast: (notification) => set((state) => ({ toasts: [...state.toasts.slice(-4), { ...notification, id: nextToastId++ }] })),
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
}));

/** The connections the board and schedule show under the current plant filter. */
export function selectShownConnectionIds(state: Pick<AppState, 'connections' | 'plantFilter'>): string[] {
  return state.plantFilter === 'all' ? state.connections.map((c) => c.id) : [state.plantFilter];
}
