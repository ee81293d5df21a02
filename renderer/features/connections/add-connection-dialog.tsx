import { useState, type FormEvent } from 'react';
import { addDemoPlantSchema, addFileImportSchema, connectWithTokenSchema, newOAuthConnectionSchema } from '../../../shared/connection-requests';
import type { ConnectionView } from '../../../shared/connection-view';
import { useIpcClient } from '../../ipc/ipc-client-context';
import { DialogActions } from '../../ui/dialog-actions';
import { fieldErrors, type FieldMessages } from '../../ui/form-errors';
import { FormFailure } from '../../ui/form-failure';
import { HistoryWindowField } from './history-window-field';
import { ModalDialog } from '../../ui/modal-dialog';
import { TextField } from '../../ui/text-field';
import { useSubmit } from '../../ui/use-submit';
import { SignInWaiting } from './sign-in-waiting';
import { useOAuthSignIn } from './use-oauth-sign-in';

type Method = 'demo' | 'token' | 'oauth' | 'file';

const methods: { id: Method; label: string; hint: string }[] = [
  { id: 'demo', label: 'Demo plant', hint: 'A simulated plant with realistic data, running on this computer.' },
  { id: 'token', label: 'Connection token', hint: 'Paste a token from the Connections page of the Makini dashboard.' },
  { id: 'oauth', label: 'Makini Link sign-in', hint: 'Sign in through Makini Link in your browser with your Makini app.' },
  { id: 'file', label: 'Export file', hint: 'A CSV or JSON export from a system Makini does not cover, read only.' },
];

/** A path as this computer writes them, for the file field's placeholder. */
const examplePath = navigator.userAgent.includes('Windows') ? 'e.g. C:\\Exports\\work-orders.csv' : 'e.g. /Users/you/Exports/work-orders.csv';

interface AddConnectionDialogProps {
  onClose: () => void;
  onAdded: (connection: ConnectionView) => void;
}

/** Adds a connection one of four ways; every failure is said in the dialog and changes nothing else. */
export function AddConnectionDialog({ onClose, onAdded }: AddConnectionDialogProps) {
  const client = useIpcClient();
  const oauth = useOAuthSignIn();
  const [method, setMethod] = useState<Method>('demo');
  const [values, setValues] = useState({
    name: '',
    seed: '2',
    workOrders: '5000',
    baseUrl: 'https://api.makini.io',
    linkUrl: 'https://link.makini.io',
    token: '',
    clientId: '',
    clientSecret: '',
    deployment: 'cloud' as 'cloud' | 'on_prem',
    filePath: '',
  });
  // 90 days for a real plant (enough for the board and KPIs, quick to read); a demo plant is small and meant to be seen whole.
  const [historyDays, setHistoryDays] = useState<Record<Exclude<Method, 'file'>, 30 | 60 | 90 | null>>({ demo: null, token: 90, oauth: 90 });
  const [fieldMessages, setFieldMessages] = useState<FieldMessages>({});
  const { busy, failure, setFailure, submit: send } = useSubmit();
  const clearMessages = () => {
    setFieldMessages({});
    setFailure(null);
  };
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });
  const name = values.name.trim() || undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed =
      method === 'demo'
        ? addDemoPlantSchema.safeParse({ name, seed: Number(values.seed), workOrders: Number(values.workOrders), historyDays: historyDays.demo })
        : method === 'token'
          ? connectWithTokenSchema.safeParse({ name, baseUrl: values.baseUrl, token: values.token, deployment: values.deployment, historyDays: historyDays.token })
          : method === 'oauth'
            ? newOAuthConnectionSchema.safeParse({ ...values, name, historyDays: historyDays.oauth })
            : addFileImportSchema.safeParse({ name, filePath: values.filePath });
    clearMessages();
    if (!parsed.success) return setFieldMessages(fieldErrors(parsed.error));
    await send(async () => {
      const added =
        method === 'demo'
          ? await client.invoke('connections.addDemo', addDemoPlantSchema.parse(parsed.data))
          : method === 'token'
            ? await client.invoke('connections.connectWithToken', connectWithTokenSchema.parse(parsed.data))
            : method === 'oauth'
              ? await oauth.run(newOAuthConnectionSchema.parse(parsed.data))
              : await client.invoke('connections.addFileImport', addFileImportSchema.parse(parsed.data));
      onAdded(added);
    });
  };

  const close = () => {
    oauth.cancel();
    onClose();
  };

  return (
    <ModalDialog title="Add connection" onClose={close}>
      <form onSubmit={submit} noValidate>
        <fieldset className="method-choice" disabled={busy}>
          <legend>How to connect</legend>
          {methods.map((m) => (
            <label key={m.id} className={method === m.id ? 'method selected' : 'method'}>
              <input type="radio" name="method" value={m.id} checked={method === m.id} onChange={() => (setMethod(m.id), clearMessages())} />
              <span className="method-label">{m.label}</span>
              <span className="method-hint">{m.hint}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="fields" disabled={busy}>
          <TextField label="Name (optional)" value={values.name} onChange={set('name')} error={fieldMessages.name} placeholder="e.g. Riverside plant" />
          {method === 'demo' && (
            <>
              <TextField label="Seed" inputMode="numeric" value={values.seed} onChange={set('seed')} error={fieldMessages.seed} hint="Each seed makes a different plant." />
              <TextField label="Work orders" inputMode="numeric" value={values.workOrders} onChange={set('workOrders')} error={fieldMessages.workOrders} />
            </>
          )}
          {(method === 'token' || method === 'oauth') && (
            <>
              <TextField label="API address" type="url" value={values.baseUrl} onChange={set('baseUrl')} error={fieldMessages.baseUrl} hint="Your Makini API; self-hosted and on-premises installations have their own." />
              <div className="field">
                <label htmlFor="deployment">Deployment</label>
                <select id="deployment" value={values.deployment} onChange={set('deployment')}>
                  <option value="cloud">Cloud</option>
                  <option value="on_prem">On-premises</option>
                </select>
              </div>
            </>
          )}
          {method === 'token' && (
            <TextField label="Access token" type="password" autoComplete="off" value={values.token} onChange={set('token')} error={fieldMessages.token} />
          )}
          {method === 'oauth' && (
            <>
              <TextField label="Makini Link address" type="url" value={values.linkUrl} onChange={set('linkUrl')} error={fieldMessages.linkUrl} />
              <TextField label="Client ID" value={values.clientId} onChange={set('clientId')} error={fieldMessages.clientId} />
              <TextField label="Client secret" type="password" autoComplete="off" value={values.clientSecret} onChange={set('clientSecret')} error={fieldMessages.clientSecret} />
            </>
          )}
          {method === 'file' ? (
            <TextField
              label="File"
              value={values.filePath}
              onChange={set('filePath')}
              error={fieldMessages.filePath}
              placeholder={examplePath}
              hint="The export's full path. Its first line names the columns: code, title, status and updated at for work orders (asset, site, due, priority, assignee optional), or code, name and updated at for assets. Read at every sync, all of it."
            />
          ) : (
            <HistoryWindowField id="add-history-days" value={historyDays[method]} onChange={(days) => setHistoryDays({ ...historyDays, [method]: days })} />
          )}
        </fieldset>
        <FormFailure message={failure} />
        <SignInWaiting authorizeUrl={oauth.authorizeUrl} />
        <DialogActions onCancel={close}>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
