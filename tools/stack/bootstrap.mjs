#!/usr/bin/env node
// First step of `npm start` / `npm run dev` / `npm test` / `npm run seed`: runs on whatever Node the machine has (20+), installs
// the project's dependencies when they are missing or stale, then hands over to `npm run <next>`, where the
// project's own Node 24 (the `node` devDependency) is first on PATH.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NEXT = { start: 'stack:start', dev: 'stack:dev', test: 'test:all', seed: 'seed:run' };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const step = process.argv[2];
if (!(step in NEXT)) {
  console.error(`usage: bootstrap.mjs ${Object.keys(NEXT).join('|')}`);
  process.exit(2);
}

const lockHash = createHash('sha256')
  .update(readFileSync(path.join(ROOT, 'package-lock.json')))
  .digest('hex');
const stamp = path.join(ROOT, 'node_modules', '.parkmatch-lock');
const installed = existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash;
if (!installed) {
  console.log('[parkmatch] installing dependencies (npm ci)…');
  const ci = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
  if (ci.status !== 0) process.exit(ci.status ?? 1);
  writeFileSync(stamp, lockHash);
}

const run = spawnSync(npm, ['run', '--silent', NEXT[step], '--', ...process.argv.slice(3)], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(run.status ?? (run.signal ? 1 : 0));
