import { useState, type FormEvent } from 'react';
import { accessTokenSchema } from '../../../shared/connection-requests';
import type { ConnectionView } from '../../../shared/connection-view';
import { useIpcClient } from '../../ipc/ipc-client-context';
import { DialogActions } from '../../ui/dialog-actions';
import { FormFailure } from '../../ui/form-failure';
import { ModalDialog } from '../../ui/modal-dialog';
import { TextField } from '../../ui/text-field';
import { useSubmit } from '../../ui/use-submit';
import { SignInWaiting } from './sign-in-waiting';
import { useOAuthSignIn } from './use-oauth-sign-in';

/** Gives a connection a new token the way it was connected; its cache and pending edits stay. */
export function ReauthorizeDialog({ connection, onClose }: { connection: ConnectionView; onClose: () => void }) {
  const client = useIpcClient();
  const oauth = useOAuthSignIn();
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | undefined>(undefined);
  const { busy, failure, setFailure, submit: send } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let request: Promise<ConnectionView>;
    if (connection.authMethod === 'token') {
      const parsed = accessTokenSchema.safeParse(token);
      if (!parsed.success) {
        setFailure(null);
        return setTokenError(parsed.error.issues[0]!.message);
      }
      request = client.invoke('connections.reauthorize', { connectionId: connection.id, token: parsed.data });
    } else if (connection.authMethod === 'oauth') {
      request = oauth.run({ reauthorizeConnectionId: connection.id });
    } else {
      request = client.invoke('connections.reauthorize', { connectionId: connection.id });
    }
    setTokenError(undefined);
    await send(async () => {
      await request;
      onClose();
    });
  };

  const close = () => {
    oauth.cancel();
    onClose();
  };

  return (
    <ModalDialog title={`Reauthorize ${connection.name}`} onClose={close}>
      <form onSubmit={submit} noValidate>
        <p>
          {connection.authMethod === 'token' && 'Paste a new connection token from the Makini dashboard.'}
          {connection.authMethod === 'oauth' && 'Sign in through Makini Link again in your browser.'}
          {connection.authMethod === 'demo' && 'The demo plant issues a new token, as reconnecting through Makini would.'}{' '}
          Cached data and pending edits are kept, and syncing resumes.
        </p>
        {connection.authMethod === 'token' && (
          <TextField label="New access token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} error={tokenError} />
        )}
        <FormFailure message={failure} />
        <SignInWaiting authorizeUrl={oauth.authorizeUrl} />
        <DialogActions onCancel={close}>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Reauthorizing…' : 'Reauthorize'}
          </button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
