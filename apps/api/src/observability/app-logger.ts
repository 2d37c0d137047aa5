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

  /**
   * Nest lists every module and route it sets up (a hundred lines per start) and its
   * ExceptionHandler logs a failed start-up with its stack, which main.ts already reports in
   * one line: both are debug.
   */
  private static readonly DEBUG_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'ExceptionHandler']);

  /** Nest's convention: the last string parameter is the context; an error's first, its stack. */
  private write(asked: Level, message: unknown, parameters: unknown[]): void {
    const rest = [...parameters];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    // A port in use is reported by main.ts in one line; Nest's own report of it is the stack.
    const reported =
      (message instanceof Error && (message as NodeJS.ErrnoException).syscall === 'listen') ||
      (typeof message === 'string' && /^Error: listen E[A-Z]+/.test(message));
    const level: Level = reported || (context && AppLogger.DEBUG_CONTEXTS.has(context)) ? 'debug' : asked;
    if (!this.pino.isLevelEnabled(level)) return;
    const stack = asked === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
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
