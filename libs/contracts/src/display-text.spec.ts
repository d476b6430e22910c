import { describe, expect, it } from '@jest/globals';
import { displayTextProblem, normaliseDisplayText } from './display-text.js';

describe('display text', () => {
  it('accepts ordinary names in any script', () => {
    for (const name of ['Acme Bio', '无锡生物', 'Ünïcödé GmbH', 'שלום', 'Jean-Luc O’Neil', 'e\u0301clair']) {
      expect(displayTextProblem(name)).toBeUndefined();
    }
  });

  it('normalises to NFC', () => {
    expect(normaliseDisplayText('e\u0301clair')).toBe('\u00e9clair');
    expect(normaliseDisplayText(3)).toBe(3);
  });

  it('refuses control characters, and line breaks outside multiline text', () => {
    expect(displayTextProblem('Acme\u001b[31m')).toMatch(/control/);
    expect(displayTextProblem('Acme\u0007')).toMatch(/control/);
    expect(displayTextProblem('Acme\u0085')).toMatch(/control/);
    expect(displayTextProblem('Acme\nBio')).toMatch(/control/);
    expect(displayTextProblem('line one\nline two\ttab', { multiline: true })).toBeUndefined();
    expect(displayTextProblem('bell\u0007', { multiline: true })).toMatch(/control/);
  });

  it('refuses bidirectional overrides and isolates', () => {
    for (const char of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(displayTextProblem(`Acme${char}gpj.exe`)).toMatch(/bidirectional/);
    }
  });

  it('refuses text made only of invisible characters', () => {
    for (const invisible of ['\u200b', '\u200b\u200c\u200d', '\ufeff', '\u00ad', '   ', '\u3164', '\u2060']) {
      expect(displayTextProblem(invisible)).toMatch(/visible/);
    }
    expect(displayTextProblem('')).toBeUndefined();
    expect(displayTextProblem('A\u200bB')).toBeUndefined();
  });
});
