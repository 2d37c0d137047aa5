import { Environment } from '@app/config';
import { deepFreeze } from '@app/event-store';
import { Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, JWTPayload, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { isStorableText } from '../http/storable-text';
import { Principal, Role, ROLES } from './principal';

const OPD_CODE = /^[A-Z0-9-]{2,32}$/;
const NIP = /^\d{18}$/;

/** The token's signer and we may disagree on the time by this much. */
const CLOCK_SKEW_SECONDS = 60;

/**
 * A token verified once is taken at its word for this long (never past its exp): a client
 * sends the same token with every request, and checking its signature each time was a tenth of
 * a cached read's work. Short, so that a signing key taken out of the JWKS stops being trusted
 * about as soon as jose would notice.
 */
const VERIFIED_FOR_MS = 60_000;

export class InvalidTokenError extends Error {}

/**
 * Verifies bearer tokens: HS256 with AUTH_JWT_SECRET, and RS256 from AUTH_JWKS_URL when set
 * (keys fetched and cached by jose, refetched when an unknown key id appears).
 */
@Injectable()
export class TokenVerifier {
  /** A KeyObject made once: from bytes, jose would make one on every verification. */
  private readonly secret: KeyObject;
  private readonly keySet?: ReturnType<typeof createRemoteJWKSet>;
  private readonly maxLifetimeSeconds: number;
  private readonly verified = new LRUCache<string, { principal: Principal; expiresAtMs: number }>({ max: 10_000, ttl: VERIFIED_FOR_MS });

  constructor(environment: Environment) {
    this.secret = createSecretKey(Buffer.from(environment.AUTH_JWT_SECRET ?? '', 'utf8'));
    this.maxLifetimeSeconds = environment.AUTH_MAX_TOKEN_HOURS * 3600;
    if (environment.AUTH_JWKS_URL) this.keySet = createRemoteJWKSet(new URL(environment.AUTH_JWKS_URL));
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known.principal;
    return this.verifyAnew(token);
  }

  private async verifyAnew(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      const { alg } = decodeProtectedHeader(token);
      if (alg === 'HS256') {
        payload = (await jwtVerify(token, this.secret, { algorithms: ['HS256'], requiredClaims: ['exp'] })).payload;
      } else if (alg === 'RS256' && this.keySet) {
        payload = (await jwtVerify(token, this.keySet, { algorithms: ['RS256'], requiredClaims: ['exp'] })).payload;
      } else {
        throw new InvalidTokenError(`tokens signed with ${alg} are not accepted`);
      }
    } catch (error) {
      throw error instanceof InvalidTokenError ? error : new InvalidTokenError('the token is invalid or expired');
    }
    this.checkLifetime(payload);
    const principal = deepFreeze(toPrincipal(payload));
    this.verified.set(token, { principal, expiresAtMs: payload.exp! * 1000 });
    return principal;
  }

  /** exp is there (jwtVerify required it); an iat in the future must not stretch the lifetime. */
  private checkLifetime({ exp, iat }: JWTPayload): void {
    const now = Math.floor(Date.now() / 1000);
    const issued = typeof iat === 'number' ? Math.min(iat, now) : now;
    if (exp! - issued > this.maxLifetimeSeconds + CLOCK_SKEW_SECONDS) {
      throw new InvalidTokenError(`the token lives longer than ${this.maxLifetimeSeconds / 3600} hours`);
    }
  }
}

function toPrincipal(payload: JWTPayload): Principal {
  const claims = payload as JWTPayload & { name?: unknown; roles?: unknown; opd?: unknown; nip?: unknown };
  if (typeof claims.sub !== 'string' || claims.sub.length === 0) throw new InvalidTokenError('the token has no subject');
  // Both become the actor of every event the request appends, which the store would refuse.
  if (!isStorableText(claims.sub)) throw new InvalidTokenError('the subject holds a NUL character or a lone surrogate');
  if (typeof claims.name === 'string' && !isStorableText(claims.name)) throw new InvalidTokenError('the name holds a NUL character or a lone surrogate');
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((role): role is Role => ROLES.includes(role as Role)) : [];
  if (claims.opd !== undefined && (typeof claims.opd !== 'string' || !OPD_CODE.test(claims.opd))) {
    throw new InvalidTokenError('the opd claim is not an OPD code');
  }
  if (claims.nip !== undefined && (typeof claims.nip !== 'string' || !NIP.test(claims.nip))) {
    throw new InvalidTokenError('the nip claim is not an 18-digit NIP');
  }
  return {
    sub: claims.sub,
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
    roles,
    ...(claims.opd ? { opd: claims.opd } : {}),
    ...(claims.nip ? { nip: claims.nip } : {}),
  };
}
