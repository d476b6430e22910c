import { describe, expect, it } from '@jest/globals';
import type { ProfileStore, StoredRecord, WriteResult } from './import-client.js';
import { parseJsonRows } from './import-file.js';
import { IMPORT_TARGETS } from './import-kinds.js';
import { runImport } from './import-run.js';

const need = (id: string, changes: Record<string, unknown> = {}) => ({
  externalRef: { source: 'park', id },
  title: `Need ${id}`,
  description: 'Organoid models of resistant tumours.',
  owner: 'AZ Oncology',
  therapeuticAreas: ['oncology'],
  modalities: ['small molecule'],
  stages: ['preclinical'],
  sectors: ['services'],
  mustHave: ['organoids'],
  niceToHave: [],
  collaborationTypes: ['research collaboration'],
  offering: ['funding'],
  preferChinaPresence: true,
  preferWuxiCoLocation: false,
  preferredPartnerNetworks: [],
  priority: 'high',
  ...changes,
});

/** An in-memory collection that keeps the version when a replace changes nothing, as the service does. */
class FakeStore implements ProfileStore {
  readonly records = new Map<string, StoredRecord & { body: string; ref: string }>();

  findByExternalRef(source: string, id: string): Promise<StoredRecord | undefined> {
    return Promise.resolve([...this.records.values()].find((record) => record.ref === `${source}/${id}`));
  }

  create(fields: object): Promise<WriteResult> {
    const id = `id-${this.records.size + 1}`;
    const { externalRef } = fields as { externalRef: { source: string; id: string } };
    this.records.set(id, {
      id,
      version: 1,
      body: JSON.stringify(fields),
      ref: `${externalRef.source}/${externalRef.id}`,
    });
    return Promise.resolve({ ok: true, id, version: 1 });
  }

  replace(id: string, fields: object): Promise<WriteResult> {
    const record = this.records.get(id)!;
    const body = JSON.stringify(fields);
    const version = body === record.body ? record.version : record.version + 1;
    this.records.set(id, { ...record, body, version });
    return Promise.resolve({ ok: true, id, version });
  }
}

const run = async (rows: object[], store: ProfileStore | undefined) => {
  let output = '';
  const summary = await runImport(parseJsonRows(JSON.stringify(rows)), IMPORT_TARGETS.needs, {
    store,
    stdout: { write: (text: string) => (output += text) },
  });
  return { summary, lines: output.trimEnd().split('\n') };
};

describe('runImport', () => {
  it('writes nothing on a dry run and still reports each row', async () => {
    const { summary, lines } = await run([need('n-1')], undefined);
    expect(summary).toEqual({
      rows: 1,
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      unmappedTerms: 0,
      dryRun: true,
    });
    expect(lines[0]).toBe('row 1 "Need n-1" valid');
    expect(JSON.parse(lines.at(-1)!)).toEqual(summary);
  });

  it('creates, then on a second run finds each record by its externalRef: unchanged or updated, never twice', async () => {
    const store = new FakeStore();
    expect((await run([need('n-1'), need('n-2')], store)).summary).toMatchObject({ created: 2, failed: 0 });
    const again = await run([need('n-1'), need('n-2', { priority: 'low' })], store);
    expect(again.summary).toMatchObject({ created: 0, unchanged: 1, updated: 1 });
    expect(store.records.size).toBe(2);
  });

  it('reports a bad row by field and imports the others', async () => {
    const store = new FakeStore();
    const { summary, lines } = await run(
      [need('n-1', { priority: 'urgent' }), need('n-2', { mustHave: ['xyzzy plugh'] }), need('n-3')],
      store,
    );
    expect(summary).toMatchObject({ rows: 3, created: 1, failed: 2, unmappedTerms: 1 });
    expect(lines.join('\n')).toMatch(/! priority: /);
    expect(lines.join('\n')).toMatch(/mustHave: "xyzzy plugh" unmapped/);
    expect(store.records.size).toBe(1);
  });
});
