import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileViewer, safeFileName } from '../../electron/core/documents/file-viewer';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

async function viewer() {
  const root = await mkdtemp(path.join(tmpdir(), 'millwright-viewer-test-'));
  roots.push(root);
  const opened: string[] = [];
  return { opened, viewer: new FileViewer(async (file) => (opened.push(file), true), root) };
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('opening a photo or file in the computer\'s viewer', () => {
  it('hands over the exact bytes under the file\'s own name, readable by this user only', async () => {
    const { viewer: files, opened } = await viewer();
    const bytes = randomBytes(200_000);
    expect(await files.open({ name: 'Pump seal inspection.pdf', bytes })).toBe(true);
    expect(opened).toHaveLength(1);
    expect(path.basename(opened[0]!)).toBe('Pump seal inspection.pdf');
    expect(sha(await readFile(opened[0]!))).toBe(sha(bytes));
    if (process.platform !== 'win32') {
      expect((await stat(opened[0]!)).mode & 0o777).toBe(0o600);
      expect((await stat(path.dirname(path.dirname(opened[0]!)))).mode & 0o777).toBe(0o700);
    }
  });

  it('keeps two files of the same name apart', async () => {
    const { viewer: files, opened } = await viewer();
    await files.open({ name: 'photo.jpg', bytes: Buffer.from('first') });
    await files.open({ name: 'photo.jpg', bytes: Buffer.from('second') });
    expect(new Set(opened).size).toBe(2);
    expect((await readFile(opened[0]!)).toString()).toBe('first');
  });

  it.each(['setup.exe', 'run.bat', 'script.ps1', 'installer.msi', 'app.dmg', 'tool.sh', 'no-extension', 'report.pdf.exe', 'link.url'])('refuses to open %s, a kind that could run, and writes nothing', async (name) => {
    const { viewer: files, opened } = await viewer();
    await expect(files.open({ name, bytes: Buffer.from('MZ') })).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('Open it in the plant’s system') });
    expect(opened).toEqual([]);
  });

  it('takes no folder or reserved character from a plant\'s file name', () => {
    expect(safeFileName('../../etc/passwd.txt')).toBe('_.._etc_passwd.txt');
    expect(safeFileName('C:\\Windows\\win.ini')).toBe('C__Windows_win.ini');
    expect(safeFileName('a<b>c:"d"|e?*.png')).toBe('a_b_c__d__e__.png');
    expect(safeFileName('pump\u0000\u001f.png')).toBe('pump__.png');
    expect(safeFileName('...')).toBe('file');
    expect(safeFileName(`${'x'.repeat(300)}.pdf`)).toHaveLength(120);
    expect(safeFileName(`${'x'.repeat(300)}.pdf`).endsWith('.pdf')).toBe(true);
  });
});
