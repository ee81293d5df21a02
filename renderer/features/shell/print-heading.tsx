import { useAppStore } from '../../stores/app-store';
import { countOf, formatDateTime } from '../../ui/format';
import { useOutboxSummary } from '../../ui/use-outbox';
import { usePrinting } from '../../ui/use-printing';

/**
 * The first line of a printed page (hidden on screen): what it is, of which plants, when it was
 * printed, and whether it shows edits the plants do not have yet, since paper outlives the screen.
 */
export function PrintHeading({ page }: { page: string }) {
  const printing = usePrinting();
  const connections = useAppStore((state) => state.connections);
  const plantFilter = useAppStore((state) => state.plantFilter);
  const outbox = useOutboxSummary();
  if (!printing) return null;
  const plants = connections.filter((c) => plantFilter === 'all' || c.id === plantFilter).map((c) => c.name);
  return (
    <p className="print-heading">
      <strong>Millwright · {page}</strong>
      {plants.length > 0 && ` · ${plants.join(', ')}`} · printed {formatDateTime(new Date().toISOString())}
      {outbox.total > 0 && ` · includes ${countOf(outbox.total, 'change')} not yet sent to the plant`}
    </p>
  );
}
