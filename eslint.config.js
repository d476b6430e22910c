import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const APPS = ['companies', 'rd-needs', 'matching'];

// Patterns use `regex` rather than gitignore-style `group` so that relative specifiers
// (`../../../rd-needs/src/...`) are matched exactly as written.
const noImportFromApps = {
  regex: '(^|/)apps(/|$)',
  message: 'Libraries must not depend on apps; move the shared code into a lib.',
};

// Climbing two or more levels and landing in a sibling app's folder, or naming `apps/<other>`.
// One `../` is allowed so an app may keep a feature folder that happens to share a sibling's name.
const noImportFromOtherApps = (app) => {
  const others = APPS.filter((other) => other !== app).join('|');
  return [
    {
      regex: `(^|/)apps/(${others})(/|$)`,
      message: `apps/${app} must not import another app; share code through libs/ or talk over Kafka/HTTP.`,
    },
    {
      regex: `^(\\.\\./){2,}(${others})(/|$)`,
      message: `apps/${app} must not import another app; share code through libs/ or talk over Kafka/HTTP.`,
    },
  ];
};

// The pure engine's folder; its import alias is #engine.
const ENGINE_DIR = 'libs/engine';
const ENGINE_FOLDER = ENGINE_DIR.split('/')[1];

// The Node built-ins the engine may use (its worker pool and CPU count); anything else is passed in as plain data.
const ENGINE_NODE_MODULES = ['os', 'util', 'worker_threads'];
const ENGINE_TEST_MODULES = ['@jest/globals', 'fast-check'];

const ENGINE_PURITY_MESSAGE = `${ENGINE_DIR} is the pure engine: relative imports and node:${ENGINE_NODE_MODULES.join('|')} only (no Nest, DB, Kafka or service libs). Pass plain data in from the app.`;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Bare specifiers other than the whitelisted ones: a relative import (`.`) is always fine. */
const onlyModules = (allowed, message) => ({
  regex: `^(?!\\.|(${allowed.map(escape).join('|')})$)`,
  message,
});

// Shared code in layers: a lib may use the libs before it, never one after it (contracts is a leaf, the engine is
// beside them). Each lib is reached through its `#name` alias from outside, by relative path from inside.
const LAYERS = ['contracts', 'platform', 'messaging', 'profiles'];
const MAY_USE = {
  contracts: [],
  platform: ['contracts'],
  messaging: ['contracts', 'platform'],
  profiles: ['contracts', 'platform', 'messaging', 'engine'],
};

const layering = (lib) => {
  const forbidden = [...LAYERS, 'engine'].filter((other) => !MAY_USE[lib].includes(other));
  const otherFolders = [...LAYERS, ENGINE_FOLDER].filter((other) => other !== lib);
  const message = `libs/${lib} may use ${MAY_USE[lib].map((other) => `#${other}`).join(', ') || 'no other lib'} only (platform ← messaging ← profiles ← apps; contracts a leaf).`;
  const byAlias = `Reach another lib through its #alias, as libs/${lib} may: ${MAY_USE[lib].map((other) => `#${other}`).join(', ') || 'none'}.`;
  return [
    { regex: `^#(${forbidden.join('|')})(/|$)`, message },
    { regex: `(^|/)libs/(${otherFolders.join('|')})(/|$)`, message: byAlias },
    { regex: `^(\\.\\./){2,}(${otherFolders.join('|')})(/|$)`, message: byAlias },
  ];
};

const enginePurity = [
  onlyModules([...ENGINE_NODE_MODULES.map((name) => `node:${name}`)], ENGINE_PURITY_MESSAGE),
  { regex: '(^|/)(libs|apps)/', message: ENGINE_PURITY_MESSAGE },
  { regex: `^(\\.\\./){2,}(${LAYERS.join('|')})(/|$)`, message: ENGINE_PURITY_MESSAGE },
];
const enginePurityInTests = [
  onlyModules([...ENGINE_NODE_MODULES.map((name) => `node:${name}`), ...ENGINE_TEST_MODULES], ENGINE_PURITY_MESSAGE),
  ...enginePurity.slice(1),
];

// Only repositories, entities, migrations, database set-up and module wiring touch TypeORM; the rest passes the
// transaction (`EntityManager`, a type) it is given.
const TYPEORM_FILES = ['**/*.repository.ts', '**/*.entity.ts', '**/database/**/*.ts', '**/*.module.ts'];
const typeormConfined = {
  paths: [
    {
      name: 'typeorm',
      allowTypeImports: true,
      message: 'Only *.repository.ts, entities, migrations and database set-up use TypeORM; take a Transactions.',
    },
    {
      name: '@nestjs/typeorm',
      allowTypeImports: true,
      message: 'Only *.repository.ts, entities, migrations and database set-up use TypeORM.',
    },
  ],
};

// Fixtures are test-only helpers kept beside the code they exercise.
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.fixture.ts', 'test/**/*.ts'];

export default defineConfig(
  globalIgnores(['**/dist/', '**/node_modules/', 'tools/kafka/target/', '**/coverage/', '**/.data/']),

  // Plain JavaScript tooling: the recommended rules, Node globals.
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },

  {
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'test/**/*.ts', 'tools/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      eqeqeq: 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],

      // NestJS modules are decorated empty classes by design.
      '@typescript-eslint/no-extraneous-class': 'off',
      // Nest lifecycle hooks and handlers are often `async` to satisfy an interface without awaiting.
      '@typescript-eslint/require-await': 'off',
      // `any` leaks in from decorators, JSON.parse and kafkajs headers; keep it visible without blocking.
      '@typescript-eslint/no-unsafe-argument': 'warn',
      '@typescript-eslint/no-unsafe-assignment': 'warn',
      '@typescript-eslint/no-unsafe-call': 'warn',
      '@typescript-eslint/no-unsafe-member-access': 'warn',
      '@typescript-eslint/no-unsafe-return': 'warn',
    },
  },

  {
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `expect(service.method).toHaveBeenCalled()` passes methods unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // Boundaries. A later block replaces an earlier block's `no-restricted-imports` options, so each
  // block carries the complete list for the files it matches.
  ...LAYERS.map((lib) => ({
    files: [`libs/${lib}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noImportFromApps, ...layering(lib)] }],
    },
  })),
  {
    files: [`${ENGINE_DIR}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: enginePurity }],
    },
  },
  {
    files: TEST_FILES.filter((pattern) => pattern.startsWith('**/')).map((pattern) => `${ENGINE_DIR}/${pattern}`),
    rules: {
      'no-restricted-imports': ['error', { patterns: enginePurityInTests }],
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [...TYPEORM_FILES, ...TEST_FILES],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', typeormConfined],
    },
  },
  ...APPS.map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: noImportFromOtherApps(app) }],
    },
  })),
);
