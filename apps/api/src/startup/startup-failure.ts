import { ConfigurationError } from '@app/config';
import { DataDirError } from '@app/database';

/**
 * The one line a failed start-up logs: which setting, and what to do. Only errors that are not
 * a known mistake keep their own message, with a pointer to the stack.
 */
export function describeStartupFailure(error: unknown): string {
  if (error instanceof ConfigurationError || error instanceof DataDirError) return error.message;
  const { code, syscall, port, address, message } = (error ?? {}) as { code?: string; syscall?: string; port?: number; address?: string; message?: string };
  if (syscall === 'listen' || code === 'EADDRINUSE') {
    const where = `${address ?? 'HOST'}:${port ?? 'PORT'}`;
    if (code === 'EADDRINUSE') return `PORT ${port} is already in use on ${address}: stop what listens on ${where} or set PORT to a free port`;
    if (code === 'EACCES') return `PORT ${port} needs privileges this user does not have: set PORT to 1024 or above`;
    if (code === 'EADDRNOTAVAIL') return `HOST=${address} is not an address of this machine: set HOST to 0.0.0.0 (every interface) or 127.0.0.1`;
    return `cannot listen on ${where} (${code}): check PORT and HOST`;
  }
  return `start-up failed: ${message ?? String(error)} (LOG_LEVEL=debug shows the stack)`;
}
