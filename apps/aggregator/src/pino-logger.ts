import { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Nest's log lines as pino JSON, as the API logs them: one line each, the context as a field. */
export class PinoLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, context?: string) {
    this.root.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.root.error({ context, ...(trace && this.root.isLevelEnabled('debug') ? { trace } : {}) }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.root.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.root.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.root.trace({ context }, String(message));
  }
}
