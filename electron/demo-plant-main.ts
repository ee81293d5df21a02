// `npm run demo-plant -- [--port n] [--seed n] [--work-orders n] [--changes-per-minute n] [--state-file path | --ephemeral]`
import { startDemoPlant } from './demo-plant/demo-plant-server';
import { demoPlantOptionSpecs, demoPlantSettings, demoPlantStateFolder, demoPlantUsage, parseCommandLine, wholeNumber } from './cli-options';
import { millwrightHome, prepareMillwrightHome } from './millwright-home';

const usage = `Usage: npm run demo-plant -- [--port <n>] [options]\n  --port <n>                 port on 127.0.0.1 (default 4010; 0 picks a free one)\n${demoPlantUsage}`;
const values = parseCommandLine(usage, { port: { type: 'string' }, ...demoPlantOptionSpecs });
const port = wholeNumber(values.port, 'port', 4010, { min: 0, max: 65535 });

try {
  const settings = demoPlantSettings(values, 6);
  if (settings.stateFile !== null && values['state-file'] === undefined) {
    // The default state file (tokens included) lives in the Millwright home: private before it is written.
    const tightened = prepareMillwrightHome(millwrightHome(), [demoPlantStateFolder]);
    if (tightened) console.error(tightened);
  }
  const plant = await startDemoPlant({ port, ...settings });
  console.log(`listening on ${plant.url}`);
  console.log(`access token: ${plant.token}`);
  console.log(`oauth client: ${plant.oauthClient.clientId} / ${plant.oauthClient.clientSecret}`);
  const stop = () => void plant.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`The demo plant could not start: ${(error as Error).message}`);
  process.exit(1);
}
