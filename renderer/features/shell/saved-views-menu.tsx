import { useId, useRef, useState, type FormEvent } from 'react';
import { useAppStore } from '../../stores/app-store';
import { maxViewNameLength, useSavedViews } from '../../stores/saved-views-store';

/**
 * Saved views: what the Board (columns or table) or the Schedule shows now — filters, search,
 * sort, horizon — kept under a name, listed here and shown again with one click, after a reload
 * or a restart as well.
 */
export function SavedViewsMenu() {
  const views = useSavedViews((state) => state.views);
  const save = useSavedViews((state) => state.save);
  const apply = useSavedViews((state) => state.apply);
  const remove = useSavedViews((state) => state.remove);
  const page = useAppStore((state) => state.view);
  const pushToast = useAppStore((state) => state.pushToast);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const inputId = useId();
  const savable = page === 'board' || page === 'schedule';

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setError('Give the view a name.');
    if (trimmed.length > maxViewNameLength) return setError(`At most ${maxViewNameLength} characters.`);
    const replaced = views.some((v) => v.name === trimmed);
    save(trimmed);
    setName('');
    setError(null);
    pushToast({ level: 'info', title: `View “${trimmed}” ${replaced ? 'updated' : 'saved'}`, body: 'Find it under Views; it is kept on this computer.', connectionId: null });
  };

  return (
    <details className="views-menu" ref={menu}>
      <summary className="button">Views{views.length > 0 ? ` (${views.length})` : ''}</summary>
      <div className="views-panel" role="group" aria-label="Saved views">
        {views.length === 0 ? (
          <p className="muted views-empty">No saved views yet.</p>
        ) : (
          <ul className="views-list">
            {views.map((view) => (
              <li key={view.name}>
                <button
                  type="button"
                  className="views-open"
                  onClick={() => {
                    apply(view.name);
                    if (menu.current) menu.current.open = false;
                  }}
                >
                  {view.name}
                  <span className="muted"> · {view.page === 'schedule' ? 'Schedule' : view.board.layout === 'table' ? 'Table' : 'Board'}</span>
                </button>
                <button type="button" className="views-remove" aria-label={`Remove view ${view.name}`} title="Remove this view" onClick={() => remove(view.name)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {savable ? (
          <form className="views-save" onSubmit={onSave} noValidate>
            <label htmlFor={inputId}>Save what the {page === 'schedule' ? 'Schedule' : 'Board'} shows as</label>
            <div className="views-save-row">
              <input id={inputId} value={name} maxLength={maxViewNameLength + 20} onChange={(event) => setName(event.target.value)} aria-invalid={error !== null} aria-describedby={error ? `${inputId}-error` : undefined} placeholder="e.g. Line 2 this week" />
              <button type="submit" className="button primary">
                Save
              </button>
            </div>
            {error && (
              <p id={`${inputId}-error`} className="field-error" role="alert">
                {error}
              </p>
            )}
          </form>
        ) : (
          <p className="muted views-empty">Open the Board or the Schedule to save a view of it.</p>
        )}
      </div>
    </details>
  );
}
