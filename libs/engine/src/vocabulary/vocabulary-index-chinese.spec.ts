import { describe, expect, it } from '@jest/globals';
import { vocabularyIndexes } from './vocabulary-index.js';

describe('VocabularyIndex resolving Chinese terms from Wuxi partner systems', () => {
  it.each([
    ['非小细胞肺癌', 'non-small-cell-lung-cancer'],
    ['HER2阳性乳腺癌', 'her2-positive-breast-cancer'],
    ['HER2 阳性 乳腺癌', 'her2-positive-breast-cancer'],
    ['2型糖尿病', 'type-2-diabetes'],
    ['慢阻肺', 'copd'],
    ['新冠', 'covid-19'],
    ['罕见病', 'rare-diseases'],
  ])('resolves the label or synonym %s exactly', (input, id) => {
    expect(vocabularyIndexes.therapeuticAreas.resolve(input)).toMatchObject({ resolved: true, id, confidence: 1 });
  });

  it.each([
    ['晚期非小细胞肺癌', 'non-small-cell-lung-cancer'],
    ['晚期非小细胞肺癌一线治疗', 'non-small-cell-lung-cancer'],
    ['转移性结直肠癌', 'colorectal-cancer'],
    ['IV期胃癌', 'gastric-cancer'],
    ['复发或难治性多发性骨髓瘤', 'multiple-myeloma'],
    ['中重度特应性皮炎', 'atopic-dermatitis'],
    ['EGFR突变晚期非小细胞肺癌', 'egfr-mutated-nsclc'],
    ['HER2阳性晚期胃癌', 'gastric-cancer'],
  ])('strips Chinese qualifiers from %s', (input, id) => {
    expect(vocabularyIndexes.therapeuticAreas.resolve(input)).toMatchObject({ resolved: true, id });
  });

  it.each([
    ['肺恶性肿瘤', 'lung-cancer'],
    ['肝脏肿瘤', 'liver-cancer'],
    ['阿尔茨海默症', 'alzheimers-disease'],
  ])('treats 肿瘤, 恶性肿瘤 and 癌 and a closing 症 or 病 as variants in %s', (input, id) => {
    expect(vocabularyIndexes.therapeuticAreas.resolve(input)).toMatchObject({ resolved: true, id, confidence: 0.9 });
  });

  it('reads a full-width parenthesised abbreviation', () => {
    expect(vocabularyIndexes.therapeuticAreas.resolve('非小细胞肺癌（NSCLC）')).toMatchObject({
      id: 'non-small-cell-lung-cancer',
    });
  });

  it('finds a disease inside a longer Chinese phrase', () => {
    expect(vocabularyIndexes.therapeuticAreas.resolve('非小细胞肺癌脑转移研究')).toMatchObject({ resolved: true });
  });

  it('returns the English and Chinese labels with the id', () => {
    expect(vocabularyIndexes.therapeuticAreas.resolve('非小细胞肺癌')).toEqual({
      input: '非小细胞肺癌',
      resolved: true,
      id: 'non-small-cell-lung-cancer',
      label: 'Non-small cell lung cancer',
      labelZh: '非小细胞肺癌',
      confidence: 1,
    });
  });

  it.each([
    ['developmentStages', 'II期临床', 'phase-2'],
    ['developmentStages', 'Ⅲ期临床', 'phase-3'],
    ['developmentStages', '临床前', 'preclinical'],
    ['modalities', '双抗', 'bispecific-antibody'],
    ['modalities', 'CAR-T细胞疗法', 'car-t'],
    ['capabilities', '类器官', 'organoids'],
    ['capabilities', '中国临床运营', 'clinical-operations-china'],
    ['offerings', '实验室空间', 'lab-space'],
    ['partnerNetworks', '无锡高新区', 'wuxi-high-tech-district'],
    ['partnerNetworks', 'Сколково', 'skolkovo-foundation'],
  ] as const)('resolves %s from %s', (name, input, id) => {
    expect(vocabularyIndexes[name].resolve(input)).toMatchObject({ resolved: true, id });
  });

  it('does not strip a Chinese trial phase as if it were a disease stage', () => {
    expect(vocabularyIndexes.developmentStages.resolve('II期临床试验')).toMatchObject({ id: 'phase-2' });
  });

  it('suggests terms for Chinese text it cannot resolve', () => {
    const resolution = vocabularyIndexes.therapeuticAreas.resolve('胃食管反流');
    expect(resolution.resolved).toBe(false);
    if (!resolution.resolved) expect(resolution.suggestions.length).toBeGreaterThan(0);
  });
});
