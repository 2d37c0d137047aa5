import { Environment } from '@app/config';
import { LoggerService, Module } from '@nestjs/common';
import pino, { Level, Logger } from 'pino';

/**
 * Nest's own logs (start-up, errors of its modules) as pino JSON lines with their context, on
 * the same pino logger as the request log (request-log.ts).
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...parameters: unknown[]): void {
    this.write('info', message, parameters);
  }
  error(message: unknown, ...parameters: unknown[]): void {
    this.write('error', message, parameters);
  }
  warn(message: unknown, ...parameters: unknown[]): void {
    this.write('warn', message, parameters);
  }
  debug(message: unknown, ...parameters: unknown[]): void {
    this.write('debug', message, parameters);
  }
  verbose(message: unknown, ...parameters: unknown[]): void {
    this.write('trace', message, parameters);
  }
  fatal(message: unknown, ...parameters: unknown[]): void {
    this.write('fatal', message, parameters);
  }

  /** Nest's convention: the last string parameter is the context; an error's first, its stack. */
  private write(level: Level, message: unknown, parameters: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const rest = [...parameters];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields = { ...(context ? { context } : {}), ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.pino[level]({ ...fields, ...message });
    else this.pino[level](fields, String(message));
  }
}

@Module({
  providers: [{ provide: AppLogger, inject: [Environment], useFactory: (environment: Environment) => new AppLogger(pino({ level: environment.LOG_LEVEL })) }],
  exports: [AppLogger],
})
export class LoggingModule {}
