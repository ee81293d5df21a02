import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

// Reads what `npm run dist:check` packaged (release/linux-unpacked, made with a placeholder
// Electron). CI runs dist:check before the tests, so there the package must exist; locally the
// tests are skipped, saying so, until dist:check has been run.
const root = path.resolve(import.meta.dirname, '../..');
const unpacked = path.join(root, 'release', 'linux-unpacked');
const asarPath = path.join(unpacked, 'resources', 'app.asar');
const packaged = existsSync(asarPath);
const inCi = process.env.CI === 'true';
if (!packaged && !inCi) console.warn(`skipping the app.asar checks: ${path.relative(root, asarPath)} is absent; run \`npm run dist:check\` first`);

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  build: { electronFuses: Record<string, boolean> };
};

/** Every package the production dependencies pull in, resolved as Node resolves them from the project's node_modules. */
function productionClosure(): Set<string> {
  const seen = new Set<string>();
  const names = new Set<string>();
  const resolve = (name: string, fromDir: string): string | null => {
    for (let dir = fromDir; dir.startsWith(root); dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    }
    return null;
  };
  const visit = (name: string, fromDir: string) => {
    const dir = resolve(name, fromDir);
    if (!dir || seen.has(dir)) return; // an optional dependency not installed, or seen already
    seen.add(dir);
    names.add(name);
    const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const dep of Object.keys({ ...json.dependencies, ...json.optionalDependencies })) visit(dep, dir);
  };
  for (const name of Object.keys(pkg.dependencies)) visit(name, root);
  return names;
}

/** The package names under node_modules in the archive (nested ones included). */
function packagedModules(entries: string[]): Set<string> {
  const found = new Set<string>();
  for (const entry of entries) {
    const match = /^\/(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(entry);
    if (match) found.add(match[1]!);
  }
  return found;
}

describe.runIf(packaged || inCi)('packaged app.asar (npm run dist:check)', () => {
  it('exists (CI runs dist:check before the tests)', () => {
    expect(existsSync(asarPath), `${asarPath} is missing: dist:check did not run or failed`).toBe(true);
  });

  const entries = packaged ? listPackage(asarPath, { isPack: false }).map((entry) => entry.split(path.sep).join('/')) : [];
  const files = new Set(entries);

  it('holds the built main process, preload and renderer, and a package.json pointing at main', () => {
    for (const file of ['/dist/main/main.cjs', '/dist/main/preload.cjs', '/dist/renderer/index.html']) expect(files).toContain(file);
    expect(entries.some((entry) => /^\/dist\/renderer\/assets\/index-[\w-]+\.js$/.test(entry))).toBe(true);
    const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString()) as { main: string };
    expect(manifest.main).toBe('dist/main/main.cjs');
    // The packaged main is the one built now, not an older package left in release/.
    const current = extractFile(asarPath, 'dist/main/main.cjs').equals(readFileSync(path.join(root, 'dist/main/main.cjs')));
    expect(current, 'release/ holds an older package than dist/main: run npm run dist:check again').toBe(true);
  });

  it('holds every production dependency', () => {
    const modules = packagedModules(entries);
    for (const name of Object.keys(pkg.dependencies)) expect(modules, name).toContain(name);
  });

  it('holds no dev dependency (only what production dependencies themselves need)', () => {
    const modules = packagedModules(entries);
    const needed = productionClosure();
    const devOnly = Object.keys(pkg.devDependencies).filter((name) => !needed.has(name));
    expect(devOnly).toEqual(expect.arrayContaining(['electron', 'electron-builder', 'vitest', 'typescript', 'esbuild', 'vite', 'playwright-core']));
    expect(devOnly.filter((name) => modules.has(name))).toEqual([]);
    expect([...modules].filter((name) => !needed.has(name))).toEqual([]);
  });

  it('holds no sources, tests, source maps or .env files', () => {
    const topLevel = new Set(entries.map((entry) => entry.split('/')[1]));
    expect([...topLevel].sort()).toEqual(['dist', 'node_modules', 'package.json']);
    expect(entries.filter((entry) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /(^|\/)\.env(\.[^/]*)?$/.test(entry))).toEqual([]);
    expect(entries.filter((entry) => entry.startsWith('/dist/') && entry.endsWith('.map'))).toEqual([]);
  });

  it('flipped the fuses the configuration asks for on the (placeholder) binary', async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked, 'millwright'));
    const on = (option: FuseV1Options) => wire[option] === 49; // '1'
    const { electronFuses } = pkg.build;
    expect(on(FuseV1Options.RunAsNode)).toBe(electronFuses.runAsNode);
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true);
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
  });

  it('ships the tray icons beside the archive and an update feed configuration', () => {
    expect(readdirSync(path.join(unpacked, 'resources', 'tray')).sort()).toEqual(
      ['attention', 'idle', 'syncing'].flatMap((state) => [`tray-${state}.png`, `tray-${state}@2x.png`]).sort(),
    );
    expect(readFileSync(path.join(unpacked, 'resources', 'app-update.yml'), 'utf8')).toMatch(/^provider: generic$/m);
  });
});
