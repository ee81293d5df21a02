// A webhook receiver in a process of its own, for the crash test to kill:
//   tsx test/support/webhook-receiver-child.ts <journal dir> <connection id>
// The connection's secret comes from WEBHOOK_CHILD_SECRET. Prints "listening <origin>" once ready.
import { WebhookReceiver } from '../../electron/core/webhooks/webhook-receiver';

const [dir, connectionId] = process.argv.slice(2);
const secret = process.env.WEBHOOK_CHILD_SECRET;
if (!dir || !connectionId || !secret) {
  console.error('usage: WEBHOOK_CHILD_SECRET=<secret> webhook-receiver-child.ts <dir> <connection id>');
  process.exit(2);
}

const receiver = await WebhookReceiver.start({ dir, secretFor: (id) => (id === connectionId ? secret : null) });
console.log(`listening ${receiver.url}`);
process.on('SIGTERM', () => {
  void receiver.close().then(() => process.exit(0));
});
