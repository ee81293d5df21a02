import { useCallback, useRef, useState } from 'react';
import type { BeginOAuthRequest } from '../../../shared/connection-requests';
import type { ConnectionView } from '../../../shared/connection-view';
import { useIpcClient } from '../../ipc/ipc-client-context';

export interface OAuthSignIn {
  /** The sign-in page, while the flow waits for it (shown as a link in case no browser opened). */
  authorizeUrl: string | null;
  run(request: BeginOAuthRequest): Promise<ConnectionView>;
  cancel(): void;
}

/**
 * Makini Link's authorization-code flow from the renderer's side: main starts it and listens on a
 * loopback port; where main cannot open the system browser (web mode), the page opens the sign-in
 * page itself.
 */
export function useOAuthSignIn(): OAuthSignIn {
  const client = useIpcClient();
  const [authorizeUrl, setAuthorizeUrl] = useState<string | null>(null);
  const flowId = useRef<string | null>(null);

  const run = useCallback(
    async (request: BeginOAuthRequest) => {
      const started = await client.invoke('connections.beginOAuth', request);
      flowId.current = started.flowId;
      setAuthorizeUrl(started.authorizeUrl);
      if (!started.browserOpened) window.open(started.authorizeUrl, '_blank', 'noopener');
      try {
        return await client.invoke('connections.completeOAuth', { flowId: started.flowId });
      } finally {
        flowId.current = null;
        setAuthorizeUrl(null);
      }
    },
    [client],
  );

  const cancel = useCallback(() => {
    if (flowId.current) void client.invoke('connections.cancelOAuth', { flowId: flowId.current }).catch(() => undefined);
  }, [client]);

  return { authorizeUrl, run, cancel };
}
