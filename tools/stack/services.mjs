// Runs the compiled services as child processes and waits until each answers GET /health.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildFingerprint,
  buildStamp,
  DASHBOARD_STAMP_FILE,
  DASHBOARD_WEB,
  jsonInputsChanged,
  listBuildInputs,
  listDashboardInputs,
  STAMP_FILE,
} from './build-fingerprint.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `tsc -b`: incremental, it recompiles only what changed since dist/'s build info. */
export const TSC_BUILD = ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.build.json'];

/**
 * Builds dist/ with `tsc -b` unless the build inputs are exactly as they were after the last successful build, with
 * `--force` when asked or when a JSON input changed (see `buildStamp`); throws when the build fails.
 */
export const buildTree = ({ force = false } = {}) => {
  buildDashboard({ force });
  const stampFile = path.join(ROOT, STAMP_FILE);
  const stamp = buildStamp(listBuildInputs(ROOT));
  const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : undefined;
  if (!force && previous === stamp) return;
  const forced = force || jsonInputsChanged(previous, stamp);
  const build = spawnSync(process.execPath, [...TSC_BUILD, ...(forced ? ['--force'] : [])], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('build failed');
  writeFileSync(stampFile, stamp);
};

/**
 * The dashboard's web app into dist/apps/dashboard/web, which its server serves: type-checked by its own tsconfig
 * (DOM, no Node), bundled by Vite; skipped, like the tree, when nothing under apps/dashboard/web changed.
 */
const buildDashboard = ({ force }) => {
  const stampFile = path.join(ROOT, DASHBOARD_STAMP_FILE);
  const stamp = buildFingerprint(listDashboardInputs(ROOT));
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  const steps = [
    ['node_modules/typescript/bin/tsc', '-p', `${DASHBOARD_WEB}/tsconfig.json`],
    [
      'node_modules/vite/bin/vite.js',
      'build',
      DASHBOARD_WEB,
      '--outDir',
      path.join(ROOT, 'dist', 'apps', 'dashboard', 'web'),
      '--emptyOutDir',
      '--base',
      './',
      '--logLevel',
      'warn',
    ],
  ];
  for (const step of steps) {
    if (spawnSync(process.execPath, step, { cwd: ROOT, stdio: 'inherit' }).status !== 0) {
      throw new Error('dashboard build failed');
    }
  }
  writeFileSync(stampFile, stamp);
};

export const SERVICES = [
  { name: 'companies', portVariable: 'COMPANIES_PORT', port: 3001 },
  { name: 'rd-needs', portVariable: 'RD_NEEDS_PORT', port: 3002 },
  { name: 'matching', portVariable: 'MATCHING_PORT', port: 3003 },
  { name: 'dashboard', portVariable: 'DASHBOARD_PORT', port: 3000 },
];

const prefixLines = (name, stream, target) => {
  let pending = '';
  stream.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) target.write(`[${name}] ${line}\n`);
  });
};

/** `nodeArgs` go before the entry point (`npm run dev` passes `--watch`). */
export const startService = (service, env, nodeArgs = []) => {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--enable-source-maps', path.join(ROOT, 'dist', 'apps', service.name, 'src', 'main.js')],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  prefixLines(service.name, child.stdout, process.stdout);
  prefixLines(service.name, child.stderr, process.stderr);
  return child;
};

export const waitForHealth = async (url, child, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the service exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not report healthy within ${timeoutMs} ms`);
};

export const stopChild = (child, timeoutMs = 20_000) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
