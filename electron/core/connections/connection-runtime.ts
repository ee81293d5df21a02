import type { ConnectionStatusInput } from '../../../shared/connection-status';
import type { ConnectionView } from '../../../shared/connection-view';
import type { AppErrorShape } from '../../../shared/errors';
import type { OutboxStore } from '../../../shared/outbox-store';
import type { SyncProgress } from '../../../shared/sync-progress';
import type { Connector } from '../connectors/connector';
import { writeCapabilitiesOf, type ConnectorContext, type ConnectorKind } from '../connectors/connector-registry';
import { OutboxPusher } from '../outbox/outbox-pusher';
import { SyncEngine } from '../sync/sync-engine';
import type { ConnectionRecord } from './connection-record';
import type { ConnectionSecrets } from './secret-store';

/** One connection while main holds it: its saved record and secrets, its parts, and what is known of it now. */
export interface ConnectionRuntime {
  record: ConnectionRecord;
  secrets: ConnectionSecrets | null;
  kind: ConnectorKind;
  connector: Connector;
  engine: SyncEngine;
  /** Sends the queued edits; null for a kind that only reads. */
  pusher: OutboxPusher | null;
  /** Aborted when the connection is disconnected or the app quits: its sync stops where it is. */
  stop: AbortController;
  /** The integration answered at least once since start (else the view says "connecting"). */
  described: boolean;
  lastError: AppErrorShape | null;
  /** The system behind the API answers, but reports that its own sync failed (Makini `sync_status: error`). */
  plantSystemError: AppErrorShape | null;
  /** The last run that ended, and the first list failure of the run going on. */
  lastRun: ConnectionStatusInput['lastRun'];
  runProblem: AppErrorShape | null;
  /** The status kind last sent, so a notification is raised once when a state begins. */
  lastStatusKind: ConnectionView['status']['kind'] | null;
  /** When a webhook last brought records that were stored. */
  lastWebhookAt: string | null;
  /** A view update for webhook activity is due (they are sent at most a few times a second). */
  activityTimer: NodeJS.Timeout | null;
  /** History rows of failures going on, by activity and code: repeats fold into the same row. */
  failureRows: Map<string, string>;
  schedule: {
    nextSyncAt: number | null;
    timer: NodeJS.Timeout | null;
    /** The relay this connection's webhooks come through cannot be reached: polling stands in, faster. */
    relayDown: boolean;
  };
  reach: {
    /** False once a request found no answer, true again at the first answer; null before any. */
    reachable: boolean | null;
    /** When the current outage began (the first unanswered request), for the probe's pace. */
    outageSince: number | null;
    /** Edits wait to be sent while the upstream is out of reach: the probe goes faster. */
    editsWaiting: boolean;
    /** Set while the upstream cannot be reached: a probe waits for it. */
    probeTimer: NodeJS.Timeout | null;
  };
}

export interface ConnectionRuntimeParts {
  fetch: typeof fetch;
  /** Any request of the connection was answered (while it is still the one main holds). */
  answered(runtime: ConnectionRuntime): void;
  isCurrent(runtime: ConnectionRuntime): boolean;
  /** The attached renderer's outbox; throws while no window has it open. */
  outbox(): OutboxStore;
  onProgress(progress: SyncProgress): void;
  perPage?: number;
}

/** Builds a connection's reader, writer and sync engine from its kind's registry entry. */
export function createConnectionRuntime(record: ConnectionRecord, secrets: ConnectionSecrets | null, kind: ConnectorKind, parts: ConnectionRuntimeParts): ConnectionRuntime {
  const state: Omit<ConnectionRuntime, 'connector' | 'engine' | 'pusher'> = {
    record,
    secrets,
    kind,
    stop: new AbortController(),
    described: false,
    lastError: null,
    plantSystemError: null,
    lastRun: null,
    runProblem: null,
    lastStatusKind: null,
    lastWebhookAt: null,
    activityTimer: null,
    failureRows: new Map(),
    schedule: { nextSyncAt: null, timer: null, relayDown: false },
    reach: { reachable: null, outageSince: null, editsWaiting: false, probeTimer: null },
  };
  const context: ConnectorContext = {
    connectionId: record.id,
    baseUrl: () => state.record.baseUrl,
    token: () => state.secrets?.accessToken ?? '',
    settings: () => state.record.settings,
    // Every request of this connection (sync pages, probes, pushes, webhook fetches) goes through
    // here: the first answer after an outage ends it at once, whichever request it was.
    fetch: async (input, init) => {
      const response = await parts.fetch(input, init);
      if (parts.isCurrent(runtime)) parts.answered(runtime);
      return response;
    },
  };
  const connector = kind.createConnector(context);
  const runtime: ConnectionRuntime = Object.assign(state, {
    connector,
    engine: new SyncEngine({
      connectionId: record.id,
      connector,
      ...(parts.perPage ? { perPage: parts.perPage } : {}),
      onProgress: (progress: SyncProgress) => {
        if (progress.phase === 'failed' && progress.error) state.runProblem ??= progress.error;
        parts.onProgress(progress);
      },
      historyDays: () => state.record.historyDays,
    }),
    pusher: kind.writes
      ? new OutboxPusher({
          connectionId: record.id,
          writer: kind.writes.createWriter(context),
          store: {
            pendingOperations: (connectionId) => parts.outbox().pendingOperations(connectionId),
            beginSending: (ids) => parts.outbox().beginSending(ids),
            updateOperation: (update) => parts.outbox().updateOperation(update),
            completeOperations: (results) => parts.outbox().completeOperations(results),
            attachmentOf: (connectionId, key) => parts.outbox().attachmentOf(connectionId, key),
          },
          capabilities: () => writeCapabilitiesOf(kind, state.record.provider),
        })
      : null,
  });
  return runtime;
}
