import { describe, expect, it } from '@jest/globals';
import {
  buildFingerprint,
  buildStamp,
  isBuildInput,
  jsonInputsChanged,
  type BuildInput,
} from './build-fingerprint.mjs';

const tree: BuildInput[] = [
  { path: 'apps/rd-needs/src/main.ts', size: 512, mtimeMs: 1_000 },
  { path: 'libs/platform/src/index.ts', size: 2_048, mtimeMs: 2_000 },
  { path: 'tsconfig.build.json', size: 243, mtimeMs: 500 },
];

describe('the build fingerprint', () => {
  it('is the same for the same files, whatever order they are listed in', () => {
    expect(buildFingerprint([...tree].reverse())).toBe(buildFingerprint(tree));
  });

  it('changes when a file is edited (mtime or size), added or removed', () => {
    const base = buildFingerprint(tree);
    const [main, ...rest] = tree as [BuildInput, ...BuildInput[]];
    expect(buildFingerprint([{ ...main, mtimeMs: 1_001 }, ...rest])).not.toBe(base);
    expect(buildFingerprint([{ ...main, size: 513 }, ...rest])).not.toBe(base);
    expect(buildFingerprint([...tree, { path: 'libs/platform/src/new.ts', size: 1, mtimeMs: 1 }])).not.toBe(base);
    expect(buildFingerprint(rest)).not.toBe(base);
    expect(buildFingerprint([{ ...main, path: 'apps/rd-needs/src/main2.ts' }, ...rest])).not.toBe(base);
  });

  it('forces a build when a JSON input changed, which tsc -b itself does not see', () => {
    const vocabulary: BuildInput = { path: 'libs/engine/data/therapeutic-areas.json', size: 9_000, mtimeMs: 3_000 };
    const base = buildStamp([...tree, vocabulary]);
    const [main, ...rest] = tree as [BuildInput, ...BuildInput[]];
    expect(jsonInputsChanged(base, buildStamp([{ ...main, mtimeMs: 1_001 }, ...rest, vocabulary]))).toBe(false);
    expect(jsonInputsChanged(base, buildStamp([...tree, { ...vocabulary, mtimeMs: 3_001 }]))).toBe(true);
    expect(jsonInputsChanged(undefined, base)).toBe(true);
  });

  it('covers what tsconfig.build.json compiles and configures, not the tests it leaves out', () => {
    for (const input of [
      'apps/matching/src/main.ts',
      'libs/engine/data/therapeutic-areas.json',
      'tools/stack/build-fingerprint.d.mts',
      'package.json',
      'tsconfig.json',
      'tsconfig.build.json',
    ]) {
      expect({ input, built: isBuildInput(input) }).toEqual({ input, built: true });
    }
    for (const other of [
      'apps/matching/src/shortlists/shortlist-diff.spec.ts',
      'libs/messaging/src/outbox/outbox.relay.int-spec.ts',
      'test/walking-skeleton.e2e-spec.ts',
      'tools/kafka/target/libs/kafka.json',
      'libs/platform/src/index.js',
      'apps/dashboard/web/src/main.ts',
      'README.md',
    ]) {
      expect({ other, built: isBuildInput(other) }).toEqual({ other, built: false });
    }
  });
});
