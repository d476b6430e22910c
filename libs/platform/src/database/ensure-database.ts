import pg from 'pg';

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Creates the database named in `url` if it is missing (connecting through the `postgres` maintenance database). */
export const ensureDatabase = async (url: string): Promise<void> => {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(database)}`).catch((error: { code?: string }) => {
        // Another service may create it at the same moment.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
};

/** Drops and recreates a throwaway database; refuses any database whose name lacks `marker` (tests, benchmarks). */
export const recreateTestDatabase = async (url: string, marker = 'test'): Promise<void> => {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!database.includes(marker)) {
    throw new Error(`Refusing to recreate database "${database}": its name lacks "${marker}"`);
  }
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } finally {
    await client.end();
  }
};
