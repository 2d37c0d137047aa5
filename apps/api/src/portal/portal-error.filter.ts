import { Environment } from '@app/config';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { ProblemException } from '../http/problem';
import { errorPage } from './pages/error-page';
import { langFrom } from './portal-text';
import { withPortalHeaders } from './security-headers';

/** A browser asks for HTML first; a program (curl, a script, the API's tests) does not. */
const wantsHtml = (request: FastifyRequest): boolean => /\btext\/html\b/.test(request.headers.accept ?? '');

/** Only what the client caused is a 4xx; anything unexpected is ours. */
function statusOf(error: unknown): number {
  if (error instanceof ProblemException) return error.problem.status;
  if (error instanceof HttpException) return error.getStatus();
  return 500;
}

/**
 * The portal's errors: to a browser, a page in its language with a way back; to anything else,
 * the problem document every route answers (ProblemDetailsFilter, which also logs what is ours).
 */
@Injectable()
@Catch()
export class PortalErrorFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();
  private readonly logger = new Logger('HTTP');

  constructor(private readonly environment: Environment) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (!wantsHtml(request)) return this.problems.catch(error, host);
    const status = statusOf(error);
    // Logged as ProblemDetailsFilter logs it; the page says only that it was.
    if (status >= 500 && !(error instanceof ProblemException)) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    const { lang } = request.query as { lang?: string };
    const body = errorPage({ lang: langFrom(lang), region: this.environment.REGION_NAME, status, path: request.url });
    void withPortalHeaders(host.switchToHttp().getResponse<FastifyReply>())
      .status(status)
      .header('Cache-Control', 'no-store')
      .header('Content-Type', 'text/html; charset=utf-8')
      .send(body);
  }
}
