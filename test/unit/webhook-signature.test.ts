// Signature verification of webhook deliveries, checked against signatures made independently:
// Standard Webhooks ones by the `standardwebhooks` package, Makini ones by the function in Makini's
// Webhook.md (HMAC-SHA256 of JSON.stringify(data), base64) and its hex variant.
import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { parseMakiniSignature, parseStandardSignatures, verifyWebhookSignature, type WebhookHeaders } from '../../electron/core/webhooks/webhook-signature';

const nowMs = Date.UTC(2025, 5, 1, 12, 0, 0);
const now = new Date(nowMs);
const secret = `whsec_${randomBytes(24).toString('base64')}`;
const data = { event: 'work-orders.updated', data: { key: 'wo-17', status: 'In progress' } };
const body = JSON.stringify(data);

/** Headers as the `standardwebhooks` package signs them. */
function standardHeaders(options: { secret?: string; id?: string; at?: Date; payload?: string } = {}): WebhookHeaders {
  const id = options.id ?? 'msg_2b4Kq1';
  const at = options.at ?? now;
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(options.secret ?? secret).sign(id, at, options.payload ?? body),
  };
}

/** Makini's sample (Webhook.md), verbatim in substance: the base64 signature it compares with. */
function makiniSampleSignature(key: string, payload: unknown): string {
  return createHmac('sha256', key).update(JSON.stringify(payload)).digest('base64');
}

const verify = (headers: WebhookHeaders, payload: string | Buffer = body, key = secret, at = nowMs) =>
  verifyWebhookSignature(key, headers, Buffer.from(payload), { nowMs: at });

describe('Standard Webhooks signatures', () => {
  it('accepts what the standardwebhooks package signs, with a whsec_ secret and with a bare base64 one', () => {
    expect(verify(standardHeaders())).toEqual({ ok: true, scheme: 'standard-webhooks', webhookId: 'msg_2b4Kq1', timestampSeconds: nowMs / 1000 });
    const bare = randomBytes(32).toString('base64');
    expect(verify(standardHeaders({ secret: bare }), body, bare)).toMatchObject({ ok: true });
  });

  it('accepts any matching v1 entry among several (secret rotation) and ignores other versions', () => {
    const other = `whsec_${randomBytes(24).toString('base64')}`;
    const good = standardHeaders()['webhook-signature'] as string;
    const stale = standardHeaders({ secret: other })['webhook-signature'] as string;
    const headers = { ...standardHeaders(), 'webhook-signature': `v1a,${good.slice(3)} ${stale} ${good}` };
    expect(verify(headers)).toMatchObject({ ok: true });
    expect(verify({ ...headers, 'webhook-signature': `v1a,${good.slice(3)} ${stale}` })).toEqual({ ok: false, reason: 'no-match' });
  });

  it('refuses a tampered body, id or timestamp, and another secret', () => {
    const headers = standardHeaders();
    expect(verify(headers, body.replace('In progress', 'Completed'))).toEqual({ ok: false, reason: 'no-match' });
    expect(verify(headers, `${body} `)).toEqual({ ok: false, reason: 'no-match' });
    expect(verify({ ...headers, 'webhook-id': 'msg_other' })).toEqual({ ok: false, reason: 'no-match' });
    expect(verify({ ...headers, 'webhook-timestamp': String(nowMs / 1000 + 1) })).toEqual({ ok: false, reason: 'no-match' });
    expect(verify(standardHeaders({ secret: `whsec_${randomBytes(24).toString('base64')}` }))).toEqual({ ok: false, reason: 'no-match' });
  });

  it('verifies by the secret it is given each time, alternating between connections', () => {
    const other = `whsec_${randomBytes(24).toString('base64')}`;
    for (let round = 0; round < 3; round += 1) {
      expect(verify(standardHeaders(), body, secret)).toMatchObject({ ok: true });
      expect(verify(standardHeaders(), body, other)).toEqual({ ok: false, reason: 'no-match' });
      expect(verify(standardHeaders({ secret: other }), body, other)).toMatchObject({ ok: true });
      expect(verify(standardHeaders({ secret: other }), body, secret)).toEqual({ ok: false, reason: 'no-match' });
    }
  });

  it('refuses timestamps more than five minutes away, either way, even when correctly signed', () => {
    const old = new Date(nowMs - 5 * 60_000 - 1000);
    const future = new Date(nowMs + 5 * 60_000 + 1000);
    expect(verify(standardHeaders({ at: old }))).toEqual({ ok: false, reason: 'timestamp-out-of-tolerance' });
    expect(verify(standardHeaders({ at: future }))).toEqual({ ok: false, reason: 'timestamp-out-of-tolerance' });
    expect(verify(standardHeaders({ at: new Date(nowMs - 4 * 60_000) }))).toMatchObject({ ok: true });
    // The library agrees about the old one.
    const headers = standardHeaders({ at: new Date(Date.now() - 10 * 60_000) }) as Record<string, string>;
    expect(() => new Webhook(secret).verify(body, headers)).toThrow(/too old/);
  });

  it('says what is missing or malformed', () => {
    const without = (name: string) => Object.fromEntries(Object.entries(standardHeaders()).filter(([key]) => key !== name));
    expect(verify(without('webhook-id'))).toEqual({ ok: false, reason: 'missing-headers' });
    expect(verify(without('webhook-timestamp'))).toEqual({ ok: false, reason: 'missing-headers' });
    expect(verify({})).toEqual({ ok: false, reason: 'missing-signature' });
    expect(verify({ ...standardHeaders(), 'webhook-timestamp': '17e8' })).toEqual({ ok: false, reason: 'bad-timestamp' });
    expect(verify({ ...standardHeaders(), 'webhook-signature': 'v1,' })).toEqual({ ok: false, reason: 'no-match' });
    expect(verify({ ...standardHeaders(), 'webhook-signature': 'v1,c2hvcnQ=' })).toEqual({ ok: false, reason: 'no-match' });
    expect(verify(standardHeaders(), body, 'whsec_')).toEqual({ ok: false, reason: 'unusable-secret' });
  });

  it('agrees with the standardwebhooks package on a few hundred single-character corruptions', () => {
    const library = new Webhook(secret);
    const headers = standardHeaders({ at: new Date() }) as Record<string, string>;
    let accepted = 0;
    for (let i = 0; i < 300; i += 1) {
      const field = (['webhook-id', 'webhook-signature', 'webhook-timestamp', 'body'] as const)[i % 4]!;
      const original = field === 'body' ? body : headers[field]!;
      const at = i % original.length;
      const replacement = 'Aa0+/_-,. '[i % 10]!;
      const corrupted = original.slice(0, at) + replacement + original.slice(at + 1);
      const trial = field === 'body' ? headers : { ...headers, [field]: corrupted };
      const payload = field === 'body' ? corrupted : body;
      let libraryAccepts = true;
      try {
        library.verify(payload, trial);
      } catch {
        libraryAccepts = false;
      }
      const ours = verifyWebhookSignature(secret, trial, Buffer.from(payload), { nowMs: Date.now() });
      expect({ field, corrupted, ok: ours.ok }).toEqual({ field, corrupted, ok: libraryAccepts });
      if (ours.ok) accepted += 1;
    }
    // Only replacements by the same character survive.
    expect(accepted).toBeLessThan(60);
  });
});

describe('Makini X-Webhook-Signature', () => {
  const makiniSecret = 'mk_live_4f1c9a7e2b';

  it("accepts Makini's documented base64 signature of JSON.stringify(data), and the hex one", () => {
    const base64 = makiniSampleSignature(makiniSecret, data);
    const hex = Buffer.from(base64, 'base64').toString('hex');
    expect(verify({ 'x-webhook-signature': base64 }, body, makiniSecret)).toEqual({ ok: true, scheme: 'makini' });
    expect(verify({ 'x-webhook-signature': hex }, body, makiniSecret)).toEqual({ ok: true, scheme: 'makini' });
    expect(verify({ 'x-webhook-signature': hex.toUpperCase() }, body, makiniSecret)).toMatchObject({ ok: true });
    expect(verify({ 'x-webhook-signature': `sha256=${hex}` }, body, makiniSecret)).toMatchObject({ ok: true });
    expect(verify({ 'x-webhook-signature': base64.replace(/=+$/, '') }, body, makiniSecret)).toMatchObject({ ok: true });
  });

  it('checks the raw bytes: the same data sent with other spacing needs its own signature', () => {
    const spaced = JSON.stringify(data, null, 2);
    const signature = makiniSampleSignature(makiniSecret, data);
    expect(verify({ 'x-webhook-signature': signature }, spaced, makiniSecret)).toEqual({ ok: false, reason: 'no-match' });
    const ofSpaced = createHmac('sha256', makiniSecret).update(spaced).digest('base64');
    expect(verify({ 'x-webhook-signature': ofSpaced }, spaced, makiniSecret)).toMatchObject({ ok: true });
  });

  it('refuses another secret, a tampered body, a truncated or non-canonical signature, without throwing', () => {
    const base64 = makiniSampleSignature(makiniSecret, data);
    expect(verify({ 'x-webhook-signature': makiniSampleSignature('another-secret', data) }, body, makiniSecret)).toEqual({ ok: false, reason: 'no-match' });
    expect(verify({ 'x-webhook-signature': base64 }, body.replace('wo-17', 'wo-18'), makiniSecret)).toEqual({ ok: false, reason: 'no-match' });
    for (const bad of [base64.slice(0, 20), base64.slice(0, -2), '', 'not base64 !', 'ab'.repeat(33), `${base64}AAAA`]) {
      expect(verify({ 'x-webhook-signature': bad }, body, makiniSecret)).toEqual({ ok: false, reason: 'no-match' });
    }
    // 32 bytes in base64 leave two spare bits in the last character: other spellings of them are refused.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const respelled = `${base64.slice(0, -2)}${alphabet[alphabet.indexOf(base64.at(-2)!) ^ 1]}=`;
    expect(Buffer.from(respelled, 'base64').equals(Buffer.from(base64, 'base64'))).toBe(true);
    expect(verify({ 'x-webhook-signature': respelled }, body, makiniSecret)).toEqual({ ok: false, reason: 'no-match' });
  });

  it('leaves a delivery with Standard Webhooks headers to that scheme alone', () => {
    const headers = { ...standardHeaders({ at: new Date(nowMs - 3_600_000) }), 'x-webhook-signature': makiniSampleSignature(secret, data) };
    expect(verify(headers)).toEqual({ ok: false, reason: 'timestamp-out-of-tolerance' });
  });
});

describe('signature parsing', () => {
  it('keeps only well-formed 32-byte v1 entries', () => {
    const good = randomBytes(32).toString('base64');
    expect(parseStandardSignatures(`v1,${good} v2,${good} v1,abc v1 ,${good}`)).toEqual([Buffer.from(good, 'base64')]);
    expect(parseMakiniSignature(`  ${good}  `)).toEqual(Buffer.from(good, 'base64'));
    // One spelling per signature: not the URL-safe alphabet (Buffer.from would take it).
    const slashes = Buffer.alloc(32, 0xff);
    expect(parseMakiniSignature(slashes.toString('base64'))).toEqual(slashes);
    expect(parseMakiniSignature(slashes.toString('base64url'))).toBeNull();
    expect(parseStandardSignatures(`v1,${slashes.toString('base64url')}`)).toEqual([]);
    expect(parseMakiniSignature('zz'.repeat(32))).toBeNull();
  });
});
