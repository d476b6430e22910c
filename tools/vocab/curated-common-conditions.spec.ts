import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { resolveConditionMention } from '../../libs/engine/src/vocabulary/condition-mentions.js';
import { normaliseTokens } from '../../libs/engine/src/vocabulary/term-normalisation.js';
import { vocabularyIndexes } from '../../libs/engine/src/vocabulary/vocabulary-index.js';

interface CommonCondition {
  readonly id: string;
  readonly label: string;
  readonly labelZh: string;
  readonly synonyms: readonly string[];
  readonly parent: string;
}

interface CommonConditionsFile {
  readonly chapters: readonly { readonly chapter: string; readonly terms: readonly CommonCondition[] }[];
}

const file = JSON.parse(
  readFileSync(new URL('./curated-common-conditions.json', import.meta.url), 'utf8'),
) as CommonConditionsFile;
const conditions = file.chapters.flatMap((chapter) => chapter.terms);
const curatedAreaIds = new Set(
  (
    JSON.parse(readFileSync(new URL('./curated-areas.json', import.meta.url), 'utf8')) as { terms: { id: string }[] }
  ).terms.map((term) => term.id),
);
const index = vocabularyIndexes.therapeuticAreas;
const areaOf = (id: string): string | undefined => index.ancestors(id).at(-1);
const resolvedIds = (input: string): string[] => resolveConditionMention(input).areas.map((area) => area.id);

describe('curated common conditions (tools/vocab/curated-common-conditions.json)', () => {
  it('names no target: an abbreviation that folds onto a gene symbol ("MetS" onto MET) would hide the target', () => {
    const key = (name: string): string => normaliseTokens(name).join(' ');
    const targetNames = new Set(
      vocabularyIndexes.targets.vocabulary.terms.flatMap((term) => [term.id, term.label, ...term.synonyms].map(key)),
    );
    const clashes = conditions.flatMap((condition) =>
      [condition.label, ...condition.synonyms].filter((name) => targetNames.has(key(name))),
    );
    expect(clashes).toEqual([]);
  });

  it('walks the ICD-10 chapters with a few hundred conditions, each with a new kebab-case id', () => {
    expect(file.chapters.length).toBeGreaterThanOrEqual(15);
    expect(conditions.length).toBeGreaterThanOrEqual(300);
    const ids = conditions.map((condition) => condition.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/u);
      expect(curatedAreaIds.has(id)).toBe(false);
    }
  });

  it('hangs every condition under a concept that is in the vocabulary, and ships it as its own term', () => {
    for (const condition of conditions) {
      expect(index.has(condition.parent)).toBe(true);
      expect(condition.parent).not.toBe(condition.id);
      const shipped = index.get(condition.id);
      expect(shipped?.label).toBe(condition.label);
      expect(index.isDescendantOrSelf(condition.id, condition.parent)).toBe(true);
      // Finer than the ontology: no DOID concept was merged into it.
      expect((shipped?.aliases ?? []).filter((alias) => alias.startsWith('DOID:'))).toEqual([]);
    }
  });

  it('gives every label and synonym to its own condition alone: no name collides with another term', () => {
    for (const condition of conditions) {
      for (const name of [condition.label, ...condition.synonyms]) {
        const resolution = index.resolve(name);
        expect({ name, id: resolution.resolved ? resolution.id : undefined }).toEqual({ name, id: condition.id });
      }
    }
  });

  it.each([
    ['Chronic insomnia in older adults', 'insomnia', 'DOID:535'],
    ['Tinnitus in Adults', 'tinnitus', 'DOID:2742'],
    ['Hypotension, Orthostatic', 'orthostatic-hypotension', 'DOID:178'],
    ['Hernia, Incisional', 'incisional-hernia', 'DOID:5295'],
    ['Urinary Incontinence, Stress', 'stress-urinary-incontinence', 'DOID:18'],
    ['Acne Vulgaris', 'acne-vulgaris', 'DOID:37'],
    ['Postoperative Delirium', 'postoperative-delirium', 'DOID:1561'],
    ['Opioid-Related Disorders', 'opioid-use-disorder', 'DOID:303'],
    ['Functional Dyspepsia', 'functional-dyspepsia', 'DOID:77'],
    ['Presbyopia', 'presbyopia', 'ophthalmology'],
    ['Osteoarthritis, Knee', 'knee-osteoarthritis', 'DOID:848'],
    ['Prostatic Hyperplasia', 'benign-prostatic-hyperplasia', 'DOID:15'],
    ['Abortion, Spontaneous', 'miscarriage', 'DOID:15'],
    ['Hearing Loss, Sudden', 'sudden-sensorineural-hearing-loss', 'DOID:2742'],
  ])('reads "%s" as %s, under %s', (input, id, ancestor) => {
    expect(resolvedIds(input)).toEqual([id]);
    expect(index.isDescendantOrSelf(id, ancestor)).toBe(true);
  });

  it('takes each condition’s area from its parent', () => {
    expect(areaOf('insomnia')).toBe('neuroscience');
    expect(areaOf('delirium')).toBe('neuroscience');
    expect(areaOf('hypotension')).toBe('cardiovascular-renal-metabolism');
    expect(areaOf('urinary-incontinence')).toBe('cardiovascular-renal-metabolism');
    expect(areaOf('presbyopia')).toBe('ophthalmology');
    expect(areaOf('community-acquired-pneumonia')).toBe('respiratory-and-immunology');
    expect(areaOf('clostridioides-difficile-infection')).toBe('infection');
    // Digestive, skin and musculoskeletal diseases have no curated area: they stay under DOID's root.
    expect(areaOf('hernia')).toBe('DOID:4');
  });

  it('leaves out symptoms as such, injuries and physiological states, which name no disease', () => {
    for (const input of ['Pain', 'Nausea', 'Fatigue', 'Hip Fracture', 'Burns', 'Postmenopause', 'Smoking Cessation'])
      expect({ input, areas: resolvedIds(input).filter((id) => conditions.some((c) => c.id === id)) }).toEqual({
        input,
        areas: [],
      });
  });
});
