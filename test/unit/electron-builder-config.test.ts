import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildIcns, buildIco, icnsTypes, pngSize } from '../../scripts/icon-containers';

const root = path.resolve(import.meta.dirname, '../..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
type Targets = { target: string }[];
interface BuildConfig extends Record<string, unknown> {
  win: { target: Targets; icon: string };
  nsis: Record<string, unknown>;
  mac: { target: Targets; icon: string; entitlements: string } & Record<string, unknown>;
  linux: { target: Targets };
  electronFuses: Record<string, boolean>;
  protocols: unknown;
  publish: Record<string, unknown>[];
  files: string[];
  asar: boolean;
  npmRebuild: boolean;
  electronVersion: string;
}
const pkg = readJson('package.json') as unknown as { build: BuildConfig; dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** electron-builder's own schema for its configuration, compiled as it compiles it (but without type coercion). */
function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(readJson('node_modules/app-builder-lib/scheme.json'));
}

describe('electron-builder configuration', () => {
  it("validates against electron-builder's JSON schema", () => {
    const validate = validator();
    const valid = validate(pkg.build);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is refused by the same schema when it is wrong (the check can fail)', () => {
    const validate = validator();
    expect(validate({ ...pkg.build, nsis: { ...pkg.build.nsis, oneClick: 'sometimes' } })).toBe(false);
    expect(validate({ ...pkg.build, notAnOption: true })).toBe(false);
  });

  it('builds the installers the issue asks for', () => {
    const { win, nsis, mac, linux } = pkg.build;
    expect(win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(nsis).toMatchObject({ oneClick: false, perMachine: false, createDesktopShortcut: true });
    expect(mac.target.map((t) => t.target)).toEqual(['dmg', 'zip']);
    expect(mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist', entitlementsInherit: 'build/entitlements.mac.plist' });
    expect(linux.target.map((t) => t.target)).toEqual(['AppImage']);
    const entitlements = readFileSync(path.join(root, mac.entitlements), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toContain('disable-library-validation');
  });

  it('sets the security fuses: no run-as-node, cookies encrypted, ASAR integrity checked, app only from the ASAR', () => {
    expect(pkg.build.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(pkg.build.asar).toBe(true);
  });

  it('registers millwright:// and publishes updates to a configurable provider', () => {
    expect(pkg.build.protocols).toEqual([{ name: 'Millwright link', schemes: ['millwright'] }]);
    expect(pkg.build.publish[0]).toMatchObject({ provider: 'generic', url: '${env.MILLWRIGHT_UPDATE_URL}' });
    expect(pkg.dependencies['electron-updater']).toBeDefined();
  });

  it('packages only built output, and pins the Electron it was tested with', () => {
    expect(pkg.build.files.filter((pattern) => !pattern.startsWith('!'))).toEqual(['dist/main/**', 'dist/renderer/**', 'package.json']);
    // Packages that ship their own tests (zod's src/v3/tests) and any .env stay out of the archive.
    expect(pkg.build.files).toEqual(expect.arrayContaining(['!**/node_modules/**/{test,tests,__tests__,spec,specs}/**', '!**/.env', '!**/.env.*']));
    expect(pkg.build.electronVersion).toBe(pkg.devDependencies.electron);
    expect(pkg.build.npmRebuild).toBe(false); // no native addons: nothing to rebuild, and no network needed
  });
});

describe('icons generated from build/icon.svg', () => {
  it('exist at every size each installer uses', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = readFileSync(path.join(root, 'build', 'icons', `${size}x${size}.png`));
      expect(pngSize(png)).toEqual({ width: size, height: size });
    }
    for (const state of ['idle', 'syncing', 'attention']) {
      expect(pngSize(readFileSync(path.join(root, 'build', 'tray', `tray-${state}.png`)))).toEqual({ width: 16, height: 16 });
      expect(pngSize(readFileSync(path.join(root, 'build', 'tray', `tray-${state}@2x.png`)))).toEqual({ width: 32, height: 32 });
    }
    expect(existsSync(path.join(root, pkg.build.win.icon))).toBe(true);
    expect(existsSync(path.join(root, pkg.build.mac.icon))).toBe(true);
  });

  it('icon.ico holds a PNG per size in its directory', () => {
    const ico = readFileSync(path.join(root, 'build', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      const png = ico.subarray(offset, offset + length);
      const { width } = pngSize(png);
      expect(ico.readUInt8(entry) || 256).toBe(width);
      sizes.push(width);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('icon.icns holds every PNG element type, each with the size its type means', () => {
    const icns = readFileSync(path.join(root, 'build', 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, number>();
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      found.set(type, pngSize(icns.subarray(at + 8, at + length)).width);
      at += length;
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(icnsTypes.map(({ type, size }) => [type, size])));
  });

  it('the container writers refuse a missing size and put 256 px as 0 in the ICO directory', () => {
    const png16 = readFileSync(path.join(root, 'build', 'icons', '16x16.png'));
    const png256 = readFileSync(path.join(root, 'build', 'icons', '256x256.png'));
    expect(() => buildIcns(new Map([[16, png16]]))).toThrow(/no 32px image/);
    const ico = buildIco([{ size: 256, png: png256 }]);
    expect(ico.readUInt8(6)).toBe(0);
    expect(ico.readUInt32LE(6 + 12)).toBe(22);
  });
});
