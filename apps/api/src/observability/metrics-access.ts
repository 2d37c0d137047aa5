import { Environment } from '@app/config';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { notFound, problem, ProblemException } from '../http/problem';

/**
 * /metrics tells whoever reads it the routes, their traffic and the process's health: it is
 * for the scraper, not for the public port's callers. With METRICS_TOKEN set, a scrape needs
 * `Authorization: Bearer <METRICS_TOKEN>`; in production without it, there is no /metrics at
 * all (404); in development and tests it stays open.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  private readonly digest?: Buffer;
  private readonly hidden: boolean;

  constructor(environment: Environment) {
    if (environment.METRICS_TOKEN) this.digest = sha256(environment.METRICS_TOKEN);
    this.hidden = !environment.METRICS_TOKEN && environment.NODE_ENV === 'production';
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.hidden) throw notFound('No such resource');
    if (!this.digest) return true;
    const [scheme, token] = (context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '').split(' ');
    // Digests of equal length, compared in constant time: the answer's timing tells nothing of the token.
    if (scheme === 'Bearer' && token && timingSafeEqual(sha256(token), this.digest)) return true;
    throw new ProblemException(problem(401, 'UNAUTHENTICATED', 'Scraping the metrics needs the metrics token'), { 'WWW-Authenticate': 'Bearer' });
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();
