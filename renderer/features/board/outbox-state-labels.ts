import type { OutboxState } from '../../../shared/domain/outbox-operation';

/** Where an edit made here stands, as the drawer says it beside the edit (and beside an attachment). */
export const outboxStateLabels: Record<OutboxState, string> = {
  pending: 'Waiting to upload',
  sending: 'Uploading',
  done: 'In the plant’s system',
  conflict: 'Conflict',
  rejected: 'Refused',
};
