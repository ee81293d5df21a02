import { appDb } from './app-db';
import { DexieOutbox } from './dexie-outbox';

/** The renderer's one outbox of offline edits, in the cache database. */
export const appOutbox = new DexieOutbox(appDb);
