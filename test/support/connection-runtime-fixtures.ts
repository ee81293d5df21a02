import { z } from 'zod';
import type { Connector, IntegrationInfo } from '../../electron/core/connectors/connector';
import type { ConnectorKind } from '../../electron/core/connectors/connector-registry';
import type { ConnectionRecord } from '../../electron/core/connections/connection-record';
import { createConnectionRuntime, type ConnectionRuntime, type ConnectionRuntimeParts } from '../../electron/core/connections/connection-runtime';
import type { ConnectionSecrets } from '../../electron/core/connections/secret-store';
import type { Logger } from '../../electron/core/logging/logger';
import { AppError } from '../../shared/errors';

/** A saved connection with the product's defaults; a 'makini' connection with no Makini Link or demo plant unless told. */
export function connectionRecord(overrides: Partial<ConnectionRecord> = {}): ConnectionRecord {
  return {
    id: 'conn-test',
    name: 'Test plant',
    kind: 'makini',
    authMethod: 'token',
    baseUrl: 'http://127.0.0.1:1',
    deployment: 'cloud',
    provider: null,
    companyName: null,
    status: 'active',
    syncIntervalMinutes: 15,
    historyDays: 90,
    authorUserKey: null,
    lastSyncAt: null,
    createdAt: '2026-01-05T08:00:00.000Z',
    settings: { linkUrl: null, oauthClientId: null, demo: null },
    webhookRelay: null,
    ...overrides,
  };
}

export function tokenSecrets(accessToken = 'test-access-token-0123456789', overrides: Partial<ConnectionSecrets> = {}): ConnectionSecrets {
  return { accessToken, refreshToken: null, expiresAt: null, obtainedAt: '2026-01-05T08:00:00.000Z', clientSecret: null, webhookSecret: null, relayToken: null, ...overrides };
}

/**
 * A kind whose connector only describes itself, as `describe` says (what it answers, or what it
 * throws), and only reads: for the parts that need a connection's integration and nothing more.
 */
export function describingKind(describe: () => Promise<IntegrationInfo>): ConnectorKind {
  const refuse = () => Promise.reject(new AppError('UPSTREAM_NOT_FOUND', 'Not offered by this test connector.'));
  const connector: Connector = { describe, revoke: () => Promise.resolve(), listPage: refuse, fetchByKeys: refuse };
  return { settings: z.record(z.string(), z.unknown()), createConnector: () => connector, probe: describe };
}

/** A connection's runtime as the ConnectionManager builds it, with parts a test may replace. */
export function runtimeOf(kind: ConnectorKind, record: ConnectionRecord = connectionRecord(), secrets: ConnectionSecrets | null = tokenSecrets(), parts: Partial<ConnectionRuntimeParts> = {}): ConnectionRuntime {
  return createConnectionRuntime(record, secrets, kind, {
    fetch: (input, init) => globalThis.fetch(input, init),
    answered: () => undefined,
    isCurrent: () => true,
    outbox: () => {
      throw new AppError('IPC_NO_RENDERER', 'No window has the local cache open.');
    },
    onProgress: () => undefined,
    ...parts,
  });
}

/** A logger that keeps what it is told, to assert on. */
export function recordingLogger(): Logger & { lines: { level: string; message: string; fields: Record<string, unknown> | undefined }[] } {
  const lines: { level: string; message: string; fields: Record<string, unknown> | undefined }[] = [];
  return {
    lines,
    info: (message, fields) => void lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => void lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => void lines.push({ level: 'error', message, fields }),
    addSecret: () => undefined,
  };
}
