import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions } from '#platform';
import { matchingDataSource } from '../apps/matching/src/database/matching.data-source.js';
import { loadSyntheticProjections } from '../tools/bench/synthetic-projections.js';
import { expectEventually } from './utils/expect-eventually.js';
import { http } from './utils/http.js';
import { ServiceProcess } from './utils/service-process.js';
import { testEnv } from './utils/test-env.js';

interface Job {
  id: string;
  status: string;
  attempts: number;
  progress: { done: number; total: number };
}

describe('a full rematch survives a SIGKILL of the matching service', () => {
  const env = { MATCHING_REMATCH_LEASE_MS: '2000', MATCHING_REMATCH_CHUNK_NEEDS: '5' };
  let matching = new ServiceProcess('matching', 9, env);
  let dataSource: DataSource;
  let population: { companyIds: string[]; needIds: string[] };

  beforeAll(async () => {
    dataSource = await new DataSource(serviceDataSourceOptions(matchingDataSource(testEnv().databaseUrl))).initialize();
    population = await loadSyntheticProjections(dataSource, { companies: 20_000, needs: 200, seed: 7 });
    await matching.start();
  }, 120_000);

  afterAll(async () => {
    await matching.stop();
    // The synthetic population would slow every later test's rescoring: take it out of the market again.
    await dataSource.query('UPDATE matching.need_projection SET open = false WHERE id = ANY($1::uuid[])', [
      population.needIds,
    ]);
    await dataSource.query('UPDATE matching.company_projection SET removed_at = now() WHERE id = ANY($1::uuid[])', [
      population.companyIds,
    ]);
    await dataSource.query('DELETE FROM matching.shortlist_entry WHERE need_id = ANY($1::uuid[])', [
      population.needIds,
    ]);
    await dataSource.destroy();
  }, 60_000);

  it('is picked up again after the restart and completes every need', async () => {
    const requested = await http<{ jobId: string }>(`${matching.url}/admin/rematch`, 'POST', {
      scope: 'all',
      reason: 'restart test',
    });
    expect(requested.status).toBe(202);
    const jobUrl = `${matching.url}/admin/rematch/${requested.body.jobId}`;
    const interrupted = await expectEventually(
      async () => {
        const job = (await http<Job>(jobUrl)).body;
        // In the middle of persisting: some needs' shortlists written, others not yet.
        expect(job.status).toBe('running');
        expect(job.progress.done).toBeGreaterThan(0);
        return job;
      },
      // Compiling 20,000 companies comes first; on a loaded machine that alone can take longer than the default wait.
      { intervalMs: 5, timeoutMs: 60_000 },
    );
    await matching.stop('SIGKILL');

    const [stuck] = await dataSource.query<{ status: string; progress_done: number; progress_total: number }[]>(
      'SELECT status, progress_done, progress_total FROM matching.rematch_job WHERE id = $1',
      [requested.body.jobId],
    );
    console.log(`killed with the job ${stuck?.status} at ${stuck?.progress_done}/${stuck?.progress_total} needs`);
    expect(stuck?.status).toBe('running');
    expect(stuck?.progress_done).toBeLessThan(population.needIds.length);
    expect(interrupted.status).toBe('running');

    matching = new ServiceProcess('matching', 9, env);
    await matching.start();
    const done = await expectEventually(
      async () => {
        const job = (await http<Job>(jobUrl)).body;
        expect(job.status).toBe('completed');
        return job;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    expect(done.progress.done).toBe(done.progress.total);
    const [shortlisted] = await dataSource.query<{ needs: number }[]>(
      'SELECT count(DISTINCT need_id)::int AS needs FROM matching.shortlist_entry WHERE need_id = ANY($1::uuid[])',
      [population.needIds],
    );
    expect(shortlisted?.needs).toBe(population.needIds.length);
  }, 120_000);
});
