/** Why a request to a known connection was refused before its signature mattered, or after it for its content. */
export const badRequestReasons = [
  /** 405: not a POST. */
  'methodNotAllowed',
  /** 415: not `application/json`. */
  'unsupportedMediaType',
  /** 413: larger than the body limit. */
  'tooLarge',
  /** 400: signed, but empty. */
  'emptyBody',
  /** 400: signed, but not JSON. */
  'invalidJson',
  /** 400: signed JSON nesting deeper than the receiver's limit (refused for good, before it is journaled). */
  'tooDeep',
  /** 400: signed JSON, but not an object. */
  'notAnObject',
  /** 400: a signed `webhook-id` that cannot serve as an id (too long, control characters). */
  'badWebhookId',
  /** 400: the request ended before its body did. */
  'incompleteBody',
] as const;
export type BadRequestReason = (typeof badRequestReasons)[number];

/** Counters of one connection's webhook endpoint since the receiver started. */
export interface WebhookConnectionStats {
  /** Requests to the connection's endpoint, of any kind. */
  received: number;
  /** Deliveries whose signature verified. */
  verified: number;
  /** 401s: a missing, malformed, forged or expired signature. */
  rejected: number;
  /** Verified deliveries already seen (answered 200, not queued again). */
  duplicate: number;
  /** Verified deliveries newly written to the journal. */
  queued: number;
  /** 500s: the journal could not take a verified delivery (the sender retries). */
  failed: number;
  /** 4xx other than 401 and 404, by reason. */
  badRequest: Record<BadRequestReason, number>;
}

export type CountedOutcome = Exclude<keyof WebhookConnectionStats, 'badRequest'>;

function emptyStats(): WebhookConnectionStats {
  return {
    received: 0,
    verified: 0,
    rejected: 0,
    duplicate: 0,
    queued: 0,
    failed: 0,
    badRequest: Object.fromEntries(badRequestReasons.map((reason) => [reason, 0])) as Record<BadRequestReason, number>,
  };
}

/**
 * Per-connection counters. Only connections the receiver knows get an entry (an unknown id is
 * counted once, globally), so a stranger cannot grow the map.
 */
export class WebhookStats {
  private readonly byConnection = new Map<string, WebhookConnectionStats>();
  /** Requests for connection ids the receiver does not know, and for paths outside /webhooks/<id>. */
  unknownConnection = 0;

  count(connectionId: string, outcome: CountedOutcome): void {
    this.entry(connectionId)[outcome] += 1;
  }

  countBadRequest(connectionId: string, reason: BadRequestReason): void {
    this.entry(connectionId).badRequest[reason] += 1;
  }

  /** A copy of the connection's counters (zeros for a connection that has had no requests). */
  get(connectionId: string): WebhookConnectionStats {
    const stats = this.byConnection.get(connectionId) ?? emptyStats();
    return { ...stats, badRequest: { ...stats.badRequest } };
  }

  private entry(connectionId: string): WebhookConnectionStats {
    let stats = this.byConnection.get(connectionId);
    if (!stats) {
      stats = emptyStats();
      this.byConnection.set(connectionId, stats);
    }
    return stats;
  }
}
