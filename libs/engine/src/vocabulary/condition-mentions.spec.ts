import { describe, expect, it } from '@jest/globals';
import { resolveConditionMention } from './condition-mentions.js';

function areaIds(input: string): string[] {
  return resolveConditionMention(input).areas.map((area) => area.id);
}

describe('resolveConditionMention', () => {
  it('gives the disease and the biomarker a condition names', () => {
    const mention = resolveConditionMention('EGFR-mutant NSCLC');
    expect(mention.areas.map((area) => area.id)).toEqual(['egfr-mutated-nsclc']);
    expect(mention.targets).toEqual(['EGFR']);
  });

  it('names each disease of a list whose every part names one', () => {
    const ids = areaIds('Mesothelioma, Small Cell Lung Cancer, NSCLC');
    expect(ids).toEqual(expect.arrayContaining(['small-cell-lung-cancer', 'non-small-cell-lung-cancer']));
    expect(ids).toHaveLength(3);
  });

  it('names the diseases of a list whose other parts name nothing', () => {
    expect(areaIds('Asthma; Inhaler Technique; Telemonitoring')).toEqual(['asthma']);
    expect(areaIds('Heart Failure or Risk of Readmission')).toEqual(['heart-failure']);
  });

  it('reads a comma as part of one name when a part names nothing', () => {
    expect(areaIds('Leukemia, Myeloid, Acute')).toEqual(['acute-myeloid-leukaemia']);
    // A part that is no disease and no narrowing of one ("Asthma, Knee" would now read as the inverted "Knee Asthma",
    // a kind of asthma by its head noun): the text names nothing confidently.
    expect(areaIds('Asthma, Quality of Life')).toEqual([]);
    // Two parts around one comma are an inverted name, not a list with one disease in it.
    expect(areaIds('Gait Disorders, Neurologic')).toEqual([]);
  });

  it('reads the one disease a phrase about something else names', () => {
    expect(areaIds('MRI Findings of Knee Osteoarthritis')).toEqual(['knee-osteoarthritis']);
    expect(areaIds('Incidence of Delirium After Cardiac Surgery')).toEqual(['delirium']);
    const [delirium] = resolveConditionMention('Incidence of Delirium After Cardiac Surgery').areas;
    expect(delirium?.confidence).toBeLessThan(1);
  });

  it('reads no topic when the phrase names two diseases or denies one', () => {
    expect(areaIds('Depression in Parkinson Disease')).toEqual([]);
    expect(areaIds('Outcomes of Infection Without Antibiotics')).toEqual([]);
  });

  it('reads an adjective for people with a disease, alone, as the disease', () => {
    expect(areaIds('Obese')).toEqual(['obesity']);
    expect(areaIds('Obese Adults')).toEqual(['obesity']);
    expect(areaIds('Diabetic Patients')).toEqual(['diabetes']);
    // Beside another noun the adjective only qualifies it.
    expect(areaIds('Diabetic Foot')).not.toContain('diabetes');
  });

  it('splits a number run into capitalised words', () => {
    expect(areaIds('Type2Diabetes')).toEqual(['type-2-diabetes']);
    expect(areaIds('Adult Subjects With Type1Diabetes')).toEqual(['type-1-diabetes']);
  });

  it('reads an organ word before a deficit as a disease of that organ, else of its system', () => {
    expect(areaIds('Patients With Vestibular Deficits')).toEqual(['vestibular-disorders']);
    expect(areaIds('Cochlear Deficits')).toEqual(['DOID:2742']);
  });

  it.each(['Healthy Volunteers', 'Pharmacokinetics', 'Quality of Life', 'Adverse Drug Event', 'Pembrolizumab'])(
    'names nothing in %j',
    (input) => {
      const mention = resolveConditionMention(input);
      expect(mention.areas).toEqual([]);
      expect(mention.targets).toEqual([]);
    },
  );
});
