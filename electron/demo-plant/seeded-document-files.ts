/**
 * The bytes of a generated document, made when it is downloaded rather than kept: a 320×240 PNG
 * "photo" (a machine against a wall, drawn from a stream seeded by the document's key) or a
 * one-page PDF with the document's title and description. The same record always gives the same
 * bytes.
 */
import { createHash } from 'node:crypto';
import { generatedContentTypes } from './plant-document-generator';
import type { PlantDocument } from './plant-data';
import { textPdf } from './pdf-text-document';
import { encodePng, RgbCanvas } from './png-image';
import { SeededRandom } from './seeded-random';

type Colour = readonly [number, number, number];

const photoWidth = 320;
const photoHeight = 240;
const walls: readonly Colour[] = [
  [214, 210, 196],
  [190, 200, 205],
  [225, 222, 215],
  [176, 186, 170],
];
const paints: readonly Colour[] = [
  [46, 125, 50],
  [33, 90, 160],
  [120, 124, 128],
  [230, 180, 30],
  [205, 100, 35],
];

const shade = ([r, g, b]: Colour, factor: number): Colour => [Math.round(r * factor), Math.round(g * factor), Math.round(b * factor)];
function blend(from: Colour, to: Colour, t: number): Colour {
  const mix = (i: 0 | 1 | 2) => Math.round(from[i] + (to[i] - from[i]) * t);
  return [mix(0), mix(1), mix(2)];
}

function drawPhoto(key: string): Buffer {
  const random = new SeededRandom(createHash('sha256').update(key).digest().readUInt32BE(0));
  const canvas = new RgbCanvas(photoWidth, photoHeight);
  const horizon = random.int(140, 180);
  const wall = random.pick(walls);
  const floor: Colour = [150, 148, 142];
  for (let y = 0; y < horizon; y++) canvas.fillRect(0, y, photoWidth, 1, blend(wall, shade(wall, 0.8), y / horizon));
  for (let y = horizon; y < photoHeight; y++) canvas.fillRect(0, y, photoWidth, 1, blend(shade(floor, 0.85), floor, (y - horizon) / (photoHeight - horizon)));
  canvas.fillRect(0, horizon + 12, photoWidth, 6, [228, 190, 40]); // the walkway's yellow line

  const paint = random.pick(paints);
  const width = random.int(130, 210);
  const height = random.int(80, 120);
  const left = random.int(20, photoWidth - width - 20);
  const top = horizon + 24 - height;
  canvas.fillRect(left + 6, top + 6, width, height, shade(floor, 0.6)); // its shadow
  canvas.fillRect(left, top, width, height, shade(paint, 0.6));
  canvas.fillRect(left + 3, top + 3, width - 6, height - 6, paint);
  for (const [x, y] of [[left + 8, top + 8], [left + width - 9, top + 8], [left + 8, top + height - 9], [left + width - 9, top + height - 9]] as const) {
    canvas.fillCircle(x, y, 2, shade(paint, 0.45));
  }
  const radius = random.int(18, Math.min(34, Math.floor(height / 2) - 8));
  const motorX = left + random.int(radius + 12, width - radius - 12);
  const motorY = top + Math.floor(height / 2);
  canvas.fillCircle(motorX, motorY, radius, shade(paint, 0.7));
  canvas.fillCircle(motorX, motorY, Math.floor(radius / 3), [200, 200, 196]);
  canvas.fillRect(left + 10, top + height - 24, 34, 12, [245, 245, 240]); // the nameplate
  canvas.fillRect(left + 13, top + height - 19, 28, 2, [40, 40, 40]);
  return encodePng(canvas);
}

/** The file of a generated document: its photo or its paper. */
export function seededDocumentFile(document: PlantDocument): Buffer {
  if (document.contentType === generatedContentTypes.photo) return drawPhoto(document.key!);
  const title = (document.name ?? '').replace(/\.pdf$/, '');
  return textPdf(title, [document.description ?? '', `Millwright Demo Plant, document ${document.key}, added ${document.createdAt}.`]);
}
