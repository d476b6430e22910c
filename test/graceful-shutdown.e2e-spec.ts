import { afterAll, describe, expect, it } from '@jest/globals';
import { aCompany } from './factories/company.factory.js';
import { expectEventually } from './utils/expect-eventually.js';
import { http } from './utils/http.js';
import { ServiceProcess } from './utils/service-process.js';

const WORKERS = 12;

describe('graceful shutdown', () => {
  const companies = new ServiceProcess('companies', 84, { HTTP_RATE_LIMIT_PER_MINUTE: '1000000' });

  afterAll(() => companies.stop('SIGKILL'), 30_000);

  it('answers no request with a 500 while it stops under load: they complete or are refused at the connection', async () => {
    await companies.start();
    const statuses: number[] = [];
    const refusals: string[] = [];
    let running = true;
    const worker = async (index: number): Promise<void> => {
      while (running) {
        try {
          const response =
            index % 3 === 0
              ? await http(`${companies.url}/companies`, 'POST', aCompany())
              : await http(`${companies.url}/companies?limit=20&q=Test`);
          statuses.push(response.status);
        } catch (error) {
          // Connection refused or reset: the client may retry elsewhere; what must never happen is a 5xx answer.
          refusals.push(String((error as Error).cause ?? error));
        }
      }
    };
    const workers = Array.from({ length: WORKERS }, (_, index) => worker(index));
    try {
      await expectEventually(() => expect(statuses.length).toBeGreaterThan(200), { timeoutMs: 30_000 });
      const answeredBeforeStop = statuses.length;
      await companies.stop('SIGTERM');
      await expectEventually(() => expect(refusals.length).toBeGreaterThan(WORKERS));
      expect(statuses.length).toBeGreaterThan(answeredBeforeStop);
    } finally {
      running = false;
      await Promise.all(workers);
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.filter((status) => status !== 200 && status !== 201)).toEqual([]);
  }, 90_000);
});
