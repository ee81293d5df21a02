import { useDraggable } from '@dnd-kit/core';
import { memo, type HTMLAttributes, type KeyboardEvent, type Ref } from 'react';
import type { WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import { formatDate } from '../../ui/format';
import { markLabel, PendingMark } from '../../ui/outbox-icons';
import type { OutboxMark } from '../../ui/use-outbox';

interface WorkOrderCardProps {
  workOrder: WorkOrderSummary;
  assetName: string | null;
  /** The technician assigned, if any. */
  assigneeName: string | null;
  /** The card's plant, shown when the board holds several. */
  plant: { name: string; disconnected: boolean } | null;
  /** Open and past due (shared/domain/work-order-state), as the board decides it. */
  overdue: boolean;
  /** How the record's unsent edits stand, if it has any. */
  mark: OutboxMark | null;
}

interface DraggableCardProps extends WorkOrderCardProps {
  /** A disconnected plant's cards cannot be moved or edited. */
  readOnly: boolean;
  onOpen: (workOrder: WorkOrderSummary) => void;
  /** Keys the board handles (moving the focus, moving the card); true when it took the key. */
  onNavigate: CardNavigate;
  /** Where the card is: its column's place on the board and its own in the column. */
  columnIndex: number;
  index: number;
}

export type CardNavigate = (event: KeyboardEvent<HTMLElement>, workOrder: WorkOrderSummary, columnIndex: number, index: number) => boolean;

/** The id a card drags under: its connection and key. */
export const cardDragId = (workOrder: Pick<WorkOrderSummary, 'connectionId' | 'key'>) => `${workOrder.connectionId}\u0000${workOrder.key}`;

export interface CardDragData {
  workOrder: WorkOrderSummary;
}

/** "Jamal Moreau" → "JM". */
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase())
    .filter((_, index, all) => index === 0 || index === all.length - 1)
    .join('');

const severityClass = (severity: string | null) => `severity severity-${(severity ?? 'none').toLowerCase().replace(/[^a-z]/g, '')}`;

type CardViewProps = WorkOrderCardProps & {
  readOnly: boolean;
  className?: string;
  elementRef?: Ref<HTMLElement>;
} & Omit<HTMLAttributes<HTMLElement>, 'className'>;

/** What a card shows; the board's cards and the one under the pointer while dragging both use it. */
export function WorkOrderCardView({ workOrder, assetName, assigneeName, plant, overdue, mark, readOnly, className, elementRef, ...element }: CardViewProps) {
  const label = [
    workOrder.code,
    workOrder.title,
    assetName ? `asset ${assetName}` : null,
    assigneeName ? `assigned to ${assigneeName}` : 'unassigned',
    workOrder.severity ? `severity ${workOrder.severity}` : null,
    workOrder.dueAt ? `due ${formatDate(workOrder.dueAt)}${overdue ? ', overdue' : ''}` : null,
    plant ? `plant ${plant.name}${plant.disconnected ? ' (disconnected, read-only)' : ''}` : null,
    mark ? markLabel(mark) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const classes = ['card', readOnly ? 'read-only' : null, mark ? `has-mark mark-${mark}` : null, className].filter(Boolean).join(' ');
  return (
    <article
      tabIndex={0}
      {...element}
      ref={elementRef}
      className={classes}
      aria-label={label}
      data-work-order-key={workOrder.key}
      data-connection-id={workOrder.connectionId}
      data-pending={mark ? 'true' : undefined}
      data-outbox-state={mark ?? undefined}
    >
      <div className="card-top">
        <span className="card-code">{workOrder.code}</span>
        {workOrder.severity && <span className={severityClass(workOrder.severity)}>{workOrder.severity}</span>}
        {mark && <PendingMark mark={mark} />}
        <span className={assigneeName ? 'assignee' : 'assignee unassigned'} title={assigneeName ? `Assigned to ${assigneeName}` : 'Unassigned'} aria-hidden>
          {assigneeName ? initials(assigneeName) : '?'}
        </span>
      </div>
      <div className="card-title" title={workOrder.title}>
        {workOrder.title || 'Untitled work order'}
      </div>
      <div className="card-meta">
        <span className="card-asset" title={plant ? `${plant.name}: ${assetName ?? 'no asset'}` : (assetName ?? undefined)}>
          {plant && <span className="card-plant">{plant.name}</span>}
          {assetName ?? 'No asset'}
        </span>
        <span className={overdue ? 'card-due overdue' : 'card-due'}>{workOrder.dueAt ? `Due ${formatDate(workOrder.dueAt)}` : 'No due date'}</span>
      </div>
    </article>
  );
}

/**
 * A card on the board: drag it (pointer, or Space then the arrow keys) to another column to
 * change its status; click it or press Enter to open it. The arrow keys move the focus between
 * cards and columns; Shift with ← → moves the card itself.
 */
export const WorkOrderCard = memo(function WorkOrderCard({ readOnly, onOpen, onNavigate, columnIndex, index, ...props }: DraggableCardProps) {
  const { workOrder } = props;
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: cardDragId(workOrder),
    data: { workOrder } satisfies CardDragData,
    disabled: readOnly,
    attributes: { role: 'article', roleDescription: 'movable work order' },
  });
  return (
    <WorkOrderCardView
      {...props}
      {...attributes}
      {...listeners}
      readOnly={readOnly}
      elementRef={setNodeRef}
      className={isDragging ? 'dragging' : undefined}
      aria-pressed={undefined}
      onClick={() => onOpen(workOrder)}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget) return;
        if (event.key === 'Enter' && !isDragging) {
          event.preventDefault();
          onOpen(workOrder);
          return;
        }
        if (!isDragging && onNavigate(event, workOrder, columnIndex, index)) return;
        listeners?.onKeyDown?.(event);
      }}
    />
  );
});
