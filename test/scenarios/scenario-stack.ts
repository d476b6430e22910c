import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { CompanyProfileFields, RdNeedFields, StoredEntityFields } from '#contracts';
import { aCompany } from '../factories/company.factory.js';
import { anRdNeed } from '../factories/rd-need.factory.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { http } from '../utils/http.js';
import { ServiceProcess } from '../utils/service-process.js';
import type { MatchItem, NeedMatches } from '../utils/match-views.js';
import { testEnv } from '../utils/test-env.js';
import { freshTestDatabase } from '../../tools/test-infra/test-database.js';

export type StoredNeed = RdNeedFields & StoredEntityFields;
export type StoredCompany = CompanyProfileFields & StoredEntityFields;

/** One need and the companies created against it, each known by the key the test gave it. */
export interface Scenario<K extends string> {
  readonly need: StoredNeed;
  readonly ids: Readonly<Record<K, string>>;
  /** The pair endpoint for one of the scenario's companies. */
  pair(key: K): Promise<MatchItem>;
  /** The pair endpoint for every company of the scenario. */
  pairs(): Promise<Record<K, MatchItem>>;
  /** The scenario's companies in the order the need's shortlist lists them (other tests' companies left out). */
  order(): Promise<K[]>;
}

const PAGE = 200;
// Every company of the stack's own market stays on the shortlist, so `order()` can place each of them.
const SHORTLIST_SIZE = '5000';

/** The run's test database URL with `_<name>` appended to the database name. */
const ownDatabaseUrl = (name: string): string => {
  const url = new URL(testEnv().databaseUrl);
  url.pathname = `${url.pathname}_${name}`;
  return url.toString();
};

/**
 * The three real services on their own ports, with their own fresh database and their own new consumer groups, which
 * start at the end of the topics (KAFKA_NEW_GROUPS_FROM=latest), and REST helpers that create and read scenarios
 * through them. The market is only the scenarios' companies, as small as a park starting out: matching ranks it in
 * full on every change, so a shortlist's order is the order a fresh ranking gives, whatever other e2e files left in
 * the shared test database. The run's own groups are untouched, so the next file's services still read the
 * scenarios' events.
 */
export class ScenarioStack {
  readonly companies: ServiceProcess;
  readonly needs: ServiceProcess;
  readonly matching: ServiceProcess;
  private readonly databaseUrl: string;

  /** `name` names the stack's database (`<test database>_<name>`) and consumer groups, so each file gets its own. */
  constructor(name: string) {
    this.databaseUrl = ownDatabaseUrl(name);
    const env = {
      DATABASE_URL: this.databaseUrl,
      KAFKA_GROUP_PREFIX: `parkmatch-test-${name}-${randomUUID().slice(0, 8)}`,
      KAFKA_NEW_GROUPS_FROM: 'latest',
    };
    this.companies = new ServiceProcess('companies', 11, env);
    this.needs = new ServiceProcess('rd-needs', 12, env);
    this.matching = new ServiceProcess('matching', 13, { ...env, MATCHING_SHORTLIST_SIZE: SHORTLIST_SIZE });
  }

  async start(): Promise<void> {
    await freshTestDatabase(this.databaseUrl);
    await Promise.all([this.companies.start(), this.needs.start(), this.matching.start()]);
  }

  async stop(): Promise<void> {
    await Promise.all([this.companies.stop(), this.needs.stop(), this.matching.stop()]);
  }

  /** Creates the need, then waits until matching holds it, so every company created after is scored against it. */
  async createNeed(body: RdNeedFields = anRdNeed()): Promise<StoredNeed> {
    const response = await http<StoredNeed>(`${this.needs.url}/needs`, 'POST', body);
    expect(response.status).toBe(201);
    await expectEventually(async () => {
      expect((await http(`${this.matching.url}/needs/${response.body.id}/matches?limit=1`)).status).toBe(200);
    });
    return response.body;
  }

  async createCompany(body: CompanyProfileFields = aCompany()): Promise<StoredCompany> {
    const response = await http<StoredCompany>(`${this.companies.url}/companies`, 'POST', body);
    expect(response.status).toBe(201);
    return response.body;
  }

  async pair(needId: string, companyId: string): Promise<MatchItem> {
    const response = await http<MatchItem>(`${this.matching.url}/needs/${needId}/matches/${companyId}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  /** The need's whole shortlist, page by page. */
  async shortlist(needId: string): Promise<MatchItem[]> {
    const matches: MatchItem[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await http<NeedMatches>(
        `${this.matching.url}/needs/${needId}/matches?limit=${PAGE}&offset=${offset}`,
      );
      expect(page.status).toBe(200);
      matches.push(...page.body.matches);
      if (page.body.matches.length < PAGE || offset + PAGE >= page.body.total) return matches;
    }
  }

  /** The given companies in shortlist order, once every one of them is on the shortlist. */
  async shortlistOrder(needId: string, companyIds: readonly string[]): Promise<string[]> {
    return expectEventually(
      async () => {
        const wanted = new Set(companyIds);
        const order = (await this.shortlist(needId)).map((match) => match.companyId).filter((id) => wanted.has(id));
        expect(order).toHaveLength(wanted.size);
        return order;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  }

  /**
   * A need and one company per key (given unique names), all through REST: the need first (and known to
   * matching), then the companies; resolves once all of them are on the need's shortlist.
   */
  async scenario<K extends string>(
    title: string,
    need: RdNeedFields,
    companies: Readonly<Record<K, CompanyProfileFields>>,
  ): Promise<Scenario<K>> {
    const suffix = randomUUID().slice(0, 8);
    const storedNeed = await this.createNeed({ ...need, title: `${title} ${suffix}` });
    const keys = Object.keys(companies) as K[];
    const stored = await Promise.all(
      keys.map((key) => this.createCompany({ ...companies[key], name: `${title} ${key} ${suffix}` })),
    );
    const ids = Object.fromEntries(keys.map((key, index) => [key, stored[index]?.id])) as Record<K, string>;
    const keyOf = new Map(keys.map((key) => [ids[key], key]));
    const order = async (): Promise<K[]> =>
      (await this.shortlistOrder(storedNeed.id, Object.values(ids))).map((id) => keyOf.get(id) as K);
    const pair = (key: K): Promise<MatchItem> => this.pair(storedNeed.id, ids[key]);
    const pairs = async (): Promise<Record<K, MatchItem>> =>
      Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await pair(key)]))) as Record<K, MatchItem>;
    await order();
    return { need: storedNeed, ids, pair, pairs, order };
  }
}
