// The page's own code, run by puppeteer inside chromium, uses the DOM.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'puppeteer-core';
import type { CompanyProfileFields, RdNeedFields, StoredEntityFields } from '#contracts';
import { launchChromium } from '../tools/dashboard/chromium.js';
import { aDiagnosticsCompany } from './factories/company.factory.js';
import { aDiagnosticsNeed } from './factories/rd-need.factory.js';
import { expectEventually } from './utils/expect-eventually.js';
import { DEV_ADMIN_KEY, http } from './utils/http.js';
import { ServiceProcess, useServices } from './utils/service-process.js';

interface MatchView {
  companyId: string;
  score: number;
  breakdown: { criterion: string }[];
  decision?: { decision: string; reason?: string };
}

// Psoriasis: no other test's need or company has it, so this need's shortlist starts with these companies.
const PSORIASIS = { therapeuticAreas: ['psoriasis'] };

type StoredCompany = CompanyProfileFields & StoredEntityFields;

const row = (companyId: string) => `tr[data-company-id="${companyId}"]`;

describe("the dashboard in Debian's chromium, against the real services", () => {
  const companies = new ServiceProcess('companies', 64);
  const needs = new ServiceProcess('rd-needs', 65);
  const matching = new ServiceProcess('matching', 66);
  const dashboard = new ServiceProcess('dashboard', 67, {
    COMPANIES_URL: companies.url,
    RD_NEEDS_URL: needs.url,
    MATCHING_URL: matching.url,
  });
  let browser: Browser;
  let page: Page;
  let need: StoredEntityFields;
  let declined: StoredCompany;
  let kept: StoredCompany;
  let updated: StoredCompany;

  const createCompany = async (body: CompanyProfileFields): Promise<StoredCompany> => {
    const company = await http<StoredCompany>(`${companies.url}/companies`, 'POST', body);
    expect(company.status).toBe(201);
    return company.body;
  };
  const shortlist = async (): Promise<MatchView[]> =>
    (await http<{ matches: MatchView[] }>(`${matching.url}/needs/${need.id}/matches?limit=200`)).body.matches;
  const pair = async (companyId: string): Promise<MatchView> =>
    (await http<MatchView>(`${matching.url}/needs/${need.id}/matches/${companyId}`)).body;

  useServices(companies, needs, matching, dashboard);

  beforeAll(async () => {
    const created = await http<StoredEntityFields>(
      `${needs.url}/needs`,
      'POST',
      aDiagnosticsNeed(PSORIASIS) satisfies RdNeedFields,
    );
    expect(created.status).toBe(201);
    need = created.body;
    await expectEventually(async () =>
      expect((await http(`${matching.url}/needs/${need.id}/matches?limit=1`)).status).toBe(200),
    );
    const suffix = need.id.slice(0, 8);
    [declined, kept, updated] = await Promise.all([
      createCompany(aDiagnosticsCompany({ ...PSORIASIS, name: `Dermassay Declined ${suffix}` })),
      createCompany(aDiagnosticsCompany({ ...PSORIASIS, name: `Dermassay Kept ${suffix}` })),
      // Without the capabilities the need would like: it scores lower until the update below adds them.
      createCompany(aDiagnosticsCompany({ ...PSORIASIS, name: `Dermassay Before ${suffix}`, capabilities: [] })),
    ]);
    await expectEventually(async () =>
      expect((await shortlist()).map((match) => match.companyId)).toEqual(
        expect.arrayContaining([declined.id, kept.id, updated.id]),
      ),
    );

    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${dashboard.url}/?lang=en`);
    await page.locator('#api-key').fill(DEV_ADMIN_KEY);
    await page.locator('.key-form button[type="submit"]').click();
    await page.locator(`button[data-need-id="${need.id}"]`).click();
    await page.waitForSelector(row(updated.id));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("renders the need's shortlist: each company's score, eligibility, unmet requirements and explained criteria", async () => {
    const expected = await pair(kept.id);
    // The row shows the stored shortlist score, which in a large population lags a fresh pair score until a rematch.
    const listed = (await shortlist()).find((match) => match.companyId === kept.id);
    const shown = await page.$eval(row(kept.id), (tr) => ({
      name: tr.querySelector('.company-name')?.textContent,
      score: tr.querySelector('.score')?.textContent?.trim(),
      eligibility: tr.querySelector('.badge')?.textContent,
      unmet: tr.querySelector('.unmet')?.textContent,
      criteria: [...tr.querySelectorAll('tr[data-criterion]')].map((criterion) => ({
        criterion: criterion.getAttribute('data-criterion'),
        explanation: criterion.lastElementChild?.textContent ?? '',
      })),
    }));
    expect(shown.name).toBe(kept.name);
    expect(shown.score).toBe(listed?.score.toFixed(2));
    expect(shown.eligibility).toBe('eligible');
    expect(shown.unmet).toBe('');
    expect(shown.criteria.map((criterion) => criterion.criterion)).toEqual(
      expected.breakdown.map((criterion) => criterion.criterion),
    );
    expect(shown.criteria.every((criterion) => criterion.explanation.length > 0)).toBe(true);

    // The text filter narrows the rows to the matching company, and clearing it brings them back.
    await page.locator('#filter-text').fill(`Kept ${need.id.slice(0, 8)}`);
    await page.waitForFunction(
      (keptRow) => document.querySelectorAll('#shortlist-rows > tr').length === 1 && document.querySelector(keptRow),
      {},
      row(kept.id),
    );
    await page.$eval('#filter-text', (input) => {
      (input as HTMLInputElement).value = '';
      input.dispatchEvent(new Event('input'));
    });
    await page.waitForSelector(row(declined.id));
  }, 60_000);

  it('records a decline with its reason and drops the row', async () => {
    await page.locator(`${row(declined.id)} select[data-field="reason"]`).fill('not-relevant');
    await page.locator(`${row(declined.id)} button[data-action="decline"]`).click();
    await page.waitForFunction((declinedRow) => !document.querySelector(declinedRow), {}, row(declined.id));
    expect((await pair(declined.id)).decision).toMatchObject({ decision: 'declined', reason: 'not-relevant' });
    expect(await page.$(row(kept.id))).not.toBeNull();
  }, 60_000);

  it('shows a company updated through the REST API live, without reloading the page', async () => {
    await page.waitForSelector('#live-state[data-state="live"]');
    // A page reload would lose this mark.
    await page.evaluate(() => document.body.setAttribute('data-before-update', ''));
    const before = await pair(updated.id);
    const renamed = `Dermassay After ${need.id.slice(0, 8)}`;
    const patched = await http(`${companies.url}/companies/${updated.id}`, 'PATCH', {
      name: renamed,
      capabilities: ['liquid-biopsy', 'biomarker-discovery'],
    });
    expect(patched.status).toBe(200);

    await page.waitForFunction(
      (updatedRow, name) =>
        document.querySelector(`${updatedRow}.changed-live .company-name`)?.textContent === name &&
        document.body.hasAttribute('data-before-update'),
      { timeout: 30_000 },
      row(updated.id),
      renamed,
    );
    const after = await pair(updated.id);
    expect(after.score).toBeGreaterThan(before.score);
    expect(await page.$eval(`${row(updated.id)} .score`, (cell) => cell.textContent?.trim())).toBe(
      after.score.toFixed(2),
    );
  }, 60_000);

  it('starts a rematch from the admin view and follows its progress to completion', async () => {
    // Every status the page shows, in order, kept by the page itself between polls.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { rematchStatuses: string[] }).rematchStatuses = seen;
      new MutationObserver(() => {
        const status = document.querySelector('[data-rematch-status]')?.getAttribute('data-rematch-status');
        if (status && seen.at(-1) !== status) seen.push(status);
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.locator('#rematch').click();
    await page.waitForSelector('[data-rematch-status="completed"]', { timeout: 120_000 });

    const progress = await page.$eval('#rematch-progress', (bar) => ({
      value: (bar as HTMLProgressElement).value,
      max: (bar as HTMLProgressElement).max,
    }));
    expect(progress.value).toBe(progress.max);
    expect(progress.max).toBeGreaterThan(0);
    const statuses = await page.evaluate(() => (window as unknown as { rematchStatuses: string[] }).rematchStatuses);
    expect(statuses.at(-1)).toBe('completed');
    expect(statuses.slice(0, -1).every((status) => status === 'queued' || status === 'running')).toBe(true);
  }, 150_000);

  it('switches the interface, the explanations and the labels to Chinese', async () => {
    await page.locator('#language').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('zh');
    await page.waitForFunction(
      (keptRow) =>
        [...document.querySelectorAll(`${keptRow} tr[data-criterion] td:last-child`)].some((cell) =>
          /[\u4e00-\u9fff]/.test(cell.textContent ?? ''),
        ),
      {},
      row(kept.id),
    );
    expect(await page.$eval('h1', (title) => title.textContent)).toBe('Parkmatch 匹配看板');
  }, 60_000);
});
