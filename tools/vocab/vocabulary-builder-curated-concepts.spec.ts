import { describe, expect, it } from '@jest/globals';
import type { VocabularyTerm } from '../../libs/engine/src/vocabulary/vocabulary.types.js';
import { buildTherapeuticAreas } from './vocabulary-builder.mjs';

// An invented ontology: the rules are about shapes of names, xrefs and parents, not about real diseases.
const obo = `
[Term]
id: DOID:1
name: disease

[Term]
id: DOID:10
name: zorbid metabolism disorder
synonym: "zorbidaemia" EXACT []
synonym: "zorbid excess" EXACT []
is_a: DOID:1 ! disease

[Term]
id: DOID:20
name: flux organ cancer
is_a: DOID:1 ! disease

[Term]
id: DOID:21
name: flux organ glimmeroma
is_a: DOID:20 ! flux organ cancer

[Term]
id: DOID:30
name: vexal disorder
xref: MESH:D999999
is_a: DOID:1 ! disease

[Term]
id: DOID:31
name: plonk disorder
xref: MESH:D888888
is_a: DOID:1 ! disease

[Term]
id: DOID:32
name: plink disorder
xref: MESH:D888888
is_a: DOID:1 ! disease

[Term]
id: DOID:40
name: quorble disease
synonym: "quorbs" RELATED []
synonym: "quorble of the flux" NARROW []
is_a: DOID:1 ! disease
`;

const curated = {
  version: 'test',
  areaPrecedence: ['alpha'],
  attachments: [],
  terms: [
    { doid: 'DOID:1', id: 'alpha', label: 'Alpha', labelZh: '甲', synonyms: [] },
    { id: 'zorbidaemia', label: 'Zorbidaemia', labelZh: '', synonyms: [], parent: 'alpha' },
    { doid: 'DOID:20', id: 'flux-tumours', label: 'Flux organ tumours', labelZh: '', synonyms: [], parent: 'alpha' },
    { id: 'glimmeroma', label: 'Glimmeroma', labelZh: '', synonyms: [], parent: 'flux-tumours' },
    { id: 'vexation', label: 'Vexation', labelZh: '', synonyms: [], parent: 'alpha', xrefs: ['MESH:D999999'] },
    { id: 'plonkery', label: 'Plonkery', labelZh: '', synonyms: [], parent: 'alpha', xrefs: ['MESH:D888888'] },
    { id: 'acute-quorble', label: 'Acute quorble', labelZh: '', synonyms: [], parent: 'DOID:40' },
  ],
};

function termsOf(curatedInput: unknown): Map<string, VocabularyTerm> {
  const vocabulary = buildTherapeuticAreas([obo], curatedInput);
  return new Map(vocabulary.terms.map((term) => [term.id, term]));
}

describe('vocab:build for curated terms without a DOID concept', () => {
  const terms = termsOf(curated);

  it('takes the concept whose label or EXACT synonym is the curated label as the curated term', () => {
    expect(terms.get('zorbidaemia')?.aliases).toEqual(['DOID:10']);
    expect(terms.has('DOID:10')).toBe(false);
  });

  it('takes the one concept carrying a curated xref, but not one of several', () => {
    expect(terms.get('vexation')?.aliases).toEqual(['DOID:30']);
    expect(terms.get('plonkery')?.aliases).toBeUndefined();
    expect(terms.has('DOID:31') && terms.has('DOID:32')).toBe(true);
  });

  it("takes the concept under the curated parent named by the label and the parent's own words", () => {
    expect(terms.get('glimmeroma')?.aliases).toEqual(['DOID:21']);
  });

  it('places a curated term finer than the ontology under the DOID concept named as its parent', () => {
    expect(terms.get('acute-quorble')?.parent).toBe('DOID:40');
  });

  it('rejects a parent that is neither curated nor in the ontology', () => {
    const dangling = { ...curated, terms: [...curated.terms, { ...curated.terms[6], id: 'x', parent: 'DOID:404' }] };
    expect(() => termsOf(dangling)).toThrow(/Parent DOID:404 of curated x/u);
  });

  it('ships RELATED synonyms apart from EXACT ones and leaves NARROW ones out', () => {
    const quorble = terms.get('DOID:40');
    expect(quorble?.relatedSynonyms).toEqual(['quorbs']);
    expect(quorble?.synonyms).not.toContain('quorbs');
    expect(quorble?.synonyms).not.toContain('quorble of the flux');
  });

  it("leaves out an ontology synonym the curator rejects, keeping the concept's other names", () => {
    expect(terms.get('zorbidaemia')?.synonyms).toContain('zorbid excess');
    const rejecting = {
      ...curated,
      terms: curated.terms.map((term) =>
        term.id === 'zorbidaemia' ? { ...term, rejectedSynonyms: ['Zorbid Excess'] } : term,
      ),
    };
    const zorbidaemia = termsOf(rejecting).get('zorbidaemia');
    expect(zorbidaemia?.aliases).toEqual(['DOID:10']);
    expect(zorbidaemia?.synonyms).toContain('zorbid metabolism disorder');
    expect(zorbidaemia?.synonyms).not.toContain('zorbid excess');
  });
});
