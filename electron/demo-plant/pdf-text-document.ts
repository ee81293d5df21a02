/**
 * A minimal valid PDF: one A4 page of text lines in Helvetica, a heading and then body lines,
 * with the cross-reference table every reader checks. Text outside printable ASCII is written as
 * "?" (a dash as "-"): the standard Type 1 fonts need no embedding only for plain text.
 */

const pageWidth = 595;
const pageHeight = 842;
const margin = 72;
/** About how many body characters fit on a line of 11-point Helvetica between the margins. */
const bodyLineChars = 88;

/** A literal PDF string: printable ASCII, with its delimiters and backslash escaped. */
function pdfString(text: string): string {
  const ascii = text.replace(/[\u2013\u2014]/g, '-').replace(/[^\x20-\x7e]/g, '?');
  return `(${ascii.replace(/[\\()]/g, (character) => `\\${character}`)})`;
}

/** The paragraph broken into lines of at most `width` characters, at spaces where it can be. */
function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The PDF's bytes: `heading` on top, then each paragraph wrapped to the page, a blank line after each. */
export function textPdf(heading: string, paragraphs: readonly string[]): Buffer {
  const body = paragraphs.flatMap((paragraph) => [...wrap(paragraph, bodyLineChars), '']);
  const content = [
    'BT',
    `/F1 18 Tf ${margin} ${pageHeight - margin} Td 24 TL`,
    `${pdfString(heading)} Tj T*`,
    '/F1 11 Tf 15 TL',
    ...body.map((line) => (line ? `${pdfString(line)} Tj T*` : 'T*')),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(text, 'latin1'));
    text += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(text, 'latin1');
  // Each cross-reference entry is exactly 20 bytes: offset, generation, kind, space and newline.
  const entries = ['0000000000 65535 f \n', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)];
  text += `xref\n0 ${objects.length + 1}\n${entries.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}
