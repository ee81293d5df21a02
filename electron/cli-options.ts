import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { millwrightHome } from './millwright-home';

/** Parses command-line options, or prints a clear message and exits 2: never a stack trace. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(usage: string, options: T) {
  try {
    return parseArgs({ args: process.argv.slice(2), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}

export function wholeNumber(raw: string | undefined, name: string, fallback: number, limits: { min: number; max: number }): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < limits.min || value > limits.max) {
    console.error(`--${name} takes a whole number from ${limits.min} to ${limits.max}; got "${raw}".`);
    process.exit(2);
  }
  return value;
}

export const demoPlantOptionSpecs = {
  seed: { type: 'string' },
  'work-orders': { type: 'string' },
  'changes-per-minute': { type: 'string' },
  'state-file': { type: 'string' },
  ephemeral: { type: 'boolean' },
} as const;

export const demoPlantUsage = `Demo plant options:
  --seed <n>                 data seed (default 1)
  --work-orders <n>          number of work orders, 1..1000000 (default 5000)
  --changes-per-minute <n>   work orders that move along their workflow per minute; 0 keeps the plant still
  --state-file <path>        where the plant keeps its state across restarts
  --ephemeral                keep the plant's state in memory only`;

/** The folder in the Millwright home where `npm run demo-plant` keeps its state by default. */
export const demoPlantStateFolder = 'demo-plant';

/** Reads the options of `npm run demo-plant`. */
export function demoPlantSettings(values: { seed?: string; 'work-orders'?: string; 'changes-per-minute'?: string; 'state-file'?: string; ephemeral?: boolean }, defaultChangesPerMinute: number) {
  const seed = wholeNumber(values.seed, 'seed', 1, { min: 0, max: 2 ** 31 - 1 });
  const workOrders = wholeNumber(values['work-orders'], 'work-orders', 5000, { min: 1, max: 1_000_000 });
  const changesPerMinute = wholeNumber(values['changes-per-minute'], 'changes-per-minute', defaultChangesPerMinute, { min: 0, max: 6000 });
  const stateFile = values.ephemeral
    ? null
    : (values['state-file'] ?? path.join(millwrightHome(), demoPlantStateFolder, `seed-${seed}-wo-${workOrders}.json`));
  return { seed, sizes: { workOrders }, changesPerMinute, stateFile };
}
