import { problemReference, statusTimeLabel, type ConnectionStatus } from '../../../shared/connection-status';
import type { AppErrorShape } from '../../../shared/errors';
import './connection-status.css';

const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** A time as a supervisor reads it in a status: "13:04" today, "3 Dec 13:04" before. */
export function formatStatusTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toDateString() === new Date().toDateString() ? timeOnly.format(date) : dayAndTime.format(date);
}

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
  return <span className="status-time">{statusTimeLabel(status, formatStatusTime)}</span>;
}

/** The upstream's code and type and the request id of a failure, beside its sentence. */
export function ProblemReference({ problem }: { problem: AppErrorShape }) {
  const reference = problemReference(problem);
  return reference ? <span className="status-reference">{reference}</span> : null;
}
