import type { FastifyInstance } from 'fastify';
import { problem, ProblemException } from './problem';

/**
 * No query parameter of ours is a list. Fastify reads `?limit=1&limit=2` as ['1', '2'], which
 * the validation would take apart as "limit, limit, limit" (not a number, not an integer, out
 * of range); a parameter given more than once is one clear 400 instead.
 */
export function refuseRepeatedQueryParameters(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const repeated = Object.keys(query).filter((name) => Array.isArray(query[name]));
    if (repeated.length === 0) return done();
    const errors = repeated.map((field) => ({ field, message: `${field} may be given once only` }));
    done(new ProblemException(problem(400, 'VALIDATION_FAILED', `Invalid input: ${repeated.join(', ')}`, { errors })));
  });
}
