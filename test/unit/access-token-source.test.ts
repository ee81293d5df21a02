import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandLineTokenWarning, readAccessToken } from '../../electron/access-token-source';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'millwright-token-source-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const none = { token: undefined, tokenFile: undefined, environment: undefined };

async function tokenFile(content: string | Buffer): Promise<string> {
  const file = path.join(dir, 'token');
  await writeFile(file, content, { mode: 0o600 });
  return file;
}

describe('the access token for --base-url', () => {
  it('is read from --token-file without the newline an editor or `echo` leaves after it', async () => {
    expect(await readAccessToken({ ...none, tokenFile: await tokenFile('tok_3f9a\n') })).toEqual({ token: 'tok_3f9a', source: '--token-file', warning: null });
    expect((await readAccessToken({ ...none, tokenFile: await tokenFile('tok_3f9a\r\n') }))?.token).toBe('tok_3f9a');
    expect((await readAccessToken({ ...none, tokenFile: await tokenFile('tok_3f9a') }))?.token).toBe('tok_3f9a');
  });

  it('is read from MILLWRIGHT_TOKEN without a warning', async () => {
    expect(await readAccessToken({ ...none, environment: 'tok_env' })).toEqual({ token: 'tok_env', source: 'MILLWRIGHT_TOKEN', warning: null });
  });

  it('still comes from --token, with a warning that says who can read it there and what to use instead', async () => {
    const given = await readAccessToken({ ...none, token: 'tok_flag' });
    expect(given).toEqual({ token: 'tok_flag', source: '--token', warning: commandLineTokenWarning });
    expect(given?.warning).toMatch(/ps.*\/proc\/<pid>\/cmdline.*--token-file <path>.*MILLWRIGHT_TOKEN/);
  });

  it('is absent when no source is given', async () => {
    expect(await readAccessToken(none)).toBeNull();
  });

  it('comes from one source only, and names the ones given when there are more', async () => {
    const file = await tokenFile('tok_file\n');
    await expect(readAccessToken({ token: 'a', tokenFile: file, environment: undefined })).rejects.toThrow('Give the access token one way only; got --token-file and --token.');
    await expect(readAccessToken({ token: undefined, tokenFile: file, environment: 'b' })).rejects.toThrow('got --token-file and MILLWRIGHT_TOKEN.');
    await expect(readAccessToken({ token: 'a', tokenFile: file, environment: 'b' })).rejects.toThrow('got --token-file and MILLWRIGHT_TOKEN and --token.');
  });

  it('refuses an empty file, an empty variable and a file of several lines, saying what it should hold', async () => {
    await expect(readAccessToken({ ...none, tokenFile: await tokenFile('') })).rejects.toThrow(/^--token-file .*token is empty: it should hold the access token\.$/);
    await expect(readAccessToken({ ...none, tokenFile: await tokenFile(' \n\n') })).rejects.toThrow('is empty');
    await expect(readAccessToken({ ...none, environment: '' })).rejects.toThrow('MILLWRIGHT_TOKEN is empty: it should hold the access token.');
    await expect(readAccessToken({ ...none, tokenFile: await tokenFile('tok_a\ntok_b\n') })).rejects.toThrow('holds more than one line: it should hold the access token alone.');
  });

  it('says plainly when the file is missing, a folder, or far too large to be a token', async () => {
    const missing = path.join(dir, 'nope');
    await expect(readAccessToken({ ...none, tokenFile: missing })).rejects.toThrow(`--token-file ${missing}: there is no such file.`);
    await expect(readAccessToken({ ...none, tokenFile: dir })).rejects.toThrow(`--token-file ${dir} is a folder, not a file.`);
    const big = await tokenFile(Buffer.alloc(64 * 1024 + 1, 'a'));
    await expect(readAccessToken({ ...none, tokenFile: big })).rejects.toThrow(`--token-file ${big} is larger than 64 KB`);
    // An endless device is read only up to that limit.
    await expect(readAccessToken({ ...none, tokenFile: '/dev/zero' })).rejects.toThrow('is larger than 64 KB');
  });
});
