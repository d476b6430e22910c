// The import graph's rules, checked by test/architecture/import-graph.spec.ts (`npx depcruise apps libs tools`).
// ESLint's no-restricted-imports says the same per import; this sees the whole graph: cycles and layers.

// The pure engine's folder; its import alias is #engine.
const ENGINE_DIR = 'libs/engine';

const lib = (name) => `^libs/${name}/`;
const LIBS_AFTER = {
  contracts: ['platform', 'messaging', 'profiles', 'engine'],
  platform: ['messaging', 'profiles', 'engine'],
  messaging: ['profiles', 'engine'],
  profiles: [],
};
const dir = (name) => (name === 'engine' ? `^${ENGINE_DIR}/` : lib(name));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-file-cycles',
      severity: 'error',
      comment: 'A module reaches itself through its imports.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      scope: 'folder',
      comment: 'A folder reaches itself through its files’ imports (auth ↔ config, say).',
      from: {},
      to: { circular: true },
    },
    ...Object.entries(LIBS_AFTER).map(([name, after]) => ({
      name: `layering-${name}`,
      severity: 'error',
      comment: `platform ← messaging ← profiles ← apps, contracts a leaf: libs/${name} may not use what comes after it.`,
      from: { path: lib(name) },
      to: { path: [...after.map(dir), '^apps/'] },
    })),
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment: 'The engine uses itself and a few node: built-ins only.',
      from: { path: `^${ENGINE_DIR}/` },
      to: {
        pathNot: [`^${ENGINE_DIR}/`],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'engine-node-whitelist',
      severity: 'error',
      comment: 'The engine’s Node built-ins: its worker pool and CPU count.',
      from: { path: `^${ENGINE_DIR}/` },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?(os|util|worker_threads)$' },
    },
    {
      name: 'apps-are-separate',
      severity: 'error',
      comment: 'An app never imports another app: they talk over Kafka.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Production code: tests and their fixtures may reach across folders to set a scene.
    exclude: {
      path: [
        '(^|/)dist/',
        '(^|/)node_modules/',
        '^tools/kafka/target/',
        '^test/',
        '\\.(spec|int-spec|e2e-spec|fixture)\\.ts$',
      ],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'default'],
      extensions: ['.ts', '.mts', '.js', '.mjs', '.json', '.d.ts', '.d.mts'],
    },
  },
};
