// Renders every icon the app and its installers use from build/icon.svg, in headless Chromium
// (Debian's, as the e2e tests use; CHROMIUM_PATH for another): build/icon.png, build/icons/NxN.png
// (Linux), build/icon.ico (Windows), build/icon.icns (macOS) and build/tray/tray-<state>[@2x].png.
// Run after editing the SVG: `npm run icons` (tsx); the outputs are committed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildIcns, buildIco } from './icon-containers';

const buildDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
const source = await readFile(path.join(buildDir, 'icon.svg'), 'utf8');

/** The tray's states are the app icon with a status dot in the corner (idle: none). */
const trayDots: Record<'idle' | 'syncing' | 'attention', string | null> = { idle: null, syncing: '#38bdf8', attention: '#f59e0b' };
const withDot = (colour: string | null) =>
  colour ? source.replace('<g id="status"/>', `<g id="status"><circle cx="792" cy="232" r="200" fill="${colour}" stroke="#ffffff" stroke-width="48"/></g>`) : source;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const render = async (svg: string, size: number): Promise<Buffer> => {
    await page.setViewportSize({ width: size, height: size });
    const html = `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`;
    await page.setContent(html);
    await page.waitForFunction(() => document.images[0]?.complete);
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };

  const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
  const pngBySize = new Map<number, Buffer>();
  for (const size of sizes) pngBySize.set(size, await render(source, size));

  await mkdir(path.join(buildDir, 'icons'), { recursive: true });
  for (const [size, png] of pngBySize) await writeFile(path.join(buildDir, 'icons', `${size}x${size}.png`), png);
  await writeFile(path.join(buildDir, 'icon.png'), pngBySize.get(1024)!);
  await writeFile(path.join(buildDir, 'icon.ico'), buildIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngBySize.get(size)! }))));
  await writeFile(path.join(buildDir, 'icon.icns'), buildIcns(pngBySize));

  await mkdir(path.join(buildDir, 'tray'), { recursive: true });
  for (const [state, colour] of Object.entries(trayDots)) {
    await writeFile(path.join(buildDir, 'tray', `tray-${state}.png`), await render(withDot(colour), 16));
    await writeFile(path.join(buildDir, 'tray', `tray-${state}@2x.png`), await render(withDot(colour), 32));
  }
  console.log(`icons written to ${path.relative(process.cwd(), buildDir)}/ from icon.svg`);
} finally {
  await browser.close();
}
