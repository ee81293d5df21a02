import type { FieldValue } from '../../shared/domain/outbox-operation';
import { estimatedHours } from '../../shared/schedule/work-order-booking';

/** How the UI names the work-order fields a supervisor can write. */
export const fieldLabels: Readonly<Record<string, string>> = {
  statusKey: 'Status',
  status: 'Status',
  title: 'Title',
  siteKey: 'Site',
  assetKey: 'Asset',
  locationKey: 'Location',
  laborAssignedKey: 'Assignee',
  userRequestedKey: 'Reported by',
  serviceRequestKey: 'Service request',
  teamKey: 'Team',
  scheduledAt: 'Scheduled',
  dueAt: 'Due',
  severity: 'Severity',
  notes: 'Notes',
  actualTime: 'Actual time (hours)',
  completionRemarks: 'Completion remarks',
  description: 'Description',
  vendorKey: 'Vendor',
  orderDate: 'Order date',
  quantity: 'Quantity',
  requiredQuantity: 'Needed',
  usedQuantity: 'Used',
};

export const fieldLabel = (field: string) => fieldLabels[field] ?? field.replace(/Key$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

/** The severities the demo plant (and most systems behind Makini) use, mildest first. */
export const standardSeverities = ['Low', 'Medium', 'High', 'Critical'] as const;

export const isInstantField = (field: string) => field.endsWith('At') || field.endsWith('Date');

/** Fields whose value is the key of a record of another table, and that table. */
export const referenceTableOf: Readonly<Record<string, 'workOrderStatuses' | 'labors' | 'users' | 'teams' | 'sites' | 'assets' | 'locations' | 'vendors' | 'serviceRequests'>> = {
  statusKey: 'workOrderStatuses',
  laborAssignedKey: 'labors',
  userRequestedKey: 'users',
  serviceRequestKey: 'serviceRequests',
  teamKey: 'teams',
  siteKey: 'sites',
  assetKey: 'assets',
  locationKey: 'locations',
  vendorKey: 'vendors',
};

const pad = (value: number) => String(value).padStart(2, '0');

/** An ISO instant as a `datetime-local` input wants it, in the user's time zone. */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (the user's time zone) as an ISO instant; empty is null. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A field's value as a form holds it: strings, '' for none. */
export function toFormValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isInstantField(field) && typeof value === 'string') return isoToLocalInput(value);
  return String(value);
}

/** A form's string back to the value sent upstream. */
export function fromFormValue(field: string, value: string): FieldValue {
  if (isInstantField(field)) return localInputToIso(value);
  if (field === 'title') return value.trim() === '' ? null : value.trim();
  if (field === 'notes' || field === 'description' || field === 'completionRemarks') return value.trim() === '' ? null : value;
  if (field === 'actualTime') {
    const hours = estimatedHours(value);
    return hours === null ? (value.trim() === '' ? null : value.trim()) : String(Math.round(hours * 100) / 100);
  }
  return value === '' ? null : value;
}
