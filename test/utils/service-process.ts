import { afterAll, beforeAll } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectEventually } from './expect-eventually.js';
import { testEnv } from './test-env.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type ServiceName = 'companies' | 'rd-needs' | 'matching';
/** The services, and the dashboard's server (apps/dashboard), which forwards to them. */
export type ProcessName = ServiceName | 'dashboard';

const PORT_VARIABLES: Record<ProcessName, string> = {
  companies: 'COMPANIES_PORT',
  'rd-needs': 'RD_NEEDS_PORT',
  matching: 'MATCHING_PORT',
  dashboard: 'DASHBOARD_PORT',
};

/** A compiled service (dist/, built by `npm test`) running as its own process against the test infrastructure. */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  readonly output: string[] = [];

  readonly port: number;

  /** `portOffset` is added to the run's port base (TEST_PORT_BASE, default 4100). */
  constructor(
    readonly name: ProcessName,
    portOffset: number,
    private readonly extraEnv: Record<string, string> = {},
  ) {
    this.port = testEnv().portBase + portOffset;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The running process's pid; undefined before start and once it has exited. */
  get pid(): number | undefined {
    const child = this.child;
    return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
  }

  async start(): Promise<this> {
    const { databaseUrl, kafkaBrokers } = testEnv();
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'apps', this.name, 'src', 'main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: kafkaBrokers.join(','),
        KAFKA_GROUP_PREFIX: process.env.KAFKA_GROUP_PREFIX ?? 'parkmatch-test',
        [PORT_VARIABLES[this.name]]: String(this.port),
        HOST: '127.0.0.1',
        ...this.extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    await expectEventually(
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`${this.name} exited with ${child.exitCode}:\n${this.output.join('').slice(-3000)}`);
        }
        const response = await fetch(`${this.url}/health`);
        if (!response.ok) throw new Error(`${this.name} not healthy yet: ${response.status}`);
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    return this;
  }

  /** SIGTERM (graceful) or SIGKILL (crash); resolves once the process is gone. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill(signal);
    });
  }
}

/**
 * Starts `services` before the tests of the describe block it is called in and stops them after. Hooks the block
 * declares later run after these: a set-up that needs the services up, a tear-down once they are stopped.
 */
export function useServices(...services: readonly ServiceProcess[]): void {
  beforeAll(async () => {
    await Promise.all(services.map((service) => service.start()));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
  }, 60_000);
}
