/**
 * Reads a person waits on (the board's first look) go before reads for later (a mirror's full read
 * of a large table): IndexedDB answers one request after another, so a count behind ten slices of
 * 5,000 records waits for all of them to be decoded. A full read starts once no priority read is
 * under way.
 */
const running = new Set<Promise<unknown>>();

/** Runs `read` as a priority read. */
export function priorityRead<T>(read: () => Promise<T>): Promise<T> {
  const done = read();
  running.add(done);
  const settle = () => void running.delete(done);
  done.then(settle, settle);
  return done;
}

/** Resolves once no priority read is under way (at once if none is). */
export async function priorityReadsDone(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}
