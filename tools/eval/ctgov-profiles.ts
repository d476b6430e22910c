import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_ASSETS_PER_COMPANY } from '#contracts';
import {
  unstatedCompanyOfferings,
  unstatedNeedPreferences,
  type CompanyProfile,
  type EngineAsset,
  type NeedProfile,
} from '#engine';
import type { ConditionResolution } from './condition-resolution.js';

/** One registration of the ClinicalTrials.gov sample (test/data/ctgov-sample/README.md). */
export interface CtgovTrial {
  readonly nct: string;
  readonly sponsor: string;
  readonly sponsorType: string;
  readonly studyType: string;
  readonly phase: string;
  readonly startDate: string;
  readonly conditions: string;
  readonly interventions: string;
  readonly title: string;
  readonly officialTitle: string;
  readonly description: string;
}

export const TRIALS_PATH = 'test/data/ctgov-sample/trials.json';
export const JUDGEMENTS_PATH = 'test/data/ctgov-sample/condition-judgements.json';

/** The directory of the nearest package.json above `from`: works from tools/eval and from dist/tools/eval. */
export function projectRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}.`);
    dir = parent;
  }
  return dir;
}

export function loadTrials(root: string = projectRoot()): CtgovTrial[] {
  return loadTrialsFile(join(root, TRIALS_PATH));
}

const TRIAL_FIELDS = ['nct', 'sponsor', 'phase', 'conditions', 'interventions', 'title'] as const;

/**
 * Registrations in the sample's format from any file. The fields retrieval needs must be strings; text fields a set
 * leaves out read as empty, so a set with titles only still evaluates.
 */
export function loadTrialsFile(file: string): CtgovTrial[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file} must hold a JSON array of registrations.`);
  return parsed.map((row: unknown, index) => {
    if (typeof row !== 'object' || row === null) throw new Error(`${file}[${index}] is not an object.`);
    const record = row as Record<string, unknown>;
    for (const field of TRIAL_FIELDS) {
      if (typeof record[field] !== 'string') throw new Error(`${file}[${index}].${field} must be a string.`);
    }
    const text = (field: string): string => (typeof record[field] === 'string' ? record[field] : '');
    return {
      nct: text('nct'),
      sponsor: text('sponsor'),
      sponsorType: text('sponsorType'),
      studyType: text('studyType'),
      phase: text('phase'),
      startDate: text('startDate'),
      conditions: text('conditions'),
      interventions: text('interventions'),
      title: text('title'),
      officialTitle: text('officialTitle'),
      description: text('description'),
    };
  });
}

/** Splits a `|`-separated field into trimmed, non-empty entries. */
export function splitField(value: string): string[] {
  return value
    .split('|')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/**
 * Registry phases as development stages. Phase 4 is post-marketing; "Early Phase 1" (phase 0, exploratory IND) is the
 * nearest thing to phase 1. "Not Applicable" (devices, behaviour) and an empty phase name no stage.
 */
const PHASE_STAGES: Readonly<Record<string, string>> = {
  'early phase 1': 'phase-1',
  'phase 1': 'phase-1',
  'phase 2': 'phase-2',
  'phase 3': 'phase-3',
  'phase 4': 'marketed',
};

export function stagesOfPhase(phase: string): string[] {
  const stages = splitPhase(phase).flatMap((part) => {
    const stage = PHASE_STAGES[part.toLowerCase()];
    return stage === undefined ? [] : [stage];
  });
  return [...new Set(stages)];
}

function splitPhase(phase: string): string[] {
  return phase
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Intervention types that name a product a company develops; behaviour, procedures and devices are not assets here. */
const ASSET_TYPES: ReadonlySet<string> = new Set(['drug', 'biological', 'genetic']);

/** Drug, biological and genetic interventions of a `Type: name|Type: name` field as assets. */
export function parseInterventions(value: string): EngineAsset[] {
  const assets: EngineAsset[] = [];
  for (const entry of splitField(value)) {
    const colon = entry.indexOf(':');
    if (colon < 0) continue;
    const type = entry.slice(0, colon).trim().toLowerCase();
    const name = entry.slice(colon + 1).trim();
    if (!ASSET_TYPES.has(type) || name.length === 0) continue;
    const codes = codeTokens(name);
    assets.push(codes.length > 0 ? { name, codes } : { name });
  }
  return assets;
}

// "KRN23", "AZD-9291", "ABBV-181", "MK-3475A": capitals first, a digit somewhere, nothing lowercase.
const SINGLE_CODE = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;
// "BI 764198", "LY 3009120": a capital prefix and a separate number of three or more digits.
const SPLIT_CODE = /\b([A-Z]{1,5}) (\d{3,}[A-Z]?)\b/g;

/** Development codes in an intervention name; drug names ("Pembrolizumab") and doses ("10 mg") are not codes. */
export function codeTokens(name: string): string[] {
  const codes = new Set<string>();
  for (const match of name.matchAll(SPLIT_CODE)) codes.add(`${match[1]} ${match[2]}`);
  for (const token of name.split(/[\s,;()[\]/+]+/)) {
    const trimmed = token.replace(/^[-.]+|[-.]+$/g, '');
    if (trimmed.length >= 4 && /\d/.test(trimmed) && /[A-Z]/.test(trimmed) && SINGLE_CODE.test(trimmed)) {
      codes.add(trimmed);
    }
  }
  return [...codes];
}

/** A stable id per sponsor name: readable slug plus a hash so two names that slug alike stay apart. */
export function sponsorId(sponsor: string): string {
  const slug = sponsor
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const hash = createHash('sha256').update(sponsor).digest('hex').slice(0, 8);
  return `${slug || 'sponsor'}-${hash}`;
}

export type ConditionResolver = (input: string) => ConditionResolution;

interface ResolvedConditions {
  readonly therapeuticAreas: string[];
  readonly targets: string[];
  readonly unmappedTerms: string[];
}

function resolveConditions(conditions: readonly string[], resolve: ConditionResolver): ResolvedConditions {
  const areas = new Set<string>();
  const targets = new Set<string>();
  const unmapped = new Set<string>();
  for (const condition of conditions) {
    const resolution = resolve(condition);
    resolution.areas.forEach((id) => areas.add(id));
    resolution.targets.forEach((id) => targets.add(id));
    if (resolution.areas.length === 0 && resolution.targets.length === 0) unmapped.add(condition);
  }
  return { therapeuticAreas: [...areas], targets: [...targets], unmappedTerms: [...unmapped] };
}

/** `description` limit of the company contract (libs/contracts company-profile.shape.ts). */
export const MAX_DESCRIPTION_LENGTH = 4000;

/** A sponsor's profile as a partner system would send it, built from the sponsor's trials. */
export function companyFromTrials(
  sponsor: string,
  trials: readonly CtgovTrial[],
  resolve: ConditionResolver,
): CompanyProfile {
  const conditions = resolveConditions(
    trials.flatMap((trial) => splitField(trial.conditions)),
    resolve,
  );
  const stages = new Set(trials.flatMap((trial) => stagesOfPhase(trial.phase)));
  const assets = distinctAssets(trials.flatMap((trial) => parseInterventions(trial.interventions))).slice(
    0,
    MAX_ASSETS_PER_COMPANY,
  );
  // What an organisation would say about itself within the contract's limit: every programme's title first, then
  // the official titles, then the summaries, so a sponsor with many trials names all of them before any detail.
  const description = [
    ...new Set(
      [
        ...trials.map((trial) => trial.title),
        ...trials.map((trial) => trial.officialTitle),
        ...trials.map((trial) => trial.description),
      ].filter((text) => text.trim() !== ''),
    ),
  ]
    .join('\n')
    .slice(0, MAX_DESCRIPTION_LENGTH);
  return {
    id: sponsorId(sponsor),
    name: sponsor,
    description,
    // A registry sponsor type (industry, NIH, network…) says what kind of organisation it is, not its product sector.
    sectors: [],
    therapeuticAreas: conditions.therapeuticAreas,
    targets: conditions.targets,
    assets,
    modalities: [],
    developmentStages: [...stages],
    ...unstatedCompanyOfferings(),
    unmappedTerms: conditions.unmappedTerms,
  };
}

function distinctAssets(assets: readonly EngineAsset[]): EngineAsset[] {
  const byName = new Map<string, EngineAsset>();
  for (const asset of assets) if (!byName.has(asset.name.toLowerCase())) byName.set(asset.name.toLowerCase(), asset);
  return [...byName.values()];
}

/** An R&D need as someone looking for the trial's sponsor would write it. */
export function needFromTrial(trial: CtgovTrial, resolve: ConditionResolver): NeedProfile {
  const conditions = resolveConditions(splitField(trial.conditions), resolve);
  return {
    id: `need-${trial.nct}`,
    title: trial.title,
    description: [
      trial.officialTitle,
      trial.description,
      ...parseInterventions(trial.interventions).map((asset) => asset.name),
    ]
      .filter((text) => text.trim() !== '')
      .join('\n'),
    therapeuticAreas: conditions.therapeuticAreas,
    targets: conditions.targets,
    modalities: [],
    stages: stagesOfPhase(trial.phase),
    ...unstatedNeedPreferences(),
    unmappedTerms: conditions.unmappedTerms,
  };
}

/** Trials grouped by sponsor, sponsors and trials in a fixed order so every run builds the same population. */
export function trialsBySponsor(trials: readonly CtgovTrial[]): Map<string, CtgovTrial[]> {
  const grouped = new Map<string, CtgovTrial[]>();
  const sorted = [...trials].sort((a, b) => compareText(a.sponsor, b.sponsor) || compareText(a.nct, b.nct));
  for (const trial of sorted) {
    const group = grouped.get(trial.sponsor);
    if (group === undefined) grouped.set(trial.sponsor, [trial]);
    else group.push(trial);
  }
  return grouped;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
