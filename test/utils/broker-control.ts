import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { isKafkaUp, startKafka } from '../../tools/kafka/kafka.mjs';
import { testEnv } from './test-env.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A pid counts as gone once it no longer exists or is a zombie waiting for its parent to reap it. */
const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
};

/**
 * The test run's own Kafka broker (started by tools/stack/test.mjs, data in `.data/kafka-test-<port>`), as a process
 * the fault tests can signal: SIGTERM, SIGKILL, SIGSTOP/SIGCONT, and start again with the same data.
 */
export class BrokerControl {
  readonly port: number;
  readonly controllerPort: number;
  readonly dataDir: string;
  private pausedPid: number | undefined;

  constructor() {
    const [first] = testEnv().kafkaBrokers;
    this.port = Number(first?.split(':').at(-1));
    this.controllerPort = this.port + 1;
    this.dataDir = path.join(ROOT, '.data', `kafka-test-${this.port}`);
  }

  /** The broker's pid from its pid file; throws when there is none (a broker not started by our tooling). */
  pid(): number {
    const pid = Number.parseInt(readFileSync(path.join(this.dataDir, 'broker.pid'), 'utf8').trim(), 10);
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no broker pid in ${this.dataDir}/broker.pid`);
    return pid;
  }

  isUp(): Promise<boolean> {
    return isKafkaUp(this.port);
  }

  /** Sends `signal` and resolves once the broker process is gone. */
  async stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    const pid = this.pid();
    const startedAt = Date.now();
    process.kill(pid, signal);
    while (isAlive(pid)) {
      if (Date.now() - startedAt > 60_000) throw new Error(`broker pid ${pid} still alive 60 s after ${signal}`);
      await sleep(50);
    }
  }

  /** Freezes the broker (SIGSTOP): its sockets stay open but nothing answers, like a long GC pause or a hung host. */
  pause(): void {
    const pid = this.pid();
    process.kill(pid, 'SIGSTOP');
    this.pausedPid = pid;
  }

  resume(): void {
    if (this.pausedPid === undefined) return;
    if (isAlive(this.pausedPid)) process.kill(this.pausedPid, 'SIGCONT');
    this.pausedPid = undefined;
  }

  /** Starts the broker again on the same port and data directory; resolves when it answers. */
  async start(): Promise<void> {
    await startKafka({ port: this.port, controllerPort: this.controllerPort, dataDir: this.dataDir });
  }

  /** Leaves the broker running for whatever runs next, whatever state a test left it in. */
  async ensureRunning(): Promise<void> {
    this.resume();
    if (!(await this.isUp())) await this.start();
  }
}
