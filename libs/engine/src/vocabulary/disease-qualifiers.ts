/*
 * Words partner systems put around a disease name that narrow the patient population without naming another disease:
 * line of therapy, stage, setting, severity, biomarker status. Stripping them maps "Stage IIIB unresectable NSCLC" to
 * the disease we have a term for. Only therapeutic areas use them: in other vocabularies "early" or "II期" carry meaning.
 */
import { normaliseTokens } from './term-normalisation.js';

type Phrase = readonly string[];

function phrases(list: readonly string[]): readonly Phrase[] {
  return list.map(normaliseTokens).sort((a, b) => b.length - a.length);
}

const QUALIFIERS = phrases([
  'locally advanced',
  'advanced',
  'metastatic',
  'non-metastatic',
  'oligometastatic',
  'recurrent',
  'relapsed',
  'refractory',
  'relapsed or refractory',
  'r/r',
  'resectable',
  'unresectable',
  'borderline resectable',
  'inoperable',
  'operable',
  'localised',
  'local',
  'early',
  'early-stage',
  'late',
  'late-stage',
  'extensive-stage',
  'limited-stage',
  'low-grade',
  'intermediate-grade',
  'high-grade',
  'newly diagnosed',
  'previously treated',
  'pretreated',
  'heavily pretreated',
  'treatment-naive',
  'untreated',
  'first-line',
  'second-line',
  'third-line',
  'later-line',
  '1st line',
  '2nd line',
  '3rd line',
  'front-line',
  'frontline',
  'maintenance',
  'adjuvant',
  'neoadjuvant',
  'perioperative',
  'adult',
  'paediatric',
  'childhood',
  'elderly',
  'high-risk',
  'intermediate-risk',
  'low-risk',
  'mild',
  'moderate',
  'moderate-to-severe',
  'mild-to-moderate',
  'severe',
  'uncontrolled',
  'poorly controlled',
  'persistent',
  'symptomatic',
  'invasive',
  'muscle-invasive',
  'non-muscle-invasive',
  'human',
  'patient',
  'subject',
  'population',
  'indication',
  'de novo',
  'all-comers',
  'treatment',
  'therapy',
  'management',
  'prevention',
  'prophylaxis',
  'pre-exposure prophylaxis',
  'post-exposure prophylaxis',
  // Population words: "Obesity, Adolescent". Onset words (acute, chronic, primary, idiopathic) stay: they are part
  // of disease names ("chronic lymphocytic leukaemia") that all qualifiers are stripped from at once.
  'neonatal',
  'infantile',
  'adolescent',
  'adolescents',
  'adults',
  'children',
  'paediatric patients',
  'pediatric',
  'young',
  'older',
  'advanced-stage',
  'end-stage',
  'unspecified',
  'protocol specific',
  'patients',
  'subjects',
  'people',
  // Staging systems: "Cervical Cancer by FIGO Stage", "TNM Stage III".
  'figo',
  'tnm',
  'ajcc',
  'clinical stage',
  'pathologic stage',
  'stage',
  // Course and sex: "Acute Exacerbation of COPD", "Cocaine Dependence, in Remission", "Infertility, Female".
  'exacerbation',
  'exacerbations',
  'flare',
  'flares',
  'in remission',
  'remission',
  'survivorship',
  'survivors',
  'female',
  'male',
  'women',
  'men',
  // A pathogen named for the infection it causes: "Influenza A Virus".
  'virus',
  'infection',
]);

const STAGE_WORDS: ReadonlySet<string> = new Set(['stage', 'grade', 'phase']);
const STAGE_NUMBER = /^\d{1,2}[a-c]?$/u;
// Grades and TNM codes written as one token: "G1", "T2N0M0", "pT3".
const STAGE_CODE = /^(g[1-4]|p?t[0-4x][a-d]?(n[0-3x][a-c]?)?(m[01x][a-c]?)?|n[0-3]|m[01])$/u;
const LINE_OF_THERAPY = /^\d+l$/u;

const BIOMARKERS = phrases([
  'HER2',
  'ERBB2',
  'HER3',
  'EGFR',
  'EGFRm',
  'EGFRmut',
  'KRAS',
  'NRAS',
  'BRAF',
  'ALK',
  'ROS1',
  'RET',
  'MET',
  'c-MET',
  'NTRK',
  'BRCA',
  'BRCA1',
  'BRCA2',
  'BRCAm',
  'ATM',
  'PALB2',
  'HRD',
  'HRR',
  'MSI',
  'MSI-H',
  'MSI-high',
  'dMMR',
  'pMMR',
  'MMR',
  'TMB',
  'TMB-high',
  'PD-L1',
  'PDL1',
  'ER',
  'PR',
  'HR',
  'hormone receptor',
  'oestrogen receptor',
  'progesterone receptor',
  'ESR1',
  'PIK3CA',
  'AKT1',
  'PTEN',
  'TP53',
  'FGFR',
  'FGFR2',
  'FGFR3',
  'IDH1',
  'IDH2',
  'FLT3',
  'NPM1',
  'JAK2',
  'BCR-ABL',
  'CD19',
  'CD20',
  'CD38',
  'BCMA',
  'claudin 18.2',
  'CLDN18.2',
  'TROP2',
  'B7-H3',
  'DLL3',
  'exon 19',
  'exon 20',
  'EBV',
  'HPV',
  'p16',
]);

const BIOMARKER_STATUSES = phrases([
  'positive',
  'negative',
  'low',
  'high',
  'ultralow',
  'null',
  'mutant',
  'mutated',
  'mutation',
  'amplified',
  'amplification',
  'overexpressing',
  'overexpression',
  'expressing',
  'expression',
  'fusion',
  'rearranged',
  'rearrangement',
  'deficient',
  'proficient',
  'deletion',
  'insertion',
  'altered',
  'alteration',
  'driven',
  'wild-type',
  'wt',
]);

// Point mutations such as G12C, V600E, T790M.
const MUTATION_CODE = /^[a-z]\d{1,4}[a-z]$/u;

const CLAUSE_STARTS: ReadonlySet<string> = new Set(
  [
    'with',
    'without',
    'who',
    'whose',
    'after',
    'following',
    'harboring',
    'harbouring',
    'including',
    'excluding',
    'previously',
    'progressing',
    'despite',
    'receiving',
    'due',
    'by',
    'requiring',
    'undergoing',
    'considered',
    'treated',
    'on',
  ].flatMap(normaliseTokens),
);

function phraseLengthAt(tokens: readonly string[], start: number, candidates: readonly Phrase[]): number {
  const found = candidates.find((phrase) => phrase.every((word, offset) => tokens[start + offset] === word));
  return found?.length ?? 0;
}

export function stripDiseaseQualifiers(tokens: readonly string[]): string[] {
  const kept: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] ?? '';
    const next = tokens[index + 1] ?? '';
    if (STAGE_WORDS.has(token) && STAGE_NUMBER.test(next)) {
      index += 2;
    } else if (STAGE_CODE.test(token)) {
      index += 1;
    } else if (LINE_OF_THERAPY.test(token)) {
      index += next === 'positive' ? 2 : 1;
    } else {
      const length = phraseLengthAt(tokens, index, QUALIFIERS);
      if (length === 0) kept.push(token);
      index += Math.max(length, 1);
    }
  }
  return kept;
}

/** Removes biomarker phrases ("HER2-low", "EGFR exon 20", "KRAS G12C") and the status words that follow them. */
export function stripBiomarkers(tokens: readonly string[]): string[] {
  const kept: string[] = [];
  let afterBiomarker = false;
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] ?? '';
    const markerLength = MUTATION_CODE.test(token) ? 1 : phraseLengthAt(tokens, index, BIOMARKERS);
    const statusLength = afterBiomarker ? phraseLengthAt(tokens, index, BIOMARKER_STATUSES) : 0;
    if (markerLength > 0 || statusLength > 0) {
      afterBiomarker = true;
      index += Math.max(markerLength, statusLength);
    } else {
      afterBiomarker = false;
      kept.push(token);
      index += 1;
    }
  }
  return kept;
}

// Who the patients are, when a condition starts with them: "Asian Patients With …".
const POPULATION_WORDS: ReadonlySet<string> = new Set(
  [
    'caucasian',
    'asian',
    'chinese',
    'japanese',
    'korean',
    'european',
    'african',
    'american',
    'hispanic',
    'white',
    'black',
    'participants',
    'individuals',
    'persons',
    'cases',
  ].flatMap(normaliseTokens),
);

// Nouns for the people studied: whatever precedes "patients with" says where or how they were studied.
const POPULATION_HEADS: ReadonlySet<string> = new Set(
  ['patient', 'subject', 'participant', 'individual', 'person', 'people', 'adult', 'child', 'woman', 'man'].flatMap(
    normaliseTokens,
  ),
);

/** The words without the population nouns and adjectives around them: "Obese Adult Patients" → "Obese". */
export function withoutPopulation(tokens: readonly string[]): string[] {
  return tokens.filter((token) => !POPULATION_HEADS.has(token) && !POPULATION_WORDS.has(token));
}

/**
 * "Caucasian Patients With Advanced NSCLC" → "Advanced NSCLC": the disease follows a clause about the population;
 * so it does anywhere after "patients with": "Rate Control in ICD Patients With Heart Failure" → "Heart Failure".
 */
export function afterPopulationClause(tokens: readonly string[]): string[] {
  const head = tokens.findIndex(
    (token, index) => POPULATION_HEADS.has(token) && CLAUSE_STARTS.has(tokens[index + 1] ?? ''),
  );
  if (head !== -1 && head + 2 < tokens.length) return tokens.slice(head + 2);
  const clauseStart = tokens.findIndex((token, index) => index > 0 && CLAUSE_STARTS.has(token));
  if (clauseStart <= 0) return [...tokens];
  const population = tokens.slice(0, clauseStart);
  const onlyPopulation =
    stripDiseaseQualifiers(population.filter((token) => !POPULATION_WORDS.has(token))).length === 0;
  return onlyPopulation ? tokens.slice(clauseStart + 1) : [...tokens];
}

/** Keeps the disease and drops a trailing clause: "NSCLC with brain metastases after osimertinib" → "NSCLC". */
export function truncateAtClause(tokens: readonly string[]): string[] {
  const clauseStart = tokens.findIndex((token, index) => index > 0 && CLAUSE_STARTS.has(token));
  return clauseStart > 0 ? tokens.slice(0, clauseStart) : [...tokens];
}

const CJK_QUALIFIERS: readonly string[] = [
  '复发或难治性',
  '复发或难治',
  '局部晚期',
  '晚期',
  '转移性',
  '转移',
  '复发性',
  '复发',
  '难治性',
  '难治',
  '不可切除',
  '可切除',
  '不可手术',
  '初治',
  '经治',
  '一线',
  '二线',
  '三线',
  '后线',
  '早期',
  '进展期',
  '成人',
  '儿童',
  '小儿',
  '青少年',
  '中度至重度',
  '中重度',
  '轻中度',
  '重度',
  '轻度',
  '患者',
  '人群',
  '治疗',
  '的',
].sort((a, b) => b.length - a.length);

const CJK_STAGE = /(?:[ivx]+|\d+)[abc]?期/gu;

const CJK_BIOMARKER =
  /(?:her2|her3|egfr|alk|ros1|kras|braf|brca[12]?|pdl1|msih|dmmr|trop2|cldn182|claudin182)(?:阳性|阴性|低表达|高表达|突变型|突变|扩增|融合|野生型)?|(?:er|pr|hr|激素受体)(?:阳性|阴性)/gu;

/** Chinese counterpart of stripDiseaseQualifiers, on a compact key: "晚期非小细胞肺癌一线治疗" → "非小细胞肺癌". */
export function stripCjkQualifiers(compact: string): string {
  return CJK_QUALIFIERS.reduce((key, qualifier) => key.replaceAll(qualifier, ''), compact.replace(CJK_STAGE, ''));
}

export function stripCjkBiomarkers(compact: string): string {
  return compact.replace(CJK_BIOMARKER, '');
}
