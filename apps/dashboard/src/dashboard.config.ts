import { intVar, readEnv, stringVar } from '#platform';

/** Where the dashboard listens and the services its `/api/<service>/` prefixes forward to. */
export interface DashboardConfig {
  readonly port: number;
  readonly host: string;
  readonly upstreams: Readonly<Record<DashboardUpstream, string>>;
  /** The built web app (`vite build` output). */
  readonly webRoot: string;
}

export const DASHBOARD_UPSTREAMS = ['companies', 'rd-needs', 'matching'] as const;
export type DashboardUpstream = (typeof DASHBOARD_UPSTREAMS)[number];

export const readDashboardConfig = (webRoot: string, env: NodeJS.ProcessEnv = process.env): DashboardConfig => {
  const values = readEnv(
    {
      port: intVar('DASHBOARD_PORT', 3000),
      host: stringVar('HOST', '0.0.0.0'),
      companies: stringVar('COMPANIES_URL', 'http://127.0.0.1:3001'),
      rdNeeds: stringVar('RD_NEEDS_URL', 'http://127.0.0.1:3002'),
      matching: stringVar('MATCHING_URL', 'http://127.0.0.1:3003'),
    },
    env,
  );
  return {
    port: values.port,
    host: values.host,
    upstreams: { companies: values.companies, 'rd-needs': values.rdNeeds, matching: values.matching },
    webRoot,
  };
};
