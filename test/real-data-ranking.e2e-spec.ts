import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  TOPICS,
  type CompanyProfileFields,
  type CompanyProfileSubmittedV1,
  type RdNeedFields,
  type StoredEntityFields,
} from '#contracts';
import { resolveTerms, unstatedCompanyOfferings, unstatedNeedPreferences } from '#engine';
import {
  MAX_DESCRIPTION_LENGTH,
  companyFromTrials,
  loadTrials,
  needFromTrial,
  splitField,
  sponsorId,
  trialsBySponsor,
  type ConditionResolver,
  type CtgovTrial,
} from '../tools/eval/ctgov-profiles.js';
import { EventPublisher } from './utils/event-publisher.js';
import { expectEventually } from './utils/expect-eventually.js';
import { http } from './utils/http.js';
import { criterion, type MatchItem, type NeedMatches } from './utils/match-views.js';
import { ServiceProcess, useServices } from './utils/service-process.js';

interface Page<T> {
  items: T[];
  total: number;
}

type StoredCompany = CompanyProfileFields & StoredEntityFields;
type StoredNeed = RdNeedFields & StoredEntityFields;

const PAGE = 200;
const SOURCE = 'ctgov-sample';

/** Therapeutic-area ids the product resolves a trial's condition strings to (the resolver both services use). */
const areasOf = (conditions: readonly string[]): string[] => resolveTerms('therapeuticAreas', conditions).ids;

// The services resolve terms themselves, so profiles carry condition strings as the registry wrote them.
const asWritten: ConditionResolver = (input) => ({ input, areas: [input], targets: [] });

/**
 * The held-out trial: of all trials whose sponsor registered others, the one with the lowest NCT id among those
 * sharing a resolved therapeutic area with another trial of the same sponsor. Its sponsor's remaining trials are
 * then about the same disease, so a need written from it should find that sponsor.
 */
const chooseHeldOut = (bySponsor: ReadonlyMap<string, readonly CtgovTrial[]>): CtgovTrial => {
  const candidates = [...bySponsor.values()].flatMap((trials) =>
    trials.filter((trial) => {
      const areas = areasOf(splitField(trial.conditions));
      return trials.some(
        (other) => other !== trial && areasOf(splitField(other.conditions)).some((area) => areas.includes(area)),
      );
    }),
  );
  const [heldOut] = candidates.sort((a, b) => a.nct.localeCompare(b.nct));
  if (heldOut === undefined) throw new Error('no trial shares a therapeutic area with another of its sponsor');
  return heldOut;
};

/** A sponsor's profile as a partner system submits it: built from its trials, terms as written. */
const submission = (sponsor: string, trials: readonly CtgovTrial[], run: string): CompanyProfileSubmittedV1 => {
  const profile = companyFromTrials(sponsor, trials, asWritten);
  return {
    name: sponsor,
    // Neither kind of organisation nor place is scored, so they say nothing about the ranking.
    organisationType: trials[0]?.sponsorType === 'INDUSTRY' ? 'pharma' : 'research-institute',
    sectors: [],
    country: 'US',
    city: '',
    description: profile.description ?? '',
    therapeuticAreas: [...profile.therapeuticAreas],
    modalities: [],
    developmentStages: [...profile.developmentStages],
    ...unstatedCompanyOfferings(),
    assets: (profile.assets ?? []).map(({ name, codes }) => (codes ? { name, codes: [...codes] } : { name })),
    externalRef: { source: SOURCE, id: `${sponsorId(sponsor)}-${run}` },
  };
};

/** An R&D need as someone looking for the trial's sponsor would post it; REST takes only resolvable conditions. */
const needBody = (trial: CtgovTrial): RdNeedFields => {
  const need = needFromTrial(trial, asWritten);
  return {
    title: (need.title ?? trial.title).slice(0, 200),
    description: (need.description ?? '').slice(0, MAX_DESCRIPTION_LENGTH),
    owner: 'Real-data ranking e2e',
    therapeuticAreas: need.therapeuticAreas.filter((condition) => areasOf([condition]).length > 0),
    modalities: [],
    stages: [...need.stages],
    ...unstatedNeedPreferences(),
    priority: 'medium',
    status: 'open',
  };
};

/** The words "Shared terms: a, b, c and 2 more." lists. */
const sharedTerms = (explanation: string): string[] =>
  explanation
    .replace(/^Shared terms: /u, '')
    .replace(/( and \d+ more)?\.$/u, '')
    .split(', ');

describe('ranking real ClinicalTrials.gov sponsors sent as partner events', () => {
  const companies = new ServiceProcess('companies', 71);
  const needs = new ServiceProcess('rd-needs', 72);
  // Other e2e files leave their companies in the shared test database; a long shortlist keeps ours on it.
  const matching = new ServiceProcess('matching', 73, { MATCHING_SHORTLIST_SIZE: '5000' });
  const run = randomUUID().slice(0, 8);

  const bySponsor = trialsBySponsor(loadTrials());
  const heldOut = chooseHeldOut(bySponsor);
  const trueSponsor = heldOut.sponsor;
  const remaining = (bySponsor.get(trueSponsor) ?? []).filter((trial) => trial !== heldOut);
  // The conditions of the held-out trial that its sponsor's remaining trials share (by resolved area).
  const sponsorAreas = areasOf(remaining.flatMap((trial) => splitField(trial.conditions)));
  const sharedConditions = splitField(heldOut.conditions).filter((condition) =>
    areasOf([condition]).some((area) => sponsorAreas.includes(area)),
  );
  // Distractors: every industry sponsor with two or more trials, an unrelated but realistic population (10 in the sample).
  const sponsors = [
    trueSponsor,
    ...[...bySponsor]
      .filter(
        ([sponsor, trials]) => sponsor !== trueSponsor && trials.length >= 2 && trials[0]?.sponsorType === 'INDUSTRY',
      )
      .map(([sponsor]) => sponsor),
  ];

  const companyIds = new Map<string, string>();
  let need: StoredNeed;

  const storedCompany = async (externalId: string): Promise<StoredCompany | undefined> =>
    (await http<Page<StoredCompany>>(`${companies.url}/companies?source=${SOURCE}&externalId=${externalId}`)).body
      .items[0];

  /** The need's whole shortlist, page by page. */
  const shortlist = async (needId: string): Promise<MatchItem[]> => {
    const items: MatchItem[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await http<NeedMatches>(`${matching.url}/needs/${needId}/matches?limit=${PAGE}&offset=${offset}`);
      expect(page.status).toBe(200);
      items.push(...page.body.matches);
      if (page.body.matches.length < PAGE || offset + PAGE >= page.body.total) return items;
    }
  };

  useServices(companies, needs, matching);
  const publisher = EventPublisher.use();

  beforeAll(async () => {
    for (const sponsor of sponsors) {
      const trials = (bySponsor.get(sponsor) ?? []).filter((trial) => trial !== heldOut);
      const event = submission(sponsor, trials, run);
      await publisher.publish(TOPICS.partnerCompanyProfiles, 'CompanyProfileSubmitted', event.externalRef.id, event);
    }
    await expectEventually(
      async () => {
        for (const sponsor of sponsors) {
          const stored = await storedCompany(`${sponsorId(sponsor)}-${run}`);
          if (!stored) throw new Error(`${sponsor} is not stored yet`);
          companyIds.set(sponsor, stored.id);
        }
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    // The need comes last, so matching ranks it against the whole population at once.
    await expectEventually(
      async () => {
        for (const id of companyIds.values()) {
          expect((await http(`${matching.url}/companies/${id}/matches?limit=1`)).status).toBe(200);
        }
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const created = await http<StoredNeed>(`${needs.url}/needs`, 'POST', needBody(heldOut));
    expect(created.status).toBe(201);
    need = created.body;
  }, 120_000);

  it('resolves the condition the held-out trial shares with its sponsor, leaving unknown ones unmapped', async () => {
    expect(sponsors.length).toBeGreaterThanOrEqual(8);
    expect(sponsors.length).toBeLessThanOrEqual(12);
    const stored = await storedCompany(`${sponsorId(trueSponsor)}-${run}`);
    expect(stored?.therapeuticAreas).toEqual(expect.arrayContaining(areasOf(sharedConditions)));
    const written = remaining.flatMap((trial) => splitField(trial.conditions));
    const unresolvable = written.filter((condition) => areasOf([condition]).length === 0);
    expect(stored?.unmappedTerms).toEqual(expect.arrayContaining(unresolvable));
  });

  it('ranks the sponsor of the held-out trial first among the sponsors sent, and says why', async () => {
    const ours = new Set(companyIds.values());
    const ranked = await expectEventually(
      async () => {
        const items = (await shortlist(need.id)).filter((item) => ours.has(item.companyId));
        expect(items.map((item) => item.companyId)).toContain(companyIds.get(trueSponsor));
        return items.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const [first, second] = ranked;
    expect(first?.companyName).toBe(trueSponsor);
    expect(first!.score).toBeGreaterThan(second?.score ?? 0);

    const area = criterion(first!, 'therapeuticArea');
    expect(area.contribution).toBeGreaterThan(0);
    const text = criterion(first!, 'textRelevance');
    expect(text.contribution).toBeGreaterThan(0);
    expect(text.explanation).toMatch(/^Shared terms: /u);
    const conditionWords = sharedConditions.flatMap((condition) => condition.toLowerCase().split(/[^a-z0-9]+/u));
    expect(sharedTerms(text.explanation).filter((word) => conditionWords.includes(word))).not.toHaveLength(0);
  }, 60_000);
});
