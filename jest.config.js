// Integration and e2e projects expect tools/stack/test.mjs to have built dist/ and prepared the test database
// and broker (dist/tools/test-infra/prepare.js). Native ESM jest (run with --experimental-vm-modules); @swc/jest emits ESM with decorator metadata.
import { readFileSync } from 'node:fs';

const swc = JSON.parse(readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));

const shared = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper: {
    '^#contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^#platform$': '<rootDir>/libs/platform/src/index.ts',
    '^#messaging$': '<rootDir>/libs/messaging/src/index.ts',
    '^#profiles$': '<rootDir>/libs/profiles/src/index.ts',
    '^#engine$': '<rootDir>/libs/engine/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

export default {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,test}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
