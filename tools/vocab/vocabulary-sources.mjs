/** File locations and serialisation shared by the vocab:build CLI and its spec. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DATA_DIRECTORY = new URL('../../libs/engine/data/', import.meta.url);
const DOID_DIRECTORY = new URL('./sources/disease-ontology/', import.meta.url);

function readJson(name) {
  return JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
}

export function loadVocabularySources() {
  const directory = fileURLToPath(DOID_DIRECTORY);
  const oboFiles = readdirSync(directory)
    .filter((file) => file.endsWith('.obo'))
    .sort();
  return {
    oboTexts: oboFiles.map((file) => readFileSync(new URL(file, DOID_DIRECTORY), 'utf8')),
    curatedAreas: readJson('./curated-areas.json'),
    curatedCommonConditions: readJson('./curated-common-conditions.json'),
    curatedTargets: readJson('./curated-targets.json'),
  };
}

/** One term per line keeps diffs of the generated files readable. */
export function serialiseVocabulary(vocabulary) {
  const { terms, ...header } = vocabulary;
  const head = JSON.stringify(header, null, 2).replace(/\n\}$/u, '');
  return `${head},\n  "terms": [\n${terms.map((term) => `    ${JSON.stringify(term)}`).join(',\n')}\n  ]\n}\n`;
}
