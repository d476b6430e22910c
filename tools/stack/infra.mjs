// Local infrastructure for `npm start` and `npm test`: the machine's Postgres cluster and a real Kafka broker.
// Each function reports whether it started something, so callers stop only what they started.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import { startKafka, stopKafka } from '../kafka/kafka.mjs';

export const log = (...parts) => console.log('[parkmatch]', ...parts);

const canConnect = (port, host = '127.0.0.1') =>
  new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const pgClusterVersion = () => readdirSync('/etc/postgresql').sort().at(-1);

/** Starts the local Postgres cluster if it is installed but stopped; returns true when it did. */
export const ensurePostgres = async () => {
  if (await canConnect(5432)) return false;
  const version = pgClusterVersion();
  log(`starting PostgreSQL ${version} cluster "main"…`);
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  for (let i = 0; i < 100 && !(await canConnect(5432)); i++) await new Promise((r) => setTimeout(r, 100));
  return true;
};

export const stopPostgres = () => {
  const version = pgClusterVersion();
  spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'stop'], { stdio: 'inherit' });
};

/** Starts a Kafka broker on `port` unless one already answers there. */
export const ensureKafka = async ({ port, controllerPort, dataDir }) => {
  const result = await startKafka({ port, controllerPort, dataDir });
  return result.started;
};

export { stopKafka };

/** Debian's chromium, which the dashboard's browser test drives (tools/dashboard/chromium.ts). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Installs Debian's chromium with apt when it is missing (the project runs as root; a fresh machine may have no
 * package lists yet, so a failed install is retried after `apt-get update`). Puppeteer never downloads a browser.
 */
export const ensureChromium = () => {
  if (existsSync(CHROMIUM_PATH)) return;
  log('installing chromium (apt-get install -y chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env }).status === 0;
  if (install()) return;
  spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  if (!install()) throw new Error('installing chromium failed (apt-get install -y chromium)');
};
