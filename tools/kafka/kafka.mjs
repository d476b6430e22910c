#!/usr/bin/env node
// Real single-node Apache Kafka (KRaft, broker+controller) for local dev/tests.
// Jars come from Maven Central via tools/kafka/pom.xml; no Docker, no mocks.
// Plain Node ESM, Node >= 20; of the project's dependencies it uses kafkajs only (its admin client probes the broker).
//
// CLI:  node tools/kafka/kafka.mjs start|stop|status|ensure-jars
// Env:  KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093),
//       KAFKA_DATA_DIR (<repo>/.data/kafka-<port>), KAFKA_START_TIMEOUT_MS (90000),
//       KAFKA_HEAP_OPTS ("-Xmx512m -Xms256m"), KAFKA_MVN_OFFLINE=1 (mvn -o), MVN (mvn binary),
//       JAVA_HOME (uses $JAVA_HOME/bin/java if set)
// API:  startKafka({port, controllerPort, dataDir}) -> {started, pid?, bootstrap}
//       stopKafka({dataDir, port}) -> {stopped, pid?}
//       isKafkaUp(port, host?) -> boolean
//       kafkaStatus({port, dataDir}) / ensureJars() / probeKafka(port, host?)

import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const POM = path.join(HERE, 'pom.xml');
export const LIBS_DIR = path.join(HERE, 'target', 'libs');
const HOST = '127.0.0.1';
const POLL_MS = 200;

const log = (...a) => console.log('[kafka]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function envInt(name, dflt) {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number.parseInt(v, 10);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(v)}`);
  return n;
}

function resolveOpts(opts = {}) {
  const port = opts.port ?? envInt('KAFKA_PORT', 9092);
  const controllerPort = opts.controllerPort ?? envInt('KAFKA_CONTROLLER_PORT', 9093);
  const dataDir = path.resolve(
    opts.dataDir ?? (process.env.KAFKA_DATA_DIR || path.join(REPO_ROOT, '.data', `kafka-${port}`)),
  );
  return {
    port,
    controllerPort,
    dataDir,
    pidFile: path.join(dataDir, 'broker.pid'),
    logFile: path.join(dataDir, 'broker.log'),
    propsFile: path.join(dataDir, 'server.properties'),
    logDirs: path.join(dataDir, 'logs'),
    lockFile: path.join(dataDir, 'start.lock'),
    timeoutMs: opts.timeoutMs ?? envInt('KAFKA_START_TIMEOUT_MS', 90_000),
  };
}

function javaBin() {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

// ---------------------------------------------------------------------------
// Jars
// ---------------------------------------------------------------------------

export function kafkaVersion() {
  const m = fs.readFileSync(POM, 'utf8').match(/<kafka\.version>([^<]+)<\/kafka\.version>/);
  if (!m) throw new Error(`cannot find <kafka.version> in ${POM}`);
  return m[1].trim();
}

function jarsPresent() {
  try {
    return (
      fs.existsSync(path.join(LIBS_DIR, `kafka_2.13-${kafkaVersion()}.jar`)) &&
      fs.readdirSync(LIBS_DIR).some((f) => f.startsWith('slf4j-simple-'))
    );
  } catch {
    return false;
  }
}

/** Runs Maven only when target/libs is missing, empty or for another Kafka version. */
export function ensureJars() {
  if (jarsPresent()) return { downloaded: false, libsDir: LIBS_DIR };
  const t0 = Date.now();
  // Start clean so jars of an older version never end up on the classpath.
  fs.rmSync(LIBS_DIR, { recursive: true, force: true });
  const mvn = process.env.MVN || 'mvn';
  const args = [
    '-B',
    '-q',
    '-Dstyle.color=never',
    ...(process.env.KAFKA_MVN_OFFLINE === '1' ? ['-o'] : []),
    '-f',
    POM,
    'package',
  ];
  log(`fetching Kafka ${kafkaVersion()} jars: ${mvn} ${args.join(' ')}`);
  // Output is captured (Maven 3.8 prints stray ANSI codes even with -q -B) and shown only on failure.
  const r = spawnSync(mvn, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`failed to run ${mvn}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${mvn} exited with status ${r.status}:\n${r.stdout}\n${r.stderr}`);
  if (!jarsPresent()) throw new Error(`maven succeeded but ${LIBS_DIR} has no kafka_2.13-${kafkaVersion()}.jar`);
  log(`jars ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return { downloaded: true, libsDir: LIBS_DIR };
}

// ---------------------------------------------------------------------------
// Probe: kafkajs' admin client, as the services' health check uses it
// ---------------------------------------------------------------------------

/**
 * Connects an admin client and describes the cluster. Resolves to {brokers, clusterId, controllerId} once at least one
 * broker is registered, or rejects.
 */
export async function probeKafka(port, host = HOST, timeoutMs = 2000) {
  const admin = new Kafka({
    clientId: 'kafka-mjs-probe',
    brokers: [`${host}:${port}`],
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const { brokers, clusterId, controller } = await admin.describeCluster();
    if (brokers.length === 0) throw new Error('no brokers registered yet');
    return { brokers, clusterId, controllerId: controller };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** True if a Kafka broker answers an admin client's cluster description (with >= 1 broker) on host:port. */
export async function isKafkaUp(port = envInt('KAFKA_PORT', 9092), host = HOST) {
  try {
    await probeKafka(port, host);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Process helpers
// ---------------------------------------------------------------------------

function readPid(pidFile) {
  try {
    const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  // A zombie (exited, not yet reaped by its parent) counts as gone.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  } catch {
    /* no /proc (non-Linux) or already gone */
  }
  return true;
}

/** Guards against PID reuse: on Linux, the pid must be a java running kafka.Kafka with OUR props file. */
function isOurBroker(pid, propsFile) {
  if (!isAlive(pid)) return false;
  let cmd;
  try {
    cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return !fs.existsSync('/proc/self'); // no procfs: trust the pid file
  }
  return cmd.includes('kafka.Kafka') && cmd.includes(propsFile);
}

/** SIGTERM exactly this pid, wait (30 s) for it to exit, then SIGKILL. */
async function terminate(pid) {
  const t0 = Date.now();
  log(`stopping broker pid ${pid} (SIGTERM)`);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  while (isAlive(pid) && Date.now() - t0 < 30_000) await sleep(POLL_MS);
  if (isAlive(pid)) {
    log(`pid ${pid} still alive after 30s; SIGKILL`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    const t1 = Date.now();
    while (isAlive(pid) && Date.now() - t1 < 10_000) await sleep(POLL_MS);
  }
  log(`stopped in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

/** Last `lines` lines of the log, preceded by the first ERROR/FATAL lines (the root cause is often earlier). */
function tail(file, lines = 40) {
  let all;
  try {
    all = fs.readFileSync(file, 'utf8').split('\n');
  } catch {
    return `(no ${file})`;
  }
  const errors = [];
  for (let i = 0; i < all.length && errors.length < 6; i++) {
    if (/ (ERROR|FATAL) /.test(all[i]))
      errors.push(all[i], ...(all[i + 1] && !/^\d{4}-/.test(all[i + 1]) ? [all[i + 1]] : []));
  }
  const head = errors.length ? `--- first errors ---\n${errors.join('\n')}\n--- last ${lines} lines ---\n` : '';
  return head + all.slice(-lines - 1).join('\n');
}

// ---------------------------------------------------------------------------
// Config + storage format
// ---------------------------------------------------------------------------

function serverProperties(o) {
  return `# Generated by tools/kafka/kafka.mjs - do not edit, regenerated on every start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${HOST}:${o.controllerPort}
listeners=PLAINTEXT://${HOST}:${o.port},CONTROLLER://${HOST}:${o.controllerPort}
advertised.listeners=PLAINTEXT://${HOST}:${o.port}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=${o.logDirs}

# single node + test speed
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=false
delete.topic.enable=true
group.initial.rebalance.delay.ms=0
group.min.session.timeout.ms=1000
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.cleaner.dedupe.buffer.size=16777216
log.cleaner.threads=1
# faster unfencing on startup, and faster re-registration after a kill -9 (defaults: 2000 / 9000)
broker.heartbeat.interval.ms=500
broker.session.timeout.ms=3000
`;
}

const JVM_LOG_OPTS = [
  '-Dorg.slf4j.simpleLogger.defaultLogLevel=info',
  '-Dorg.slf4j.simpleLogger.showDateTime=true',
  '-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS',
  '-Dorg.slf4j.simpleLogger.showThreadName=false',
  '-Dorg.slf4j.simpleLogger.showLogName=true',
  '-Dorg.slf4j.simpleLogger.showShortLogName=true',
  '-Dorg.slf4j.simpleLogger.logFile=System.out',
  '-Dorg.slf4j.simpleLogger.log.kafka.request.logger=warn',
  '-Dorg.slf4j.simpleLogger.log.state.change.logger=warn',
];

function jvmArgs() {
  const heap = (process.env.KAFKA_HEAP_OPTS || '-Xmx512m -Xms256m').split(/\s+/).filter(Boolean);
  return [
    ...heap,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-Djava.awt.headless=true',
    ...JVM_LOG_OPTS,
    '-cp',
    `${LIBS_DIR}${path.sep}*`,
  ];
}

/** Kafka Uuid: 16 random bytes, base64url without padding, must not start with '-'. */
function randomClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function formatStorageIfNeeded(o) {
  if (fs.existsSync(path.join(o.logDirs, 'meta.properties'))) return false;
  const clusterId = randomClusterId();
  log(`formatting storage in ${o.logDirs} (cluster id ${clusterId})`);
  const r = spawnSync(
    javaBin(),
    [...jvmArgs(), 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', o.propsFile],
    {
      encoding: 'utf8',
    },
  );
  if (r.error) throw new Error(`failed to run java: ${r.error.message}`);
  if (r.status !== 0)
    throw new Error(`kafka StorageTool format failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return true;
}

// ---------------------------------------------------------------------------
// Start-lock (two concurrent `start` calls must not spawn two brokers)
// ---------------------------------------------------------------------------

async function acquireLock(o, deadline) {
  for (;;) {
    try {
      fs.writeFileSync(o.lockFile, String(process.pid), { flag: 'wx' });
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    const holder = readPid(o.lockFile);
    if (holder === null || !isAlive(holder)) {
      fs.rmSync(o.lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for start lock ${o.lockFile} (held by pid ${holder})`);
    await sleep(POLL_MS);
  }
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

export async function startKafka(opts = {}) {
  const o = resolveOpts(opts);
  const bootstrap = `${HOST}:${o.port}`;
  const t0 = Date.now();
  const deadline = t0 + o.timeoutMs;

  if (await isKafkaUp(o.port)) {
    log(`already running on ${bootstrap}`);
    return { started: false, pid: readPid(o.pidFile) ?? undefined, bootstrap };
  }

  fs.mkdirSync(o.dataDir, { recursive: true });
  await acquireLock(o, deadline);
  try {
    // Someone else may have started it while we waited for the lock.
    if (await isKafkaUp(o.port)) {
      log(`already running on ${bootstrap}`);
      return { started: false, pid: readPid(o.pidFile) ?? undefined, bootstrap };
    }

    let pid = readPid(o.pidFile);
    let child = null;
    if (pid !== null && isOurBroker(pid, o.propsFile)) {
      log(`broker pid ${pid} is alive but not answering yet; waiting for it`);
    } else {
      fs.rmSync(o.pidFile, { force: true });
      ensureJars();
      fs.writeFileSync(o.propsFile, serverProperties(o));
      formatStorageIfNeeded(o);

      if (fs.existsSync(o.logFile)) fs.renameSync(o.logFile, `${o.logFile}.1`);
      const fd = fs.openSync(o.logFile, 'a');
      try {
        child = spawn(javaBin(), [...jvmArgs(), 'kafka.Kafka', o.propsFile], {
          cwd: o.dataDir,
          detached: true, // own process group; survives the parent
          stdio: ['ignore', fd, fd],
        });
      } finally {
        fs.closeSync(fd);
      }
      await new Promise((res, rej) => {
        child.once('spawn', res);
        child.once('error', rej);
      });
      pid = child.pid;
      fs.writeFileSync(o.pidFile, `${pid}\n`);
      child.unref();
      log(`spawned broker pid ${pid}, log: ${o.logFile}`);
    }

    // Readiness: real ApiVersions + Metadata round trip, polled every 200 ms.
    let lastErr = null;
    for (;;) {
      try {
        const info = await probeKafka(o.port, HOST, Math.min(2000, Math.max(200, deadline - Date.now())));
        const secs = ((Date.now() - t0) / 1000).toFixed(1);
        log(`ready on ${bootstrap} (pid ${pid}, cluster ${info.clusterId}) in ${secs}s`);
        // started=false when we merely waited for a broker another process had already spawned.
        return { started: child !== null, pid, bootstrap };
      } catch (e) {
        lastErr = e;
      }
      if (!isAlive(pid)) {
        fs.rmSync(o.pidFile, { force: true });
        throw new Error(
          `Kafka broker (pid ${pid}) exited during startup. Last lines of ${o.logFile}:\n${tail(o.logFile)}`,
        );
      }
      if (Date.now() > deadline) {
        const msg =
          `Kafka broker (pid ${pid}) not ready on ${bootstrap} after ${o.timeoutMs}ms ` +
          `(last probe error: ${lastErr?.message}). Last lines of ${o.logFile}:\n${tail(o.logFile)}`;
        // Don't leak a half-started detached JVM that this call spawned.
        if (child) {
          await terminate(pid);
          fs.rmSync(o.pidFile, { force: true });
        }
        throw new Error(msg);
      }
      await sleep(POLL_MS);
    }
  } finally {
    fs.rmSync(o.lockFile, { force: true });
  }
}

export async function stopKafka(opts = {}) {
  const o = resolveOpts(opts);
  const pid = readPid(o.pidFile);
  if (pid === null) {
    if (await isKafkaUp(o.port))
      log(`no pid file in ${o.dataDir}, but something answers on ${HOST}:${o.port}; not touching it`);
    else log('not running');
    return { stopped: false };
  }
  if (!isOurBroker(pid, o.propsFile)) {
    log(`stale pid file (pid ${pid} is not our broker); removing it`);
    fs.rmSync(o.pidFile, { force: true });
    return { stopped: false };
  }
  await terminate(pid);
  fs.rmSync(o.pidFile, { force: true });
  return { stopped: true, pid };
}

export async function kafkaStatus(opts = {}) {
  const o = resolveOpts(opts);
  const pid = readPid(o.pidFile);
  const ours = pid !== null && isOurBroker(pid, o.propsFile);
  const up = await isKafkaUp(o.port);
  return {
    running: up,
    pid: ours ? pid : undefined,
    managed: ours,
    bootstrap: `${HOST}:${o.port}`,
    dataDir: o.dataDir,
  };
}

// ---------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------

async function main(argv) {
  const cmd = argv[0];
  switch (cmd) {
    case 'start': {
      const r = await startKafka();
      console.log(JSON.stringify(r));
      return 0;
    }
    case 'stop':
      await stopKafka();
      return 0;
    case 'status': {
      const s = await kafkaStatus();
      if (s.running)
        log(
          `running on ${s.bootstrap}${s.managed ? ` (pid ${s.pid}, data ${s.dataDir})` : ' (not started by this tool)'}`,
        );
      else if (s.managed) log(`not running (pid ${s.pid} alive but not answering on ${s.bootstrap})`);
      else log(`not running (${s.bootstrap})`);
      return s.running ? 0 : 1;
    }
    case 'ensure-jars':
      ensureJars();
      log(`jars in ${LIBS_DIR}`);
      return 0;
    default:
      console.error('usage: node tools/kafka/kafka.mjs start|stop|status|ensure-jars');
      return 2;
  }
}

function invokedDirectly() {
  if (!process.argv[1]) return false;
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(`[kafka] ${err.message}`);
      process.exitCode = 1;
    },
  );
}
