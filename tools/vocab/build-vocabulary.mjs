/*
 * Regenerates libs/engine/data/*.json from the Human Disease Ontology files in tools/vocab/sources and the curated
 * JSON beside this script. Run with `npm run vocab:build`; the output is deterministic, so an unchanged source gives
 * an unchanged file (tools/vocab/build-vocabulary.spec.ts checks the shipped files are current). Files are written
 * the way Prettier formats them, so `npm run format:check` and the build agree.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { DATA_DIRECTORY, loadVocabularySources, serialiseVocabulary } from './vocabulary-sources.mjs';
import { buildVocabulary } from './vocabulary-builder.mjs';

const outputs = buildVocabulary(loadVocabularySources());
for (const [file, vocabulary] of Object.entries(outputs)) {
  const path = fileURLToPath(new URL(file, DATA_DIRECTORY));
  const options = { ...(await resolveConfig(path)), filepath: path };
  writeFileSync(path, await format(serialiseVocabulary(vocabulary), options));
  console.log(`${path}: ${vocabulary.terms.length} terms`);
}
