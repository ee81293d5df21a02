import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MakiniHttpClient, maxResponseBytes } from '../../electron/core/connectors/makini/makini-http-client';

// An upstream (or a proxy in its place) that answers with what no Makini page is: the client must
// refuse it with a clear error, without filling memory or overflowing the stack on what follows.
let server: Server;
let client: MakiniHttpClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/endless')) {
      // Valid JSON that never stops: a string of 1 MiB chunks, past the limit.
      res.write('{"data":"');
      const chunk = 'x'.repeat(1024 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < maxResponseBytes / chunk.length + 8) {
          sent += 1;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end('"}');
      };
      more();
    } else if (req.url?.startsWith('/declared')) {
      // Says it will send 256 MiB (and then sends little, slowly): refused on the header alone.
      res.writeHead(200, { 'content-length': String(maxResponseBytes * 4) });
      res.write('{');
    } else if (req.url?.startsWith('/deep')) {
      res.end('{"data":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}');
    } else {
      res.end('{"data":[]}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new MakiniHttpClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, getToken: () => 'token' });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('Makini HTTP client against a hostile upstream', () => {
  it('stops reading an answer past 64 MiB, saying so', async () => {
    await expect(client.getJson('/endless')).rejects.toMatchObject({ code: 'UPSTREAM_MALFORMED', message: expect.stringContaining('more than 64 MiB in one answer'), failedAt: 'makini' });
    await expect(client.getJson('/declared')).rejects.toMatchObject({ code: 'UPSTREAM_MALFORMED' });
  });

  it('refuses JSON nested 200,000 deep as not readable, and still reads ordinary answers', async () => {
    await expect(client.getJson('/deep')).rejects.toMatchObject({ code: 'UPSTREAM_MALFORMED', message: expect.stringContaining('not JSON') });
    expect(await client.getJson('/ok')).toEqual({ data: [] });
  });
});
