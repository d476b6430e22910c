import { describe, expect, it } from '@jest/globals';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const describeViolation = (violation: IViolation): string =>
  `${violation.rule.name}: ${[violation.from, ...(violation.cycle?.map((step) => step.name) ?? []), violation.to].join(' → ')}`;

/** The rules of .dependency-cruiser.mjs over the production code of apps, libs and tools. */
const cruiseProject = async (): Promise<ICruiseResult> => {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const options = await extractDepcruiseOptions('./.dependency-cruiser.mjs');
    const { output } = await cruise(['apps', 'libs', 'tools'], options, undefined, {
      tsConfig: extractTSConfig('tsconfig.json'),
    });
    return output as ICruiseResult;
  } finally {
    process.chdir(cwd);
  }
};

describe('the import graph', () => {
  it('has no file or folder cycles, keeps the layers (platform ← messaging ← profiles ← apps) and the engine pure', async () => {
    const result = await cruiseProject();

    expect(result.summary.violations.map(describeViolation)).toEqual([]);
    // The graph really is the project's: the libs resolve through their # aliases.
    const main = result.modules.find((module) => module.source === 'apps/companies/src/main.ts');
    expect(main?.dependencies.map((dependency) => dependency.resolved)).toEqual(
      expect.arrayContaining(['libs/platform/src/index.ts', 'libs/messaging/src/index.ts']),
    );
  }, 60_000);
});
