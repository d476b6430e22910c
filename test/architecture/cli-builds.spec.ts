import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';

const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('the CLIs build incrementally', () => {
  it('every script that runs compiled code first runs tools/stack/build.mjs, which skips an unchanged tree', () => {
    const runsDist = Object.entries(scripts).filter(([, command]) => /\bnode (--\S+ )*dist\//.test(command));
    expect(runsDist.map(([name]) => name)).toEqual(expect.arrayContaining(['rematch', 'keys', 'asyncapi', 'seed:run']));
    for (const [name, command] of runsDist) {
      expect({ name, command }).toEqual({ name, command: expect.stringMatching(/^node tools\/stack\/build\.mjs && /) });
    }
  });

  it('no script rebuilds the whole tree with `tsc -p`', () => {
    expect(Object.entries(scripts).filter(([, command]) => /\btsc -p\b/.test(command))).toEqual([]);
  });
});
