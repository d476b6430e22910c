import { describe, expect, it } from '@jest/globals';
import { TOPICS } from '#contracts';
import { aCompany } from '../factories/company.factory.js';
import { readTopics } from '../utils/delivery-check.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { http } from '../utils/http.js';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

/** The relay's advisory lock (OutboxRelay.publishBatch): while a test holds it, the relay publishes nothing. */
const RELAY_LOCK = `SELECT pg_advisory_lock(hashtext('companies.outbox'))`;
const RELAY_UNLOCK = `SELECT pg_advisory_unlock(hashtext('companies.outbox'))`;

/**
 * One SIGKILL of the companies service (and so of its outbox relay) catches three batches of REST writes in three
 * states: published and marked sent, published and acknowledged by the broker but not yet marked (the relay's UPDATE
 * is held behind row locks the test takes), and not published at all. After the restart the relay publishes what is
 * unmarked: the second batch a second time, which matching's inbox must absorb, and the third for the first time.
 */
describe('fault (d): the outbox relay killed before and after publishing', () => {
  const harness = useMatchingFaultHarness(35, { companiesPort: 34 });
  const { companies } = harness;

  /** Every company the test wrote, watched for versions going down from the first write on. */
  const written: string[] = [];

  /** Creates `count` companies over REST and renames each once: two outbox rows (versions 1 and 2) per company. */
  const writeCompanies = async (count: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const created = await http<{ id: string; name: string }>(`${companies.url}/companies`, 'POST', aCompany());
      expect(created.status).toBe(201);
      const renamed = await http(`${companies.url}/companies/${created.body.id}`, 'PATCH', {
        name: `${created.body.name} v2`,
      });
      expect(renamed.status).toBe(200);
      ids.push(created.body.id);
      written.push(created.body.id);
    }
    return ids;
  };

  it('drains the backlog after the kill and every effect happens once downstream', async () => {
    const needId = await harness.publishNeed();
    const watcher = harness.watch(written);

    // Published and marked sent before the kill: must not be published again.
    const afterMark = await writeCompanies(5);
    await expectEventually(async () => expect(await harness.probe.unpublished('companies', afterMark)).toBe(0));

    // Published and acknowledged by the broker, not yet marked sent: the relay's UPDATE is held behind row locks the
    // test takes (and the relay's advisory lock keeps it from publishing until they are in place).
    const relayLock = await harness.probe.pool.connect();
    const rowLock = await harness.probe.pool.connect();
    let afterAck: string[];
    let beforePublish: string[];
    try {
      await relayLock.query(RELAY_LOCK);
      afterAck = await writeCompanies(5);
      await rowLock.query('BEGIN');
      const locked = await rowLock.query(
        'SELECT id FROM companies.outbox WHERE published_at IS NULL AND message_key = ANY($1::text[]) FOR UPDATE',
        [afterAck],
      );
      expect(locked.rowCount).toBe(10);
      await relayLock.query(RELAY_UNLOCK);
      const afterAckEvents = await harness.probe.outboxCompanyEvents('companies', afterAck);
      await expectEventually(
        async () => expect((await harness.probe.inboxRows(afterAckEvents.map((event) => event.eventId))).size).toBe(10),
        { timeoutMs: 30_000 },
      );
      const blocked = await expectEventually(async () => {
        const { rows } = await harness.probe.pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
             AND query LIKE 'UPDATE "companies".outbox%'`,
        );
        expect(rows).toHaveLength(1);
        return rows[0]!.pid;
      });

      // Not published yet: written while the relay is stuck in its batch, so they wait in the outbox.
      beforePublish = await writeCompanies(5);

      await companies.stop('SIGKILL');
      // Postgres notices the dead client only when the lock wait ends; end its transaction for certain.
      await harness.probe.pool.query('SELECT pg_terminate_backend($1)', [blocked]);
      await rowLock.query('ROLLBACK');
    } finally {
      // Destroyed, not pooled: a connection still holding a lock must not outlive a failed run.
      relayLock.release(true);
      rowLock.release(true);
    }
    expect(await harness.probe.unpublished('companies', afterMark)).toBe(0);
    expect(await harness.probe.unpublished('companies', afterAck)).toBe(10);
    expect(await harness.probe.unpublished('companies', beforePublish)).toBe(10);
    await companies.start();

    const all = [...afterMark, ...afterAck, ...beforePublish];
    const companyEvents = await harness.probe.outboxCompanyEvents('companies', all);
    const counts = await harness.expectAppliedOnce('d: outbox relay killed', {
      events: companyEvents,
      watcher,
      needId,
    });
    const log = await readTopics(harness.probe, [TOPICS.companyProfiles]);
    const copiesOf = (ids: string[]) => {
      const eventIds = new Set(companyEvents.filter((event) => ids.includes(event.key)).map((event) => event.eventId));
      return log.filter((message) => eventIds.has((message.value as { eventId?: string }).eventId ?? '')).length;
    };
    const copies = {
      killedAfterMark: copiesOf(afterMark),
      killedAfterAck: copiesOf(afterAck),
      killedBeforePublish: copiesOf(beforePublish),
    };
    console.log(
      `[fault d: copies on the broker] ${JSON.stringify({ ...copies, duplicates: counts.copiesInLog - counts.uniqueEvents })}`,
    );
    // The broker carried the acknowledged-but-unmarked batch twice; the inbox made its effect happen once.
    expect(copies).toEqual({ killedAfterMark: 10, killedAfterAck: 20, killedBeforePublish: 10 });
    harness.passed();
  }, 180_000);
});
