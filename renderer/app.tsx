import { ConnectionsPage } from './features/connections/connections-page';
import { SyncHistoryPage } from './features/history/sync-history-page';
import { OutboxPage } from './features/outbox/outbox-page';
import { WorkOrderBoard } from './features/board/work-order-board';
import { PurchasingPage } from './features/purchasing/purchasing-page';
import { RequestsPage } from './features/requests/requests-page';
import { SchedulePage } from './features/schedule/schedule-page';
import { scheduleTables } from './features/schedule/use-schedule-data';
import { StoresPage } from './features/stores/stores-page';
import { AppHeader } from './features/shell/app-header';
import { OfflineBanner } from './features/shell/offline-banner';
import { PrintHeading } from './features/shell/print-heading';
import { Toasts } from './features/shell/toasts';
import { ViewErrorBoundary } from './features/shell/view-error-boundary';
import { useAppStore, type View } from './stores/app-store';
import { useWarmCachedRecords } from './ui/use-cached-records';

const viewNames: Record<View, string> = { board: 'Board', schedule: 'Schedule', requests: 'Requests', stores: 'Stores', purchasing: 'Purchasing', connections: 'Connections', history: 'Sync history', outbox: 'Pending changes' };

export function App() {
  const view = useAppStore((state) => state.view);
  const hostLost = useAppStore((state) => state.hostLost);
  // The schedule reads eleven tables: held ready in memory, it opens as fast as the board.
  useWarmCachedRecords(scheduleTables);
  return (
    <div className="app">
      <AppHeader />
      {hostLost && (
        <div className="banner banner-error" role="alert">
          Lost contact with the Millwright host. Cached data stays visible; start it again and open the address it prints.
        </div>
      )}
      <OfflineBanner />
      <PrintHeading page={viewNames[view]} />
      <main className="app-main">
        <ViewErrorBoundary key={view} name={viewNames[view]}>
          {view === 'board' && <WorkOrderBoard />}
          {view === 'schedule' && <SchedulePage />}
          {view === 'requests' && <RequestsPage />}
          {view === 'stores' && <StoresPage />}
          {view === 'purchasing' && <PurchasingPage />}
          {view === 'connections' && <ConnectionsPage />}
          {view === 'history' && <SyncHistoryPage />}
          {view === 'outbox' && <OutboxPage />}
        </ViewErrorBoundary>
      </main>
      <Toasts />
    </div>
  );
}
