import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { problem, ProblemException } from './problem';
import { keepValidationMetadata } from './validation-metadata-cache';

/** Input DTOs: unknown fields refused, types converted, every bad field named once. */
export function validationPipe(): ValidationPipe {
  keepValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target names the DTO, whose known fields an unknown field's message draws on.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new ProblemException(
        problem(400, 'VALIDATION_FAILED', `Invalid input: ${[...new Set(fields.map((field) => field.field))].join(', ')}`, { errors: fields }),
      );
    },
  });
}

export interface FieldError {
  field: string;
  message: string;
}

/**
 * One message per field, the one that says what to send: a missing field is `required` (not
 * the length and type rules it also fails), an unknown one names the closest known field (a
 * misspelt `annualtarget` is the usual case), a wrong type gives an example.
 */
export function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = messageFor(error);
    return [...(message ? [{ field, message }] : []), ...flatten(error.children ?? [], field)];
  });
}

/** The example each type rule gives; the rule names are class-validator's. */
const TYPE_RULES: Record<string, string> = {
  isNumber: 'must be a number, like 22.5',
  isInt: 'must be a whole number, like 4',
  isString: 'must be text, like "…"',
  isBoolean: 'must be true or false',
  isArray: 'must be a list, like [ … ]',
  isObject: 'must be an object, like { … }',
  nestedValidation: 'must be an object, like { … }',
};

function messageFor(error: ValidationError): string | undefined {
  const constraints = error.constraints ?? {};
  const rules = Object.keys(constraints);
  if (rules.length === 0) return undefined;
  const name = error.property;
  if (rules.includes('whitelistValidation')) {
    const known = closest(name, knownFields(error.target));
    return `${name} is not a known field${known ? `; did you mean ${known}?` : ''}`;
  }
  if (error.value === undefined || error.value === null) return `${name} is required`;
  const typeRule = rules.find((rule) => rule in TYPE_RULES);
  if (typeRule && !typeMatches(typeRule, error.value)) {
    const comma = typeRule === 'isNumber' && typeof error.value === 'string' && /^-?\d+,\d+$/.test(error.value.trim());
    return `${name} ${TYPE_RULES[typeRule]}${comma ? ' (a decimal point, not a comma, and no quotes)' : ''}`;
  }
  return constraints[rules.find((rule) => rule !== typeRule) ?? rules[0]];
}

function typeMatches(rule: string, value: unknown): boolean {
  switch (rule) {
    case 'isNumber':
    case 'isInt':
      return typeof value === 'number';
    case 'isString':
      return typeof value === 'string';
    case 'isBoolean':
      return typeof value === 'boolean';
    case 'isArray':
      return Array.isArray(value);
    default:
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

function knownFields(target: object | undefined): string[] {
  if (!target) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}

/** The known field nearest by edit distance (case ignored), if it is near enough to be a typo. */
function closest(name: string, known: string[]): string | undefined {
  let best: { field: string; distance: number } | undefined;
  for (const field of known) {
    const distance = editDistance(name.toLowerCase(), field.toLowerCase());
    if (!best || distance < best.distance) best = { field, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.field : undefined;
}

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
