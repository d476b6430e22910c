import { http } from './http.js';

/** What a service's event intake counted since it started (its Prometheus counters at /metrics). */
export interface IntakeTally {
  /** Services that answered the scrape: zero means the counters below are unknown, not zero. */
  scraped: number;
  applied: number;
  duplicates: number;
  deadLettered: number;
  stale: number;
  retries: number;
}

export const emptyTally = (): IntakeTally => ({
  scraped: 0,
  applied: 0,
  duplicates: 0,
  deadLettered: 0,
  stale: 0,
  retries: 0,
});

const sumOf = (text: string, metric: string, labels: Record<string, string> = {}): number => {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`) && !line.startsWith(`${metric} `)) continue;
    if (Object.entries(labels).some(([name, value]) => !line.includes(`${name}="${value}"`))) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
};

/** Scrapes `consumer`'s intake counters from the service at `url`; all zero when it does not answer. */
export const scrapeIntake = async (url: string, consumer: string): Promise<IntakeTally> => {
  try {
    const response = await http<string>(`${url}/metrics`);
    if (response.status !== 200 || typeof response.body !== 'string') return emptyTally();
    const text = response.body;
    const consumed = (outcome: string) => sumOf(text, 'parkmatch_events_consumed_total', { consumer, outcome });
    return {
      scraped: 1,
      applied: consumed('applied'),
      duplicates: consumed('duplicate'),
      deadLettered: consumed('dead-lettered'),
      stale: sumOf(text, 'parkmatch_events_stale_total', { consumer }),
      retries: sumOf(text, 'parkmatch_event_retries_total', { consumer }),
    };
  } catch {
    return emptyTally();
  }
};

/**
 * Adds up the intake counters of every process a test ran: call `collect` just before stopping or killing one
 * (a kill loses whatever it counted after the last scrape) and at the end.
 */
export class IntakeTotals {
  readonly total: IntakeTally = emptyTally();

  constructor(private readonly consumer: string) {}

  async collect(url: string): Promise<IntakeTally> {
    const tally = await scrapeIntake(url, this.consumer);
    for (const key of Object.keys(tally) as (keyof IntakeTally)[]) this.total[key] += tally[key];
    return tally;
  }

  /** The total so far plus what the still-running services at `urls` counted. */
  async peek(urls: readonly string[]): Promise<IntakeTally> {
    const sum = { ...this.total };
    for (const url of urls) {
      const tally = await scrapeIntake(url, this.consumer);
      for (const key of Object.keys(tally) as (keyof IntakeTally)[]) sum[key] += tally[key];
    }
    return sum;
  }
}
