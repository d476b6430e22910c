import pg from 'pg';

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const databaseOf = (url: string): string => decodeURIComponent(new URL(url).pathname.slice(1));

/** Runs `work` connected to the server's `postgres` maintenance database, where databases are created and dropped. */
const withMaintenanceClient = async (url: string, work: (client: pg.Client) => Promise<void>): Promise<void> => {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
};

/** The database named in `url`, once its name shows it is a throwaway one (contains `marker`). */
const throwawayDatabaseOf = (url: string, marker: string, action: 'drop' | 'recreate'): string => {
  const database = databaseOf(url);
  if (!database.includes(marker)) {
    throw new Error(`Refusing to ${action} database "${database}": its name lacks "${marker}"`);
  }
  return database;
};

const dropDatabase = async (client: pg.Client, database: string): Promise<void> => {
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
};

/** Creates the database named in `url` if it is missing (connecting through the `postgres` maintenance database). */
export const ensureDatabase = async (url: string): Promise<void> => {
  const database = databaseOf(url);
  await withMaintenanceClient(url, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(database)}`).catch((error: { code?: string }) => {
        // Another service may create it at the same moment.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  });
};

/** Drops and recreates a throwaway database; refuses any database whose name lacks `marker` (tests, benchmarks). */
export const recreateTestDatabase = async (url: string, marker = 'test'): Promise<void> => {
  const database = throwawayDatabaseOf(url, marker, 'recreate');
  await withMaintenanceClient(url, async (client) => {
    await dropDatabase(client, database);
    await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  });
};

/** Drops a throwaway database if it exists, closing its connections; refuses any whose name lacks `marker`. */
export const dropTestDatabase = async (url: string, marker = 'test'): Promise<void> => {
  const database = throwawayDatabaseOf(url, marker, 'drop');
  await withMaintenanceClient(url, (client) => dropDatabase(client, database));
};
