/**
 * Why an export file cannot be read at all, in plain words that follow "The export file <path>"
 * (e.g. "cannot be found."). The connector turns it into the error every list of the file fails with.
 */
export class ExportFileProblem extends Error {}
