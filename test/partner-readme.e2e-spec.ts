import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { expectEventually } from './utils/expect-eventually.js';
import { http } from './utils/http.js';
import { ServiceProcess, useServices } from './utils/service-process.js';
import { testEnv } from './utils/test-env.js';

interface Page<T> {
  items: T[];
  total: number;
}

interface StoredCompany {
  name: string;
  therapeuticAreas: string[];
  developmentStages: string[];
  capabilities: string[];
  unmappedTerms: string[];
}

const README_BROKERS = "brokers: ['127.0.0.1:9092']";
const README_EXTERNAL_ID = "const externalId = 'crm-0042';";

/** The kafkajs snippet of the README's "Publish your first partner event", between its marker comments. */
const readmeSnippet = (): string => {
  const readme = readFileSync('README.md', 'utf8');
  const marked =
    /<!-- partner-event-snippet:start -->\s*```js\n([\s\S]*?)```\s*<!-- partner-event-snippet:end -->/.exec(readme);
  if (!marked?.[1]) throw new Error('README.md has no partner event snippet between its markers');
  return marked[1];
};

describe('the README’s first partner event', () => {
  const companies = new ServiceProcess('companies', 41);
  useServices(companies);

  it('publishes, as written, a company that the companies service stores with its terms resolved', async () => {
    const snippet = readmeSnippet();
    // The snippet as a partner reads it, pointed at the test broker and at a record of its own for this run.
    expect(snippet).toContain(README_BROKERS);
    expect(snippet).toContain(README_EXTERNAL_ID);
    const externalId = `crm-${randomUUID()}`;
    const program = snippet
      .replace(README_BROKERS, `brokers: ${JSON.stringify(testEnv().kafkaBrokers)}`)
      .replace(README_EXTERNAL_ID, `const externalId = '${externalId}';`);

    // --eval resolves `kafkajs` from the working directory: the repository's node_modules, as after `npm install`.
    await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', program], { timeout: 30_000 });

    const company = await expectEventually(async () => {
      const page = await http<Page<StoredCompany>>(
        `${companies.url}/companies?source=acme-crm&externalId=${encodeURIComponent(externalId)}`,
      );
      expect(page.body.total).toBe(1);
      return page.body.items[0]!;
    });
    expect(company).toMatchObject({
      name: 'Helix Oncology Ltd',
      therapeuticAreas: ['non-small-cell-lung-cancer'],
      developmentStages: ['preclinical'],
      capabilities: ['target-identification'],
      unmappedTerms: [],
    });
  }, 60_000);
});
