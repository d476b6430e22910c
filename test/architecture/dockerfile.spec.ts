import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The image's last stage, the one the services run in. */
const runtimeStage = (): string => {
  const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  return dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
};

describe('Dockerfile', () => {
  it('puts docs/ in the runtime image, so /docs/asyncapi.yaml and /docs/events answer there too', () => {
    expect(runtimeStage()).toMatch(/^COPY docs \.\/docs$/m);
  });

  it('leaves docs/ in the build context', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored.map((line) => line.trim().replace(/\/$/, ''))).not.toContain('docs');
  });
});
