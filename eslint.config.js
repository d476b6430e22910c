import { defineConfig, globalIgnores } from 'eslint/config';
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

const ENGINE_PURITY_MESSAGE =
  'libs/matching is the pure engine: no Nest, no DB, no Kafka, no service libs. Pass plain data in from the app.';

const enginePurity = [
  { regex: '^@nestjs(/|$)', message: ENGINE_PURITY_MESSAGE },
  { regex: '^typeorm(/|$)', message: ENGINE_PURITY_MESSAGE },
  { regex: '^kafkajs(/|$)', message: ENGINE_PURITY_MESSAGE },
  { regex: '^pg(/|$)', message: ENGINE_PURITY_MESSAGE },
  { regex: '^#(common|contracts)(/|$)', message: ENGINE_PURITY_MESSAGE },
  // The same libs reached by relative path instead of the alias.
  { regex: '(^|/)libs/(common|contracts)(/|$)', message: ENGINE_PURITY_MESSAGE },
  { regex: '^(\\.\\./){2,}(common|contracts)(/|$)', message: ENGINE_PURITY_MESSAGE },
];

// Fixtures are test-only helpers kept beside the code they exercise.
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.fixture.ts', 'test/**/*.ts'];

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    'tools/kafka/target/',
    '**/coverage/',
    '**/.data/',
    // Only TypeScript is linted; plain JS/MJS tooling is left alone.
    '**/*.js',
    '**/*.mjs',
    '**/*.cjs',
  ]),

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
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noImportFromApps] }],
    },
  },
  {
    files: ['libs/matching/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noImportFromApps, ...enginePurity] }],
    },
  },
  ...APPS.map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: noImportFromOtherApps(app) }],
    },
  })),
);
