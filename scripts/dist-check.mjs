// Packages the app as an unpacked Linux directory (release/linux-unpacked) without a network:
// electron-builder is pointed (build.electronDist) at a PLACEHOLDER Electron distribution made
// here, because the real Electron cannot be downloaded on the build machines. The placeholder's
// `electron` is a tiny script, not Electron: it carries only the fuse wire Electron 45 has
// (sentinel, version 1, 8 fuses at Electron's defaults) so electron-builder's fuse step runs
// on it as on the real binary. test/unit/electron-dist-asar.test.ts then reads the result.
// Run after `npm run build` (`npm run dist:check` does both).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const placeholder = path.join(root, 'release', 'placeholder-electron-dist');
const unpacked = path.join(root, 'release', 'linux-unpacked');

for (const built of ['dist/main/main.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html']) {
  if (!existsSync(path.join(root, built))) {
    console.error(`dist:check: ${built} is missing; run npm run build first (npm run dist:check does).`);
    process.exit(1);
  }
}

// @electron/fuses' sentinel, then the wire: version 1, length 8, Electron's default states
// (RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, ASAR integrity off,
// only-from-ASAR off, browser V8 snapshot off, file:// privileges on).
const fuseWire = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10110001')]);
rmSync(placeholder, { recursive: true, force: true });
mkdirSync(path.join(placeholder, 'resources'), { recursive: true });
writeFileSync(
  path.join(placeholder, 'electron'),
  Buffer.concat([
    Buffer.from('#!/bin/sh\necho "PLACEHOLDER: not Electron. Made by scripts/dist-check.mjs so electron-builder can package offline." >&2\nexit 1\n# fuse wire: '),
    fuseWire,
    Buffer.from('\n'),
  ]),
);
chmodSync(path.join(placeholder, 'electron'), 0o755);
writeFileSync(path.join(placeholder, 'PLACEHOLDER.txt'), 'Not an Electron distribution: a stand-in for offline packaging checks (scripts/dist-check.mjs).\n');
writeFileSync(path.join(placeholder, 'LICENSE'), 'Placeholder; the real Electron distribution carries its MIT license here.\n');
writeFileSync(path.join(placeholder, 'version'), '45.4.1');
rmSync(unpacked, { recursive: true, force: true });

const started = Date.now();
const result = spawnSync(
  path.join(root, 'node_modules', '.bin', 'electron-builder'),
  ['--linux', 'dir', '--x64', '--publish', 'never', `-c.electronDist=${placeholder}`],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      // The packaged app-update.yml needs the feed's address; a check build has none.
      MILLWRIGHT_UPDATE_URL: process.env.MILLWRIGHT_UPDATE_URL ?? 'https://updates.invalid/millwright',
      CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    },
  },
);
if (result.status !== 0) {
  console.error(`dist:check: electron-builder failed (exit ${result.status ?? result.signal}).`);
  process.exit(1);
}
console.log(`dist:check: packaged ${path.relative(root, unpacked)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
