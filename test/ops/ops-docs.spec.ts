import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { metricsRegistry } from '#platform';
import '#messaging';
import '#profiles';
import '../../apps/matching/src/rematch/rematch.metrics.js';

const read = (path: string): string => readFileSync(new URL(`../../docs/ops/${path}`, import.meta.url), 'utf8');

/** The Parkmatch metric names an expression uses, histogram series mapped to their histogram. */
const metricsIn = (expression: string): string[] =>
  [...expression.matchAll(/\bparkmatch_[a-z_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, ''));

interface AlertRule {
  readonly alert: string;
  readonly expr: string;
}

describe('the operations docs', () => {
  const registered = new Set(metricsRegistry.getMetricsAsArray().map((metric) => metric.name));
  const rules = (parse(read('alerts.yml')) as { groups: { rules: AlertRule[] }[] }).groups.flatMap(
    (group) => group.rules,
  );
  const dashboard = JSON.parse(read('grafana-dashboard.json')) as { panels: { targets: { expr: string }[] }[] };
  const panelExpressions = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));

  it('alert on metrics the services register', () => {
    const unknown = rules.flatMap((rule) => metricsIn(rule.expr).filter((name) => !registered.has(name)));
    expect({ rules: rules.length > 0, unknown }).toEqual({ rules: true, unknown: [] });
  });

  it('alert on dead letters, stuck consumers, lag, outbox backlog and rematch failures', () => {
    const watched = new Set(rules.flatMap((rule) => metricsIn(rule.expr)));
    expect([...watched].sort()).toEqual(
      expect.arrayContaining([
        'parkmatch_consumer_lag',
        'parkmatch_consumer_stalled_partitions',
        'parkmatch_events_dead_lettered_total',
        'parkmatch_outbox_backlog',
        'parkmatch_rematch_jobs_total',
      ]),
    );
  });

  it('chart only metrics the services register', () => {
    const unknown = panelExpressions.flatMap((expression) =>
      metricsIn(expression).filter((name) => !registered.has(name)),
    );
    expect({ panels: panelExpressions.length, unknown }).toEqual({ panels: dashboard.panels.length, unknown: [] });
  });
});
