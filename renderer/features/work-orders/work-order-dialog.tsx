import { useLiveQuery } from 'dexie-react-hooks';
import { unsettledStates } from '../../../shared/domain/outbox-operation';
import { appDb } from '../../db/app-db';
import { ModalDialog } from '../connections/modal-dialog';
import { useConnectionReference } from './use-connection-reference';
import { WorkOrderForm, worstMark } from './work-order-form';

interface WorkOrderDialogProps {
  connectionId: string;
  workOrderKey: string;
  onClose: () => void;
}

/** A work order's details; edits the fields its system accepts and its status, queued through the outbox. */
export function WorkOrderDialog({ connectionId, workOrderKey, onClose }: WorkOrderDialogProps) {
  const loaded = useLiveQuery(async () => {
    const [workOrder, operations] = await Promise.all([
      appDb.workOrders.get([connectionId, workOrderKey]),
      appDb.outbox.where('[connectionId+entity+key]').equals([connectionId, 'workOrders', workOrderKey]).toArray(),
    ]);
    return { workOrder: workOrder ?? null, operations: operations.filter((operation) => unsettledStates.includes(operation.state)) };
  }, [connectionId, workOrderKey]);
  const reference = useConnectionReference(connectionId);
  const workOrder = loaded?.workOrder;
  const title = workOrder ? `Work order ${workOrder.code}` : 'Work order';

  return (
    <ModalDialog title={title} onClose={onClose}>
      {loaded === undefined || reference === undefined ? (
        <p className="muted">Loading…</p>
      ) : !workOrder ? (
        <>
          <p>This work order is no longer in the local cache; it may have been deleted upstream or given its key by the server.</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <WorkOrderForm
          workOrder={workOrder}
          reference={reference}
          mark={worstMark(loaded.operations.map((operation) => operation.state))}
          unsettled={loaded.operations.length}
          onClose={onClose}
        />
      )}
    </ModalDialog>
  );
}

