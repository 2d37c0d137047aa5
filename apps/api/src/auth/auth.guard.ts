import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { problem, ProblemException } from '../http/problem';
import { PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { Principal, Role } from './principal';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/** Every route needs a valid token unless it is @Public(); @Roles() narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthenticated('A bearer token is required');
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      throw unauthenticated(error instanceof InvalidTokenError ? `Invalid token: ${error.message}` : 'Invalid token');
    }
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !request.principal.roles.some((role) => required.includes(role))) {
      throw new ProblemException(problem(403, 'FORBIDDEN', `This needs one of the roles: ${required.join(', ')}`));
    }
    return true;
  }
}

function unauthenticated(detail: string): ProblemException {
  return new ProblemException(problem(401, 'UNAUTHENTICATED', detail), { 'WWW-Authenticate': 'Bearer' });
}
