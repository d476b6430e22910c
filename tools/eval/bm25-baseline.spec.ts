import { describe, expect, it } from '@jest/globals';
import { Bm25Index, wordTokens } from './bm25-baseline.js';

describe('BM25 baseline', () => {
  it('tokenises into lowercase runs of letters and digits', () => {
    expect(wordTokens('Anti-PD-1 (Pembrolizumab) in NSCLC, Phase 2')).toEqual([
      'anti',
      'pd',
      '1',
      'pembrolizumab',
      'in',
      'nsclc',
      'phase',
      '2',
    ]);
  });

  const corpus = ['lung cancer osimertinib', 'breast cancer trastuzumab trastuzumab', 'asthma inhaler', ''];
  const index = new Bm25Index(corpus);

  it('scores only documents that share a query word, rare words above common ones', () => {
    const scores = index.scores('osimertinib cancer');
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(scores[1]).toBeGreaterThan(0);
    expect(scores[2]).toBe(0);
    expect(scores[3]).toBe(0);
    expect(index.idf('osimertinib')).toBeGreaterThan(index.idf('cancer'));
  });

  it('matches the BM25 formula on a hand-computed case', () => {
    // N = 4, n(asthma) = 1, idf = ln(1 + 3.5 / 1.5); doc 2 has 2 words, the average length is 9/4.
    const idf = Math.log(1 + 3.5 / 1.5);
    const norm = 1.2 * (1 - 0.75 + (0.75 * 2) / (9 / 4));
    expect(index.scores('asthma')[2]).toBeCloseTo((idf * 1 * 2.2) / (1 + norm), 12);
  });

  it('saturates repeated words in a document and counts repeated query words', () => {
    const sameLength = new Bm25Index(['x y', 'x x', 'p q', 'r s']);
    const [once, twice] = sameLength.scores('x');
    expect(twice).toBeGreaterThan(once!);
    expect(twice).toBeLessThan(2 * once!);
    expect(sameLength.scores('x x')[0]).toBeCloseTo(2 * once!, 12);
  });

  it('scores nothing for a query of unknown words', () => {
    expect(index.scores('zebrafish')).toEqual([0, 0, 0, 0]);
  });
});
