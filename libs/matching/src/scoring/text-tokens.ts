const STOPWORDS = new Set(['a', 'an', 'and', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'by', 'from']);
const SEPARATOR = /[^\p{L}\p{N}]+/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * Distinct tokens of free-text terms, sorted. Chinese has no spaces, so Han runs become character bigrams: '肿瘤免疫'
 * then shares '免疫' with '免疫治疗' the way 'immuno oncology' shares 'immuno' with 'immuno therapy'.
 */
export function textTokens(terms: readonly string[] | undefined): string[] {
  const tokens = new Set<string>();
  for (const term of terms ?? []) {
    const normalised = term.normalize('NFKC').toLowerCase();
    for (const run of normalised.match(HAN_RUN) ?? []) {
      const chars = [...run];
      if (chars.length === 1) tokens.add(run);
      for (let i = 0; i + 1 < chars.length; i++) tokens.add(`${chars[i]}${chars[i + 1]}`);
    }
    for (const word of normalised.replace(HAN_RUN, ' ').split(SEPARATOR)) {
      if (word.length >= 2 && !STOPWORDS.has(word)) tokens.add(word);
    }
  }
  return [...tokens].sort();
}
