/**
 * A note appended to a work order's notes as Millwright writes it: one line that says when and who,
 * "[2026-12-05 14:05 · Dana Whitfield] Bearing replaced, running.", after what is there already.
 * Makini has no notes list of its own, only the work order's `notes` text, so the line carries both.
 */
export interface AppendedNote {
  text: string;
  /** When it is written, as the writer's clock reads in their time zone: "2026-12-05 14:05". */
  at: string;
  /** The writer's name in the plant; null when they have not said who they are. */
  author: string | null;
}

/** The one line a note is written as; line breaks typed inside it become spaces, so one note stays one line. */
export function noteLine({ text, at, author }: AppendedNote): string {
  const oneLine = text.trim().replace(/\s*[\r\n]+\s*/g, ' ');
  return `[${author ? `${at} · ${author.trim()}` : at}] ${oneLine}`;
}

/** The work order's notes with the note added as the last line. */
export function appendNote(notes: string | null, note: AppendedNote): string {
  const line = noteLine(note);
  return notes && notes.trim() !== '' ? `${notes.replace(/\s+$/, '')}\n${line}` : line;
}
