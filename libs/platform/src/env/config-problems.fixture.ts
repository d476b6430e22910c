import { ConfigError } from './env.js';

/** The problems a `ConfigError` thrown by `work` lists; none when `work` succeeds. Other errors are rethrown. */
export const configProblemsOf = (work: () => unknown): readonly string[] => {
  try {
    work();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};
