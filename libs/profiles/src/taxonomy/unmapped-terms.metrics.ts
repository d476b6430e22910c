import { Counter } from 'prom-client';
import { metricsRegistry } from '#platform';

export const unmappedTerms = new Counter({
  name: 'parkmatch_unmapped_terms_total',
  help: 'Partner terms no vocabulary term matched, kept as unmapped terms, by vocabulary',
  labelNames: ['vocabulary'] as const,
  registers: [metricsRegistry],
});
