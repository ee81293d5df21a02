import { AppError } from '../../../shared/errors';
import { connectorKind } from '../connectors/connector-registry';
import type { ConnectionRecord } from './connection-record';
import { createConnectionRuntime, type ConnectionRuntime, type ConnectionRuntimeParts } from './connection-runtime';
import type { ConnectionSettingsStore } from './connection-settings-store';
import type { ConnectionSecrets } from './secret-store';

/** The connections main holds, by id, and the settings store their records are saved to. */
export class ConnectionRuntimes {
  private readonly byId = new Map<string, ConnectionRuntime>();

  constructor(
    private readonly settings: ConnectionSettingsStore,
    private readonly parts: Omit<ConnectionRuntimeParts, 'isCurrent'>,
  ) {}

  /** Holds a connection (new, or loaded at start), built by its kind's registry entry. */
  open(record: ConnectionRecord, secrets: ConnectionSecrets | null): ConnectionRuntime {
    const kind = connectorKind(record.kind);
    if (!kind) throw new AppError('INTERNAL', `This version of Millwright cannot read connections of the kind "${record.kind}".`);
    const runtime = createConnectionRuntime(record, secrets, kind, { ...this.parts, isCurrent: (held) => this.isCurrent(held) });
    this.byId.set(record.id, runtime);
    return runtime;
  }

  get size(): number {
    return this.byId.size;
  }

  get(connectionId: string): ConnectionRuntime | undefined {
    return this.byId.get(connectionId);
  }

  /** The connection, or NOT_FOUND for an id main does not hold. */
  require(connectionId: string): ConnectionRuntime {
    const runtime = this.byId.get(connectionId);
    if (!runtime) throw new AppError('NOT_FOUND', `No connection ${connectionId}.`);
    return runtime;
  }

  all(): ConnectionRuntime[] {
    return [...this.byId.values()];
  }

  delete(connectionId: string): void {
    this.byId.delete(connectionId);
  }

  /** Whether this runtime is still the one held for its connection (not deleted or replaced since). */
  isCurrent(runtime: ConnectionRuntime): boolean {
    return this.byId.get(runtime.record.id) === runtime;
  }

  save(): void {
    this.settings.write(this.all().map((runtime) => runtime.record));
  }
}
