import { describe, expect, it } from '@jest/globals';
import { vocabularyIndexes } from './vocabulary-index.js';
import type { TermSuggestion } from './vocabulary.types.js';

function suggestionsFor(input: string): readonly TermSuggestion[] {
  const resolution = vocabularyIndexes.therapeuticAreas.resolve(input);
  if (resolution.resolved) throw new Error(`${input} unexpectedly resolved to ${resolution.id}`);
  return resolution.suggestions;
}

describe('VocabularyIndex suggestions for unresolvable terms', () => {
  it('suggests the closest terms, best first, with labels and scores', () => {
    const suggestions = suggestionsFor('Breast');
    expect(suggestions[0]).toMatchObject({ id: 'breast-cancer', label: 'Breast cancer' });
    const scores = suggestions.map((suggestion) => suggestion.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('offers at most five distinct terms', () => {
    const suggestions = suggestionsFor('Oncology drug discovery');
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    expect(new Set(suggestions.map((suggestion) => suggestion.id)).size).toBe(suggestions.length);
    expect(suggestions[0]?.id).toBe('oncology');
  });

  it('puts a term whose distinctive word matches above one that only shares "disease"', () => {
    // "Skin disease" itself is now a Disease Ontology concept; a phrasing it lacks still suggests by its distinctive word.
    const ids = suggestionsFor('Skin problems').map((suggestion) => suggestion.id);
    expect(ids).toContain('skin-cancers');
  });

  it('returns no suggestions for gibberish and an empty input', () => {
    expect(suggestionsFor('xyzzy')).toEqual([]);
    expect(suggestionsFor('   ')).toEqual([]);
  });

  it('is deterministic', () => {
    expect(suggestionsFor('Gastroenterology')).toEqual(suggestionsFor('Gastroenterology'));
  });
});
