import type { FieldValue, SentAs } from '../../shared/domain/outbox-operation';
import type { Labor } from '../../shared/domain/labor';
import type { WriteCapabilities } from '../../shared/write-capabilities';

export type AssigneeSending = { ok: true; sendAs?: Record<string, SentAs> } | { ok: false; refusal: string };

/**
 * How the connected system takes a new assignee: most take the technician; MaintainX takes the
 * technician's user account, so a technician without one cannot be assigned there.
 */
export function assigneeSending(capabilities: WriteCapabilities, labors: readonly Labor[], laborKey: FieldValue): AssigneeSending {
  if (capabilities.assigneeField === 'laborAssignedKey') return { ok: true };
  if (laborKey === null || laborKey === '') return { ok: true, sendAs: { laborAssignedKey: { field: capabilities.assigneeField, value: null } } };
  const labor = labors.find((candidate) => candidate.key === laborKey);
  if (!labor?.userKey) {
    const who = labor?.name ?? 'This technician';
    return { ok: false, refusal: `${who} has no ${capabilities.label} user account, and ${capabilities.label} takes an assignee only as a user.` };
  }
  return { ok: true, sendAs: { laborAssignedKey: { field: capabilities.assigneeField, value: labor.userKey } } };
}
