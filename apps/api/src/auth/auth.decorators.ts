import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Principal, Role } from './principal';

export const PUBLIC = 'kl:public';
export const REQUIRED_ROLES = 'kl:roles';

/** No token needed (public API, health, docs). */
export const Public = () => SetMetadata(PUBLIC, true);

/** One of these roles is needed; finer scope (this OPD, this NIP) is checked by the handler. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
