import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MakiniHttpClient } from '../../electron/core/connectors/makini/makini-http-client';

// Fetching a document's bytes at the address the plant names: the token goes to the plant's own
// origin only, a file elsewhere must come over https, and a file past the limit is refused.
let server: Server;
let client: MakiniHttpClient;
let origin: string;
const seen: IncomingMessage[] = [];
const photo = randomBytes(300_000);

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    if (req.url === '/files/photo') {
      res.writeHead(200, { 'content-type': 'image/png; charset=binary', 'content-length': String(photo.length) });
      res.end(photo);
    } else if (req.url === '/files/huge') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(64 * 1024 * 1024) });
      res.write(Buffer.alloc(1024));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No document DOC-404.' } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new MakiniHttpClient({ baseUrl: `${origin}/`, getToken: () => 'plant-token', timeoutMs: 5000 });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('a document\'s file from the plant', () => {
  it('reads the bytes and their type, sending the token to the plant\'s own address', async () => {
    const file = await client.getFile(`${origin}/files/photo`, 1024 * 1024);
    expect(file.contentType).toBe('image/png');
    expect(Buffer.from(file.bytes).equals(photo)).toBe(true);
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer plant-token');
  });

  it('reads an address given relative to the plant', async () => {
    const file = await client.getFile('/files/photo', 1024 * 1024);
    expect(file.bytes.length).toBe(photo.length);
  });

  it('never sends the token elsewhere, and fetches a file elsewhere only over https', async () => {
    const before = seen.length;
    // Same host, another port: another origin.
    const elsewhere = `http://localhost:${new URL(origin).port}/files/photo`;
    await expect(client.getFile(elsewhere, 1024 * 1024)).rejects.toMatchObject({ code: 'UPSTREAM_MALFORMED', message: expect.stringContaining('only over https') });
    expect(seen.length).toBe(before);
  });

  it('refuses a file past the limit with the size said, and an address that is not one', async () => {
    await expect(client.getFile(`${origin}/files/huge`, 40 * 1024 * 1024)).rejects.toMatchObject({ message: 'This file is larger than 40 MB, too large to show here; open it in the plant’s system.' });
    await expect(client.getFile('http://[', 1024)).rejects.toMatchObject({ code: 'UPSTREAM_MALFORMED', message: expect.stringContaining('which is not an address') });
  });

  it('says what the plant said when it has no such file', async () => {
    await expect(client.getFile(`${origin}/files/gone`, 1024)).rejects.toMatchObject({ code: 'UPSTREAM_NOT_FOUND', status: 404, message: 'No document DOC-404.' });
  });
});
