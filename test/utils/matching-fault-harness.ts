import { afterAll, beforeAll } from '@jest/globals';
import { BrokerControl } from './broker-control.js';
import { TestEventProducer } from './company-events.js';
import { IntakeTotals } from './intake-metrics.js';
import { MatchingProbe, PROJECTIONS_CONSUMER } from './matching-probe.js';
import { reportServiceProblems } from './service-logs.js';
import { ServiceProcess } from './service-process.js';

export interface MatchingFaultHarness {
  readonly broker: BrokerControl;
  readonly matching: ServiceProcess;
  readonly producer: TestEventProducer;
  readonly intake: IntakeTotals;
  /** Connected once `beforeAll` ran. */
  readonly probe: MatchingProbe;
  /** Marks the test as passed, so the service's warnings are not printed on teardown. */
  passed(): void;
}

/**
 * The set-up a matching fault test shares: the broker running, one matching service on `portOffset`, a producer
 * of company and need events, the intake counters and a database probe; torn down, broker left running.
 */
export const useMatchingFaultHarness = (portOffset: number): MatchingFaultHarness => {
  const matching = new ServiceProcess('matching', portOffset);
  const broker = new BrokerControl();
  const producer = new TestEventProducer();
  let probe: MatchingProbe | undefined;
  let finished = false;

  beforeAll(async () => {
    await broker.ensureRunning();
    probe = await MatchingProbe.connect();
    await matching.start();
  }, 120_000);

  afterAll(async () => {
    if (!finished) reportServiceProblems([matching]);
    await matching.stop();
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
      if (!probe) throw new Error('the fault harness is not set up yet (use it inside tests)');
      return probe;
    },
    passed: () => {
      finished = true;
    },
  };
};
