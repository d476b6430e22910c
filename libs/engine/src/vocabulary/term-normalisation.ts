/*
 * Keys for matching free-text terms against vocabulary labels. Both sides of every comparison go through the same
 * functions, so a rule only has to be consistent, not linguistically perfect: "diabetes" becoming "diabete" is harmless
 * because the label is folded the same way.
 */

const CJK_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

const GREEK_LETTERS: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  κ: 'kappa',
  λ: 'lambda',
};

const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['metastases', 'metastasis'],
  ['diagnoses', 'diagnosis'],
  ['prognoses', 'prognosis'],
  ['analyses', 'analysis'],
  ['criteria', 'criterion'],
  ['carcinomata', 'carcinoma'],
  ['mice', 'mouse'],
  ['children', 'child'],
  ['women', 'woman'],
  ['fungi', 'fungus'],
  ['bacteria', 'bacterium'],
  ['indices', 'index'],
]);

const BRITISH_WORDS: ReadonlyMap<string, string> = new Map([
  ['centre', 'center'],
  ['fibre', 'fiber'],
  ['litre', 'liter'],
  ['metre', 'meter'],
  ['theatre', 'theater'],
  ['programme', 'program'],
  ['licence', 'license'],
  ['ageing', 'aging'],
  ['sulphur', 'sulfur'],
  ['aluminium', 'aluminum'],
  ['modelling', 'modeling'],
  ['labelling', 'labeling'],
  ['signalling', 'signaling'],
  ['travelling', 'traveling'],
  ['counselling', 'counseling'],
]);

// Roman numerals carry stage, phase and type ("phase IIb", "type I"); "x" and "c" are left alone because they are
// letters in names ("fragile X", "hepatitis C").
const ROMAN_NUMERALS: ReadonlyMap<string, string> = new Map([
  ['i', '1'],
  ['ii', '2'],
  ['iii', '3'],
  ['iv', '4'],
  ['v', '5'],
  ['vi', '6'],
  ['vii', '7'],
  ['viii', '8'],
  ['ix', '9'],
]);

const ROMAN_WITH_SUFFIX = /^(i{1,3}|iv)([abc])$/;

export function containsCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

// A number run into capitalised words is a word of its own: "Type1Diabetes" is "Type 1 Diabetes" ("HER2" stays).
const NUMBER_RUN_INTO_WORDS = /(\p{Ll})(\d+)(?=\p{Lu}\p{Ll})/gu;

/**
 * Lowercase, diacritic-free text in which the biomarker signs of "HER2+" and "HER2-" are spelled out (they carry
 * meaning) and every other run of punctuation becomes a single space.
 */
export function foldText(input: string): string {
  return input
    .normalize('NFKC')
    .replace(NUMBER_RUN_INTO_WORDS, '$1 $2 ')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[αβγδκλ]/gu, (letter) => ` ${GREEK_LETTERS[letter] ?? letter} `)
    .replace(/['’ʼ`]/gu, '')
    .replace(/&/gu, ' and ')
    .replace(/([\p{L}\p{N}])\+/gu, '$1 positive ')
    .replace(/([\p{L}\p{N}])-(?=$|[\s/,;)\]])/gu, '$1 negative ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function singular(token: string): string {
  const irregular = IRREGULAR_PLURALS.get(token);
  if (irregular !== undefined) return irregular;
  if (token.length <= 3 || /\d/u.test(token) || /(ss|us|is)$/u.test(token)) return token;
  if (token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.endsWith('viruses') || token.endsWith('sses') || token.endsWith('xes')) return token.slice(0, -2);
  if (token.endsWith('s')) return token.slice(0, -1);
  return token;
}

function americanSpelling(token: string): string {
  const word = BRITISH_WORDS.get(token);
  if (word !== undefined) return word;
  return token
    .replace(/^oe(?=soph|str|dem)/u, 'e')
    .replace(/^coeli/u, 'celi')
    .replace(/^foet/u, 'fet')
    .replace(/oea$/u, 'ea')
    .replace(/(?<=.)ae/gu, 'e')
    .replace(/(tum|col|behavi|fav|hum|lab|od)our/gu, '$1or')
    .replace(/isation/gu, 'ization')
    .replace(/(?<=\p{L}{3})is(e|ed|er|ing)$/u, 'iz$1')
    .replace(/ys(e|ed|ing)$/u, 'yz$1')
    .replace(/ogue$/u, 'og')
    .replace(/ological$/u, 'ologic');
}

function normaliseToken(token: string): string {
  if (containsCjk(token)) return token;
  const spelled = americanSpelling(singular(token));
  const roman = ROMAN_NUMERALS.get(spelled);
  if (roman !== undefined) return roman;
  const suffixed = ROMAN_WITH_SUFFIX.exec(spelled);
  if (suffixed?.[1] !== undefined && suffixed[2] !== undefined) {
    return `${ROMAN_NUMERALS.get(suffixed[1]) ?? suffixed[1]}${suffixed[2]}`;
  }
  return spelled;
}

/** Tokens of a term with case, punctuation, British spelling, plurals and Roman numerals folded away. */
export function normaliseTokens(input: string): string[] {
  const folded = foldText(input);
  return folded === '' ? [] : folded.split(' ').map(normaliseToken);
}

export function normaliseTerm(input: string): string {
  return normaliseTokens(input).join(' ');
}

/** Joins tokens without spaces so "COVID19", "si-RNA" and "Non Small-Cell" meet their spaced or hyphenated forms. */
export function compactKey(tokens: readonly string[]): string {
  return tokens.join('');
}

function normalisedMap(entries: readonly (readonly [string, string])[]): ReadonlyMap<string, string> {
  return new Map(entries.map(([from, to]) => [normaliseTerm(from), normaliseTerm(to)]));
}

// Adjectives that say a person has a disease: a condition written as the adjective alone ("Obese", "Diabetic
// Patients") names the disease. Beside another noun they only qualify it ("Diabetic Foot" is no diabetes).
const DISEASE_ADJECTIVES = normalisedMap([
  ['obese', 'obesity'],
  ['diabetic', 'diabetes'],
  ['asthmatic', 'asthma'],
  ['epileptic', 'epilepsy'],
  ['anemic', 'anemia'],
  ['hypertensive', 'hypertension'],
  ['psoriatic', 'psoriasis'],
  ['autistic', 'autism'],
  ['schizophrenic', 'schizophrenia'],
  ['cirrhotic', 'cirrhosis'],
  ['septic', 'sepsis'],
  ['dyslipidemic', 'dyslipidemia'],
  ['osteoporotic', 'osteoporosis'],
  ['hemophiliac', 'hemophilia'],
  ['hypothyroid', 'hypothyroidism'],
  ['hyperthyroid', 'hyperthyroidism'],
]);

/** The disease a person-describing adjective names ("obese" → "obesity"), if it is one. */
export function diseaseOfAdjective(token: string): string | undefined {
  return DISEASE_ADJECTIVES.get(token);
}

// Pathologists distinguish these words; partner systems use them interchangeably, so at the loose level they meet.
const LOOSE_EQUIVALENTS = normalisedMap([
  ['carcinoma', 'cancer'],
  ['neoplasm', 'cancer'],
  ['neoplasia', 'cancer'],
  ['tumour', 'cancer'],
  ['malignancy', 'cancer'],
  ['malignant', 'cancer'],
  ['pulmonary', 'lung'],
  ['renal', 'kidney'],
  ['hepatic', 'liver'],
  ['gastric', 'stomach'],
  ['cardiac', 'heart'],
  ['prostatic', 'prostate'],
  ['mammary', 'breast'],
  ['cerebral', 'brain'],
  ['intracranial', 'brain'],
  ['colonic', 'colon'],
  ['ovarian', 'ovary'],
  ['pancreatic', 'pancreas'],
  ['oesophageal', 'oesophagus'],
  ['cutaneous', 'skin'],
  ['dermal', 'skin'],
  ['opioid', 'opiate'],
]);

// "gland" only repeats what the organ word says: "thyroid gland disease" is "thyroid disease".
const LOOSE_STOPWORDS: ReadonlySet<string> = new Set(
  ['of', 'the', 'a', 'an', 'and', 'with', 'in', 'for', 'to', 'on', 'gland'].map(normaliseTerm),
);

// Dropped only when something else is left, so "Parkinson's" meets "Parkinson's disease" but "disease" stays itself;
// "impairment" and "disturbance" head a disorder's usual name as "disorder" does ("cognitive impairment").
const LOOSE_GENERIC_NOUNS: ReadonlySet<string> = new Set(
  ['disease', 'disorder', 'condition', 'illness', 'mellitus', 'impairment', 'disturbance'].map(normaliseTerm),
);

// A nodule or lesion of an organ, with nothing else said but how many or how spread, is a disease of that organ
// ("thyroid nodule", "focal liver lesions").
const ORGAN_LESION_NOUNS: ReadonlySet<string> = new Set(['nodule', 'lesion'].map(normaliseTerm));
const LESION_COUNTS: ReadonlySet<string> = new Set(['focal', 'multiple', 'solitary', 'single'].map(normaliseTerm));
const DISEASE = normaliseTerm('disease');

// Names no disease on its own either, and is dropped after a name ("Dravet" is Dravet syndrome), but kept after an
// adjective: "metabolic syndrome" is one disease, while "metabolic disease" is a class of them.
const SYNDROME = normaliseTerm('syndrome');
const ADJECTIVE_ENDING = /(ic|al|ary|ory|ous|ive|ar)$/u;

// Body parts and systems: "breast disease" names a group of diseases of an organ, while "Breast" alone names no
// disease at all, so a generic noun after nothing but these words is kept.
const ANATOMICAL_NOUNS: ReadonlySet<string> = new Set(
  [
    'breast',
    'lung',
    'skin',
    'brain',
    'eye',
    'heart',
    'kidney',
    'liver',
    'bone',
    'blood',
    'joint',
    'muscle',
    'nerve',
    'spine',
    'stomach',
    'colon',
    'bowel',
    'intestine',
    'intestinal',
    'pancreas',
    'ovary',
    'uterus',
    'uterine',
    'prostate',
    'bladder',
    'thyroid',
    'adrenal',
    'pituitary',
    'ear',
    'nose',
    'throat',
    'mouth',
    'tooth',
    'teeth',
    'gum',
    'tongue',
    'oesophagus',
    'esophageal',
    'gallbladder',
    'spleen',
    'lymph',
    'node',
    'vascular',
    'vein',
    'artery',
    'arterial',
    'venous',
    'valve',
    'retina',
    'retinal',
    'cornea',
    'corneal',
    'lens',
    'testis',
    'testicular',
    'penis',
    'vulva',
    'vagina',
    'vaginal',
    'cervix',
    'head',
    'neck',
    'foot',
    'hand',
    'hip',
    'knee',
    'back',
    'respiratory',
    'cardiovascular',
    'nervous',
    'immune',
    'digestive',
    'gastrointestinal',
    'urinary',
    'genital',
    'reproductive',
    'endocrine',
    'musculoskeletal',
    'system',
    'organ',
    'tissue',
    'cell',
    'connective',
    // Further organs and their relational adjectives, as anatomy names them.
    'aorta',
    'aortic',
    'coronary',
    'myocardial',
    'pericardial',
    'capillary',
    'lymphatic',
    'hematopoietic',
    'marrow',
    'choroid',
    'choroidal',
    'uvea',
    'uveal',
    'iris',
    'sclera',
    'scleral',
    'conjunctiva',
    'conjunctival',
    'eyelid',
    'ocular',
    'optic',
    'auditory',
    'cochlear',
    'vestibular',
    'nasal',
    'sinus',
    'pharynx',
    'pharyngeal',
    'larynx',
    'laryngeal',
    'trachea',
    'tracheal',
    'bronchus',
    'bronchial',
    'pleura',
    'pleural',
    'thoracic',
    'abdominal',
    'peritoneal',
    'pelvic',
    'spinal',
    'cerebellar',
    'thalamic',
    'oral',
    'dental',
    'gingiva',
    'gingival',
    'periodontal',
    'lip',
    'hair',
    'nail',
    'splenic',
    'biliary',
    'hepatobiliary',
    'duodenum',
    'duodenal',
    'ileum',
    'rectum',
    'rectal',
    'anus',
    'anal',
    'ureter',
    'ureteral',
    'urethra',
    'urethral',
    'endometrium',
    'endometrial',
    'placenta',
    'placental',
    'gonad',
    'gonadal',
    'vulvar',
    'tendon',
    'ligament',
    'cartilage',
  ].map(normaliseTerm),
);

/** A body part or system ("bladder", "aortic", "urinary"): names where a disease is, never a disease on its own. */
export function isAnatomical(token: string): boolean {
  return ANATOMICAL_NOUNS.has(token) || ANATOMICAL_NOUNS.has(LOOSE_EQUIVALENTS.get(token) ?? '');
}

/**
 * Nouns for the organ an anatomical word is about, most literal first: the word itself, its loose equivalent
 * ("prostatic" → "prostate", "cerebral" → "brain") and the noun under a relational adjective ending
 * ("choroidal" → "choroid", "urethral" → "urethra").
 */
export function organNouns(token: string): string[] {
  const nouns = [token, LOOSE_EQUIVALENTS.get(token) ?? token];
  const stem = /^(\p{L}{4,})al$/u.exec(token)?.[1];
  if (stem !== undefined) nouns.push(stem, `${stem}a`);
  return [...new Set(nouns)];
}

// Pathology morphology: the suffix says the word names an abnormal state (-itis inflammation, -osis condition,
// -pathy disease, -plasia/-trophy growth, -emia a blood state, -rrhage/-rrhea a flow, -megaly enlargement,
// -ectasis dilation, -sclerosis hardening, -penia deficiency, -ptosis drooping, -lithiasis stones, -algia pain of a
// named kind). Words with these endings that name no abnormality are listed apart.
const PATHOLOGY_SUFFIX =
  /(?:itis|osis|pathy|plasia|trophy|emia|rrhage|rrhea|megaly|ectasis|sclerosis|penia|ptosis|lithiasis|algia)$/u;
const NOT_PATHOLOGY: ReadonlySet<string> = new Set(
  ['diagnosis', 'prognosis', 'anastomosis', 'hypnosis', 'osmosis', 'symbiosis', 'apoptosis'].map(normaliseTerm),
);
// Nouns for a pathological process or finding that are not built with those suffixes.
const PATHOLOGY_NOUNS: ReadonlySet<string> = new Set(
  [
    'calcification',
    'hypersensitivity',
    'prolapse',
    'obstruction',
    'insufficiency',
    'dysfunction',
    'failure',
    'inflammation',
    'infection',
    'hemorrhage',
    'bleeding',
    'ulcer',
    'ulceration',
    'lesion',
    'nodule',
    'cyst',
    'polyp',
    'abscess',
    'stone',
    'calculus',
    'dilatation',
    'aneurysm',
    'infarction',
    'embolism',
    'edema',
    'incontinence',
    'degeneration',
    'malformation',
    'anomaly',
    'deformity',
    'deficit',
    'neovascularization',
    'hyperactivity',
    'hypofunction',
    'hyperfunction',
  ].map(normaliseTerm),
);

// Lesions of blood vessels: wherever they are, the ontology files them under vascular disease ("brain ischemia" is a
// cerebrovascular disease, not a brain disease; "coronary thrombosis" a coronary artery disease).
const VASCULAR_PATHOLOGY_NOUNS: ReadonlySet<string> = new Set(
  [
    'ischemia',
    'ischaemia',
    'infarction',
    'infarct',
    'hemorrhage',
    'haemorrhage',
    'bleeding',
    'thrombosis',
    'embolism',
    'thromboembolism',
    'aneurysm',
    'occlusion',
    'vasculitis',
  ].map(normaliseTerm),
);

/** The word names a lesion of blood vessels ("haemorrhage", "thrombosis", "occlusion"). */
export function isVascularPathologyNoun(token: string): boolean {
  return VASCULAR_PATHOLOGY_NOUNS.has(token);
}

// Greek and Latin combining forms for organs, as medical compounds begin ("urolithiasis", "osteopenia"), with the
// organ word the vocabulary's organ classes use. "hemo-" is left out: "hemorrhage" is no blood disease.
const COMBINING_FORMS: readonly (readonly [string, string])[] = (
  [
    ['uro', 'urinary'],
    ['nephro', 'kidney'],
    ['hepato', 'liver'],
    ['osteo', 'bone'],
    ['cardio', 'heart'],
    ['gastro', 'stomach'],
    ['entero', 'intestinal'],
    ['dermato', 'skin'],
    ['pneumo', 'lung'],
    ['pulmo', 'lung'],
    ['cysto', 'bladder'],
    ['vesico', 'bladder'],
    ['arthro', 'joint'],
    ['angio', 'vascular'],
    ['vaso', 'vascular'],
    ['encephalo', 'brain'],
    ['ophthalmo', 'eye'],
    ['oculo', 'eye'],
    ['oto', 'ear'],
    ['rhino', 'nose'],
    ['stomato', 'mouth'],
    ['glosso', 'tongue'],
    ['procto', 'rectum'],
    ['hystero', 'uterus'],
    ['oophoro', 'ovary'],
    ['orchio', 'testis'],
    ['masto', 'breast'],
    ['mammo', 'breast'],
    ['thyro', 'thyroid'],
    ['spleno', 'spleen'],
    ['pancreato', 'pancreas'],
    ['cholecysto', 'gallbladder'],
    ['laryngo', 'larynx'],
    ['tracheo', 'trachea'],
    ['broncho', 'bronchus'],
    ['pleuro', 'pleura'],
    ['gingivo', 'gingiva'],
    ['blepharo', 'eyelid'],
    ['retino', 'retina'],
    ['phlebo', 'vein'],
    ['arterio', 'artery'],
    ['myo', 'muscle'],
    ['sarco', 'muscle'],
    ['neuro', 'nerve'],
    ['radiculo', 'nerve'],
  ] as const
)
  .map(([form, organ]) => [form, normaliseTerm(organ)] as const)
  .sort((a, b) => b[0].length - a[0].length);
const MIN_COMPOUND_PATHOLOGY_LENGTH = 4;

/**
 * A compound of an organ's combining form and a pathology ending ("urolithiasis", "osteopenia", "hepatomegaly"):
 * the organ word it is about, or undefined.
 */
export function compoundOrgan(word: string): string | undefined {
  for (const [form, organ] of COMBINING_FORMS) {
    const rest = word.slice(form.length);
    if (word.startsWith(form) && rest.length >= MIN_COMPOUND_PATHOLOGY_LENGTH && PATHOLOGY_SUFFIX.test(rest)) {
      return organ;
    }
  }
  return undefined;
}

// The body system each organ is part of: when the vocabulary has no class for an organ's diseases ("muscle
// disease"), the class of its system's diseases is the nearest broader one ("musculoskeletal system disease").
const ORGAN_SYSTEMS: ReadonlyMap<string, string> = new Map(
  (
    [
      [
        'musculoskeletal',
        ['muscle', 'muscular', 'bone', 'joint', 'tendon', 'ligament', 'cartilage', 'spine', 'spinal'],
      ],
      ['nervous', ['nerve']],
      ['urinary', ['kidney', 'ureter', 'ureteral', 'urethra', 'urethral', 'bladder']],
      ['gastrointestinal', ['stomach', 'intestine', 'intestinal', 'bowel', 'colon', 'rectum', 'rectal', 'duodenum']],
      ['respiratory', ['lung', 'trachea', 'tracheal', 'bronchus', 'bronchial', 'larynx', 'laryngeal', 'pleura']],
      ['integumentary', ['skin', 'hair', 'nail']],
      ['auditory', ['ear', 'cochlear', 'vestibular']],
      ['reproductive', ['uterus', 'uterine', 'ovary', 'testis', 'prostate', 'vagina', 'vulva', 'cervix', 'gonad']],
      ['endocrine', ['thyroid', 'adrenal', 'pituitary']],
      ['hematopoietic', ['blood', 'marrow']],
      ['lymphatic', ['lymph', 'spleen', 'splenic']],
    ] as const
  ).flatMap(([system, organs]) => organs.map((organ) => [normaliseTerm(organ), normaliseTerm(system)] as const)),
);

/** The body system an organ word belongs to ("muscle" → "musculoskeletal"), if known. */
export function organSystem(token: string): string | undefined {
  return ORGAN_SYSTEMS.get(token);
}

/** The word names an abnormal state or process ("calcification", "keratitis"); "disease" and "disorder" too. */
export function isPathologyNoun(token: string): boolean {
  if (LOOSE_GENERIC_NOUNS.has(token)) return true;
  if (PATHOLOGY_NOUNS.has(token) || VASCULAR_PATHOLOGY_NOUNS.has(token)) return true;
  return token.length >= 6 && PATHOLOGY_SUFFIX.test(token) && !NOT_PATHOLOGY.has(token);
}

/** Ends like an English adjective ("metabolic", "renal", "vascular", "infectious"). */
export function isAdjectival(token: string): boolean {
  return ADJECTIVE_ENDING.test(token);
}

/** "disease", "disorder", "syndrome": words that name no disease on their own. */
export function isGenericNoun(token: string): boolean {
  return LOOSE_GENERIC_NOUNS.has(token) || token === SYNDROME;
}

function organLesion(words: readonly string[]): string[] | undefined {
  const lesion = words.findIndex((word) => ORGAN_LESION_NOUNS.has(word));
  if (lesion === -1) return undefined;
  const rest = words.filter((word, index) => index !== lesion && !LESION_COUNTS.has(word));
  if (rest.length === 0 || !rest.every((word) => ANATOMICAL_NOUNS.has(word))) return undefined;
  return [...rest, DISEASE];
}

/** Normalised tokens with head-noun and organ-adjective variants merged and filler words removed. */
export function looseTokens(tokens: readonly string[]): string[] {
  const words = tokens
    .filter((token) => !LOOSE_STOPWORDS.has(token))
    .map((token) => LOOSE_EQUIVALENTS.get(token) ?? token);
  const mapped = organLesion(words) ?? words;
  const specific = mapped.filter(
    (token, index) =>
      !LOOSE_GENERIC_NOUNS.has(token) && !(token === SYNDROME && !ADJECTIVE_ENDING.test(mapped[index - 1] ?? '')),
  );
  const onlyAnatomy = specific.every((token) => ANATOMICAL_NOUNS.has(token));
  const kept = specific.length > 0 && !onlyAnatomy ? specific : mapped;
  return kept.filter((token, index) => token !== kept[index - 1]);
}

/** Word-order-free key for inverted or reshuffled terms ("Diabetes Mellitus, Type 2"). */
export function bagKey(loose: readonly string[]): string {
  return [...new Set(loose)].sort().join(' ');
}

const CJK_EQUIVALENTS: readonly (readonly [RegExp, string])[] = [
  [/恶性肿瘤|肿瘤|癌症|瘤/gu, '癌'],
  [/肾脏/gu, '肾'],
  [/肝脏/gu, '肝'],
  [/肺部/gu, '肺'],
  [/心脏/gu, '心'],
  [/综合症/gu, '综合征'],
  [/疾病/gu, '病'],
];

// Like "disease" in English, a closing 病 or 症 is dropped when enough is left: 阿尔茨海默症 meets 阿尔茨海默病.
const CJK_GENERIC_SUFFIX = /(?<=.{2})[病症]$/u;

/** Chinese counterpart of the loose level: 肿瘤, 癌症 and 恶性肿瘤 meet 癌; 肾脏 meets 肾; 帕金森 meets 帕金森病. */
export function cjkLooseKey(compact: string): string {
  return CJK_EQUIVALENTS.reduce((key, [pattern, replacement]) => key.replace(pattern, replacement), compact).replace(
    CJK_GENERIC_SUFFIX,
    '',
  );
}

/**
 * Splits a compact key into the units a partial match may cover: one per Chinese character, one per Latin or digit
 * run, so "her2阳性乳腺癌" is ["her2", "阳", "性", "乳", "腺", "癌"].
 */
export function cjkUnits(compact: string): string[] {
  return compact.match(/[a-z0-9]+|./gu) ?? [];
}

/** "Carcinoma, Non-Small-Cell Lung" → "Non-Small-Cell Lung Carcinoma": MeSH and EMR lists put the head noun first. */
export function invertCommaSegments(input: string): string | undefined {
  const segments = input
    .split(/[,，]/u)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
  return segments.length > 1 ? segments.reverse().join(' ') : undefined;
}

/**
 * Readings of a term with a parenthesised part, "Metastatic Colorectal Cancer (CRC)": the abbreviation alone, the
 * remainder alone, and both run together for parentheses that qualify rather than abbreviate
 * ("Breast cancer (HER2-negative)"). The parenthesis must follow a space or a Chinese character, so "Lp(a)" stays whole.
 */
export function parentheticalVariants(input: string): string[] {
  const match = /(?:\s|(?<=[\u3400-\u9fff]))[([（【]([^)\]）】]+)[)\]）】]/u.exec(input);
  if (match?.[1] === undefined) return [];
  const inner = match[1].trim();
  const remainder = `${input.slice(0, match.index)} ${input.slice(match.index + match[0].length)}`.trim();
  return [inner, remainder, `${inner} ${remainder}`, `${remainder} ${inner}`].filter((variant) => variant !== '');
}
