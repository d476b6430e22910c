#!/usr/bin/env node
// `node tools/stack/build.mjs`: builds dist/ unless nothing changed since the last successful build. The CLIs
// (`npm run rematch`, `keys`, `asyncapi`, …) and `npm start`/`npm test` run it first; `--force` always runs `tsc -b`.
import { buildTree } from './services.mjs';

try {
  buildTree({ force: process.argv.includes('--force') });
} catch {
  // tsc has printed the errors.
  process.exit(1);
}
