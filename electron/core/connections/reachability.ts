import { toAppErrorShape } from '../../../shared/errors';
import type { IntegrationInfo } from '../connectors/connector';
import type { SyncRunRequest } from '../sync/sync-engine';
import type { ConnectionCore } from './connection-core';
import type { ConnectionRuntime } from './connection-runtime';

/**
 * While edits wait and the plant does not answer, it is asked again every second: the supervisor
 * expects them to leave the moment it is back (within 2 s), and one small
 * `GET /api/integrations/current` a second from one desk costs the API little (a refused
 * connection costs nothing). After ten minutes of outage this slows to every 5 s, so a plant down
 * for hours is not asked 3,600 times an hour; without waiting edits the normal pace (30 s) holds,
 * since a catch-up sync can wait that long.
 */
const fastProbeIntervalMs = 1_000;
const slowedFastProbeIntervalMs = 5_000;
const fastProbeForMs = 10 * 60_000;
const normalProbeIntervalMs = 30_000;

export interface ReachabilityOptions extends Pick<ConnectionCore, 'now' | 'logger' | 'emit' | 'fail' | 'history'> {
  /** Without a schedule (tests that drive each step) only an explicit nudge probes. */
  schedule: boolean;
  /** How often an unreachable upstream is tried again (then a catch-up sync runs at once). */
  intervalMs?: number;
  /** How often it is tried while edits wait to be sent (see `fastProbeIntervalMs` above). */
  fastIntervalMs?: number;
  isCurrent(runtime: ConnectionRuntime): boolean;
  pauseSchedule(runtime: ConnectionRuntime): void;
  /** The probe was answered: what it says of the system behind the API. */
  described(runtime: ConnectionRuntime, info: IntegrationInfo): void;
  /** Sends the connection's waiting edits. */
  push(runtime: ConnectionRuntime): void;
  /** Whether a window has the cache open (a catch-up sync needs one). */
  hasStore(): boolean;
  sync(runtime: ConnectionRuntime, trigger: NonNullable<SyncRunRequest['trigger']>): Promise<unknown>;
}

/**
 * Whether each connection's upstream answers. When it does not (offline plant, VPN down),
 * scheduled syncs pause, a cheap probe (`GET /api/integrations/current`) runs now and then (every
 * second while edits wait), and the first answer to any request — probe, sync page, push or
 * webhook fetch — ends the outage: waiting edits leave and a catch-up sync runs at once. It also
 * keeps what the renderer's operating system says of the network.
 */
export class Reachability {
  private online: boolean | null = null;

  constructor(private readonly options: ReachabilityOptions) {}

  /** What the renderer's operating system says of the network; null until it reports. */
  get computerOnline(): boolean | null {
    return this.online;
  }

  /** A request found no answer: the outage begins (if it had not), the schedule pauses and a probe waits. */
  waitForNetwork(runtime: ConnectionRuntime): void {
    if (runtime.reach.reachable !== false) {
      runtime.reach.reachable = false;
      runtime.reach.outageSince = this.options.now();
    }
    this.options.pauseSchedule(runtime);
    if (!runtime.reach.probeTimer) this.probeSoon(runtime);
  }

  /** Edits were asked to be sent while out of reach: the probe goes at its fast pace from now. */
  editsWaiting(runtime: ConnectionRuntime): void {
    if (runtime.reach.editsWaiting) return;
    runtime.reach.editsWaiting = true;
    this.probeSoon(runtime);
  }

  /** The next probe of an unreachable upstream, after `delayMs` (by default at the pace that fits). */
  probeSoon(runtime: ConnectionRuntime, delayMs?: number): void {
    if (runtime.reach.reachable !== false || runtime.record.status !== 'active') return;
    if (delayMs === undefined && !this.options.schedule) return;
    const normal = this.options.intervalMs ?? normalProbeIntervalMs;
    const outageMs = this.options.now() - (runtime.reach.outageSince ?? this.options.now());
    const fast = Math.min(normal, this.options.fastIntervalMs ?? (outageMs < fastProbeForMs ? fastProbeIntervalMs : slowedFastProbeIntervalMs));
    this.stop(runtime);
    runtime.reach.probeTimer = setTimeout(() => void this.probe(runtime), delayMs ?? (runtime.reach.editsWaiting ? fast : normal));
    runtime.reach.probeTimer.unref();
  }

  /**
   * A request of this connection was answered. After an outage that is the end of it: the probe
   * stops, waiting edits are sent at once and a catch-up sync runs.
   */
  answered(runtime: ConnectionRuntime): void {
    if (runtime.reach.reachable !== false) {
      runtime.reach.reachable = true;
      return;
    }
    const downForMs = this.options.now() - (runtime.reach.outageSince ?? this.options.now());
    runtime.reach.reachable = true;
    runtime.reach.outageSince = null;
    this.stop(runtime);
    if (runtime.lastError?.code === 'NETWORK') runtime.lastError = null;
    this.options.history.clearAllFailures(runtime);
    this.options.logger.info('upstream reachable again; sending waiting edits and catching up', { connectionId: runtime.record.id, downForMs });
    // After the request that answered has settled (this runs inside its fetch).
    setTimeout(() => {
      if (runtime.record.status !== 'active') return;
      this.options.emit(runtime);
      this.options.push(runtime);
      if (!runtime.engine.running && this.options.hasStore()) void this.options.sync(runtime, 'reconnect').catch(() => undefined /* on the connection's view */);
    }, 0);
  }

  stop(runtime: ConnectionRuntime): void {
    if (runtime.reach.probeTimer) clearTimeout(runtime.reach.probeTimer);
    runtime.reach.probeTimer = null;
  }

  /**
   * What the renderer's operating system says of the network. Going offline shows at once on
   * every connection; coming back tries every plant at once (no wait for the next probe), and
   * edits queued meanwhile leave with the first answer.
   */
  reportNetwork(online: boolean, runtimes: readonly ConnectionRuntime[]): void {
    if (this.online === online) return;
    this.online = online;
    this.options.logger.info(online ? 'the network is back' : 'the network is gone', {});
    for (const runtime of runtimes) {
      this.options.emit(runtime);
      if (!online || runtime.record.status !== 'active') continue;
      if (runtime.reach.reachable === false) this.probeSoon(runtime, 0);
      else this.options.push(runtime);
    }
  }

  private async probe(runtime: ConnectionRuntime): Promise<void> {
    runtime.reach.probeTimer = null;
    if (runtime.reach.reachable !== false || runtime.record.status !== 'active' || !this.options.isCurrent(runtime)) return;
    const startedAt = new Date(this.options.now()).toISOString();
    try {
      // Any answer ends the outage (see answered()); this one also says how the plant's system is.
      this.options.described(runtime, await runtime.connector.describe());
      this.options.emit(runtime);
    } catch (error) {
      const shape = toAppErrorShape(error);
      if (runtime.reach.reachable === false && shape.code === 'NETWORK') {
        this.options.history.recordFailure(runtime, 'probe', shape, startedAt, `${runtime.record.name} did not answer; it is asked again until it does.`);
        runtime.lastError = shape;
        this.probeSoon(runtime);
      } else {
        this.options.fail(runtime, error);
        this.options.emit(runtime);
      }
    }
  }
}
