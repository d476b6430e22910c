export interface BuildInput {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export const BUILD_ROOTS: readonly string[];
export const BUILD_CONFIG_FILES: readonly string[];
export const STAMP_FILE: string;
export const DASHBOARD_WEB: string;
export const DASHBOARD_STAMP_FILE: string;
export function isBuildInput(relativePath: string): boolean;
export function buildFingerprint(entries: readonly BuildInput[]): string;
export function buildStamp(entries: readonly BuildInput[]): string;
export function jsonInputsChanged(previous: string | undefined, next: string): boolean;
export function listBuildInputs(root: string): BuildInput[];
export function listDashboardInputs(root: string): BuildInput[];
