import type { AddFileImportRequest } from '../../../shared/connection-requests';
import type { ConnectionView } from '../../../shared/connection-view';
import { connectorKinds } from '../connectors/connector-registry';
import type { ConnectionActivation } from './connection-activation';

/**
 * Connections to an export file on this computer: the file is read once before anything is saved
 * (so a wrong path is said in the dialog), then at every sync. A file holds every record it has,
 * so the first sync reads all of it (no history window), and it has no token to keep.
 */
export async function connectFileImport(activation: ConnectionActivation, request: AddFileImportRequest): Promise<ConnectionView> {
  const filePath = request.filePath.trim();
  const info = await activation.probe(connectorKinds['file-import'], filePath, '', {});
  const runtime = activation.open(
    {
      name: request.name?.trim() || info.companyName || filePath,
      kind: 'file-import',
      authMethod: 'file',
      baseUrl: filePath,
      deployment: 'on_prem',
      settings: {},
      provider: info.provider,
      companyName: info.companyName,
      historyDays: null,
      ...(request.syncIntervalMinutes !== undefined ? { syncIntervalMinutes: request.syncIntervalMinutes } : {}),
    },
    null,
  );
  return activation.activate(runtime, 'connected to an export file');
}
