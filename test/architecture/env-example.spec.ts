import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The local broker's script documents its own variables in tools/kafka/README.md. */
const SKIPPED = ['tools/kafka', 'node_modules'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (SKIPPED.some((skipped) => relative.startsWith(skipped) || entry.name === skipped)) return [];
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|mjs)$/.test(entry.name) && !/spec\.ts$/.test(entry.name) ? [relative] : [];
  });

/** Variables read through the config reader's specs (`intVar('NAME'`, …), port variables, or `env.NAME`. */
const READS = [
  /\b(?:\w+Var|positiveInt|byteSize|readServiceConfig)\(\s*'([A-Z][A-Z0-9_]+)'/g,
  /\benv\.([A-Z][A-Z0-9_]+)/g,
  /\benv\[\s*'([A-Z][A-Z0-9_]+)'\s*\]/g,
];

/** What `docker compose` interpolates (`${NAME}`, `${NAME:-default}`) from the shell or .env. */
const COMPOSE_READS = /\$\{([A-Z][A-Z0-9_]+)/g;

const variablesReadByTheCode = (): Set<string> => {
  const names = new Set<string>();
  for (const file of ['apps', 'libs', 'tools'].flatMap(sourceFiles)) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const pattern of READS) for (const match of text.matchAll(pattern)) names.add(match[1]!);
  }
  for (const match of readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8').matchAll(COMPOSE_READS)) {
    names.add(match[1]!);
  }
  return names;
};

describe('.env.example', () => {
  const documented = new Set(
    [...readFileSync(path.join(ROOT, '.env.example'), 'utf8').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!),
  );

  it('documents every variable the code and docker-compose.yml read', () => {
    const read = variablesReadByTheCode();
    expect(read.size).toBeGreaterThan(20);
    expect([...read].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });

  it('documents only variables the code reads', () => {
    const read = variablesReadByTheCode();
    expect([...documented].filter((name) => !read.has(name)).sort()).toEqual([]);
  });
});
