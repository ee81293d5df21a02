// Regenerates the Makini API types from the team's copy of Makini's OpenAPI specs:
//   npm run gen:makini-types
// The published specs declare a few component schemas as `[]` (an empty array, which is not a
// Schema Object); openapi-typescript rejects that, so those are read as "any object" here.
// Nothing else in the specs is changed.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const specs = [
  ['oas3_eam.json', 'makini-eam-api.d.ts'],
  ['oas3_system.json', 'makini-system-api.d.ts'],
];

for (const [specFile, outFile] of specs) {
  const spec = JSON.parse(await readFile(path.join(root, '..', 'shared', 'makini-api', specFile), 'utf8'));
  const repaired = [];
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    if (Array.isArray(schema)) {
      spec.components.schemas[name] = { type: 'object', additionalProperties: true };
      repaired.push(name);
    }
  }
  const ast = await openapiTS(spec);
  const header =
    `// Generated from ../shared/makini-api/${specFile} by scripts/generate-makini-types.mjs.\n` +
    `// Do not edit by hand. Schemas published as [] and read as open objects: ${repaired.join(', ') || 'none'}.\n`;
  const target = path.join(root, 'electron', 'core', 'connectors', 'makini', outFile);
  await writeFile(target, header + astToString(ast));
  console.log(`wrote ${path.relative(root, target)}`);
}
