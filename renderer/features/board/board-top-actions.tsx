import { useBoardLayout } from '../../stores/board-layout-store';

interface BoardTopActionsProps {
  /** How many work orders are shown: "30,000 work orders", "12 of 30,000 work orders". */
  shown: string;
  /** Null while the export cannot run; `waiting` says why. */
  onExport: (() => void) | null;
  /** Null while no work order can be created here; `waiting` says why when it is a wait. */
  onCreate: (() => void) | null;
  /** Why the buttons without an action wait (the board's first look: until every work order is read). */
  waiting?: string;
}

/** The count, Board or Table, Export CSV, New work order, and the keys of the layout shown: beside or below the key figures. */
export function BoardTopActions({ shown, onExport, onCreate, waiting }: BoardTopActionsProps) {
  const layout = useBoardLayout((state) => state.layout);
  const setLayout = useBoardLayout((state) => state.setLayout);
  return (
    <div className="board-top-actions">
      <div className="board-buttons">
        <span className="filter-count muted" role="status" aria-live="polite">
          {shown}
        </span>
        <div className="segmented" role="radiogroup" aria-label="Show work as">
          {(['board', 'table'] as const).map((choice) => (
            <button key={choice} type="button" role="radio" aria-checked={layout === choice} className={layout === choice ? 'segment active' : 'segment'} onClick={() => setLayout(choice)}>
              {choice === 'board' ? 'Board' : 'Table'}
            </button>
          ))}
        </div>
        <button type="button" className="button" onClick={onExport ?? undefined} disabled={!onExport} title={!onExport && waiting ? waiting : 'Download the work orders shown as a CSV file'}>
          Export CSV
        </button>
        <button type="button" className="button primary" disabled={!onCreate} onClick={onCreate ?? undefined} title={!onCreate && waiting ? waiting : undefined}>
          New work order
        </button>
      </div>
      {layout === 'table' ? (
        <span className="toolbar-hint muted">
          <kbd>↑</kbd>
          <kbd>↓</kbd> move · <kbd>Space</kbd> select · <kbd>Shift</kbd>+<kbd>↑</kbd>
          <kbd>↓</kbd> extend · <kbd>Enter</kbd> open · headers sort · <kbd>/</kbd> search
        </span>
      ) : (
        <span className="toolbar-hint muted">
          <kbd>↑</kbd>
          <kbd>↓</kbd>
          <kbd>←</kbd>
          <kbd>→</kbd> move · <kbd>Enter</kbd> open · <kbd>Shift</kbd>+<kbd>←</kbd>
          <kbd>→</kbd> or drag: change status · <kbd>/</kbd> search
        </span>
      )}
    </div>
  );
}
