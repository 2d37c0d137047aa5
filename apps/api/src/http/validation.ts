import { ValidationError, ValidationPipe } from '@nestjs/common';
import { problem, ProblemException } from './problem';

/** Input DTOs: unknown fields refused, types converted, every bad field named. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new ProblemException(
        problem(400, 'VALIDATION_FAILED', `Invalid input: ${[...new Set(fields.map((field) => field.field))].join(', ')}`, { errors: fields }),
      );
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; message: string }> {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
