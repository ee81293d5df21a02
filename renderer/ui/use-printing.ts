import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the page is being printed. Lists are virtualized (only the rows on screen exist), so
 * while printing they draw every row: `beforeprint` re-renders synchronously (flushSync) before
 * the browser lays the page out for paper, and `afterprint` goes back to drawing what is on screen.
 */
let printing = false;
const listeners = new Set<() => void>();

function setPrinting(value: boolean) {
  if (printing === value) return;
  printing = value;
  flushSync(() => {
    for (const listener of listeners) listener();
  });
}
const onBeforePrint = () => setPrinting(true);
const onAfterPrint = () => setPrinting(false);

function subscribe(listener: () => void) {
  if (listeners.size === 0) {
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
    }
  };
}

export function usePrinting(): boolean {
  return useSyncExternalStore(subscribe, () => printing);
}
