import { useState } from 'react';
import type { Site } from '../../../shared/domain/site';
import { recordId } from '../../../shared/schedule/asset-hierarchy';
import { defaultWorkingCalendar, workingCalendarSchema, type WorkingCalendar } from '../../../shared/schedule/working-calendar';
import { useWorkingCalendars } from '../../stores/working-calendar-store';
import { DialogActions } from '../../ui/dialog-actions';
import { ModalDialog } from '../../ui/modal-dialog';

interface WorkingHoursDialogProps {
  sites: readonly Site[];
  plantNames: ReadonlyMap<string, string> | null;
  onClose: () => void;
}

/** Monday first, as a plant's week is read. */
const weekdays = [1, 2, 3, 4, 5, 6, 0].map((day) => ({ day, name: new Intl.DateTimeFormat(undefined, { weekday: 'short' }).format(new Date(2026, 0, 4 + day)) }));

interface Draft {
  workdays: number[];
  hours: string;
}

/** Each site's working days and hours a day, which its technicians' capacity on the schedule follows. */
export function WorkingHoursDialog({ sites, plantNames, onClose }: WorkingHoursDialogProps) {
  const calendars = useWorkingCalendars((state) => state.calendars);
  const setCalendar = useWorkingCalendars((state) => state.setCalendar);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      sites.map((site) => {
        const calendar = calendars[recordId(site.connectionId, site.key)] ?? defaultWorkingCalendar;
        return [recordId(site.connectionId, site.key), { workdays: [...calendar.workdays], hours: String(calendar.hoursPerDay) }];
      }),
    ),
  );
  const read = (draft: Draft): WorkingCalendar | null => {
    const parsed = workingCalendarSchema.safeParse({ workdays: draft.workdays, hoursPerDay: Number(draft.hours.replace(',', '.')) });
    return draft.hours.trim() !== '' && parsed.success ? parsed.data : null;
  };
  const invalid = Object.values(drafts).some((draft) => read(draft) === null);
  const change = (siteId: string, update: Partial<Draft>) => setDrafts((current) => ({ ...current, [siteId]: { ...current[siteId]!, ...update } }));
  const save = () => {
    for (const [siteId, draft] of Object.entries(drafts)) setCalendar(siteId, read(draft)!);
    onClose();
  };
  return (
    <ModalDialog title="Working hours" onClose={onClose}>
      <p className="muted">The days each site&apos;s technicians work and their hours a day. The workload counts each technician against their first site&apos;s; a technician with no site works Monday to Friday, 8 hours.</p>
      {sites.length === 0 ? (
        <p>No sites synced yet.</p>
      ) : (
        <table className="working-hours">
          <thead>
            <tr>
              <th scope="col">Site</th>
              {weekdays.map(({ day, name }) => (
                <th key={day} scope="col">
                  {name}
                </th>
              ))}
              <th scope="col">Hours a day</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => {
              const siteId = recordId(site.connectionId, site.key);
              const draft = drafts[siteId]!;
              const siteName = `${site.name}${plantNames ? ` (${plantNames.get(site.connectionId) ?? ''})` : ''}`;
              const bad = read(draft) === null;
              return (
                <tr key={siteId}>
                  <th scope="row">{siteName}</th>
                  {weekdays.map(({ day, name }) => (
                    <td key={day}>
                      <input
                        type="checkbox"
                        aria-label={`${siteName} works ${name}`}
                        checked={draft.workdays.includes(day)}
                        onChange={(event) => change(siteId, { workdays: event.target.checked ? [...draft.workdays, day] : draft.workdays.filter((d) => d !== day) })}
                      />
                    </td>
                  ))}
                  <td>
                    <input
                      type="number"
                      className="working-hours-input"
                      min={0.5}
                      max={24}
                      step={0.5}
                      aria-label={`${siteName} hours a day`}
                      aria-invalid={bad}
                      value={draft.hours}
                      onChange={(event) => change(siteId, { hours: event.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <DialogActions onCancel={onClose} note={invalid ? 'Hours a day: from 0.5 to 24.' : 'Kept on this computer.'}>
        <button type="button" className="button primary" disabled={invalid} onClick={save}>
          Save
        </button>
      </DialogActions>
    </ModalDialog>
  );
}
