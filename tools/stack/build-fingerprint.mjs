// The cheap up-to-date check in front of `tsc -b`: a fingerprint of every build input's path, size and mtime,
// stored in dist/ after a successful build. Equal fingerprints mean nothing was edited, added or removed since, so
// the CLIs skip even `tsc -b`'s own check (it loads the whole compiler: most of a second).
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What tsconfig.build.json compiles from (its `include`), plus the files that change how it compiles. */
export const BUILD_ROOTS = ['apps', 'libs', 'tools'];
export const BUILD_CONFIG_FILES = ['package.json', 'tsconfig.json', 'tsconfig.build.json'];
export const STAMP_FILE = path.join('dist', '.build-fingerprint');
/** The dashboard's browser code: built by Vite (`buildDashboard`), not by tsc -b, with a stamp of its own. */
export const DASHBOARD_WEB = 'apps/dashboard/web';
export const DASHBOARD_STAMP_FILE = path.join('dist', '.dashboard-fingerprint');

const SOURCE = /\.(ts|mts|cts|json)$/;
const NOT_BUILT = /\.(spec|int-spec|e2e-spec|fixture)\.ts$/;

/** Whether a path (relative to the repository, `/`-separated) is an input of tsconfig.build.json. */
export const isBuildInput = (relativePath) =>
  BUILD_CONFIG_FILES.includes(relativePath) ||
  (BUILD_ROOTS.some((root) => relativePath.startsWith(`${root}/`)) &&
    !relativePath.startsWith('tools/kafka/target/') &&
    !relativePath.startsWith(`${DASHBOARD_WEB}/`) &&
    !relativePath.split('/').includes('node_modules') &&
    SOURCE.test(relativePath) &&
    !NOT_BUILT.test(relativePath));

/** Order-independent: the same files with the same sizes and mtimes give the same fingerprint. */
export const buildFingerprint = (entries) =>
  createHash('sha256')
    .update(
      entries
        .map((entry) => `${entry.path}\t${entry.size}\t${entry.mtimeMs}`)
        .sort()
        .join('\n'),
    )
    .digest('hex');

/**
 * The stamp of a build: the fingerprint of the TypeScript inputs, then that of the JSON ones on a second line.
 * `tsc -b` leaves JSON modules out of its own up-to-date check (a changed vocabulary file is not re-emitted), so a
 * change there needs a forced build.
 */
export const buildStamp = (entries) => {
  const json = entries.filter((entry) => entry.path.endsWith('.json'));
  const code = entries.filter((entry) => !entry.path.endsWith('.json'));
  return `${buildFingerprint(code)}\n${buildFingerprint(json)}`;
};

/** Whether a build from `previous` to `next` (stamps) must be forced: a JSON input changed. */
export const jsonInputsChanged = (previous, next) => previous?.split('\n')[1] !== next.split('\n')[1];

/** The files under `dirs` (relative to `root`) that `include` accepts, with their sizes and mtimes. */
const listFiles = (root, dirs, include) => {
  const entries = [];
  const visit = (relativeDir) => {
    for (const dirent of readdirSync(path.join(root, relativeDir), { withFileTypes: true })) {
      const relativePath = relativeDir ? `${relativeDir}/${dirent.name}` : dirent.name;
      if (dirent.isDirectory()) {
        if (dirent.name !== 'node_modules' && relativePath !== 'tools/kafka/target') visit(relativePath);
      } else if (include(relativePath)) {
        const { size, mtimeMs } = statSync(path.join(root, relativePath));
        entries.push({ path: relativePath, size, mtimeMs });
      }
    }
  };
  for (const dir of dirs) visit(dir);
  return entries;
};

/** Every build input under `root` with its size and mtime. */
export const listBuildInputs = (root) => {
  const entries = listFiles(root, BUILD_ROOTS, isBuildInput);
  for (const file of BUILD_CONFIG_FILES) {
    const { size, mtimeMs } = statSync(path.join(root, file));
    entries.push({ path: file, size, mtimeMs });
  }
  return entries;
};

/** Every file of the dashboard's web app (sources, page, styles, its tsconfig), and the lock file (Vite's version). */
export const listDashboardInputs = (root) => {
  const entries = listFiles(root, [DASHBOARD_WEB], (relativePath) => !/\.spec\.ts$/.test(relativePath));
  const { size, mtimeMs } = statSync(path.join(root, 'package-lock.json'));
  return [...entries, { path: 'package-lock.json', size, mtimeMs }];
};
