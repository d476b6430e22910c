import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { loadVocabularySources, serialiseVocabulary } from './vocabulary-sources.mjs';
import { buildVocabulary, type GeneratedVocabulary } from './vocabulary-builder.mjs';

function generated(outputs: Readonly<Record<string, GeneratedVocabulary>>, file: string): GeneratedVocabulary {
  const vocabulary = outputs[file];
  if (vocabulary === undefined) throw new Error(`vocab:build does not write ${file}`);
  return vocabulary;
}

describe('npm run vocab:build', () => {
  const outputs = buildVocabulary(loadVocabularySources());

  it.each(Object.keys(outputs))('has regenerated libs/engine/data/%s from its current sources', (file) => {
    // Parsed, so that reformatting the shipped file (Prettier) is not a difference.
    const shipped: unknown = JSON.parse(
      readFileSync(new URL(`../../libs/engine/data/${file}`, import.meta.url), 'utf8'),
    );
    expect(JSON.parse(serialiseVocabulary(generated(outputs, file)))).toEqual(shipped);
  });

  it('says where the data came from and under which licence', () => {
    for (const vocabulary of Object.values(outputs)) {
      expect(vocabulary.source.generatedBy).toContain('vocab:build');
      expect(vocabulary.source.licence).not.toBe('');
    }
  });

  it('is deterministic', () => {
    const again = buildVocabulary(loadVocabularySources());
    for (const file of Object.keys(outputs)) {
      expect(serialiseVocabulary(generated(again, file))).toBe(serialiseVocabulary(generated(outputs, file)));
    }
  });
});
