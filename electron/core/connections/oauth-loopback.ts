import { timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { AppError } from '../../../shared/errors';
import { createHardenedListener, listenOn } from '../http/hardened-listener';
import type { HttpRefusal } from '../http/http-refusal';

export interface LoopbackCallback {
  /** `http://127.0.0.1:<random port>/callback`, to send as redirect_uri. */
  redirectUri: string;
  /** The authorization code, once the browser comes back with the right state. */
  code: Promise<string>;
  /** Gives up: the code promise rejects with CANCELLED and the port closes. */
  cancel(): void;
}

const page = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font:16px system-ui;margin:3em auto;max-width:32em"><h1>${title}</h1><p>${text}</p></body>`;

/** The person at the browser reads the answer: a page, whatever went wrong. */
function answerPage(res: ServerResponse, status: number, title: string, text: string): void {
  const html = page(title, text);
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(html);
}

function refusalPage(res: ServerResponse, refusal: HttpRefusal): void {
  answerPage(res, refusal.status, 'Not a sign-in', `${refusal.message} This address only receives the Makini sign-in.`);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Receives the OAuth redirect on a loopback port (RFC 8252). Only a callback with the expected
 * `state` settles the flow; a wrong state is refused and the flow keeps waiting, so a forged
 * redirect cannot end or hijack it.
 */
export async function listenForOAuthCallback(expectedState: string, timeoutMs: number): Promise<LoopbackCallback> {
  let settle!: { resolve: (code: string) => void; reject: (error: AppError) => void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined); // the caller may never await it (cancelled flow)

  const server = createHardenedListener({ name: 'sign-in listener', writeRefusal: refusalPage, handle });
  function handle(_req: unknown, res: ServerResponse, url: URL) {
    const answer = (status: number, title: string, text: string) => answerPage(res, status, title, text);
    if (url.pathname !== '/callback') return answer(404, 'Not found', 'This address only receives the Makini sign-in.');
    if (!sameText(url.searchParams.get('state') ?? '', expectedState)) {
      return answer(400, 'Sign-in not accepted', 'This sign-in did not come from the request Millwright made (its state did not match). Start again from Millwright.');
    }
    const error = url.searchParams.get('error');
    const received = url.searchParams.get('code');
    if (error || !received) {
      answer(400, 'Sign-in not completed', 'You can close this window and try again from Millwright.');
      settle.reject(
        new AppError(
          'UPSTREAM_AUTH',
          error === 'access_denied' ? 'Access was denied on the Makini authorization page.' : 'The authorization page came back without a code; start again.',
        ),
      );
    } else {
      answer(200, 'Connected', 'Millwright received the authorization. You can close this window.');
      settle.resolve(received);
    }
    close();
  }
  const { port } = await listenOn(server, 0, '127.0.0.1');
  const timer = setTimeout(() => {
    settle.reject(new AppError('IPC_TIMEOUT', `No answer from the authorization page within ${Math.round(timeoutMs / 60_000)} minutes.`));
    close();
  }, timeoutMs);
  timer.unref();
  function close() {
    clearTimeout(timer);
    server.closeAllConnections();
    server.close();
  }
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    code,
    cancel() {
      settle.reject(new AppError('CANCELLED', 'The sign-in was cancelled.'));
      close();
    },
  };
}
