import { describe, expect, it } from '@jest/globals';
import { ConsumerStallTracker, type PartitionProgress } from './consumer-stall.js';

const at = (committed: number, lag: number, partition = 0): PartitionProgress => ({
  topic: 'partner.company-profiles.v1',
  partition,
  committed,
  lag,
});

describe('ConsumerStallTracker', () => {
  it('reports a partition whose offset stood still with lag for the whole stall time', () => {
    const tracker = new ConsumerStallTracker(60_000);
    expect(tracker.observe(0, [at(41, 3)])).toEqual([]);
    expect(tracker.observe(59_999, [at(41, 5)])).toEqual([]);
    expect(tracker.observe(60_000, [at(41, 5)])).toEqual([{ ...at(41, 5), stalledForMs: 60_000 }]);
  });

  it('does not report a consumer that is behind but moving', () => {
    const tracker = new ConsumerStallTracker(1_000);
    tracker.observe(0, [at(10, 500)]);
    expect(tracker.observe(2_000, [at(11, 800)])).toEqual([]);
    expect(tracker.observe(2_999, [at(11, 700)])).toEqual([]);
  });

  it('does not report an idle consumer with nothing to read', () => {
    const tracker = new ConsumerStallTracker(1_000);
    tracker.observe(0, [at(10, 0)]);
    expect(tracker.observe(5_000, [at(10, 0)])).toEqual([]);
  });

  it('starts the clock again once the lag has been zero', () => {
    const tracker = new ConsumerStallTracker(1_000);
    tracker.observe(0, [at(10, 2)]);
    tracker.observe(500, [at(10, 0)]);
    tracker.observe(600, [at(10, 1)]);
    expect(tracker.observe(1_200, [at(10, 1)])).toEqual([]);
    expect(tracker.observe(1_600, [at(10, 1)])).toEqual([{ ...at(10, 1), stalledForMs: 1_000 }]);
  });

  it('tells partitions apart', () => {
    const tracker = new ConsumerStallTracker(1_000);
    tracker.observe(0, [at(10, 2, 0), at(7, 2, 1)]);
    expect(tracker.observe(1_000, [at(10, 2, 0), at(8, 1, 1)])).toEqual([{ ...at(10, 2, 0), stalledForMs: 1_000 }]);
  });
});
