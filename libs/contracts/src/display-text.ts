import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

export interface DisplayTextOptions {
  /** Descriptions and notes keep line breaks and tabs; names are one line. */
  readonly multiline?: boolean;
}

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// Whitespace, format characters (zero-width spaces and joiners, soft hyphens, marks) and fillers that render blank.
const INVISIBLE = /[\s\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u2800\u3164\uFFA0]/gu;

/**
 * Why a text shown to people is refused, or undefined when it may be stored: no control characters (terminal
 * escapes), no bidirectional overrides or isolates (text that reads differently from what it is), and not made only
 * of invisible characters.
 */
export const displayTextProblem = (value: string, options: DisplayTextOptions = {}): string | undefined => {
  if ((options.multiline ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).test(value)) {
    return 'must not contain control characters';
  }
  if (BIDI_CONTROL.test(value)) return 'must not contain bidirectional override or isolate characters';
  if (value.length > 0 && value.replace(INVISIBLE, '').length === 0) return 'must contain visible characters';
  return undefined;
};

/** One Unicode form for stored text (NFC), so the same name typed two ways is the same name. */
export const normaliseDisplayText = (value: unknown): unknown =>
  typeof value === 'string' ? value.normalize('NFC') : value;

/** Text people read (names, titles, descriptions): normalised to NFC on input, refused when `displayTextProblem` says. */
export const IsDisplayText =
  (options: DisplayTextOptions = {}): PropertyDecorator =>
  (target, property): void => {
    Transform(({ value }) => normaliseDisplayText(value))(target, property);
    ValidateBy({
      name: 'isDisplayText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || displayTextProblem(value, options) === undefined,
        defaultMessage: (args) =>
          `${args?.property ?? 'text'} ${
            typeof args?.value === 'string' ? (displayTextProblem(args.value, options) ?? '') : ''
          }`.trim(),
      },
    })(target, property);
  };
