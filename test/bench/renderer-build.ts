import { spawnSync } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

async function newestChange(entry: string): Promise<number> {
  const info = await stat(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const child of await readdir(entry)) newest = Math.max(newest, await newestChange(path.join(entry, child)));
  return newest;
}

/**
 * Web mode serves dist/renderer; the bench measures today's renderer, so it builds it
 * (`npm run build:renderer`) when it is missing or older than its sources. BENCH_BUILD=always
 * or never overrides.
 */
export async function ensureRendererBuilt(): Promise<'built' | 'up to date' | 'not checked'> {
  const policy = process.env.BENCH_BUILD ?? 'auto';
  if (policy === 'never') return 'not checked';
  const built = await stat(path.join(root, 'dist', 'renderer', 'index.html')).then((info) => info.mtimeMs, () => 0);
  const sources = await Promise.all(['renderer', 'shared', 'vite.config.ts', 'package-lock.json'].map((entry) => newestChange(path.join(root, entry))));
  if (policy !== 'always' && built > Math.max(...sources)) return 'up to date';
  console.log('building the renderer (npm run build:renderer) ...');
  const result = spawnSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build:renderer failed (exit ${result.status})`);
  return 'built';
}
