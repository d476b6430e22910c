import { describe, expect, it } from '@jest/globals';
import { InvalidFieldsError } from '#platform';
import { preferredLanguage, responseLanguage } from './response-language.js';

describe('the language of labels and explanations', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-Hans', 'zh'],
    ['ZH-hans-CN', 'zh'],
    ['en-GB', 'en'],
    ['fr-FR, de', 'en'],
    ['*', 'en'],
    ['fr, zh-CN;q=0.8, en;q=0.5', 'zh'],
    ['en;q=0.5, zh;q=0.9', 'zh'],
    ['zh;q=0.4, en-US;q=0.6', 'en'],
    ['zh;q=0, en;q=0.1', 'en'],
    ['zh;q=0', 'en'],
    ['en, zh', 'en'],
    ['zh, en', 'zh'],
    ['zh;q=abc', 'en'],
  ])('reads Accept-Language %j as %s', (header, language) => {
    expect(preferredLanguage(header)).toBe(language);
  });

  it('takes ?lang= over Accept-Language', () => {
    expect(responseLanguage('en', 'zh-CN')).toBe('en');
    expect(responseLanguage('zh', 'en')).toBe('zh');
  });

  it('falls back to Accept-Language without ?lang=', () => {
    expect(responseLanguage(undefined, 'zh-Hans;q=0.9, en;q=0.1')).toBe('zh');
  });

  it.each(['fr', 'ZH', 'zh-CN', '', ['zh', 'en']])('refuses ?lang=%j with a 400 naming lang', (lang) => {
    let thrown: unknown;
    try {
      responseLanguage(lang, 'zh');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidFieldsError);
    expect(thrown).toMatchObject({ status: 400, errors: [{ field: 'lang' }] });
  });
});
