import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testEnv } from './test-env.js';

const run = promisify(execFile);

/** The local ports of a process's established TCP connections to the test broker (`ss`, same user's processes). */
export const brokerConnectionPorts = async (pid: number): Promise<string[]> => {
  const brokerPort = testEnv().kafkaBrokers[0]!.split(':').pop()!;
  const { stdout } = await run('ss', ['-Htnp', 'state', 'established', `( dport = :${brokerPort} )`]);
  return stdout
    .split('\n')
    .filter((line) => line.includes(`pid=${pid},`))
    .map((line) => line.trim().split(/\s+/)[2]!.split(':').pop()!);
};
