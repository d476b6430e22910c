export interface JobProgress {
  readonly done: number;
  readonly total: number;
}

const count = (value: number): number => (Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);

/**
 * One line such as `[##########..........]  50%  500/1000  running`. A job that does not know its total yet shows an
 * empty bar; a finished one with nothing to do shows a full one.
 */
export const renderProgressBar = (progress: JobProgress, status: string, width = 30): string => {
  const total = count(progress.total);
  const done = Math.min(count(progress.done), total);
  const ratio = total > 0 ? done / total : status === 'completed' ? 1 : 0;
  const filled = Math.floor(ratio * width);
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}  ${done}/${total}  ${status}`;
};
