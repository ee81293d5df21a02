import { Field, fieldLabelId } from './field';
import { Picker } from './picker';
import type { ConnectionReference } from './use-connection-reference';
import { fieldLabel, isInstantField } from './work-order-fields';

interface FieldInputProps {
  field: string;
  /** The form's value: a string, '' for none. */
  value: string;
  onChange: (value: string) => void;
  reference: ConnectionReference | undefined;
  label?: string;
  disabled?: boolean;
  required?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
  /** For assets: only those of this site. */
  siteKey?: string;
  autoFocus?: boolean;
}

interface Option {
  value: string;
  label: string;
  /** Where it stands (an asset's location and parent), shown and searched in its picker. */
  path?: string;
}

/** Fields chosen from lists too long to scroll: typed to find. */
const pickedFields = new Set(['assetKey']);

/** Options of a reference field, always including the current value so an inactive one still shows. */
function optionsOf(field: string, reference: ConnectionReference | undefined, value: string, siteKey: string | undefined): Option[] | null {
  const keep = <T extends { key: string }>(records: readonly T[], active: (record: T) => boolean) =>
    records.filter((record) => active(record) || record.key === value);
  let options: Option[];
  switch (field) {
    case 'statusKey':
      options = keep(reference?.statuses ?? [], (s) => s.isActive).map((s) => ({ value: s.key, label: s.name }));
      break;
    case 'laborAssignedKey':
      options = keep(reference?.labors ?? [], (l) => l.isActive).map((l) => ({ value: l.key, label: l.roleName ? `${l.name} · ${l.roleName}` : l.name }));
      break;
    case 'userRequestedKey':
      options = keep(reference?.users ?? [], (u) => u.isActive).map((u) => ({ value: u.key, label: u.roleName ? `${u.name} · ${u.roleName}` : u.name }));
      break;
    case 'teamKey':
      options = (reference?.teams ?? []).map((t) => ({ value: t.key, label: t.name }));
      break;
    case 'siteKey':
      options = (reference?.sites ?? []).map((s) => ({ value: s.key, label: s.code ? `${s.name} (${s.code})` : s.name }));
      break;
    case 'assetKey':
      {
        const locations = new Map((reference?.locations ?? []).map((l) => [l.key, l.name]));
        const assets = new Map((reference?.assets ?? []).map((a) => [a.key, a.name]));
        const sites = new Map((reference?.sites ?? []).map((s) => [s.key, s.name]));
        options = keep(reference?.assets ?? [], (a) => a.isActive && (!siteKey || a.siteKey === siteKey)).map((a) => ({
          value: a.key,
          label: a.name,
          path:
            [siteKey ? null : a.siteKey && sites.get(a.siteKey), a.locationKey && locations.get(a.locationKey), a.parentKey && assets.get(a.parentKey)].filter(Boolean).join(' › ') ||
            undefined,
        }));
      }
      break;
    case 'severity':
      options = (reference?.severities ?? []).map((s) => ({ value: s, label: s }));
      break;
    default:
      return null;
  }
  // Keys read as names only once the reference data is in; severities are names already.
  if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: reference || field === 'severity' ? value : 'Loading…' });
  return options;
}

const emptyChoice: Readonly<Record<string, string>> = {
  statusKey: 'Choose a status…',
  laborAssignedKey: 'Unassigned',
  userRequestedKey: 'Nobody named',
  teamKey: 'No team',
  siteKey: 'Choose a site…',
  assetKey: 'No asset',
  severity: 'None',
};

const requiredChoice: Readonly<Record<string, string>> = {
  statusKey: 'Choose a status…',
  laborAssignedKey: 'Choose a technician…',
  userRequestedKey: 'Choose who reported it…',
  teamKey: 'Choose a team…',
  siteKey: 'Choose a site…',
  assetKey: 'Choose an asset…',
  severity: 'Choose a severity…',
};

/** The right control for a work-order field, labelled, with its error announced and tied to it. */
export function WorkOrderFieldInput({ field, value, onChange, reference, label, disabled, required, error, hint, siteKey, autoFocus }: FieldInputProps) {
  const options = optionsOf(field, reference, value, siteKey);
  const fieldLabelText = (
    <>
      {label ?? fieldLabel(field)}
      {required && <span className="field-required"> (required)</span>}
    </>
  );
  return (
    <Field label={fieldLabelText} error={error} hint={hint}>
      {(control) => {
        const common = { ...control, disabled, autoFocus, 'aria-required': required || undefined } as const;
        if (options && pickedFields.has(field)) {
          return (
            <Picker
              label={label ?? fieldLabel(field)}
              options={options.map((option) => ({ id: option.value, label: option.label, ...(option.path ? { path: option.path } : {}) }))}
              value={value || null}
              onChange={(id) => onChange(id ?? '')}
              {...(required ? {} : { noneLabel: emptyChoice[field] ?? 'None' })}
              className="form-picker"
              field={{
                inputId: control.id,
                labelId: fieldLabelId(control.id),
                describedBy: control['aria-describedby'],
                invalid: control['aria-invalid'] === true,
                required,
                disabled,
                autoFocus,
                placeholder: required ? requiredChoice[field] : undefined,
              }}
            />
          );
        }
        if (options) {
          return (
            <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
              <option value="">{(required ? requiredChoice[field] : emptyChoice[field]) ?? 'Choose…'}</option>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          );
        }
        if (isInstantField(field)) return <input {...common} type="datetime-local" value={value} onChange={(event) => onChange(event.target.value)} />;
        if (field === 'notes' || field === 'description' || field === 'completionRemarks') return <textarea {...common} rows={3} value={value} onChange={(event) => onChange(event.target.value)} />;
        return <input {...common} type="text" value={value} onChange={(event) => onChange(event.target.value)} />;
      }}
    </Field>
  );
}
