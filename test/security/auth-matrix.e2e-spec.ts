import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ServiceProcess, useServices, type ServiceName } from '../utils/service-process.js';
import { CALLERS, exposedRoutes, probe, type Caller, type Role } from './probe.js';

type Access = 'public' | readonly Role[];

const READERS: readonly Role[] = ['admin', 'partner', 'dashboard'];
const PARTNER_WRITE: readonly Role[] = ['admin', 'partner'];
const ADMIN: readonly Role[] = ['admin'];
const OVERSIGHT: readonly Role[] = ['admin', 'dashboard'];

/** What every service shares: probes, metrics and the vocabularies (every service that takes vocabulary fields). */
const OPERATIONS: Record<string, Access> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': OVERSIGHT,
};

const TAXONOMY: Record<string, Access> = {
  'GET /taxonomy': READERS,
  'GET /taxonomy/{name}': READERS,
  'POST /taxonomy/resolve': READERS,
};

/**
 * Who may call what, for every route the services expose. A route missing here fails the suite: a new route
 * needs a decision (and usually a `@Roles`) before it ships.
 */
const MATRIX: Record<ServiceName, Record<string, Access>> = {
  companies: {
    ...OPERATIONS,
    ...TAXONOMY,
    'POST /companies': PARTNER_WRITE,
    'GET /companies': READERS,
    'GET /companies/{id}': READERS,
    'PUT /companies/{id}': PARTNER_WRITE,
    'PATCH /companies/{id}': PARTNER_WRITE,
    'DELETE /companies/{id}': PARTNER_WRITE,
  },
  'rd-needs': {
    ...OPERATIONS,
    ...TAXONOMY,
    'POST /needs': PARTNER_WRITE,
    'GET /needs': READERS,
    'GET /needs/{id}': READERS,
    'PUT /needs/{id}': PARTNER_WRITE,
    'PATCH /needs/{id}': PARTNER_WRITE,
    'DELETE /needs/{id}': PARTNER_WRITE,
  },
  matching: {
    ...OPERATIONS,
    'GET /needs/{needId}/matches': OVERSIGHT,
    'GET /needs/{needId}/matches/{companyId}': OVERSIGHT,
    'GET /companies/{companyId}/matches': OVERSIGHT,
    'POST /needs/{needId}/matches/{companyId}/decision': ADMIN,
    'GET /matches/stream': OVERSIGHT,
    'POST /matches/stream/tokens': OVERSIGHT,
    'POST /admin/rematch': ADMIN,
    'GET /admin/rematch': ADMIN,
    'GET /admin/rematch/{jobId}': ADMIN,
    'POST /admin/rematch/{jobId}/cancel': ADMIN,
  },
};

const expected = (access: Access, caller: Caller): 'allowed' | 401 | 403 => {
  if (access === 'public') return 'allowed';
  if (caller === 'no key' || caller === 'wrong key') return 401;
  return caller === 'admin' || access.includes(caller) ? 'allowed' : 403;
};

describe('auth matrix: every route × every caller', () => {
  const services: Record<ServiceName, ServiceProcess> = {
    companies: new ServiceProcess('companies', 21),
    'rd-needs': new ServiceProcess('rd-needs', 22),
    matching: new ServiceProcess('matching', 23),
  };
  const routes = {} as Record<ServiceName, string[]>;

  useServices(...Object.values(services));

  beforeAll(async () => {
    for (const [name, service] of Object.entries(services) as [ServiceName, ServiceProcess][]) {
      routes[name] = await exposedRoutes(service.url);
    }
  }, 120_000);

  it.each(Object.keys(MATRIX) as ServiceName[])(
    '%s: every exposed route has a matrix entry, and no entry is stale',
    (name) => {
      const exposed = routes[name];
      expect(exposed.filter((route) => !(route in MATRIX[name]))).toEqual([]);
      expect(Object.keys(MATRIX[name]).filter((route) => !exposed.includes(route))).toEqual([]);
    },
  );

  it.each(Object.keys(MATRIX) as ServiceName[])(
    '%s: each caller gets what its role allows, and never a 5xx',
    async (name) => {
      const failures: string[] = [];
      for (const route of routes[name]) {
        const access = MATRIX[name][route];
        if (!access) continue;
        const [method, path] = route.split(' ') as [string, string];
        for (const caller of CALLERS) {
          const { status, body, headers } = await probe(services[name].url, method, path, caller);
          const want = expected(access, caller);
          const ok =
            want === 'allowed' ? status !== 401 && status !== 403 && status < 500 : status === want && body.length > 0;
          if (!ok) failures.push(`${route} as ${caller}: ${status} (expected ${want}) ${body.slice(0, 200)}`);
          if (want === 401 && headers.get('www-authenticate') === null)
            failures.push(`${route}: 401 without WWW-Authenticate`);
        }
      }
      expect(failures).toEqual([]);
    },
    120_000,
  );

  it('describes request bodies and query parameters from the DTO validators, with examples', async () => {
    const document = (await (await fetch(`${services.companies.url}/docs-json`)).json()) as {
      components: {
        schemas: Record<string, { properties: Record<string, object>; required?: string[]; example?: object }>;
      };
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const create = document.components.schemas.CreateCompanyDto!;
    expect(create.properties.name).toEqual({ type: 'string', minLength: 1, maxLength: 200 });
    expect(create.properties.therapeuticAreas).toMatchObject({ type: 'array', maxItems: 50 });
    expect(create.properties.externalRef).toEqual({ $ref: '#/components/schemas/ExternalRef' });
    expect(create.required).toContain('name');
    expect(create.required).not.toContain('website');
    expect(create.example).toMatchObject({ name: expect.any(String), country: 'GB' });
    expect(document.components.schemas.UpdateCompanyDto!.required ?? []).toEqual([]);
    expect(document.paths['/companies']!.get!.parameters?.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['limit', 'offset', 'source', 'q']),
    );
  });

  it('serves the API docs without a key: Swagger UI, the OpenAPI JSON with the bearer scheme, and the AsyncAPI links', async () => {
    for (const service of Object.values(services)) {
      const page = await fetch(`${service.url}/docs`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('swagger-ui');
      const document = (await (await fetch(`${service.url}/docs-json`)).json()) as {
        components: { securitySchemes: Record<string, { scheme: string }> };
        info: { description: string };
        paths: Record<string, Record<string, { security?: unknown[] }>>;
      };
      expect(Object.values(document.components.securitySchemes)).toContainEqual(
        expect.objectContaining({ scheme: 'bearer' }),
      );
      expect(document.info.description).toContain('/docs/asyncapi.yaml');
      expect(document.info.description).toContain('/docs/events');
      expect(document.paths['/health']?.get?.security).toEqual([]);
      const asyncApi = await fetch(`${service.url}/docs/asyncapi.yaml`);
      expect(asyncApi.status).toBe(200);
      expect(await asyncApi.text()).toBe(readFileSync('docs/asyncapi.yaml', 'utf8'));
      const eventsPage = await fetch(`${service.url}/docs/events`);
      expect(eventsPage.status).toBe(200);
      expect(eventsPage.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await eventsPage.text()).toBe(readFileSync('docs/asyncapi.html', 'utf8'));
    }
  });
});
