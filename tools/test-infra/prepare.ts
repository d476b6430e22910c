import 'reflect-metadata';
import { createKafka, ensureTopics } from '#messaging';
import { freshTestDatabase } from './test-database.js';

/**
 * Once per test run, before jest: a fresh test database with every service's migrations applied, and every
 * topic created on the test broker. Refuses a database whose name lacks "test".
 */
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/parkmatch_test';
const kafkaBrokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');

await freshTestDatabase(databaseUrl);
const created = await ensureTopics(createKafka('parkmatch-test-setup', kafkaBrokers));
console.log(
  `[parkmatch] test database ${new URL(databaseUrl).pathname.slice(1)} migrated; ${created.length} topics created`,
);
