/*
 * Words of life-science text as lexical relevance compares them. The words that say who works on what are asset
 * codes ("AZD-9291", "BI 764198"), drug names and their stems ("-tinib", "-mab"), targets ("IL-17", "CD19") and
 * diseases, written in British or American spelling, with Greek letters or their names. Each gets one spelling.
 */

const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about after against all also am among an and any are as at be been before being between both but by can ' +
    'could did do does during each either for from had has have having he her here hers him his how i if in into ' +
    'is it its itself may me might more most must my no nor not of off on once only or other our out over own per ' +
    'same she should so some such than that the their them then there these they this those through to too under ' +
    'until up upon us versus via vs was we were what when where which while who whom why will with within without ' +
    'would yet you your'
  ).split(' '),
);

const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  τ: 'tau',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};
const GREEK_LETTER = /[α-ω]/gu;

/** British spellings and their American form, as word parts; both then meet in one token. */
const BRITISH_PARTS: Readonly<Record<string, string>> = {
  tumour: 'tumor',
  oedema: 'edema',
  oesophag: 'esophag',
  oestr: 'estr',
  foet: 'fet',
  ischaem: 'ischem',
  leukaem: 'leukem',
  anaem: 'anem',
  glycaem: 'glycem',
  lipidaem: 'lipidem',
  uricaem: 'uricem',
  haem: 'hem',
  paediatr: 'pediatr',
  orthopaed: 'orthoped',
  gynaec: 'gynec',
  diarrhoea: 'diarrhea',
  coeliac: 'celiac',
  behaviour: 'behavior',
  colour: 'color',
  centre: 'center',
  fibre: 'fiber',
  litre: 'liter',
  programme: 'program',
  isation: 'ization',
};
// Alternatives in this order, so "ischaemia" is read as ischaem- before its inner haem- is considered.
const BRITISH = new RegExp(Object.keys(BRITISH_PARTS).join('|'), 'gu');
const BRITISH_VERB = /ys(e|ed)$/u;

/**
 * International nonproprietary name stems: a drug's class is in its suffix, so two companies with different
 * kinase inhibitors share the token `~tinib`. Longest stems first, so "-zumab" is not read as "-mab" alone.
 */
const INN_STEMS: readonly string[] = [
  'ciclib',
  'rafenib',
  'tinib',
  'zumab',
  'ximab',
  'umab',
  'mab',
  'parib',
  'lisib',
  'degib',
  'tecan',
  'taxel',
  'platin',
  'gliflozin',
  'glutide',
  'gliptin',
  'vastatin',
  'sartan',
  'pril',
  'olol',
  'prazole',
  'dipine',
  'acept',
  'ercept',
  'kinra',
  'leukin',
  'vir',
  'navir',
  'previr',
  'asvir',
  'buvir',
  'cillin',
  'floxacin',
  'mycin',
  'conazole',
  'setron',
  'tidine',
  'triptan',
  'gepant',
  'lukast',
  'sonide',
  'terol',
  'tropium',
  'semide',
  'parin',
  'xaban',
  'gatran',
  'siran',
  'rsen',
  'leucel',
].sort((a, b) => b.length - a.length);
const MIN_STEM_WORD_LENGTH = 7;

const HAN_RUN = /\p{Script=Han}+/gu;
/** A word and the separator after it, on text with Han runs blanked out. */
const WORD = /[\p{L}\p{N}]+/gu;

/** Prefix for INN stem tokens: it cannot collide with a word, which never holds `~`. */
export const STEM_PREFIX = '~';

/**
 * The tokens of `text` in order, repeats kept (term frequency counts them). Asset codes written with a space or a
 * hyphen between letters and digits become one token ("AZD 9291", "AZD-9291" and "AZD9291" are all `azd9291`).
 */
export function lifeScienceTokens(text: string): string[] {
  const tokens: string[] = [];
  const normalised = text.normalize('NFKC').replace(GREEK_LETTER, (letter) => ` ${GREEK[letter] ?? letter} `);
  for (const run of normalised.toLowerCase().match(HAN_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(`${chars[i]}${chars[i + 1]}`);
  }
  const latin = normalised.replace(HAN_RUN, ' ');
  const words = [...latin.matchAll(WORD)];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    const raw = word[0];
    if (next !== undefined && joinsAsCode(raw, latin.slice(word.index + raw.length, next.index), next[0])) {
      tokens.push(`${raw}${next[0]}`.toLowerCase());
      i++;
      continue;
    }
    const token = wordToken(raw.toLowerCase());
    if (token === undefined) continue;
    tokens.push(token);
    const stem = innStem(token);
    if (stem !== undefined) tokens.push(stem);
  }
  return tokens;
}

/** "AZD 9291", "BI-764198", "IL-17", "HER-2": a letter prefix and a number glued by one space or hyphen. */
function joinsAsCode(letters: string, separator: string, digits: string): boolean {
  if (!/^\p{L}{1,6}$/u.test(letters) || !/^\d+$/u.test(digits)) return false;
  if (separator !== ' ' && separator !== '-') return false;
  const upper = letters === letters.toUpperCase() && letters.length >= 2;
  return upper || (digits.length >= 2 && /\p{Lu}/u.test(letters) && letters.length <= 4);
}

function wordToken(word: string): string | undefined {
  if (word.length < 2 || STOPWORDS.has(word)) return undefined;
  if (/^\d+$/u.test(word)) return word.length >= 2 ? word : undefined;
  const spelled = word.replace(BRITISH, (part) => BRITISH_PARTS[part] ?? part).replace(BRITISH_VERB, 'yz$1');
  return singular(spelled);
}

/** Plurals fold onto the singular; words that only look plural ("virus", "diabetes", "analysis") stay as they are. */
function singular(word: string): string {
  if (word.length <= 4 || /\d/u.test(word)) return word;
  if (/(ss|us|is|ous|ics|ies)$/u.test(word)) {
    return word.endsWith('ies') && word.length > 5 ? `${word.slice(0, -3)}y` : word;
  }
  if (/(sh|ch|x|ss|us)es$/u.test(word)) return word.slice(0, -2);
  if (word.endsWith('betes') || word.endsWith('pes')) return word;
  if (word.endsWith('s') && !word.endsWith('as')) return word.slice(0, -1);
  return word;
}

function innStem(token: string): string | undefined {
  if (token.length < MIN_STEM_WORD_LENGTH || !/^\p{L}+$/u.test(token)) return undefined;
  const stem = INN_STEMS.find((candidate) => token.endsWith(candidate));
  return stem === undefined ? undefined : `${STEM_PREFIX}${stem}`;
}
