import type { OutboxMark } from './use-outbox';

const svgProps = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

/** A cloud with an arrow up: edits waiting to upload. */
export function CloudUploadIcon({ size = 14 }: { size?: number }) {
  return (
    <svg {...svgProps} width={size} height={size}>
      <path d="M4.5 12.5h-.3A3.2 3.2 0 0 1 4 6.1a4.3 4.3 0 0 1 8.3.9 2.8 2.8 0 0 1-.4 5.5h-.4" />
      <path d="M8 13.5V8.5M6 10.3 8 8.3l2 2" />
    </svg>
  );
}

/** A cloud struck through: upstream out of reach. */
export function CloudOffIcon({ size = 14 }: { size?: number }) {
  return (
    <svg {...svgProps} width={size} height={size}>
      <path d="M6.2 3.3A4.3 4.3 0 0 1 12.3 7a2.8 2.8 0 0 1 1.7 4.6M11 12.5H4.2A3.2 3.2 0 0 1 4 6.1" />
      <path d="M2 2l12 12" />
    </svg>
  );
}

export function ClockIcon() {
  return (
    <svg {...svgProps}>
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.6V8l2.3 1.5" />
    </svg>
  );
}

/** Two arrows crossing: changed here and upstream. */
export function ConflictIcon() {
  return (
    <svg {...svgProps}>
      <path d="M2.5 4.5h8l-2-2M13.5 11.5h-8l2 2" />
      <path d="M13.5 4.5 11 7M2.5 11.5 5 9" />
    </svg>
  );
}

/** A circle with a bar: refused by the server. */
export function RefusedIcon() {
  return (
    <svg {...svgProps}>
      <circle cx="8" cy="8" r="6" />
      <path d="M5 8h6" />
    </svg>
  );
}

const markLabels: Record<OutboxMark, string> = {
  pending: 'pending upload',
  sending: 'pending upload',
  conflict: 'conflict',
  rejected: 'refused',
};

const markTitles: Record<OutboxMark, string> = {
  pending: 'Waiting to upload',
  sending: 'Uploading…',
  conflict: 'Changed here and in the plant’s own system: decide on the Pending changes page',
  rejected: 'Refused by the plant’s system: fix or discard it on the Pending changes page',
};

export const markLabel = (mark: OutboxMark) => markLabels[mark];

/** The small mark a record with unsent edits carries: clock (waiting), cloud (sending), arrows (conflict), bar (refused). */
export function PendingMark({ mark }: { mark: OutboxMark }) {
  return (
    <span className={`pending-mark pending-mark-${mark}`} role="img" aria-label={markLabels[mark]} title={markTitles[mark]}>
      {mark === 'conflict' ? <ConflictIcon /> : mark === 'rejected' ? <RefusedIcon /> : mark === 'sending' ? <CloudUploadIcon /> : <ClockIcon />}
    </span>
  );
}
