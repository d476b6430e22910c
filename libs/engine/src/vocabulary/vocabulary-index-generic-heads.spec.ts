import { describe, expect, it } from '@jest/globals';
import { looseTokens, normaliseTokens } from './term-normalisation.js';
import { inventedDiseases } from './vocabulary-index.fixture.js';

// Invented diseases, so that only the rules under test can connect an input to a term.
const index = inventedDiseases([
  { id: 'DOID:1', label: 'disease' },
  { id: 'DOID:2', label: 'glarb disorder', parent: 'DOID:1' },
  { id: 'DOID:3', label: 'spleen disease', parent: 'DOID:1' },
  { id: 'DOID:4', label: 'pituitary gland disease', parent: 'DOID:1' },
  { id: 'DOID:5', label: 'frobnic disease', parent: 'DOID:1' },
  { id: 'DOID:6', label: 'wuzzle disorder', relatedSynonyms: ['zibberish', 'frobnic'], parent: 'DOID:1' },
  { id: 'DOID:7', label: 'Blorp syndrome', parent: 'DOID:1' },
]);

function resolution(input: string): { id?: string; confidence?: number } {
  const result = index.resolve(input);
  return result.resolved ? { id: result.id, confidence: result.confidence } : {};
}

describe('VocabularyIndex with generic heads and related synonyms', () => {
  it('reads "impairment" and "disturbance" as the head "disorder" does', () => {
    expect(resolution('Glarb Impairment').id).toBe('DOID:2');
    expect(resolution('glarb disturbances').id).toBe('DOID:2');
  });

  it('keeps "syndrome" apart from "disease": a syndrome is one disease, not the class', () => {
    expect(looseTokens(normaliseTokens('frobnic syndrome'))).not.toEqual(
      looseTokens(normaliseTokens('frobnic disease')),
    );
    // Only a partial match on "frobnic" is left, below what a condition mention accepts.
    expect(resolution('Frobnic Syndrome').confidence).toBeLessThan(0.7);
  });

  it('still drops "syndrome" after a name, so the eponym alone names the syndrome', () => {
    expect(resolution("Blorp's").id).toBe('DOID:7');
  });

  it('reads a nodule or lesion of an organ, however many, as a disease of that organ', () => {
    expect(resolution('Spleen Nodule').id).toBe('DOID:3');
    expect(resolution('Multiple Focal Spleen Lesions').id).toBe('DOID:3');
    expect(resolution('Pituitary Lesion').id).toBe('DOID:4');
    expect(resolution('Glarb Nodule').confidence).toBeLessThan(0.7);
  });

  it('meets interchangeable words at the loose level', () => {
    const loose = (text: string): string => looseTokens(normaliseTokens(text)).join(' ');
    expect(loose('intracranial glarbosis')).toBe(loose('cerebral glarbosis'));
    expect(loose('opioid glarbism')).toBe(loose('opiate glarbism'));
  });

  it('reads grade as a qualifier and form words as soft beside a disease name', () => {
    expect(resolution('Low-Grade Glarb Disorder')).toEqual({ id: 'DOID:2', confidence: 0.95 });
    expect(resolution('Glarb Disorder, Complex').confidence).toBeGreaterThan(0.71);
  });

  it('reads the disease after "patients with", wherever it stands', () => {
    expect(resolution('Frobnication Timing in Outpatient Clinic Patients With Glarb Disorder').id).toBe('DOID:2');
  });

  it('drops a trailing "on …" clause about treatment', () => {
    expect(resolution('Glarb Disorder on Long-Term Frobnication').id).toBe('DOID:2');
  });

  it('resolves a related synonym below full confidence, and never before a real name', () => {
    expect(resolution('Zibberish')).toEqual({ id: 'DOID:6', confidence: 0.85 });
    expect(resolution('frobnic').id).toBe('DOID:5');
  });

  it('does not find a related synonym inside longer text', () => {
    expect(resolution('zibberish of the glarb and more').id).not.toBe('DOID:6');
  });
});
