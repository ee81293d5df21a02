import { z } from 'zod';
import type { ConnectorKind } from '../connector-registry';
import { FileImportConnector } from './file-import-connector';

/**
 * A supervisor's export file of work orders and assets (see README.md): read-only, reached with no
 * token and taking no webhooks. Its connection's `baseUrl` is the file's path.
 */
export const fileImportConnectorKind: ConnectorKind = {
  settings: z.object({}),
  systemName: 'An export file',
  secretless: true,
  createConnector: (context) => new FileImportConnector({ connectionId: context.connectionId, filePath: context.baseUrl() }),
  // Reads the file once: a wrong path, a folder, a file too large or unreadable is said in the Add-connection dialog.
  probe: (context) => new FileImportConnector({ connectionId: 'probe', filePath: context.baseUrl() }).describe(),
};
