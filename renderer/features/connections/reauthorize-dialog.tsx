import { useState, type FormEvent } from 'react';
import { accessTokenSchema } from '../../../shared/connection-requests';
import type { ConnectionView } from '../../../shared/connection-view';
import { useIpcClient } from '../../ipc/ipc-client-context';
import { formError, noErrors, type FormErrors } from '../../ui/form-errors';
import { ModalDialog } from '../../ui/modal-dialog';
import { TextField } from '../../ui/text-field';
import { useOAuthSignIn } from './use-oauth-sign-in';

/** Gives a connection a new token the way it was connected; its cache and pending edits stay. */
export function ReauthorizeDialog({ connection, onClose }: { connection: ConnectionView; onClose: () => void }) {
  const client = useIpcClient();
  const oauth = useOAuthSignIn();
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let request: Promise<ConnectionView>;
    if (connection.authMethod === 'token') {
      const parsed = accessTokenSchema.safeParse(token);
      if (!parsed.success) return setErrors({ fields: { token: parsed.error.issues[0]!.message }, form: null });
      request = client.invoke('connections.reauthorize', { connectionId: connection.id, token: parsed.data });
    } else if (connection.authMethod === 'oauth') {
      request = oauth.run({ reauthorizeConnectionId: connection.id });
    } else {
      request = client.invoke('connections.reauthorize', { connectionId: connection.id });
    }
    setErrors(noErrors);
    setBusy(true);
    try {
      await request;
      onClose();
    } catch (error) {
      setErrors(formError(error));
    } finally {
      setBusy(false);
    }
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
          <TextField label="New access token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} error={errors.fields.token} />
        )}
        {errors.form && (
          <p className="error-box" role="alert">
            {errors.form}
          </p>
        )}
        {oauth.authorizeUrl && (
          <p className="info-box" role="status">
            Waiting for the sign-in.{' '}
            <a href={oauth.authorizeUrl} target="_blank" rel="noreferrer noopener">
              Open the sign-in page
            </a>
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Reauthorizing…' : 'Reauthorize'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
