import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { aCompany } from '../factories/company.factory.js';
import { anRdNeed } from '../factories/rd-need.factory.js';
import { http, type HttpResult } from '../utils/http.js';
import { ServiceProcess, useServices } from '../utils/service-process.js';

interface ErrorBody {
  statusCode: number;
  code: string;
  errors?: { field: string; message: string }[];
}

interface Stored {
  id: string;
  name: string;
  version: number;
}

/** A 4xx (never a 500) whose body names `field` among its errors. */
const expectRejected = (response: HttpResult<ErrorBody>, status: number, field: string | RegExp): void => {
  expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { statusCode: status } });
  const fields = response.body.errors?.map((error) => error.field) ?? [];
  expect(fields).toContainEqual(typeof field === 'string' ? field : expect.stringMatching(field));
};

describe('bad input is a 4xx naming the field, never a 500', () => {
  const companies = new ServiceProcess('companies', 81);
  const needs = new ServiceProcess('rd-needs', 82);
  const matching = new ServiceProcess('matching', 83);

  useServices(companies, needs, matching);

  it('refuses NUL characters in JSON bodies, nested fields and query strings', async () => {
    expectRejected(await http(`${companies.url}/companies`, 'POST', aCompany({ name: 'Ac\u0000me' })), 400, 'name');
    expectRejected(
      await http(`${companies.url}/companies`, 'POST', aCompany({ assets: [{ name: 'a', codes: ['AZ\u0000D'] }] })),
      400,
      'assets[0].codes[0]',
    );
    expectRejected(await http(`${companies.url}/companies?q=%00`), 400, 'q');
    expectRejected(await http(`${needs.url}/needs?source=a%00b`), 400, 'source');
  });

  it('refuses pagination beyond the database integer range', async () => {
    for (const offset of ['2147483648', '99999999999999999999', '1e20']) {
      expectRejected(await http(`${companies.url}/companies?offset=${offset}`), 400, 'offset');
      expectRejected(await http(`${needs.url}/needs?offset=${offset}`), 400, 'offset');
      expectRejected(await http(`${matching.url}/needs/${randomUUID()}/matches?offset=${offset}`), 400, 'offset');
    }
    expectRejected(await http(`${companies.url}/companies?limit=99999999999999999999`), 400, 'limit');
    expect((await http(`${companies.url}/companies?offset=2147483647`)).status).toBe(200);
  });

  it('refuses null for a required field in a PATCH', async () => {
    const company = (await http<Stored>(`${companies.url}/companies`, 'POST', aCompany())).body;
    for (const field of ['name', 'country', 'sectors', 'chinaPresence']) {
      expectRejected(await http(`${companies.url}/companies/${company.id}`, 'PATCH', { [field]: null }), 400, field);
    }
    const need = (await http<Stored>(`${needs.url}/needs`, 'POST', anRdNeed())).body;
    expectRejected(await http(`${needs.url}/needs/${need.id}`, 'PATCH', { title: null }), 400, 'title');
    expect((await http<Stored>(`${companies.url}/companies/${company.id}`)).body.version).toBe(1);
  });

  it('refuses deeply nested JSON bodies', async () => {
    const depth = 20_000;
    const deep = (field: string) =>
      JSON.stringify({ ...aCompany(), [field]: 'deep' }).replace('"deep"', `${'['.repeat(depth)}${']'.repeat(depth)}`);
    expectRejected(await http(`${companies.url}/companies`, 'POST', deep('assets')), 400, /^assets/);
    expectRejected(await http(`${companies.url}/companies`, 'POST', deep('externalRef')), 400, /^externalRef/);
  });

  it('answers 409 naming externalRef when another record already holds the external reference', async () => {
    const source = `src-${randomUUID().slice(0, 8)}`;
    const held = aCompany({ externalRef: { source, id: 'one' } });
    await http(`${companies.url}/companies`, 'POST', held);
    const other = (
      await http<Stored>(`${companies.url}/companies`, 'POST', aCompany({ externalRef: { source, id: 'two' } }))
    ).body;
    expectRejected(
      await http(`${companies.url}/companies/${other.id}`, 'PATCH', { externalRef: { source, id: 'one' } }),
      409,
      'externalRef',
    );
    expectRejected(
      await http(`${companies.url}/companies/${other.id}`, 'PUT', { ...held, name: 'Other' }),
      409,
      'externalRef',
    );
    expectRejected(await http(`${companies.url}/companies`, 'POST', held), 409, 'externalRef');
    const raced = aCompany({ externalRef: { source, id: 'raced' } });
    const racing = await Promise.all(
      Array.from({ length: 8 }, () => http<ErrorBody>(`${companies.url}/companies`, 'POST', raced)),
    );
    expect(racing.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const lost of racing.filter((response) => response.status === 409)) expectRejected(lost, 409, 'externalRef');
    const need = anRdNeed({ externalRef: { source, id: 'n1' } });
    await http(`${needs.url}/needs`, 'POST', need);
    const otherNeed = (await http<Stored>(`${needs.url}/needs`, 'POST', anRdNeed())).body;
    expectRejected(
      await http(`${needs.url}/needs/${otherNeed.id}`, 'PATCH', { externalRef: need.externalRef }),
      409,
      'externalRef',
    );
  });

  it('normalises display text to NFC and refuses control, bidi-override and invisible-only text', async () => {
    const decomposed = `Cafe\u0301 ${randomUUID().slice(0, 8)}`;
    const created = await http<Stored>(`${companies.url}/companies`, 'POST', aCompany({ name: decomposed }));
    expect(created.status).toBe(201);
    expect(created.body.name).toBe(decomposed.normalize('NFC'));
    for (const name of ['Acme\u001b[2J', 'Acme\u202egpj', 'Acme\u2066x\u2069', '\u200b', '\u200b\u200d\ufeff']) {
      expectRejected(await http(`${companies.url}/companies`, 'POST', aCompany({ name })), 400, 'name');
    }
    expectRejected(
      await http(`${companies.url}/companies`, 'POST', aCompany({ description: 'ring\u0007' })),
      400,
      'description',
    );
    expectRejected(await http(`${needs.url}/needs`, 'POST', anRdNeed({ title: 'Need\u202d' })), 400, 'title');
    expectRejected(
      await http(`${companies.url}/companies/${created.body.id}`, 'PATCH', { city: '\u0085' }),
      400,
      'city',
    );
  });

  it('answers 404 for a rematch of an unknown need or company', async () => {
    for (const scope of ['need', 'company']) {
      const response = await http<ErrorBody>(`${matching.url}/admin/rematch`, 'POST', { scope, id: randomUUID() });
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 404,
        code: scope === 'need' ? 'RD_NEED.NOT_FOUND' : 'COMPANY.NOT_FOUND',
      });
    }
  });
});
