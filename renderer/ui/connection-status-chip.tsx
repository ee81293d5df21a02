import { problemReference, statusTimeLabel, type ConnectionStatus } from '../../shared/connection-status';
import type { AppErrorShape } from '../../shared/errors';
import { formatMoment } from './format';
import './connection-status.css';

/** The status's chip: its label in its tone, the sentence on hover (it is written out elsewhere too). */
export function ConnectionStatusChip({ status }: { status: ConnectionStatus }) {
  return (
    <span className={`connection-status-pill status-tone-${status.tone}`} data-status-kind={status.kind} title={status.sentence}>
      {status.label}
    </span>
  );
}

/** "Last synced 13:04 · live" */
export function StatusTime({ status }: { status: ConnectionStatus }) {
  return <span className="status-time">{statusTimeLabel(status, formatMoment)}</span>;
}

/** The upstream's code and type and the request id of a failure, beside its sentence. */
export function ProblemReference({ problem }: { problem: AppErrorShape }) {
  const reference = problemReference(problem);
  return reference ? <span className="status-reference">{reference}</span> : null;
}
