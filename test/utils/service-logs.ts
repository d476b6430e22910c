import type { ServiceProcess } from './service-process.js';

const QUIET = /"level":\s*("(trace|debug|info)"|[123]0\b)/;

/** The last `count` lines a service logged above info level (and anything that is not a JSON log line). */
export const serviceProblems = (service: ServiceProcess, count = 60): string =>
  service.output
    .join('')
    .split('\n')
    .filter((line) => line.trim() !== '' && !QUIET.test(line))
    .slice(-count)
    .map((line) => line.slice(0, 600))
    .join('\n');

/** Prints the services' problem lines, for a test that did not reach its end. */
export const reportServiceProblems = (services: readonly ServiceProcess[]): void => {
  for (const service of services) {
    console.log(`[${service.name} :${service.port}] last warnings and errors:\n${serviceProblems(service)}`);
  }
};
