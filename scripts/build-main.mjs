// Bundles the Node entry points: the Electron main process and the sandboxed preload (which cannot
// load modules) to dist/main, and the webhook relay (a service of its own, for a server or a
// container) to dist/relay.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/main/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/main/preload.cjs' }),
  build({
    ...common,
    entryPoints: ['electron/relay-main.ts'],
    outfile: 'dist/relay/relay.mjs',
    format: 'esm',
    target: 'node20',
    external: [],
    // Bundled CommonJS packages (ws) require Node's own modules.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  }),
]);
