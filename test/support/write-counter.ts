import type { MillwrightDb } from '../../renderer/db/millwright-db';

/** The keys each table was given puts for, in order (set before the database opens: Dexie opens on its first query). */
export function countWrites(db: MillwrightDb): { puts: Map<string, string[]>; clear(): void } {
  const puts = new Map<string, string[]>();
  db.use({
    stack: 'dbcore',
    name: 'test-write-counter',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            if (request.type === 'put') puts.set(name, [...(puts.get(name) ?? []), ...request.values.map((value) => String((value as { key?: unknown }).key))]);
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return { puts, clear: () => puts.clear() };
}
