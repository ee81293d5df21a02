import type { SyncCursor } from '../../../shared/domain/sync-cursor';
import { AppError } from '../../../shared/errors';
import type { ListPageQuery } from '../connectors/connector';

/** Full pages in a row that bring nothing new before the upstream is judged to ignore paging. */
export const maxPagesWithoutProgress = 3;
/** Times one crowded instant is read again from its first page because it changed meanwhile. */
const maxInstantRereads = 20;

const instant = (iso: string) => Date.parse(iso);
/** The first millisecond after `iso`. */
const justAfter = (iso: string) => new Date(instant(iso) + 1).toISOString();

export interface PageOutcome {
  records: readonly { key: string; updatedAt: string }[];
  /** The page's records that could not be read, each as received (its identity: the same record sent again is the same text). */
  quarantined: readonly string[];
  /** Upstream's count of records matching the query, when it reports one. */
  total: number | null;
  /** Upstream's word on whether more pages follow, when it gives one; else a full page means more. */
  hasMore: boolean | null;
}

/**
 * Chooses each next request of a list read in ascending updatedAt order (keyset paging): from the
 * newest instant read so far, page 1, so records that change meanwhile move behind the position
 * and are read again later instead of shifting the pages under us.
 *
 * Page numbers are still needed inside one instant that holds more records than a page (a bulk
 * edit, an import), and there they shift when a record of the instant changes (it leaves, and the
 * next page would skip one) or when one is stamped with it while we read (the next page would bring
 * one again and the following one could lose one). Such a crowded instant is therefore read on its
 * own (`updatedSince` = it, `updatedBefore` = the millisecond after), and read again from its
 * first page whenever the upstream's count for it changes between pages; then the read goes on
 * just after it.
 */
export class KeysetPager {
  query: ListPageQuery;
  private readonly outerBefore: string | undefined;
  private crowded: { instant: string; total: number | null; rereads: number; seen: Set<string> } | null = null;
  private pagesWithoutProgress = 0;
  /** Unreadable records seen in this read: new ones are progress too (they are set aside, the read goes on past them). */
  private readonly quarantinedSeen = new Set<string>();

  /** `what`: the list in plain words, lower case, for messages (e.g. "work-order parts"). */
  constructor(
    first: ListPageQuery,
    private readonly what: string,
  ) {
    this.query = first;
    this.outerBefore = first.updatedBefore;
  }

  /**
   * The request after `page`, the answer to `query`, which moved the read's position from
   * `position` to `next`; null once the list is read to its end.
   */
  advance(page: PageOutcome, position: SyncCursor | null, next: SyncCursor | null): ListPageQuery | null {
    const { query } = this;
    const full = page.hasMore ?? page.records.length + page.quarantined.length >= query.perPage;
    const quarantinedBefore = this.quarantinedSeen.size;
    for (const raw of page.quarantined) this.quarantinedSeen.add(raw);
    const newQuarantined = this.quarantinedSeen.size > quarantinedBefore;
    let progressed: boolean;
    let following: ListPageQuery;
    const crowded = this.crowded;
    if (crowded) {
      if (crowded.total !== null && page.total !== null && page.total !== crowded.total) {
        if (crowded.rereads >= maxInstantRereads) {
          throw new AppError('UPSTREAM_MALFORMED', `The ${this.what} changed at ${crowded.instant} faster than they could be read.`, { failedAt: 'makini' });
        }
        this.crowded = { instant: crowded.instant, total: null, rereads: crowded.rereads + 1, seen: new Set() };
        this.pagesWithoutProgress = 0;
        return (this.query = { ...query, page: 1 });
      }
      crowded.total ??= page.total;
      const seenBefore = crowded.seen.size;
      for (const record of page.records) if (instant(record.updatedAt) === instant(crowded.instant)) crowded.seen.add(record.key);
      progressed = !full || crowded.seen.size > seenBefore || newQuarantined;
      if (full) {
        following = { ...query, page: query.page + 1 };
      } else {
        // The instant is read: on from just after it.
        following = this.within({ ...query, updatedSince: justAfter(crowded.instant), page: 1 }, this.outerBefore);
        this.crowded = null;
      }
    } else {
      if (!full) return null;
      progressed = next !== position || newQuarantined;
      // A full page whose readable records left the position's instant where it was is one instant's
      // worth of records. A page with no readable record says nothing of instants: its records were
      // all set aside, and only the position they cannot give says where the next page starts.
      const readable = page.records.length > 0;
      const sameInstant =
        readable &&
        ((next?.updatedAt ?? null) === (position?.updatedAt ?? null) ||
          (next !== null && query.updatedSince !== null && instant(next.updatedAt) === instant(query.updatedSince)));
      if (sameInstant && next !== null) {
        this.crowded = { instant: next.updatedAt, total: null, rereads: 0, seen: new Set() };
        following = this.within({ ...query, updatedSince: next.updatedAt, page: 1 }, justAfter(next.updatedAt));
      } else if (!readable || sameInstant) {
        following = { ...query, page: query.page + 1 }; // nothing readable to take a position from: the next page of this query
      } else {
        following = { ...query, updatedSince: next?.updatedAt ?? query.updatedSince, page: 1 };
      }
    }
    this.pagesWithoutProgress = progressed ? 0 : this.pagesWithoutProgress + 1;
    if (this.pagesWithoutProgress >= maxPagesWithoutProgress) {
      throw new AppError(
        'UPSTREAM_MALFORMED',
        `Makini sent the same ${this.what} again for ${maxPagesWithoutProgress} pages in a row (it seems to ignore the page number), so reading them stopped.`,
        { failedAt: 'makini' },
      );
    }
    return (this.query = following);
  }

  /** `query` bounded by `before` and the read's own bound, whichever comes first (none: unbounded). */
  private within(query: ListPageQuery, before: string | undefined): ListPageQuery {
    const bounds = [before, this.outerBefore].filter((bound): bound is string => bound !== undefined);
    const bounded: ListPageQuery = { ...query };
    delete bounded.updatedBefore;
    if (bounds.length > 0) bounded.updatedBefore = bounds.reduce((a, b) => (instant(a) <= instant(b) ? a : b));
    return bounded;
  }
}
