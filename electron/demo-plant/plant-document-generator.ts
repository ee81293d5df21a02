/**
 * The plant's documents (see this folder's README, "The data"): photos and papers on about a
 * tenth of the work orders (a quarter of those have two), a manual for a few assets, a photo sent
 * with some service requests.
 *
 * Generated from the plant's generated records, apart from them (PlantState calls this once
 * `generatePlant` is done) and from a random stream of their own, so that nothing a seed gave
 * before documents existed changes. Only the records are made here: a generated document's bytes
 * are drawn from its record when it is downloaded (seeded-document-files.ts).
 */
import {
  afterRepairPhotoSubject,
  faultPhotoSubjects,
  inspectionPhotoSubjects,
  plannedWorkPapers,
  repairPapers,
} from './document-vocabulary';
import { keyPrefixes, type PlantData, type PlantDocument } from './plant-data';
import { documentTypeOf } from './plant-documents';
import { day, isoSeconds, minute } from './plant-time';
import { SeededRandom } from './seeded-random';

/** Mixed into the seed for the documents' stream. */
const documentStreamSalt = 0xd0c5_f11e;
const workOrderShare = 0.1;
/** Of the work orders with a document, the share that have a second one. */
const secondDocumentShare = 0.25;
const assetManualShare = 0.05;
const serviceRequestPhotoShare = 0.25;

/** The content types of the generated files: photos are PNGs, papers PDFs. */
export const generatedContentTypes = { photo: 'image/png', paper: 'application/pdf' } as const;
type GeneratedKind = keyof typeof generatedContentTypes;
const extensions: Record<GeneratedKind, string> = { photo: 'png', paper: 'pdf' };

interface DraftDocument {
  entityKey: string;
  kind: GeneratedKind;
  /** The name without its extension. */
  title: string;
  description: string;
  /** When it was added, in Unix seconds. */
  added: number;
}

/** A title as part of a file name: characters file systems refuse (a title's colon) become a dash. */
const fileTitle = (title: string) => title.replace(/\s*[\\/:*?"<>|]+\s*/g, ' - ');
const seconds = (iso: string | undefined) => Math.floor(Date.parse(iso ?? '') / 1000);

export function generateDocuments(seed: number, epochMs: number, data: PlantData): PlantDocument[] {
  const random = new SeededRandom(seed ^ documentStreamSalt);
  let counter = random.int(100_000_000, 899_999_999);
  const now = Math.floor(epochMs / 1000);
  /** A whole second in [from, to], no later than now; `from` when the range is empty. */
  const between = (from: number, to: number) => from + random.int(0, Math.max(0, Math.min(to, now) - from));
  const assetNames = new Map(data.assets.map((asset) => [asset.key, asset.name]));
  const drafts: DraftDocument[] = [];

  for (const workOrder of data.workOrders) {
    if (!random.chance(workOrderShare)) continue;
    const on = assetNames.get(workOrder.assetKey) ?? workOrder.title;
    const opened = seconds(workOrder.createdAt);
    const done = workOrder.completedAt ? seconds(workOrder.completedAt) : now;
    const planned = workOrder.categoryName === 'Preventive';
    const paperFirst = random.chance(planned ? 0.7 : 0.3);
    const photo = (subject: string, added: number): DraftDocument => ({
      entityKey: workOrder.key!,
      kind: 'photo',
      title: subject,
      description: `${subject} on ${on}, photographed during ${workOrder.code}.`,
      added,
    });
    const paper = (title: string, added: number): DraftDocument => ({
      entityKey: workOrder.key!,
      kind: 'paper',
      title,
      description: `${title} for ${on}, kept with ${workOrder.code}.`,
      added,
    });
    const first = between(opened, Math.min(opened + day, done));
    const subject = random.pick(planned ? inspectionPhotoSubjects : faultPhotoSubjects);
    const title = random.pick(planned ? plannedWorkPapers : repairPapers);
    drafts.push(paperFirst ? paper(title, first) : photo(subject, first));
    if (random.chance(secondDocumentShare)) {
      const second = between(first, done);
      drafts.push(paperFirst ? photo(subject, second) : planned || !workOrder.completedAt ? paper(title, second) : photo(afterRepairPhotoSubject, done));
    }
  }

  for (const asset of data.assets) {
    if (!random.chance(assetManualShare)) continue;
    const model = [asset.makeName, asset.modelName].filter(Boolean).join(' ') || asset.categoryName || asset.name;
    drafts.push({
      entityKey: asset.key!,
      kind: 'paper',
      title: `${model} manual`,
      description: `Operation and maintenance manual for ${asset.name}.`,
      added: between(seconds(asset.createdAt), seconds(asset.createdAt) + 30 * day),
    });
  }

  for (const request of data.serviceRequests) {
    if (!random.chance(serviceRequestPhotoShare)) continue;
    drafts.push({
      entityKey: request.key!,
      kind: 'photo',
      title: fileTitle(request.title ?? 'Photo'),
      description: `Photo of ${assetNames.get(request.assetKey) ?? 'the problem'} sent with the request.`,
      added: between(seconds(request.createdAt), seconds(request.createdAt) + 15 * minute),
    });
  }

  // Keys follow the order the documents were added (sort is stable: ties keep the order above).
  drafts.sort((a, b) => a.added - b.added);
  return drafts.map((draft) => {
    const stamp = isoSeconds(draft.added * 1000);
    const contentType = generatedContentTypes[draft.kind];
    return {
      key: keyPrefixes.document + String(counter++).padStart(12, '0'),
      entityKeys: [draft.entityKey],
      name: `${draft.title}.${extensions[draft.kind]}`,
      type: documentTypeOf(contentType),
      contentType,
      description: draft.description,
      notes: '',
      createdAt: stamp,
      updatedAt: stamp,
    };
  });
}
