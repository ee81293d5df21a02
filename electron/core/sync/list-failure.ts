import { syncEntityLabels, type SyncEntity } from '../../../shared/domain/sync-entity';
import { AppError } from '../../../shared/errors';

/** Text ending as a sentence does. */
const sentence = (text: string) => (/[.!?]”?$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** What went wrong, in plain words: for an error answer, the server's status, its own code and its own message. */
export function describeCause(error: AppError): string {
  const own = error.message;
  if (error.status === undefined || error.status < 400 || /answered HTTP \d+/.test(own)) return sentence(own);
  const code = error.upstreamCode ? ` ${error.upstreamCode}` : '';
  // The upstream's own words are quoted as it wrote them, closed by their own full stop ("“…invalid.”"), never by a second one.
  return `Makini answered HTTP ${error.status}${code}: “${sentence(own)}”`;
}

function advice(error: AppError): string {
  const support = error.requestId ? 'send Makini support this message with its request id' : 'send Makini support this message';
  switch (error.code) {
    case 'UPSTREAM_BAD_REQUEST':
      return `Makini refused what Millwright asked for; the other lists were still read. If it happens again, ${support}.`;
    case 'UPSTREAM_UNAVAILABLE':
      return 'Makini or the plant system behind it was unavailable; the other lists were still read, and the next sync tries this one again.';
    case 'UPSTREAM_RATE_LIMITED':
      return 'Makini asked Millwright to slow down; the other lists were still read, and the next sync tries this one again.';
    case 'UPSTREAM_MALFORMED':
      return `What was saved before is kept and the other lists were still read; the next sync tries again. If it keeps happening, ${support}.`;
    case 'UPSTREAM_FORBIDDEN':
      return 'Ask the plant system’s administrator for access if they are needed. The other lists were read.';
    case 'UPSTREAM_NOT_FOUND':
      return 'Nothing needs doing; the other lists were read.';
    case 'UPSTREAM_AUTH':
      return 'The sync stopped: reauthorize the connection, then sync again.';
    case 'NETWORK':
      return 'The sync stopped: nothing answered. Check this computer’s network connection, or ask whether the plant’s server is up; the sync starts again once it answers.';
    case 'CANCELLED':
      return 'What was saved before is kept.';
    case 'STORAGE_FULL':
      return 'Syncing this connection has stopped; what was stored before is kept whole. Free disk space on this computer (or delete the data of a connection no longer used), then press Sync now.';
    default:
      return 'This is a fault on this computer, not at the plant: the sync stopped here, and the next one continues from where it stopped.';
  }
}

/**
 * The error a list's failure is shown with: which list (its plain label), what was wrong (the
 * server's own message and code, the field when one is named), and what to do. The app's code,
 * the HTTP status, the request id and Makini's own code and type are kept as they came.
 */
export function listFailure(entity: SyncEntity, error: unknown): AppError {
  const failure = error instanceof AppError ? error : new AppError('INTERNAL', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  const list = syncEntityLabels[entity];
  const fields = failure.code === 'UPSTREAM_BAD_REQUEST' && failure.details?.length ? ` Fields named: ${failure.details.join('; ')}.` : '';
  const headline =
    failure.code === 'UPSTREAM_NOT_FOUND'
      ? `${list} are not offered by the plant system.`
      : failure.code === 'UPSTREAM_FORBIDDEN'
        ? `${list} may not be read with this connection.`
        : failure.code === 'STORAGE_FULL'
          ? `${list} could not be stored. ${describeCause(failure)}`
          : `${list} could not be read. ${describeCause(failure)}${fields}`;
  const failedAt = failure.failedAt ?? (failure.code === 'INTERNAL' || failure.code === 'CANCELLED' || failure.code === 'STORAGE_FULL' ? 'app' : undefined);
  return AppError.fromShape({ ...failure.toShape(), message: `${headline} ${advice(failure)}`, ...(failedAt ? { failedAt } : {}), list });
}
