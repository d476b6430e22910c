import { describe, expect, it } from '@jest/globals';
import { isPathologyNoun, normaliseTerm, organNouns } from './term-normalisation.js';
import { inventedDiseases } from './vocabulary-index.fixture.js';

// Invented diseases, so that only the head-noun rules can connect an input to a term. The organ words are real ones:
// the organ reading knows anatomy, not diseases.
const index = inventedDiseases([
  { id: 'DOID:1', label: 'disease' },
  { id: 'DOID:2', label: 'zorbitis', parent: 'DOID:1' },
  { id: 'DOID:3', label: 'glimmer disease', parent: 'DOID:1' },
  { id: 'DOID:4', label: 'bladder disease', parent: 'DOID:1' },
  { id: 'DOID:5', label: 'vesiculosis', parent: 'DOID:4' },
  { id: 'DOID:6', label: 'quibblosis', parent: 'DOID:1' },
  { id: 'DOID:7', label: 'urinary system disease', parent: 'DOID:1' },
  { id: 'DOID:8', label: 'choroid disease', parent: 'DOID:1' },
  { id: 'DOID:9', label: 'frobnic disease', parent: 'DOID:1' },
  { id: 'DOID:10', label: 'vascular disease', parent: 'DOID:1' },
  { id: 'DOID:11', label: 'ischemia', parent: 'DOID:10' },
  { id: 'DOID:12', label: 'viral infectious disease', synonyms: ['viral infection'], parent: 'DOID:1' },
  { id: 'DOID:13', label: 'bacterial infection', parent: 'DOID:1' },
  { id: 'DOID:14', label: 'musculoskeletal system disease', parent: 'DOID:1' },
  { id: 'DOID:15', label: 'infection', parent: 'DOID:1' },
  // A curated grouping with no ontology id.
  { id: 'throbbing', label: 'Throbbing' },
]);

// What a condition mention accepts (MIN_AREA_CONFIDENCE in condition-mentions.ts).
const CONFIDENT = 0.71;

function confidentId(input: string): string | undefined {
  const result = index.resolve(input);
  return result.resolved && result.confidence >= CONFIDENT ? result.id : undefined;
}

describe('VocabularyIndex head-noun readings', () => {
  it('reads a phrase ending in a disease name as that broader disease, however many words precede it', () => {
    expect(confidentId('Emergent Zorbitis')).toBe('DOID:2');
    expect(confidentId('Peripheral Glimmer Diseases')).toBe('DOID:3');
    expect(confidentId('Late Onset Relapsing Neurogenic Zorbitis')).toBe('DOID:2');
  });

  it('does not read a span that drops the head: the phrase is about something else', () => {
    expect(confidentId('Zorbitis Registry')).toBeUndefined();
    expect(confidentId('Zorbitis Caregivers')).toBeUndefined();
  });

  it('never reads a negated head as the disease it negates', () => {
    expect(confidentId('Non Zorbitis')).toBeUndefined();
    expect(confidentId('Neurogenic Non-Zorbitis')).toBeUndefined();
  });

  it('reads the head only in a pre-modified phrase: after "of", "and" or "in" the head is no longer last', () => {
    expect(confidentId('Measurement of Zorbitis')).toBeUndefined();
    expect(confidentId('Fatigue and Zorbitis')).toBeUndefined();
  });

  it('needs more than a generic noun or a body part as the head', () => {
    expect(confidentId('Glimmer Plonk Disease')).toBeUndefined();
    expect(confidentId('Frobnic Bladder')).toBeUndefined();
  });

  it('does not read a trailing adjective as a head', () => {
    expect(confidentId('Glimmer Frobnic')).toBeUndefined();
  });

  it('generalises only into ontology concepts, not into curated groupings', () => {
    expect(confidentId('Neck Throbbing')).toBeUndefined();
    expect(confidentId('Throbbing')).toBe('throbbing');
  });

  it('reads a compound ending in a disease word as that disease', () => {
    expect(confidentId('Osteozorbitis')).toBe('DOID:2');
    expect(confidentId('Knee Polyzorbitis')).toBe('DOID:2');
    expect(confidentId('Osteozorbitis, Knee')).toBe('DOID:2');
  });

  it('does not read a compound whose prefix denies or displaces its ending', () => {
    expect(confidentId('Pseudozorbitis')).toBeUndefined();
    expect(confidentId('Nonzorbitis')).toBeUndefined();
    expect(confidentId('Prezorbitis')).toBeUndefined();
  });

  it('reads an organ word before an unknown pathology noun as a disease of that organ', () => {
    expect(confidentId('Bladder Flumosis')).toBe('DOID:4');
    expect(confidentId('Bladder Calcification')).toBe('DOID:4');
    expect(confidentId('Urinary Twitch Incontinence')).toBe('DOID:7');
    expect(confidentId('Choroidal Neovascularization')).toBe('DOID:8');
  });

  it('reads no organ disease for an organ word before a word that names no pathology', () => {
    expect(confidentId('Bladder Function')).toBeUndefined();
    expect(confidentId('Bladder Training')).toBeUndefined();
    expect(confidentId('No Bladder Calcification')).toBeUndefined();
  });

  it('reads a vascular lesion of an organ as a vascular disease, as the ontology files it', () => {
    expect(confidentId('Bladder Haemorrhages')).toBe('DOID:10');
    expect(confidentId('Choroidal Ischemia')).toBe('DOID:10');
    // Without an organ the lesion's own name stands.
    expect(confidentId('Neurogenic Ischemia')).toBe('DOID:11');
  });

  it('reads an organ combining form before a pathology ending as a disease of that organ', () => {
    expect(confidentId('Cystozorbosis')).toBe('DOID:4');
    expect(confidentId('Recurrent Urozorbosis')).toBe('DOID:7');
    // A known disease word at the end is the nearer reading: a urozorbitis is a zorbitis.
    expect(confidentId('Urozorbitis')).toBe('DOID:2');
    expect(confidentId('Cystoscopy')).toBeUndefined();
  });

  it('reads "mal-" and "dys-" before a class name as a disease of that class', () => {
    expect(confidentId('Malglimmer')).toBe('DOID:3');
    expect(confidentId('Dysglimmer')).toBe('DOID:3');
    expect(confidentId('Malfrobble')).toBeUndefined();
  });

  it("falls back to the organ's body system when the vocabulary has no class for the organ itself", () => {
    expect(confidentId('Tendon Calcification')).toBe('DOID:14');
    expect(confidentId('Sarcozorbosis')).toBe('DOID:14');
    // An organ with a class of its own keeps it.
    expect(confidentId('Bladder Calcification')).toBe('DOID:4');
  });

  it('reads a named pathogen as the class of infections of its kind', () => {
    expect(confidentId('Q7Z9 Virus')).toBe('DOID:12');
    expect(confidentId('Plonkoviridae')).toBe('DOID:12');
    expect(confidentId('Glarbobacterium')).toBe('DOID:13');
    // with a type or strain designator after it
    expect(confidentId('Plonkovirus B')).toBe('DOID:12');
    expect(confidentId('Plonkovirus 6')).toBe('DOID:12');
    expect(confidentId('Plonkovirus Receptor')).toBeUndefined();
    // An agent used as a treatment is no infection.
    expect(confidentId('Oncolytic Virus')).toBeUndefined();
    expect(confidentId('Virus Shedding')).toBeUndefined();
  });

  it('keeps a head disease that lies under the organ, and abstains when organ and head disagree', () => {
    expect(confidentId('Bladder Vesiculosis')).toBe('DOID:5');
    expect(confidentId('Bladder Quibblosis')).toBeUndefined();
    // Infections and cancers are classed by agent and cell type before organ, so the head keeps them.
    expect(confidentId('Bladder Infection')).toBe('DOID:15');
  });
});

describe('pathology and organ words', () => {
  it('knows pathology nouns by their ending or as general findings, but not look-alikes', () => {
    for (const word of ['keratitis', 'fibrosis', 'neuropathy', 'hyperplasia', 'haemorrhage', 'prolapse', 'disease']) {
      expect(isPathologyNoun(normaliseTerm(word))).toBe(true);
    }
    for (const word of ['diagnosis', 'prognosis', 'function', 'training', 'pain']) {
      expect(isPathologyNoun(normaliseTerm(word))).toBe(false);
    }
  });

  it('finds the organ noun under a relational adjective', () => {
    expect(organNouns('choroidal')).toContain('choroid');
    expect(organNouns('urethral')).toContain('urethra');
    expect(organNouns(normaliseTerm('prostatic'))).toContain('prostate');
  });
});
