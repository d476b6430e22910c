import { describe, expect, it } from '@jest/globals';
import { renderProgressBar } from './progress-bar.js';

describe('renderProgressBar', () => {
  it('fills the bar in proportion to the work done', () => {
    expect(renderProgressBar({ done: 5, total: 20 }, 'running', 20)).toBe('[#####...............]  25%  5/20  running');
  });

  it('shows an empty bar while the total is not known yet', () => {
    expect(renderProgressBar({ done: 0, total: 0 }, 'queued', 10)).toBe('[..........]   0%  0/0  queued');
  });

  it('shows a full bar for a completed job, even one with nothing to do', () => {
    expect(renderProgressBar({ done: 0, total: 0 }, 'completed', 10)).toBe('[##########] 100%  0/0  completed');
    expect(renderProgressBar({ done: 15, total: 15 }, 'completed', 10)).toBe('[##########] 100%  15/15  completed');
  });

  it('never shows 100% or a full bar before everything is done', () => {
    expect(renderProgressBar({ done: 999, total: 1000 }, 'running', 10)).toBe('[#########.]  99%  999/1000  running');
  });

  it('keeps the bar within its width whatever the numbers say', () => {
    expect(renderProgressBar({ done: 30, total: 20 }, 'running', 10)).toBe('[##########] 100%  20/20  running');
    expect(renderProgressBar({ done: -3, total: Number.NaN }, 'running', 10)).toBe('[..........]   0%  0/0  running');
  });

  it('uses a 30-character bar by default', () => {
    expect(renderProgressBar({ done: 1, total: 2 }, 'running')).toBe(
      `[${'#'.repeat(15)}${'.'.repeat(15)}]  50%  1/2  running`,
    );
  });
});
