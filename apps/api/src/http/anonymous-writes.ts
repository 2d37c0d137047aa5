import { Environment } from '@app/config';
import rateLimit from '@fastify/rate-limit';
import { applyDecorators } from '@nestjs/common';
import { NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';
import { FormBodyRouteConfig } from './form-bodies';
import { problem, ProblemException } from './problem';

/**
 * Marks an endpoint anyone may write to without a token (a complaint, a WBS report, a survey
 * answer): each client address gets ANONYMOUS_WRITES_PER_MINUTE such writes a minute per
 * `kind`, so a flood of complaints does not also use up a citizen's survey answers. `config` adds
 * to the route's Fastify config what else it needs (`formBody` for a plain HTML form's post).
 */
export const AnonymousWrite = (kind: string, config: FormBodyRouteConfig = {}) =>
  applyDecorators(RouteConfig({ ...config, rateLimit: { groupId: `:${kind}` } }));

/**
 * The limiter behind @AnonymousWrite, in this process's memory: behind several API processes a
 * client gets the limit once per process it reaches (README, Anonymous writes). The client is
 * `request.ip`, which TRUSTED_PROXIES decides (createHttpAdapter's trustProxy).
 */
export async function limitAnonymousWrites(app: NestFastifyApplication, environment: Environment): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    max: environment.ANONYMOUS_WRITES_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (_request, context) =>
      new ProblemException(problem(429, 'TOO_MANY_REQUESTS', `Too many writes from this address; try again in ${context.after}`), {
        'Retry-After': String(Math.max(1, Math.ceil(context.ttl / 1000))),
      }),
  });
}
