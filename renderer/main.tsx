import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { appDb } from './db/app-db';
import { appOutbox } from './db/app-outbox';
import { IpcClientContext } from './ipc/ipc-client-context';
import { connectToMain, reportNetwork, startSession } from './ipc/main-connection';
import { useCacheStorage } from './stores/cache-storage-store';
import { keepLastPage } from './stores/saved-views-store';
import './styles.css';
import './print.css';

keepLastPage();
// The cache is the supervisor's offline copy and queued edits: ask that the system never clear it on its own.
void useCacheStorage.getState().requestPersistence();
const root = createRoot(document.getElementById('root')!);

try {
  const client = await connectToMain();
  root.render(
    <StrictMode>
      <IpcClientContext.Provider value={client}>
        <App />
      </IpcClientContext.Provider>
    </StrictMode>,
  );
  await startSession(client, appDb, appOutbox);
  reportNetwork(client, window);
} catch (error) {
  root.render(
    <div className="startup-error" role="alert">
      <h1>Millwright could not start</h1>
      <p>{error instanceof Error ? error.message : String(error)}</p>
    </div>,
  );
}
