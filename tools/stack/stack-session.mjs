// What `npm start` and `npm run dev` share: Postgres and Kafka started if they are not running, the children they
// run, and a Ctrl-C (or a failure) that stops exactly what the command started, and nothing else.
import { ensureKafka, ensurePostgres, log, stopKafka, stopPostgres } from './infra.mjs';
import { stopChild } from './services.mjs';

export const DEV_KAFKA = { port: 9092, controllerPort: 9093 };

/** Runs `body` with the infrastructure up; `session.adopt(child)` has a child stopped with the rest. */
export const runStackSession = async (body) => {
  const started = { postgres: false, kafka: false, children: [] };
  let stopping;
  const stopAll = (code) =>
    (stopping ??= (async () => {
      log('stopping…');
      await Promise.all(started.children.map((child) => stopChild(child)));
      if (started.kafka) await stopKafka({ port: DEV_KAFKA.port });
      if (started.postgres) stopPostgres();
      log('stopped everything this command started');
      process.exit(code);
    })());
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const session = {
    adopt: (child) => started.children.push(child),
    stopping: () => stopping !== undefined,
    stopAll,
  };
  try {
    started.postgres = await ensurePostgres();
    started.kafka = await ensureKafka(DEV_KAFKA);
    await body(session);
  } catch (error) {
    console.error(`[parkmatch] ${error instanceof Error ? error.message : error}`);
    await stopAll(1);
  }
};
