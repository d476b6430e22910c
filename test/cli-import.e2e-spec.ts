import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_ADMIN_KEY, http } from './utils/http.js';
import { ServiceProcess, useServices } from './utils/service-process.js';

// Each run loads the vocabularies, a few seconds.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const HEADER =
  'externalSource,externalId,name,organisationType,sectors,country,city,description,therapeuticAreas,targets,' +
  'modalities,developmentStages,capabilities,collaborationTypes,seeking,partnerNetworks,chinaPresence,wuxiCoLocation';

/** A park member as a spreadsheet row: labels and synonyms, lists separated by `;`. */
const member = (source: string, id: string, name: string, country = 'CN'): string =>
  [
    source,
    id,
    name,
    'biotech',
    'services;research tools',
    country,
    'Wuxi',
    `"${name} builds organoid panels, for drug screens."`,
    'non-small cell lung cancer;colorectal cancer',
    'EGFR',
    'small molecule',
    'discovery;preclinical',
    'organoids',
    'fee-for-service',
    'compound access',
    '',
    'true',
    'resident',
  ].join(',');

interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly summary: Record<string, unknown>;
}

const tempFile = async (name: string, text: string): Promise<string> => {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'parkmatch-import-')), name);
  await writeFile(file, text);
  return file;
};

/** The compiled CLI (`npm test` built dist/) against one service; the summary is its last line. */
const runImportCli = (url: string, ...args: string[]): Promise<CliRun> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist/tools/import/import-cli.js', ...args, '--url', url],
      { cwd: ROOT, env: { ...process.env, PARKMATCH_API_KEY: DEV_ADMIN_KEY } },
      (error, stdout) => {
        const lines = stdout.trimEnd().split('\n');
        resolve({
          code: error ? Number(error.code) : 0,
          out: stdout,
          summary: JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>,
        });
      },
    );
  });

describe('npm run import against the companies service', () => {
  const companies = new ServiceProcess('companies', 95);
  useServices(companies);
  const source = `test-import-${randomUUID().slice(0, 8)}`;

  const csv = (...rows: string[]): Promise<string> => tempFile('members.csv', `${[HEADER, ...rows].join('\n')}\n`);
  const importFile = (...args: string[]): Promise<CliRun> => runImportCli(companies.url, ...args);

  const stored = async (): Promise<{ name: string; externalRef: { id: string } }[]> => {
    const { body } = await http<{ items: { name: string; externalRef: { id: string } }[] }>(
      `${companies.url}/companies?source=${source}&limit=100`,
    );
    return body.items;
  };

  it('resolves and validates on a dry run, writing nothing', async () => {
    const run = await importFile(await csv(member(source, 'm-1', 'Lakeside Organoids')), '--dry-run');
    expect(run.code).toBe(0);
    expect(run.summary).toMatchObject({ rows: 1, created: 0, failed: 0, dryRun: true });
    expect(run.out).toContain('sectors: "research tools" → research-tools (Research tools)');
    expect(await stored()).toEqual([]);
  }, 60_000);

  it('creates the rows, and a second run of the same file creates no duplicates', async () => {
    const file = await csv(member(source, 'm-1', 'Lakeside Organoids'), member(source, 'm-2', 'Taihu Assays'));
    const first = await importFile(file);
    expect(first.code).toBe(0);
    expect(first.summary).toMatchObject({ rows: 2, created: 2, failed: 0, dryRun: false });
    const again = await importFile(file);
    expect(again.summary).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2, failed: 0 });
    const companiesStored = await stored();
    expect(companiesStored.map(({ externalRef }) => externalRef.id).sort()).toEqual(['m-1', 'm-2']);
    expect(companiesStored.find(({ externalRef }) => externalRef.id === 'm-1')).toMatchObject({
      name: 'Lakeside Organoids',
      sectors: ['services', 'research-tools'],
    });
  }, 60_000);

  it('reports a row with a bad value by its field and imports the others, exiting 1', async () => {
    const run = await importFile(
      await csv(member(source, 'm-3', 'Grand Canal Bio', 'XX'), member(source, 'm-4', 'Meiyuan Cells')),
    );
    expect(run.code).toBe(1);
    expect(run.summary).toMatchObject({ rows: 2, created: 1, failed: 1 });
    expect(run.out).toMatch(/row 2 "Grand Canal Bio" failed\n(.*\n)*\s+! country: /);
    expect((await stored()).map(({ externalRef }) => externalRef.id).sort()).toEqual(['m-1', 'm-2', 'm-4']);
  }, 60_000);
});

describe('npm run import of a JSON file of needs against the rd-needs service', () => {
  const needs = new ServiceProcess('rd-needs', 96);
  useServices(needs);
  const source = `test-import-${randomUUID().slice(0, 8)}`;

  it('reports a row the service refuses by the field it names and imports the others', async () => {
    const examples = JSON.parse(
      await readFile(path.join(ROOT, 'tools/import/examples/needs.json'), 'utf8'),
    ) as object[];
    const need = (id: string, changes: object = {}): object => ({
      ...examples[0],
      externalRef: { source, id },
      ...changes,
    });
    // Valid by the contract; the service's own check refuses a criterion the engine does not score.
    const file = await tempFile('needs.json', JSON.stringify([need('n-1', { weights: { charisma: 3 } }), need('n-2')]));

    const run = await runImportCli(needs.url, file);
    expect(run.code).toBe(1);
    expect(run.summary).toMatchObject({ rows: 2, created: 1, failed: 1, dryRun: false });
    expect(run.out).toMatch(/row 1 ".*" failed\n(.*\n)*\s+! weights\.charisma: unknown criterion/);
    const { body } = await http<{ items: { status: string; externalRef: { id: string } }[] }>(
      `${needs.url}/needs?source=${source}`,
    );
    expect(body.items.map(({ externalRef, status }) => ({ id: externalRef.id, status }))).toEqual([
      { id: 'n-2', status: 'open' },
    ]);
  }, 60_000);
});
