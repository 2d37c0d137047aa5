import { DEVELOPMENT_JWT_SECRET } from '@app/config';
import { SignJWT } from 'jose';

export interface TokenClaims {
  sub?: string;
  name?: string;
  roles: string[];
  opd?: string;
  nip?: string;
}

/** An HS256 token as the service accepts by default (development secret). */
export function tokenFor(claims: TokenClaims, options: { secret?: string; expiresIn?: string } = {}): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub ?? `user-${claims.roles.join('-')}-${claims.opd ?? ''}`)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? DEVELOPMENT_JWT_SECRET));
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
