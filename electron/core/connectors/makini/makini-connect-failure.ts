import { AppError } from '../../../../shared/errors';

/** Turns a failed first contact with an API into a message for the Add-connection dialog. */
export function describeConnectFailure(error: unknown, baseUrl: string): AppError {
  const host = (() => {
    try {
      return new URL(baseUrl).host;
    } catch {
      return baseUrl;
    }
  })();
  if (!(error instanceof AppError)) return new AppError('INTERNAL', `Could not connect to ${host}.`);
  const extra = { ...(error.requestId ? { requestId: error.requestId } : {}), ...(error.status ? { status: error.status } : {}) };
  switch (error.code) {
    case 'NETWORK':
      return new AppError('NETWORK', `Could not reach ${host}. Check the address, and that this computer can reach it.`);
    case 'UPSTREAM_AUTH':
      return new AppError('UPSTREAM_AUTH', `${host} refused this token. Check that it is a current Makini connection token.`, extra);
    case 'UPSTREAM_FORBIDDEN':
      return new AppError('UPSTREAM_FORBIDDEN', `${host} accepted the token but does not allow it to read the integration.`, extra);
    case 'UPSTREAM_NOT_FOUND':
    case 'UPSTREAM_MALFORMED':
    case 'UPSTREAM_BAD_REQUEST':
      return new AppError(error.code, `${baseUrl} does not answer like a Makini API. Check the address (for the cloud: https://api.makini.io).`, extra);
    default:
      return error;
  }
}
