import { createHash } from 'node:crypto';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultPlantSizes, type PlantDocument } from '../../electron/demo-plant/plant-data';
import { generatePlant } from '../../electron/demo-plant/plant-data-generator';
import { generateDocuments } from '../../electron/demo-plant/plant-document-generator';
import { seededDocumentFile } from '../../electron/demo-plant/seeded-document-files';

/**
 * The documents a seed generates (records, from a stream of their own after the rest of the plant)
 * and the files drawn for them. A saved plant is its seed plus its changes, so the records and
 * the files a seed gives are pinned like the rest of the generated data.
 */
const epochMs = Date.UTC(2026, 2, 4, 9, 24, 28, 731);

const sha256 = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');

/** Pinned when documents were added: the records' JSON, and for one photo and one paper the drawn pixels and the PDF. */
const pins = [
  {
    seed: 1,
    count: 646,
    records: 'dabe297724c62bdd2f9b144fbea747cc3f5c7a43973b18c62a9f172e47991f43',
    photo: { key: '22000607017380', pixels: '0061c1bde69e56208f60b52f0c8a55d3dc44c5b3ca2ae91bdd54236883a4ff42' },
    paper: { key: '22000607017359', sha256: 'e1091f01c326f19cde045ab5c86a5b4ebdc73b2cd8b921a5751768afaf5723b9' },
  },
  {
    seed: 7,
    count: 640,
    records: 'b4508998442115709b4e70ef14baa32d54b846094b56a079bcc2f10ac7c1d894',
    photo: { key: '22000200854262', pixels: '381959e7f5fe02af67437fd972b3de68c41545cd866ad81ffed68cf2d6a4e719' },
    paper: { key: '22000200854244', sha256: 'dac18d5b59c563c12a926d7f7a5611b3b372a2ff407eddc2bf7803ea484ad98b' },
  },
];

interface PngChunk {
  type: string;
  data: Buffer;
}

/** The chunks of a PNG file, each checked against its CRC. */
function pngChunks(file: Buffer): PngChunk[] {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: PngChunk[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const typeAndData = file.subarray(at + 4, at + 8 + length);
    expect(file.readUInt32BE(at + 8 + length)).toBe(crc32(typeAndData));
    chunks.push({ type: typeAndData.subarray(0, 4).toString('latin1'), data: typeAndData.subarray(4) });
    at += 12 + length;
  }
  return chunks;
}

/** The decoded scanlines of a 320×240 truecolour PNG (independent of the deflate implementation). */
function pngPixels(file: Buffer): Buffer {
  const chunks = pngChunks(file);
  expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const header = chunks[0]!.data;
  expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([320, 240, 8, 2]);
  const scanlines = inflateSync(chunks[1]!.data);
  expect(scanlines.length).toBe((320 * 3 + 1) * 240);
  return scanlines;
}

/** A PDF's header, trailer and cross-reference table: each entry at the start of its object. */
function checkPdf(file: Buffer): string {
  const text = file.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.endsWith('%%EOF\n')).toBe(true);
  const xrefAt = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
  expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
  const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
  expect(offsets.length).toBe(5);
  offsets.forEach((offset, index) => expect(text.slice(offset, offset + 8)).toBe(`${index + 1} 0 obj\n`));
  return text;
}

describe('generated documents', () => {
  it.each(pins)('gives the same documents and files for seed $seed as when they were added', ({ seed, count, records, photo, paper }) => {
    const documents = generateDocuments(seed, epochMs, generatePlant(seed, defaultPlantSizes, epochMs));
    expect(documents).toHaveLength(count);
    expect(sha256(JSON.stringify(documents))).toBe(records);
    const byKey = new Map(documents.map((document) => [document.key!, document]));
    expect(sha256(pngPixels(seededDocumentFile(byKey.get(photo.key)!)))).toBe(photo.pixels);
    expect(sha256(seededDocumentFile(byKey.get(paper.key)!))).toBe(paper.sha256);
  });

  it('puts photos and papers on about a tenth of the work orders, manuals on a few assets and photos on some requests, all before the epoch', () => {
    const plant = generatePlant(3, defaultPlantSizes, epochMs);
    const documents = generateDocuments(3, epochMs, plant);
    expect(generateDocuments(3, epochMs, plant)).toEqual(documents);
    const onWorkOrders = documents.filter((document) => document.entityKeys[0]!.startsWith('07'));
    const workOrdersWithDocuments = new Set(onWorkOrders.map((document) => document.entityKeys[0]));
    expect(workOrdersWithDocuments.size / plant.workOrders.length).toBeGreaterThan(0.08);
    expect(workOrdersWithDocuments.size / plant.workOrders.length).toBeLessThan(0.12);
    expect(onWorkOrders.length).toBeGreaterThan(workOrdersWithDocuments.size);
    const manuals = documents.filter((document) => document.entityKeys[0]!.startsWith('03'));
    expect(manuals.length).toBeGreaterThan(5);
    expect(manuals.every((document) => document.contentType === 'application/pdf' && / manual\.pdf$/.test(document.name!))).toBe(true);
    const requestPhotos = documents.filter((document) => document.entityKeys[0]!.startsWith('20'));
    expect(requestPhotos.length).toBeGreaterThan(3);
    expect(requestPhotos.every((document) => document.type === 'image')).toBe(true);

    const entities = new Set([...plant.workOrders, ...plant.assets, ...plant.serviceRequests].map((record) => record.key));
    for (const document of documents) {
      expect(document.entityKeys.every((key) => entities.has(key))).toBe(true);
      expect(document.key).toMatch(/^22\d{12}$/);
      expect(document.name).toMatch(document.contentType === 'image/png' ? /^[^\\/:*?"<>|]+\.png$/ : /^[^\\/:*?"<>|]+\.pdf$/);
      expect(document.type).toBe(document.contentType === 'image/png' ? 'image' : 'document');
      expect(document.updatedAt).toBe(document.createdAt);
      expect(Date.parse(document.createdAt!)).toBeLessThanOrEqual(epochMs);
    }
    // Keys in the order the documents were added.
    const byKey = [...documents].sort((a, b) => (a.key! < b.key! ? -1 : 1));
    expect(byKey.map((document) => document.createdAt)).toEqual(documents.map((document) => document.createdAt).sort());
  });

  it('draws each photo as a small valid PNG of its own, and each paper as a valid PDF with its title', () => {
    const documents = generateDocuments(1, epochMs, generatePlant(1, { ...defaultPlantSizes, workOrders: 600 }, epochMs));
    const photos = documents.filter((document) => document.contentType === 'image/png').slice(0, 20);
    const pixels = new Set<string>();
    for (const photo of photos) {
      const file = seededDocumentFile(photo);
      expect(file.length).toBeLessThan(50 * 1024);
      pixels.add(sha256(pngPixels(file)));
      expect(seededDocumentFile(photo)).toEqual(file);
    }
    expect(pixels.size).toBeGreaterThan(photos.length / 2);
    const paper = documents.find((document) => document.contentType === 'application/pdf')!;
    expect(checkPdf(seededDocumentFile(paper))).toContain(`(${paper.name!.replace(/\.pdf$/, '')}) Tj`);
  });

  it('writes a title with PDF delimiters and text outside ASCII so the PDF stays valid', () => {
    const document: PlantDocument = {
      key: '22000000000001',
      entityKeys: [],
      name: 'Pump (P-101) \\ seal – Überprüfung.pdf',
      type: 'document',
      contentType: 'application/pdf',
      description: 'A description long enough to be wrapped onto a second line of the page, since it goes on and on about the pump and its seal.',
      notes: '',
      createdAt: '2026-03-04T09:24:28Z',
      updatedAt: '2026-03-04T09:24:28Z',
    };
    const text = checkPdf(seededDocumentFile(document));
    expect(text).toContain('(Pump \\(P-101\\) \\\\ seal - ?berpr?fung) Tj');
    expect(text.match(/\) Tj T\*/g)!.length).toBe(4);
  });
});
