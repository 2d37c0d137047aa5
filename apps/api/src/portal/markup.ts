import escapeHtml from 'escape-html';

/** Markup that is already safe: what `markup` made, never text from data. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

const render = (value: Value): string => {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return (value as readonly Value[]).map(render).join('');
  return escapeHtml(String(value as string | number | boolean));
};

/**
 * The portal's templates: a tagged template that escapes every interpolated value (text and
 * attribute values alike, with escape-html) unless it is markup `markup` itself made, so a unit's
 * goal statement can never become markup. Lists are joined; null, undefined and false print nothing.
 */
export const markup = (strings: TemplateStringsArray, ...values: Value[]): SafeHtml =>
  new SafeHtml(strings.reduce((out, string, index) => out + string + (index < values.length ? render(values[index]) : ''), ''));
