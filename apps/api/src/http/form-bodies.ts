import type { FastifyInstance } from 'fastify';
import { problem, ProblemException } from './problem';

/** What a route sets in its Fastify config (through @AnonymousWrite's options) to take a plain HTML form's body. */
export interface FormBodyRouteConfig {
  formBody?: boolean;
}

/**
 * Bodies of plain HTML forms (`application/x-www-form-urlencoded`), for the few routes that a page
 * without JavaScript posts to (the portal's survey form). Every other route keeps answering 415 to
 * them: the API's bodies are JSON. A field sent twice keeps its last value; the body is a flat
 * object of strings, which the route checks as it checks any input.
 */
export function useFormBodies(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, body, done) => {
    if ((request.routeOptions.config as FormBodyRouteConfig | undefined)?.formBody !== true) {
      return done(new ProblemException(problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Bodies are JSON: send application/json')), undefined);
    }
    return done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}
