import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnCli, type SpawnedCli } from './spawn-cli';

/**
 * Web mode (`electron/web-main.ts`) over an API, handed its access token as users should: in a
 * private file (`--token-file`), not on the command line where `ps` shows it to everyone. The
 * file goes when web mode exits.
 */
export function spawnWebMode(token: string, args: string[], env: Record<string, string> = {}): SpawnedCli {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'millwright-token-'));
  const tokenFile = path.join(dir, 'token');
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  const cli = spawnCli('electron/web-main.ts', [...args, '--token-file', tokenFile], env);
  cli.child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return cli;
}
