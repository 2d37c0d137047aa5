import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ClockReading } from './request-clock';

type ParsedFrom<Value> = (parameters: Record<string, string>, today: string) => Value;

/**
 * A parameter decorator that hands the handler a checked address instead of raw path strings:
 * `parse` reads the named path parameters (and the request's day, for the years it allows) and
 * throws the 400 or 404 itself. OpenAPI still documents each named parameter as a path string.
 */
export function addressFromPath<Value>(names: readonly string[], parse: ParsedFrom<Value>): () => ParameterDecorator {
  return createParamDecorator(
    (_data: unknown, context: ExecutionContext): Value => {
      const request = context.switchToHttp().getRequest<FastifyRequest & { clockReading: ClockReading }>();
      return parse(request.params as Record<string, string>, request.clockReading.today);
    },
    names.map((name) => (target: object, key?: string | symbol) => {
      if (key !== undefined) ApiParam({ name, type: String, required: true })(target, key, Object.getOwnPropertyDescriptor(target, key)!);
    }),
  );
}
