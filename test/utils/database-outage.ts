import pg from 'pg';
import { testEnv } from './test-env.js';

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * Takes the test database away without touching the machine's Postgres cluster (other things use it): new
 * connections are refused (ALLOW_CONNECTIONS false) and every open one is terminated, until `end`.
 */
export class DatabaseOutage {
  private readonly database: string;
  private readonly maintenanceUrl: string;

  constructor(databaseUrl = testEnv().databaseUrl) {
    const url = new URL(databaseUrl);
    this.database = decodeURIComponent(url.pathname.slice(1));
    if (!this.database.includes('test'))
      throw new Error(`refusing to take "${this.database}" away: not a test database`);
    url.pathname = '/postgres';
    this.maintenanceUrl = url.toString();
  }

  /** Refuses new connections and terminates the open ones; returns how many were terminated. */
  async begin(): Promise<number> {
    return this.onMaintenance(async (client) => {
      await client.query(`ALTER DATABASE ${quoteIdent(this.database)} WITH ALLOW_CONNECTIONS false`);
      const { rows } = await client.query<{ terminated: boolean }>(
        'SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [this.database],
      );
      return rows.filter((row) => row.terminated).length;
    });
  }

  /** Accepts connections again; safe to call when no outage is under way. */
  async end(): Promise<void> {
    await this.onMaintenance((client) =>
      client.query(`ALTER DATABASE ${quoteIdent(this.database)} WITH ALLOW_CONNECTIONS true`),
    );
  }

  private async onMaintenance<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.maintenanceUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}
