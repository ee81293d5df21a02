import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { relayIdPattern, type RelayDesktop } from './relay-store';

/**
 * The relay's administration: which connections it takes webhooks for (each with the secret Makini
 * signs them with) and which desktops may collect them (each with the hash of its token). One JSON
 * file, owner-only, edited by the relay's admin commands; relay instances read it again when it
 * changes, so a token issued or revoked takes effect within a second. Several instances behind a
 * load balancer share the file (a mounted volume) or copies of it.
 */

const idSchema = z.string().regex(relayIdPattern, 'letters, digits, "-" and "_", starting with a letter or digit, at most 64');

const configSchema = z
  .object({
    version: z.literal(1),
    connections: z.record(idSchema, z.object({ secret: z.string().min(1).max(1024), createdAt: z.number() }).strict()),
    desktops: z.record(
      idSchema,
      z.object({ connectionId: idSchema, tokenHash: z.string().regex(/^[0-9a-f]{64}$/), registeredAt: z.number() }).strict(),
    ),
  })
  .strict();
export type RelayConfigFile = z.infer<typeof configSchema>;

const emptyConfig = (): RelayConfigFile => ({ version: 1, connections: {}, desktops: {} });

/** A desktop token: `mwr_<desktop id>.<32 random bytes, base64url>`. */
const tokenPattern = /^mwr_([A-Za-z0-9][A-Za-z0-9_-]{0,63})\.([A-Za-z0-9_-]{43})$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Reads the file; a missing one is empty. Throws with a plain message when it cannot be read. */
export function readRelayConfig(file: string): RelayConfigFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyConfig();
    throw new Error(`The relay's configuration ${file} cannot be read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`The relay's configuration ${file} is not JSON.`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) throw new Error(`The relay's configuration ${file} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

function writeRelayConfig(file: string, config: RelayConfigFile): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

function checkId(kind: string, id: string): void {
  if (!relayIdPattern.test(id)) throw new Error(`A ${kind} id is letters, digits, "-" and "_", starting with a letter or digit, at most 64 characters: "${id}" is not.`);
}

/** Adds a connection (or replaces its secret). */
export function addRelayConnection(file: string, id: string, secret: string, now = Date.now()): void {
  checkId('connection', id);
  if (secret.length === 0 || secret.length > 1024) throw new Error('The webhook secret must be 1–1024 characters.');
  const config = readRelayConfig(file);
  config.connections[id] = { secret, createdAt: config.connections[id]?.createdAt ?? now };
  writeRelayConfig(file, config);
}

/** Issues a desktop's token (replacing any it had): shown once, only its hash is kept. */
export function issueDesktopToken(file: string, desktopId: string, connectionId: string, now = Date.now()): string {
  checkId('desktop', desktopId);
  const config = readRelayConfig(file);
  if (!config.connections[connectionId]) throw new Error(`The relay has no connection "${connectionId}"; add it first.`);
  const token = `mwr_${desktopId}.${randomBytes(32).toString('base64url')}`;
  const previous = config.desktops[desktopId];
  // A new token for the same desktop and connection keeps what it has not collected yet.
  const registeredAt = previous?.connectionId === connectionId ? previous.registeredAt : now;
  config.desktops[desktopId] = { connectionId, tokenHash: hashToken(token), registeredAt };
  writeRelayConfig(file, config);
  return token;
}

/** Removes a desktop; its token stops working. False when there was none. */
export function revokeDesktop(file: string, desktopId: string): boolean {
  const config = readRelayConfig(file);
  if (!config.desktops[desktopId]) return false;
  delete config.desktops[desktopId];
  writeRelayConfig(file, config);
  return true;
}

/** The configuration as the relay serves it, read again (at most once a second) when the file changes. */
export class RelayConfig {
  private config: RelayConfigFile;
  /**
   * A hash of the file's bytes when read. Not its inode, size and mtime: two writes within one
   * tick of the kernel's file clock can leave all three as they were (a freed inode is reused, a
   * replaced token is as long as the old one), and the change would go unseen.
   */
  private version: string;
  private checkedAt = 0;

  constructor(
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {
    this.config = readRelayConfig(file);
    this.version = this.fileVersion();
  }

  /** The connection's webhook secret, or null when the relay does not take its webhooks. */
  secretFor(connectionId: string): string | null {
    return Object.hasOwn(this.current().connections, connectionId) ? this.current().connections[connectionId]!.secret : null;
  }

  /**
   * The desktop a token belongs to, or null (unknown, revoked or wrong). A token not found is
   * looked up again in the file as it is now: one issued a moment ago works at once.
   */
  desktopFor(token: string): RelayDesktop | null {
    const match = tokenPattern.exec(token);
    if (!match) return null;
    return this.lookUp(token, match[1]!, this.current()) ?? this.lookUp(token, match[1]!, this.current(true));
  }

  private lookUp(token: string, id: string, config: RelayConfigFile): RelayDesktop | null {
    const desktop = Object.hasOwn(config.desktops, id) ? config.desktops[id]! : null;
    const presented = Buffer.from(hashToken(token), 'hex');
    // Compared in constant time even for an unknown desktop, against a hash no token has.
    const expected = Buffer.from(desktop?.tokenHash ?? '0'.repeat(64), 'hex');
    if (!timingSafeEqual(presented, expected) || !desktop || !Object.hasOwn(config.connections, desktop.connectionId)) return null;
    return { id, connectionId: desktop.connectionId, registeredAt: desktop.registeredAt };
  }

  desktops(): RelayDesktop[] {
    return Object.entries(this.current().desktops).map(([id, desktop]) => ({ id, connectionId: desktop.connectionId, registeredAt: desktop.registeredAt }));
  }

  private current(force = false): RelayConfigFile {
    const now = this.now();
    // A forced look (a token not found) at most ten times a second: strangers' guesses cannot keep the disk busy.
    if (now - this.checkedAt >= 1_000 || (force && now - this.checkedAt >= 100)) {
      this.checkedAt = now;
      const version = this.fileVersion();
      // A file gone a moment (moved aside while edited, a volume remounting) revokes nothing: the last one read stays.
      if (version !== this.version && version !== 'missing') {
        try {
          this.config = readRelayConfig(this.file);
          this.version = version;
        } catch {
          // Half-edited by hand: keep serving what was read last, and look again next time.
        }
      }
    }
    return this.config;
  }

  private fileVersion(): string {
    try {
      return createHash('sha256').update(readFileSync(this.file)).digest('hex');
    } catch {
      return 'missing';
    }
  }
}
