import { historyDaysOptions } from '../../../shared/connection-view';

type HistoryDays = (typeof historyDaysOptions)[number];

const optionLabels = (days: HistoryDays) => (days === null ? 'Everything' : `The last ${days} days`);

/** What the chosen window means, in words a supervisor uses. */
export function historyWindowMeaning(days: HistoryDays): string {
  return days === null
    ? 'The first sync reads every work order and purchase order the plant has, however old: complete, but slower the first time on a large plant.'
    : `The first sync reads work orders and purchase orders changed in the last ${days} days, plus every open one whatever its age. Older closed ones stay in the plant's system and are not shown here.`;
}

/** The first sync's history window (30, 60, 90 days or everything), with what the choice means. */
export function HistoryWindowField({ id, value, onChange, hint }: { id: string; value: HistoryDays; onChange: (days: HistoryDays) => void; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>History to read on the first sync</label>
      <select id={id} value={value ?? 'all'} onChange={(event) => onChange(event.target.value === 'all' ? null : (Number(event.target.value) as 30 | 60 | 90))} aria-describedby={`${id}-meaning`}>
        {historyDaysOptions.map((days) => (
          <option key={days ?? 'all'} value={days ?? 'all'}>
            {optionLabels(days)}
          </option>
        ))}
      </select>
      <span className="field-hint" id={`${id}-meaning`}>
        {historyWindowMeaning(value)}
        {hint ? ` ${hint}` : ''}
      </span>
    </div>
  );
}
