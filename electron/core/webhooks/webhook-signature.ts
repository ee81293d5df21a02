import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Verification of a webhook delivery's signature, pure (no I/O, the clock passed in). Two schemes:
 *
 * - **Standard Webhooks** (`webhook-id`, `webhook-timestamp`, `webhook-signature`): the signature
 *   header holds space-separated `v1,<base64>` entries, each an HMAC-SHA256 of
 *   `${id}.${timestamp}.${body}`; the timestamp (Unix seconds) must be within the tolerance of now,
 *   so a captured delivery cannot be replayed later. The secret is base64, possibly `whsec_`-prefixed.
 * - **Makini** (`X-Webhook-Signature`): an HMAC-SHA256 of the body keyed by the secret's text, as
 *   Makini's Webhook.md computes it, in standard base64 (as its sample) or hex, optionally `sha256=`-prefixed.
 *   It carries no timestamp: a replayed body is caught by de-duplication (of its webhook-id, else of
 *   the body), and one replayed under a new id only causes a harmless re-fetch of what it names.
 *
 * Both are checked over the raw body bytes. When `webhook-signature` is present the delivery is
 * judged by the Standard Webhooks scheme alone; otherwise by `X-Webhook-Signature`.
 *
 * Comparisons are constant-time: a presented signature is decoded to bytes, and only one of the
 * HMAC's length (32 bytes, public) is compared, with `timingSafeEqual`.
 */

export type WebhookScheme = 'standard-webhooks' | 'makini';

export type SignatureRejection =
  /** Neither `webhook-signature` nor `X-Webhook-Signature`. */
  | 'missing-signature'
  /** `webhook-signature` without `webhook-id` or `webhook-timestamp`. */
  | 'missing-headers'
  /** A timestamp that is not a whole number of seconds. */
  | 'bad-timestamp'
  /** A timestamp outside the tolerance (too old: a replay; too new: a skewed or forged clock). */
  | 'timestamp-out-of-tolerance'
  /** No presented signature matches the secret. */
  | 'no-match'
  /** The secret gives no usable key (empty, or `whsec_` without base64). */
  | 'unusable-secret';

export type SignatureVerdict =
  | { ok: true; scheme: 'standard-webhooks'; webhookId: string; timestampSeconds: number }
  | { ok: true; scheme: 'makini' }
  | { ok: false; reason: SignatureRejection };

/** Request headers as Node gives them (lower-case names). */
export type WebhookHeaders = Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** Now, in Unix milliseconds. */
  nowMs: number;
  /** How far the Standard Webhooks timestamp may be from now, either way; 300 s (the standard's) by default. */
  toleranceSeconds?: number;
}

export const defaultToleranceSeconds = 5 * 60;
const whsecPrefix = 'whsec_';
const hmacBytes = 32;
/** More entries than this in one `webhook-signature` are not looked at (key rotation needs a few). */
const maxSignatureEntries = 16;

const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;
const hexPattern = /^[0-9a-fA-F]{64}$/;

function header(headers: WebhookHeaders, name: string): string | undefined {
  const value = headers[name];
  // A repeated header is ambiguous: only a single value is taken.
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value;
}

/**
 * Strict standard base64 (padding optional), or null. Buffer.from alone would take the URL-safe
 * alphabet too, skip stray characters and ignore the last character's spare bits; only the
 * canonical text of the bytes is taken, so one signature has one spelling (as the
 * `standardwebhooks` library, which compares the text, sees it).
 */
function decodeBase64(text: string): Buffer | null {
  if (!base64Pattern.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  const unpadded = (value: string) => value.replace(/=+$/, '');
  return unpadded(bytes.toString('base64')) === unpadded(text) ? bytes : null;
}

/**
 * The keys the Standard Webhooks scheme may use for a secret: `whsec_<base64>` is its base64
 * bytes only; an unprefixed secret is tried as base64 (as the `standardwebhooks` library reads it)
 * and as its own text (as an operator may have pasted it).
 */
export function standardWebhooksKeys(secret: string): Buffer[] {
  if (secret.startsWith(whsecPrefix)) {
    const key = decodeBase64(secret.slice(whsecPrefix.length));
    return key && key.length > 0 ? [key] : [];
  }
  if (secret === '') return [];
  const text = Buffer.from(secret, 'utf8');
  const decoded = decodeBase64(secret);
  return decoded && decoded.length > 0 && !decoded.equals(text) ? [decoded, text] : [text];
}

/** Makini's key: the secret's text, exactly as its sample passes it to createHmac. */
export function makiniKeys(secret: string): Buffer[] {
  return secret === '' ? [] : [Buffer.from(secret, 'utf8')];
}

function hmac(key: Buffer, ...parts: (string | Buffer)[]): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Constant-time equality of a computed HMAC and presented bytes; a wrong length is refused without comparing. */
function macEquals(expected: Buffer, presented: Buffer): boolean {
  return presented.length === expected.length && timingSafeEqual(expected, presented);
}

/** The signatures of one `webhook-signature` header: the `v1` entries' decoded bytes (others are ignored). */
export function parseStandardSignatures(value: string): Buffer[] {
  const signatures: Buffer[] = [];
  for (const entry of value.split(' ').filter(Boolean).slice(0, maxSignatureEntries)) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    const bytes = decodeBase64(entry.slice(comma + 1));
    if (bytes && bytes.length === hmacBytes) signatures.push(bytes);
  }
  return signatures;
}

/** The bytes of an `X-Webhook-Signature` value (hex or base64, optionally `sha256=`-prefixed), or null. */
export function parseMakiniSignature(value: string): Buffer | null {
  let text = value.trim();
  if (text.toLowerCase().startsWith('sha256=')) text = text.slice('sha256='.length);
  const bytes = hexPattern.test(text) ? Buffer.from(text, 'hex') : decodeBase64(text);
  return bytes && bytes.length === hmacBytes ? bytes : null;
}

function verifyStandard(secret: string, headers: WebhookHeaders, signatureHeader: string, body: Buffer, options: VerifyOptions): SignatureVerdict {
  const webhookId = header(headers, 'webhook-id');
  const timestampText = header(headers, 'webhook-timestamp');
  if (!webhookId || !timestampText) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,15}$/.test(timestampText.trim())) return { ok: false, reason: 'bad-timestamp' };
  const timestampSeconds = Number(timestampText.trim());
  const tolerance = options.toleranceSeconds ?? defaultToleranceSeconds;
  if (Math.abs(Math.floor(options.nowMs / 1000) - timestampSeconds) > tolerance) return { ok: false, reason: 'timestamp-out-of-tolerance' };
  const keys = standardWebhooksKeys(secret);
  if (keys.length === 0) return { ok: false, reason: 'unusable-secret' };
  const presented = parseStandardSignatures(signatureHeader);
  // Every key against every signature, without stopping at a match: the work does not depend on which matched.
  let matched = false;
  for (const key of keys) {
    const expected = hmac(key, `${webhookId}.${timestampText}.`, body);
    for (const signature of presented) matched = macEquals(expected, signature) || matched;
  }
  return matched ? { ok: true, scheme: 'standard-webhooks', webhookId, timestampSeconds } : { ok: false, reason: 'no-match' };
}

function verifyMakini(secret: string, signatureHeader: string, body: Buffer): SignatureVerdict {
  const keys = makiniKeys(secret);
  if (keys.length === 0) return { ok: false, reason: 'unusable-secret' };
  const presented = parseMakiniSignature(signatureHeader);
  if (!presented) return { ok: false, reason: 'no-match' };
  let matched = false;
  for (const key of keys) matched = macEquals(hmac(key, body), presented) || matched;
  return matched ? { ok: true, scheme: 'makini' } : { ok: false, reason: 'no-match' };
}

/** Whether `body` (the raw bytes received) was signed with `secret`, by whichever scheme the headers use. */
export function verifyWebhookSignature(secret: string, headers: WebhookHeaders, body: Buffer, options: VerifyOptions): SignatureVerdict {
  const standard = header(headers, 'webhook-signature');
  if (standard !== undefined) return verifyStandard(secret, headers, standard, body, options);
  const makini = header(headers, 'x-webhook-signature');
  if (makini !== undefined) return verifyMakini(secret, makini, body);
  return { ok: false, reason: 'missing-signature' };
}
