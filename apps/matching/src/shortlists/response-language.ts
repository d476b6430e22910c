import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LANGUAGES, type Language } from '#engine';
import { InvalidFieldsError } from '#platform';

const DEFAULT_LANGUAGE: Language = 'en';

/** `?lang=en|zh`: as a query field, so that the validation pipe accepts it and the OpenAPI document lists it. */
export const IsLanguageParam = (): PropertyDecorator => (target, property) => {
  for (const decorator of [IsIn([...LANGUAGES]), IsOptional()]) decorator(target, property);
};

/** The query of a route that answers in a language and has no other query fields. */
export class LanguageQuery {
  /** The language of labels and explanations; `Accept-Language` when absent, else English. */
  @IsLanguageParam()
  lang?: Language;
}

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** The supported language a language tag stands for: `zh`, `zh-CN`, `zh-Hans` are Chinese. */
const languageOfTag = (tag: string): Language | undefined => {
  const primary = tag.trim().toLowerCase().split('-')[0] ?? '';
  return isLanguage(primary) ? primary : primary === '*' ? DEFAULT_LANGUAGE : undefined;
};

/** The supported language an `Accept-Language` header prefers most (by q-value, then by order); English if none. */
export const preferredLanguage = (header: string | undefined): Language => {
  let best: { language: Language; q: number } | undefined;
  for (const range of (header ?? '').split(',')) {
    const [tag = '', ...params] = range.split(';');
    const language = languageOfTag(tag);
    const qParam = params.map((param) => param.trim().toLowerCase()).find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (language === undefined || !Number.isFinite(q) || q <= 0) continue;
    if (best === undefined || q > best.q) best = { language, q };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
};

/** The language to answer in: `?lang=` when given (anything but a supported language is a 400 naming `lang`), else `Accept-Language`. */
export const responseLanguage = (lang: unknown, acceptLanguage: string | undefined): Language => {
  if (lang === undefined) return preferredLanguage(acceptLanguage);
  if (isLanguage(lang)) return lang;
  throw new InvalidFieldsError('Request validation failed', [
    { field: 'lang', message: `lang must be one of the following values: ${LANGUAGES.join(', ')}` },
  ]);
};

interface LanguageRequest {
  readonly query?: Record<string, unknown>;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** The language the caller asked for (`@ResponseLanguage() language: Language`). */
export const ResponseLanguage = createParamDecorator((_data: unknown, context: ExecutionContext): Language => {
  const request = context.switchToHttp().getRequest<LanguageRequest>();
  const header = request.headers['accept-language'];
  return responseLanguage(request.query?.lang, Array.isArray(header) ? header.join(',') : header);
});

/** Documents `Accept-Language` on a route that answers in a language. */
export const AnswersInLanguage = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'Accept-Language',
      required: false,
      description: 'zh (zh-CN, zh-Hans, …) for Chinese labels and explanations; English otherwise. `?lang=` wins.',
    }),
  );
