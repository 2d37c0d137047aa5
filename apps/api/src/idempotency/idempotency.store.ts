import { Environment } from '@app/config';
import { Database } from '@app/database';
import { PersonalData } from '@app/personal-data';
import { DATABASE } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';

export type Claim = { kind: 'claimed' } | { kind: 'replay'; status: number; body: unknown; etag: string | null } | { kind: 'reused' } | { kind: 'in_progress' };

/**
 * Idempotency keys, durably: the first answer to a key is kept and replayed to retries with
 * the same body. Keys are scoped by the caller (token subject), kept as a keyed pseudonym; the
 * answer is kept with its NIPs replaced by subject ids (docs/domain.md, Personal data at rest),
 * so erasing a subject leaves no NIP here either.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly environment: Environment,
    private readonly personalData: PersonalData,
  ) {}

  /** The caller and the client's key as kept: keyed pseudonyms, since a client may put a NIP in either. */
  private idOf(caller: string, key: string): [string, string] {
    return [this.personalData.pseudonym('idempotency-scope', caller), this.personalData.pseudonym('idempotency-key', key)];
  }

  async claim(caller: string, clientKey: string, fingerprint: string): Promise<Claim> {
    const [scope, key] = this.idOf(caller, clientKey);
    const { rows } = await this.database.pool.query<{ fingerprint: string; status: number | null; body: unknown; etag: string | null; claimed: boolean }>(
      `WITH inserted AS (
         INSERT INTO kl_idempotency_keys (scope, key, fingerprint) VALUES ($1, $2, $3)
         ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, created_at = now()
           WHERE kl_idempotency_keys.status IS NULL
             AND kl_idempotency_keys.created_at < now() - make_interval(secs => $4)
         RETURNING true AS claimed)
       SELECT fingerprint, status, body, etag, false AS claimed FROM kl_idempotency_keys
        WHERE scope = $1 AND key = $2 AND NOT EXISTS (SELECT 1 FROM inserted)
       UNION ALL SELECT $3, NULL, NULL, NULL, true FROM inserted`,
      [scope, key, fingerprint, this.environment.IDEMPOTENCY_TAKEOVER_SECONDS],
    );
    const row = rows[0];
    // A concurrent first request committed its claim after this statement's snapshot.
    if (!row) return { kind: 'in_progress' };
    if (row.claimed) return { kind: 'claimed' };
    if (row.fingerprint !== fingerprint) return { kind: 'reused' };
    if (row.status === null) return { kind: 'in_progress' };
    const body: unknown = row.body === null ? null : JSON.parse(await this.personalData.restoreNips(JSON.stringify(row.body)));
    return { kind: 'replay', status: Number(row.status), body, etag: row.etag };
  }

  async complete(caller: string, clientKey: string, status: number, body: unknown, etag: string | null): Promise<void> {
    await this.database.pool.query('UPDATE kl_idempotency_keys SET status = $3, body = $4, etag = $5 WHERE scope = $1 AND key = $2', [
      ...this.idOf(caller, clientKey),
      status,
      await this.personalData.pseudonymizeNips(JSON.stringify(body ?? null)),
      etag,
    ]);
  }

  /** The request failed: a retry runs it again. */
  async release(caller: string, clientKey: string): Promise<void> {
    await this.database.pool.query('DELETE FROM kl_idempotency_keys WHERE scope = $1 AND key = $2 AND status IS NULL', this.idOf(caller, clientKey));
  }
}
