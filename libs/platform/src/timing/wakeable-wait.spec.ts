import { describe, expect, it } from '@jest/globals';
import { WakeableWait } from './wakeable-wait.js';

describe('WakeableWait', () => {
  it('ends a wait early when woken, and otherwise after its time', async () => {
    const idle = new WakeableWait();
    const started = performance.now();
    const woken = idle.wait(10_000);
    idle.wake();
    await woken;
    expect(performance.now() - started).toBeLessThan(1_000);
    await idle.wait(5);
  });

  it('drops a wake that comes while nothing waits', async () => {
    const idle = new WakeableWait();
    idle.wake();
    const started = performance.now();
    await idle.wait(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });
});
