import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from '@jest/globals';
import { TOPICS } from '#contracts';
import { BrokerControl } from './broker-control.js';
import { KeyedLoad, rdNeedUpserted, TestEventProducer, type ProducedEvent } from './company-events.js';
import { DatabaseOutage } from './database-outage.js';
import { expectEveryEventAppliedOnce, expectProgress, type DeliveryExpectations } from './delivery-check.js';
import { IntakeTotals } from './intake-metrics.js';
import { KafkaCapture } from './kafka-capture.js';
import { MatchingProbe, PROJECTIONS_CONSUMER, VersionWatcher } from './matching-probe.js';
import { reportServiceProblems } from './service-logs.js';
import { ServiceProcess } from './service-process.js';

export interface MatchingFaultHarnessOptions {
  /** A companies service beside matching on this port offset: REST writes and its outbox relay. */
  readonly companiesPort?: number;
  /** A second matching instance on this port offset, which the test starts itself. */
  readonly secondMatchingPort?: number;
  /** Topics captured from before matching starts (its dead letters). */
  readonly capture?: readonly string[];
  /** The test takes Postgres away: the outage is ended before set-up and on teardown. */
  readonly databaseOutage?: boolean;
}

export interface MatchingFaultHarness {
  readonly broker: BrokerControl;
  readonly matching: ServiceProcess;
  readonly producer: TestEventProducer;
  readonly intake: IntakeTotals;
  /** Connected once `beforeAll` ran. */
  readonly probe: MatchingProbe;
  /** With `companiesPort`. */
  readonly companies: ServiceProcess;
  /** With `secondMatchingPort`. */
  readonly secondMatching: ServiceProcess;
  /** With `capture`, started once `beforeAll` ran. */
  readonly captured: KafkaCapture;
  /** With `databaseOutage`. */
  readonly outage: DatabaseOutage;
  /** Publishes a new open need, which matching ranks the test's companies against; returns its id. */
  publishNeed(): Promise<string>;
  /** Watches the versions matching holds for `companyIds` (which may still grow). */
  watch(companyIds: readonly string[]): VersionWatcher;
  /** Waits until matching applied `count` more of the events the producer sent. */
  expectProgress(count: number): Promise<void>;
  /**
   * Publishes a need, then a new version of each of `companies` new companies every `intervalMs` (`KeyedLoad`) for as
   * long as `faults` runs, which starts once matching applied three rounds; the load stops however `faults` ends.
   */
  underKeyedLoad<T>(companies: number, intervalMs: number, faults: () => Promise<T>): Promise<KeyedLoadRun<T>>;
  /**
   * `expectEveryEventAppliedOnce` over the events the producer sent (and `events`), checking the pair of `needId`
   * through `via` (default: the matching instance) and reading `intake` (default: the harness's) there.
   */
  expectAppliedOnce(name: string, check: AppliedOnceCheck): ReturnType<typeof expectEveryEventAppliedOnce>;
  /** Marks the test as passed, so the services' warnings are not printed on teardown. */
  passed(): void;
}

/** What a keyed-load run leaves for `expectAppliedOnce`, and what its faults answered. */
export interface KeyedLoadRun<T> {
  readonly watcher: VersionWatcher;
  readonly needId: string;
  readonly result: T;
}

export interface AppliedOnceCheck extends Pick<DeliveryExpectations, 'expectedDeadLetters' | 'extra'> {
  readonly watcher: VersionWatcher;
  readonly needId: string;
  /** Events that reached the topics other than through the producer (a service's outbox). */
  readonly events?: readonly ProducedEvent[];
  readonly via?: ServiceProcess;
  readonly intake?: IntakeTotals;
}

const configured = <T>(value: T | undefined, option: string): T => {
  if (value === undefined) throw new Error(`the fault harness was set up without ${option}, or not set up yet`);
  return value;
};

/**
 * The set-up a matching fault test shares: the broker running, one matching service on `portOffset` (and what the
 * options add), a producer of company and need events, the intake counters and a database probe; torn down with the
 * broker resumed and left running.
 */
export const useMatchingFaultHarness = (
  portOffset: number,
  options: MatchingFaultHarnessOptions = {},
): MatchingFaultHarness => {
  const matching = new ServiceProcess('matching', portOffset);
  const companies =
    options.companiesPort === undefined ? undefined : new ServiceProcess('companies', options.companiesPort);
  const secondMatching =
    options.secondMatchingPort === undefined ? undefined : new ServiceProcess('matching', options.secondMatchingPort);
  const outage = options.databaseOutage ? new DatabaseOutage() : undefined;
  const started = [matching, ...(companies ? [companies] : [])];
  const services = [...started, ...(secondMatching ? [secondMatching] : [])];
  const broker = new BrokerControl();
  const producer = new TestEventProducer();
  let probe: MatchingProbe | undefined;
  let captured: KafkaCapture | undefined;
  let finished = false;

  beforeAll(async () => {
    await broker.ensureRunning();
    await outage?.end();
    probe = await MatchingProbe.connect();
    if (options.capture) captured = await KafkaCapture.start([...options.capture]);
    await Promise.all(started.map((service) => service.start()));
  }, 120_000);

  afterAll(async () => {
    if (!finished) reportServiceProblems(services);
    broker.resume();
    await outage?.end();
    await Promise.all(services.map((service) => service.stop()));
    await captured?.stop();
    await producer.disconnect();
    await probe?.close();
    await broker.ensureRunning();
  }, 120_000);

  const intake = new IntakeTotals(PROJECTIONS_CONSUMER);
  const connected = (): MatchingProbe => configured(probe, 'a connected probe (use it inside tests)');
  const publishNeed = async (): Promise<string> => {
    const needId = randomUUID();
    await producer.send(TOPICS.rdNeeds, [rdNeedUpserted(needId)]);
    return needId;
  };
  const watch = (companyIds: readonly string[]): VersionWatcher => new VersionWatcher(connected(), companyIds).start();
  const progress = (count: number): Promise<void> => expectProgress(connected(), producer.produced, count);

  return {
    broker,
    matching,
    producer,
    intake,
    get probe(): MatchingProbe {
      return connected();
    },
    get companies(): ServiceProcess {
      return configured(companies, 'companiesPort');
    },
    get secondMatching(): ServiceProcess {
      return configured(secondMatching, 'secondMatchingPort');
    },
    get captured(): KafkaCapture {
      return configured(captured, 'capture');
    },
    get outage(): DatabaseOutage {
      return configured(outage, 'databaseOutage');
    },
    publishNeed,
    watch,
    expectProgress: progress,
    underKeyedLoad: async (count, intervalMs, faults) => {
      const companyIds = Array.from({ length: count }, () => randomUUID());
      const watcher = watch(companyIds);
      const needId = await publishNeed();
      const load = new KeyedLoad(producer, companyIds, intervalMs);
      try {
        await progress(3 * count);
        return { watcher, needId, result: await faults() };
      } finally {
        await load.stop();
      }
    },
    expectAppliedOnce: (name, { watcher, needId, events = [], via = matching, intake: totals = intake, ...rest }) =>
      expectEveryEventAppliedOnce(name, {
        probe: connected(),
        events: [...producer.produced, ...events],
        watcher,
        pair: { matchingUrl: via.url, needId },
        intake: () => totals.peek([via.url]),
        ...rest,
      }),
    passed: () => {
      finished = true;
    },
  };
};
