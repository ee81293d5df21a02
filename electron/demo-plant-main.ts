// `npm run demo-plant -- [--port n] [--seed n] [--work-orders n] [--changes-per-minute n] [--state-file path | --ephemeral] [--webhook-url url]`
import { startDemoPlant } from './demo-plant/demo-plant-server';
import { webhookTargetSchema } from './demo-plant/webhook-dispatcher';
import { demoPlantOptionSpecs, demoPlantSettings, demoPlantStateFolder, demoPlantUsage, parseCommandLine, wholeNumber } from './cli-options';
import { millwrightHome, prepareMillwrightHome } from './millwright-home';

const usage =
  'Usage: npm run demo-plant -- [--port <n>] [options]\n  --port <n>                 port on 127.0.0.1 (default 4010; 0 picks a free one)\n' +
  '  --webhook-url <url>        send webhooks there (a relay\'s /webhooks/<connection>, or any receiver), signed with\n' +
  '                             $DEMO_PLANT_WEBHOOK_SECRET; --webhook-scheme makini (default) or standard\n' +
  demoPlantUsage;
const values = parseCommandLine(usage, { port: { type: 'string' }, 'webhook-url': { type: 'string' }, 'webhook-scheme': { type: 'string' }, ...demoPlantOptionSpecs });
const port = wholeNumber(values.port, 'port', 4010, { min: 0, max: 65535 });

/** The webhook target the command line names, checked as the control API checks one. */
function webhookTarget() {
  if (values['webhook-url'] === undefined) return [];
  const target = webhookTargetSchema.safeParse({ url: values['webhook-url'], secret: process.env.DEMO_PLANT_WEBHOOK_SECRET ?? '', scheme: values['webhook-scheme'] ?? 'makini' });
  if (!target.success) {
    console.error(`--webhook-url: ${target.error.issues.map((issue) => `${issue.path.join('.') === 'secret' ? 'DEMO_PLANT_WEBHOOK_SECRET' : issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    process.exit(2);
  }
  return [target.data];
}
const targets = webhookTarget();

try {
  const settings = demoPlantSettings(values, 6);
  if (settings.stateFile !== null && values['state-file'] === undefined) {
    // The default state file (tokens included) lives in the Millwright home: private before it is written.
    const tightened = prepareMillwrightHome(millwrightHome(), [demoPlantStateFolder]);
    if (tightened) console.error(tightened);
  }
  const plant = await startDemoPlant({ port, ...settings, ...(targets.length > 0 ? { webhooks: { targets } } : {}) });
  console.log(`listening on ${plant.url}`);
  console.log(`access token: ${plant.token}`);
  console.log(`oauth client: ${plant.oauthClient.clientId} / ${plant.oauthClient.clientSecret}`);
  for (const target of targets) console.log(`webhooks to: ${target.url} (${target.scheme})`);
  const stop = () => void plant.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`The demo plant could not start: ${(error as Error).message}`);
  process.exit(1);
}
