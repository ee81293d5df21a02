import { MillwrightDb } from './millwright-db';

/** The renderer's one cache database. */
export const appDb = new MillwrightDb();
