/**
 * The idle wait of a polling loop: `wait(ms)` resolves after `ms`, or at once when `wake()` is called during it (a
 * notification, a new job, a shutdown). A wake while nothing waits is dropped: the loop is busy and looks again anyway.
 */
export class WakeableWait {
  private wakeUp: (() => void) | undefined;

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  wake(): void {
    this.wakeUp?.();
  }
}
