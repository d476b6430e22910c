import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `npm test` built dist/ before jest started (tools/stack/test.mjs), so the tree is already built here. */
describe('a CLI on an already built tree', () => {
  it('leaves the tree up to date after a build, so the next CLI run has nothing to compile', () => {
    // Builds what changed since `npm test` built (an edit made while the suite runs), as a CLI would.
    expect(spawnSync(process.execPath, ['tools/stack/build.mjs'], { cwd: ROOT, stdio: 'inherit' }).status).toBe(0);
    const dry = spawnSync(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.build.json', '--dry', '--verbose'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(dry.stdout).toContain("Project 'tsconfig.build.json' is up to date");
    expect(dry.stdout).not.toContain('A non-dry build would build');
  }, 120_000);

  it('answers `npm run rematch -- --help` through its build step', () => {
    const help = spawnSync('npm', ['run', '--silent', 'rematch', '--', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run rematch -- --scope all|need|company');
  }, 30_000);
});
