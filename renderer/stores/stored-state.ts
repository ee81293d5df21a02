import type { z } from 'zod';
import { createJSONStorage, type PersistOptions } from 'zustand/middleware';

/**
 * How a store keeps its settings on this computer (localStorage, which the desktop app's profile
 * and the browser keep across restarts): only the schema's fields are written, and what is read
 * back is checked against the schema; anything else (an older shape, a hand-edited value) is
 * dropped for the defaults rather than trusted.
 */
export function storedState<S extends object, T extends z.ZodObject>(name: string, schema: T): PersistOptions<S, z.infer<T>> {
  const fields = Object.keys(schema.shape);
  return {
    name,
    version: 1,
    storage: createJSONStorage(() => localStorage),
    partialize: (state) => Object.fromEntries(fields.map((field) => [field, (state as Record<string, unknown>)[field]])) as z.infer<T>,
    merge: (stored, current) => {
      const read = schema.safeParse(stored);
      return read.success ? { ...current, ...read.data } : current;
    },
  };
}
