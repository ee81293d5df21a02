/**
 * Words the demo plant's documents are made of: what technicians photograph on a job, the papers
 * a job carries, and what an asset's manual is called (see plant-document-generator.ts).
 */

/** What a technician photographs on unplanned work: the fault as found. */
export const faultPhotoSubjects: readonly string[] = [
  'Bearing housing crack',
  'Oil leak at shaft seal',
  'Worn drive belt',
  'Corroded pipe flange',
  'Damaged guard',
  'Burnt contactor',
  'Cracked weld on frame',
  'Loose coupling bolts',
  'Seized roller',
  'Blocked strainer',
  'Frayed cable at gland',
  'Scored shaft',
  'Broken sensor bracket',
  'Water in terminal box',
  'Chipped impeller',
  'Sheared key in hub',
];

/** What a technician photographs on planned work: what was found and done. */
export const inspectionPhotoSubjects: readonly string[] = [
  'Condition at inspection',
  'Gauge reading at service',
  'Filter before change',
  'Belt tension check',
  'Lubrication points',
  'Panel after cleaning',
];

/** A photo taken once unplanned work is done. */
export const afterRepairPhotoSubject = 'After repair';

/** The papers attached to planned work. */
export const plannedWorkPapers: readonly string[] = [
  'Lockout procedure',
  'Inspection checklist',
  'Lubrication chart',
  'Permit to work',
  'Service record sheet',
];

/** The papers attached to unplanned work. */
export const repairPapers: readonly string[] = ['Lockout procedure', 'Repair report', 'Vendor service report', 'Root cause analysis', 'Permit to work', 'Parts quotation'];
