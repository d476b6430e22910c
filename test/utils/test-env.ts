export interface TestEnv {
  readonly databaseUrl: string;
  readonly kafkaBrokers: string[];
  /** Services started by tests listen on portBase + n, so parallel test runs on one machine don't collide. */
  readonly portBase: number;
}

/** The test run's own database and broker (set by tools/stack/test.mjs); refuses a database not named for tests. */
export const testEnv = (): TestEnv => {
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/parkmatch_test';
  if (!new URL(databaseUrl).pathname.includes('test')) {
    throw new Error(`Tests refuse to run against ${databaseUrl}: the database name must contain "test"`);
  }
  return {
    databaseUrl,
    kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
    portBase: Number(process.env.TEST_PORT_BASE ?? 4100),
  };
};
