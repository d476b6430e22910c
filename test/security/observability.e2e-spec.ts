import { describe, expect, it } from '@jest/globals';
import { TOPICS } from '#contracts';
import { aCompany } from '../factories/company.factory.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { DEV_DASHBOARD_KEY, http } from '../utils/http.js';
import { KafkaCapture } from '../utils/kafka-capture.js';
import { ServiceProcess, useServices } from '../utils/service-process.js';

const dashboard = { apiKey: DEV_DASHBOARD_KEY };

describe('operability: health, metrics, JSON logs, correlation ids across services', () => {
  const companies = new ServiceProcess('companies', 24);
  const matching = new ServiceProcess('matching', 25);

  useServices(companies, matching);
  const capture = KafkaCapture.use([TOPICS.companyProfiles]);

  it('answers liveness and readiness without a key; readiness checks the database, Kafka and consumer lag', async () => {
    const live = await http<{ status: string }>(`${matching.url}/health/live`, 'GET', undefined, { apiKey: null });
    expect(live).toMatchObject({ status: 200, body: { status: 'ok' } });
    const health = await http<{ status: string; checks: object }>(`${matching.url}/health`, 'GET', undefined, {
      apiKey: null,
    });
    expect(health).toMatchObject({
      status: 200,
      body: { status: 'ok', checks: { database: { status: 'up' }, kafka: { status: 'up' } } },
    });
    const ready = await http<{ status: string; checks: Record<string, { status: string }> }>(
      `${matching.url}/health/ready`,
      'GET',
      undefined,
      { apiKey: null },
    );
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({
      database: { status: 'up' },
      kafka: { status: 'up' },
      consumerLag: { status: expect.stringMatching(/up|degraded/) },
    });
  });

  it("carries a request's correlation id into its event and into the consumer's logs", async () => {
    const correlationId = `obs-${Date.now()}`;
    const created = await http<{ id: string }>(`${companies.url}/companies`, 'POST', aCompany(), {
      headers: { 'x-correlation-id': correlationId },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-correlation-id')).toBe(correlationId);
    const event = await capture.waitFor((message) => message.key === created.body.id);
    expect(event.value).toMatchObject({ correlationId });
    expect(event.headers['correlation-id']).toBe(correlationId);

    const requestLine = await expectEventually(() => {
      const line = companies.output
        .join('')
        .split('\n')
        .find((entry) => entry.includes(correlationId) && entry.includes('"statusCode":201'));
      if (!line) throw new Error('request log line not found');
      return JSON.parse(line) as Record<string, unknown>;
    });
    expect(requestLine).toMatchObject({ level: 'info', service: 'companies', correlationId });
    expect(JSON.stringify(requestLine)).not.toContain('dev-admin-key');
  }, 30_000);

  it('exposes Prometheus metrics to admin and dashboard keys', async () => {
    await http(`${companies.url}/companies?limit=1`);
    const companyMetrics = await expectEventually(async () => {
      const response = await http<string>(`${companies.url}/metrics`, 'GET', undefined, dashboard);
      expect(response.body).toMatch(/parkmatch_events_produced_total\{[^}]*topic="companies.company-profiles.v1"/);
      return response;
    });
    expect(companyMetrics.status).toBe(200);
    expect(companyMetrics.headers.get('content-type')).toContain('text/plain');
    expect(companyMetrics.body).toMatch(
      /parkmatch_http_request_duration_seconds_bucket\{[^}]*method="GET",route="\/companies",status="200"/,
    );
    expect(companyMetrics.body).toMatch(/parkmatch_events_produced_total\{[^}]*topic="companies.company-profiles.v1"/);
    expect(companyMetrics.body).toMatch(/parkmatch_outbox_backlog\{service="companies"\} \d+/);

    const matchingMetrics = await expectEventually(async () => {
      const response = await http<string>(`${matching.url}/metrics`, 'GET', undefined, dashboard);
      expect(response.body).toMatch(/parkmatch_events_consumed_total\{[^}]*outcome="applied"[^}]*\} [1-9]/);
      expect(response.body).toMatch(/parkmatch_consumer_lag\{[^}]*topic="companies.company-profiles.v1"[^}]*\} \d+/);
      return response.body;
    });
    for (const name of [
      'parkmatch_events_dead_lettered_total',
      'parkmatch_events_stale_total',
      'parkmatch_rematch_job_duration_seconds',
      'parkmatch_rematch_jobs_total',
      'parkmatch_consumer_restarts_total',
      'parkmatch_scoring_pairs_per_second',
      'process_cpu_seconds_total',
    ]) {
      expect(matchingMetrics).toContain(`# TYPE ${name}`);
    }
  }, 30_000);
});
