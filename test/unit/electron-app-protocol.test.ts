import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, isAppUrl, resolveAppFile } from '../../electron/app-protocol';
import { contentSecurityPolicy } from '../../electron/security-policy';

// The app:// handler over a real directory: what it serves, and what it refuses.
function rendererDir() {
  const base = mkdtempSync(path.join(os.tmpdir(), 'millwright-protocol-'));
  const root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Millwright</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.key'), 'do not serve');
  writeFileSync(path.join(base, 'renderer-sibling.txt'), 'nor this');
  return { base, root };
}

describe('app:// protocol', () => {
  it('serves the renderer with its content type and the strict CSP', async () => {
    const { root } = rendererDir();
    const handle = createAppProtocolHandler(root);
    const page = await handle(new Request('app://millwright/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Millwright</title>');
    const script = await handle(new Request('app://millwright/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await (await handle(new Request('app://millwright/'))).text()).toContain('Millwright');
  });

  it('refuses every way out of the renderer directory', async () => {
    const { root } = rendererDir();
    const handle = createAppProtocolHandler(root);
    for (const url of [
      'app://millwright/../secret.key',
      'app://millwright/%2e%2e/secret.key',
      'app://millwright/assets/%2e%2e%2f%2e%2e%2fsecret.key',
      'app://millwright/..%2fsecret.key',
      'app://millwright/..%5csecret.key',
      'app://millwright/%2e%2e%5csecret.key',
      'app://millwright/index.html%00.js',
      'app://millwright/../renderer-sibling.txt',
      'app://millwright/%2e%2e/renderer-sibling.txt',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const answer = await handle(new Request(url));
      expect(answer.status, url).toBe(404);
      expect(await answer.text(), url).not.toMatch(/do not serve|nor this/);
    }
    expect(resolveAppFile(root, 'app://millwright/%E0%A4%A')).toBeNull(); // malformed escape
    expect((await handle(new Request('app://millwright/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://millwright/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('knows its own origin', () => {
    expect(isAppUrl('app://millwright/index.html')).toBe(true);
    expect(isAppUrl('app://millwright.evil.example/index.html')).toBe(false);
    expect(isAppUrl('https://millwright/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
