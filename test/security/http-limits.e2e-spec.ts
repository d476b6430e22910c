import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { aCompany } from '../factories/company.factory.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { DEV_DASHBOARD_KEY, DEV_PARTNER_KEY, http, type HttpResult } from '../utils/http.js';
import { testEnv } from '../utils/test-env.js';
import { ServiceProcess, useServices } from '../utils/service-process.js';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errorId?: string;
  errors?: { field: string; message: string }[];
}

// Above what the other tests here send with the admin key, which has a limit of its own.
const RATE_LIMIT = 50;
const AUTH_FAILURES = 5;
const PUBLIC_LIMIT = 300;
const DASHBOARD_ORIGIN = 'https://dashboard.example';

/** What an error body must never show: stack frames, SQL, file paths, driver messages. */
const LEAKS = [
  /\bat \S+ \(/,
  /\.(ts|js):\d+/,
  /\/(work|home|usr|app)\//,
  /SELECT|INSERT|UPDATE|relation|syntax|postgres/i,
];

const expectNoLeak = (body: unknown): void => {
  const text = JSON.stringify(body);
  for (const pattern of LEAKS) expect(text).not.toMatch(pattern);
  expect(text).not.toContain('stack');
};

describe('input limits, rate limits, headers and errors', () => {
  const companies = new ServiceProcess('companies', 29, {
    HTTP_BODY_LIMIT: '8kb',
    HTTP_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    HTTP_AUTH_FAILURES_PER_MINUTE: String(AUTH_FAILURES),
    HTTP_PUBLIC_RATE_LIMIT_PER_MINUTE: String(PUBLIC_LIMIT),
    CORS_ORIGINS: DASHBOARD_ORIGIN,
  });
  const url = `${companies.url}/companies`;

  useServices(companies);

  it('answers 413 for a body over the limit', async () => {
    const response = await http<ErrorBody>(url, 'POST', aCompany({ description: 'x'.repeat(20_000) }));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expectNoLeak(response.body);
  });

  it('answers 400 for malformed JSON, without the parser details', async () => {
    const response = await http<ErrorBody>(url, 'POST', '{"name": "Broken",');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'BAD_REQUEST', message: 'The request body is not valid JSON' });
    expectNoLeak(response.body);
  });

  it('answers 400 naming unknown fields, and caps array and string lengths', async () => {
    const unknown = await http<ErrorBody>(url, 'POST', { ...aCompany(), isAdmin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.map((error) => error.field)).toContain('isAdmin');
    const tooMany = await http<ErrorBody>(url, 'POST', aCompany({ sectors: Array.from({ length: 51 }, () => 'x') }));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors?.map((error) => error.field)).toContain('sectors');
    const tooLong = await http<ErrorBody>(url, 'POST', aCompany({ name: 'n'.repeat(201) }));
    expect(tooLong.status).toBe(400);
  });

  it('answers 400 or 404 for malformed ids and paths, never 500', async () => {
    for (const id of ['not-a-uuid', '1%20OR%201=1', '%E0%A4%A', '..%2F..%2Fetc%2Fpasswd', "'; DROP TABLE x;--"]) {
      for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
        const response = await http<ErrorBody>(
          `${url}/${id}`,
          method,
          method === 'GET' || method === 'DELETE' ? undefined : {},
        );
        expect([400, 404]).toContain(response.status);
        expectNoLeak(response.body);
      }
    }
    const unknownRoute = await http<ErrorBody>(`${companies.url}/no/such/route`);
    expect(unknownRoute.status).toBe(404);
    expectNoLeak(unknownRoute.body);
  });

  it('hides a forced server error behind an errorId that the log has, with its cause', async () => {
    // A constraint only this test's value breaks stands in for a database fault: its error must stay in the log.
    const city = `Fault ${randomUUID()}`;
    const database = new pg.Client({ connectionString: testEnv().databaseUrl });
    await database.connect();
    let response: HttpResult<ErrorBody>;
    try {
      await database.query(
        `ALTER TABLE companies.company ADD CONSTRAINT forced_fault CHECK (city <> '${city}') NOT VALID`,
      );
      response = await http<ErrorBody>(url, 'POST', aCompany({ city }));
    } finally {
      await database.query('ALTER TABLE companies.company DROP CONSTRAINT IF EXISTS forced_fault');
      await database.end();
    }
    expect(response.status).toBe(500);
    expect(Object.keys(response.body).sort()).toEqual(['code', 'errorId', 'message', 'statusCode']);
    expectNoLeak(response.body);
    const errorId = response.body.errorId!;
    const line = await expectEventually(() => {
      const found = companies.output
        .join('')
        .split('\n')
        .find((entry) => entry.includes(`errorId=${errorId}`));
      if (!found) throw new Error(`errorId ${errorId} not logged yet`);
      return found;
    });
    expect(JSON.parse(line)).toMatchObject({ level: 'error', service: 'companies' });
    expect(line).toMatch(/forced_fault/);
  });

  it('sends security headers and echoes or makes a correlation id', async () => {
    const response = await fetch(`${url}?limit=1`, {
      headers: { authorization: 'Bearer dev-admin-key', 'x-correlation-id': 'sec-test-123' },
    });
    expect(response.headers.get('x-correlation-id')).toBe('sec-test-123');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toContain('max-age');
    expect(response.headers.get('x-powered-by')).toBeNull();
    const generated = await fetch(`${url}?limit=1`, { headers: { authorization: 'Bearer dev-admin-key' } });
    expect(generated.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows CORS for the configured dashboard origin only', async () => {
    const preflight = (origin: string) =>
      fetch(url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight(DASHBOARD_ORIGIN);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(DASHBOARD_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 429 with Retry-After past the per-key limit, without slowing other keys', async () => {
    const dashboard = { apiKey: DEV_DASHBOARD_KEY };
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT; i++)
      statuses.push((await http(`${url}?limit=1`, 'GET', undefined, dashboard)).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const limited = await http<ErrorBody>(`${url}?limit=1`, 'GET', undefined, dashboard);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await http(`${url}?limit=1`)).status).toBe(200);
  });

  it('charges a resolve by its number of terms', async () => {
    const partner = { apiKey: DEV_PARTNER_KEY };
    const terms = Array.from({ length: 50 }, (_, i) => `term ${i}`);
    const statuses: number[] = [];
    // 50 terms cost 11 units of the key's 50 a minute: the fifth such request is over.
    for (let i = 0; i < 5; i++)
      statuses.push((await http(`${companies.url}/taxonomy/resolve`, 'POST', { terms }, partner)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });

  it('limits health probes per address', async () => {
    const statuses: number[] = [];
    // Sequential requests take time, in which the bucket refills a little: stop at the first 429.
    while (statuses.length < 3 * PUBLIC_LIMIT && statuses.at(-1) !== 429)
      statuses.push((await http(`${companies.url}/health/live`, 'GET', undefined, { apiKey: null })).status);
    const limited = statuses.indexOf(429);
    expect(limited).toBeGreaterThanOrEqual(PUBLIC_LIMIT - 5);
    expect(statuses.slice(0, limited).every((status) => status === 200)).toBe(true);
  });

  // Last: once its failed authentications are spent, this address gets 429 for every key for a while.
  it('throttles failed authentications per address, without checking keys past the limit', async () => {
    const guesses: number[] = [];
    for (let i = 0; i < AUTH_FAILURES; i++)
      guesses.push((await http(`${url}?limit=1`, 'GET', undefined, { apiKey: `guess-${i}` })).status);
    expect(guesses).toEqual(Array(AUTH_FAILURES).fill(401));
    const throttled = await http<ErrorBody>(`${url}?limit=1`, 'GET', undefined, { apiKey: 'dev-admin-key' });
    expect({ status: throttled.status, code: throttled.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(throttled.body.message).toContain('failed authentications');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
