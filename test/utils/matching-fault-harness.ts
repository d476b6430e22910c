import { afterAll, beforeAll } from '@jest/globals';
import { BrokerControl } from './broker-control.js';
import { TestEventProducer } from './company-events.js';
import { DatabaseOutage } from './database-outage.js';
import { IntakeTotals } from './intake-metrics.js';
import { KafkaCapture } from './kafka-capture.js';
import { MatchingProbe, PROJECTIONS_CONSUMER } from './matching-probe.js';
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
  /** Marks the test as passed, so the services' warnings are not printed on teardown. */
  passed(): void;
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

  return {
    broker,
    matching,
    producer,
    intake: new IntakeTotals(PROJECTIONS_CONSUMER),
    get probe(): MatchingProbe {
      return configured(probe, 'a connected probe (use it inside tests)');
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
    passed: () => {
      finished = true;
    },
  };
};
