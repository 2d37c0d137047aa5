import type { FastifyInstance } from 'fastify';
import { problem, ProblemException } from './problem';
import { isStorableText } from './storable-text';

/**
 * Path and query values are matched against the read models as they are, and a NUL (`%00`)
 * there is a query PostgreSQL refuses (a 500). No parameter of ours may hold one, nor a lone
 * surrogate, so they are refused for every route before any guard or handler runs.
 */
export function refuseUnstorableParameters(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    const fields = [...unstorable(request.params, 'path'), ...unstorable(request.query, 'query')];
    if (fields.length === 0) return done();
    const errors = fields.map((field) => ({ field, message: 'must not hold a NUL character or a lone surrogate' }));
    done(new ProblemException(problem(400, 'VALIDATION_FAILED', `Invalid input: ${fields.join(', ')}`, { errors })));
  });
}

function unstorable(values: unknown, where: string): string[] {
  if (values === null || typeof values !== 'object') return [];
  return Object.entries(values as Record<string, unknown>)
    .filter(([name, value]) => !isStorableText(name) || [value].flat().some((item) => typeof item === 'string' && !isStorableText(item)))
    .map(([name]) => (isStorableText(name) ? name : `(${where} parameter)`));
}
