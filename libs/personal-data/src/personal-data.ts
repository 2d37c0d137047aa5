import { Database, inTransaction, SqlPool, SqlQueryable } from '@app/database';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { DeploymentKey } from './deployment-key';
import { isEnvelope, open, seal, subjectOf } from './envelope';

/**
 * Whom a subject id stands for: an employee by NIP, an account without one (an official acting
 * under a token whose `sub` is all that names them), a complaint's or a WBS report's reporter.
 */
export type SubjectKind = 'nip' | 'user' | 'complaint' | 'wbs';
export interface SubjectRef {
  kind: SubjectKind;
  value: string;
}

export interface PersonalDataOptions {
  /** How many unwrapped data keys (or "erased" answers) are held; 0 turns the cache off. */
  cacheEntries?: number;
  /**
   * An erasure in another process that this one does not hear of is honoured here after at most
   * this long: a key is held half of it, and so is whatever is reused under a mark taken while it
   * was held (see openedMark).
   */
  cacheMs?: number;
}

const LOOKUP_KEY = 'lookup-key';
/** Where an erasure is announced; the payload is the subject id, which names no one. */
const ERASURES_CHANNEL = 'kl_personal_data_erased';

/**
 * Subjects and their keys (docs/domain.md, Personal data at rest), outside the event log: each
 * subject has a random id and a 256-bit data key of its own, wrapped with PERSONAL_DATA_KEY in
 * `kl_personal_data_keys`; the map from a NIP (or a tracking code) to the subject holds an HMAC
 * of it, never the value, and the value itself sealed under the subject's key. Erasing a subject
 * deletes its key and map entry: every envelope sealed under it then reads as null.
 */
export class PersonalData {
  private readonly keys: LRUCache<string, { key: Buffer | null }> | null;
  /**
   * A ref (`nip\n…`) to its subject id, found ones only: a subject made in another process is
   * never missed. Keyed by the ref rather than its HMAC so that a hit costs no HMAC: the ref is
   * in this process's memory anyway, in the request that names it.
   */
  private readonly subjects: LRUCache<string, string> | null;

  /** Erasures this process has heard of (its own, a NOTIFY, a key found gone): what an OpenedMark is checked against. */
  private erasuresHeard = 0;
  /** Half the cache's lifetime: how long a key is held, and a mark after it is taken. */
  private readonly holdMs: number;

  private constructor(
    private readonly pool: SqlPool,
    private readonly deploymentKey: DeploymentKey,
    private readonly lookupKey: Buffer,
    options: PersonalDataOptions,
  ) {
    const max = options.cacheEntries ?? 10_000;
    this.holdMs = max > 0 ? Math.ceil((options.cacheMs ?? 60_000) / 2) : 0;
    this.keys = this.holdMs > 0 ? new LRUCache({ max, ttl: this.holdMs }) : null;
    this.subjects = this.holdMs > 0 ? new LRUCache({ max, ttl: this.holdMs }) : null;
  }

  /**
   * A mark to keep with a value opened now (take it before opening). `stillOpen` says whether the
   * value may be reused as it is: no erasure heard of in this process since, and not older than
   * half the cache's lifetime, after which an erasure elsewhere that this process did not hear of
   * must be looked for again. The value may have been opened with a key held for up to the other
   * half, so what is reused rests on a read of the database at most the whole lifetime old. A
   * write reads its whole stream each time; this lets it reuse what it opened before with a
   * comparison per event rather than a cache lookup per field.
   */
  openedMark(): OpenedMark {
    return { erasuresHeard: this.erasuresHeard, at: performance.now() };
  }

  stillOpen(mark: OpenedMark): boolean {
    return mark.erasuresHeard === this.erasuresHeard && performance.now() - mark.at < this.holdMs;
  }

  /** `stillOpen` of a mark taken now, as an EventCodec's `openedNow` answers it. */
  openedNow(): () => boolean {
    const mark = this.openedMark();
    return () => this.stillOpen(mark);
  }

  /**
   * Opens the key store with the deployment key, creating the lookup key on first start. A
   * deployment key that does not open what is stored stops here, naming the variable, rather
   * than letting anything read garbage or seal under a second key.
   */
  static async open(pool: SqlPool, deploymentKey: DeploymentKey, options: PersonalDataOptions = {}): Promise<PersonalData> {
    await pool.query('INSERT INTO kl_personal_data_meta (name, wrapped) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      LOOKUP_KEY,
      deploymentKey.wrap(randomBytes(32), LOOKUP_KEY),
    ]);
    const { rows } = await pool.query<{ wrapped: string }>('SELECT wrapped FROM kl_personal_data_meta WHERE name = $1', [LOOKUP_KEY]);
    return new PersonalData(pool, deploymentKey, deploymentKey.unwrap(rows[0].wrapped, LOOKUP_KEY), options);
  }

  private lookupOf(ref: SubjectRef): string {
    return createHmac('sha256', this.lookupKey).update(`${ref.kind}\n${ref.value}`).digest('base64url');
  }

  /** The subject's id, or null when there is none (never was, or erased). */
  async subjectOf(ref: SubjectRef): Promise<string | null> {
    const cacheKey = `${ref.kind}\n${ref.value}`;
    const cached = this.subjects?.get(cacheKey);
    if (cached) return cached;
    const lookup = this.lookupOf(ref);
    const { rows } = await this.pool.query<{ subject_id: string }>('SELECT subject_id FROM kl_personal_data_subjects WHERE lookup = $1', [lookup]);
    const subjectId = rows[0]?.subject_id ?? null;
    if (subjectId) this.subjects?.set(cacheKey, subjectId);
    return subjectId;
  }

  /** The subject's id, made (with its key) on first use. Concurrent first uses agree on one. */
  async ensureSubject(ref: SubjectRef): Promise<string> {
    const existing = await this.subjectOf(ref);
    if (existing) return existing;
    const subjectId = randomUUID();
    const key = randomBytes(32);
    return inTransaction(this.pool, async (client) => {
      await client.query('INSERT INTO kl_personal_data_keys (subject_id, kind, wrapped_key) VALUES ($1, $2, $3)', [
        subjectId,
        ref.kind,
        this.deploymentKey.wrap(key, subjectId),
      ]);
      const inserted = await client.query<{ subject_id: string }>(
        'INSERT INTO kl_personal_data_subjects (lookup, subject_id, sealed_ref) VALUES ($1, $2, $3) ON CONFLICT (lookup) DO NOTHING RETURNING subject_id',
        [this.lookupOf(ref), subjectId, seal(subjectId, key, ref.value)],
      );
      if (inserted.rows.length > 0) return subjectId;
      await client.query('DELETE FROM kl_personal_data_keys WHERE subject_id = $1', [subjectId]);
      const { rows } = await client.query<{ subject_id: string }>('SELECT subject_id FROM kl_personal_data_subjects WHERE lookup = $1', [this.lookupOf(ref)]);
      return rows[0].subject_id;
    });
  }

  private async keyOf(subjectId: string): Promise<Buffer | null> {
    const cached = this.keys?.get(subjectId);
    if (cached) return cached.key;
    const { rows } = await this.pool.query<{ wrapped_key: string }>('SELECT wrapped_key FROM kl_personal_data_keys WHERE subject_id = $1', [subjectId]);
    const key = rows[0] ? this.deploymentKey.unwrap(rows[0].wrapped_key, subjectId) : null;
    if (!key) this.erasuresHeard++;
    this.keys?.set(subjectId, { key });
    return key;
  }

  /** Whether the subject still has its key (not erased), as the key cache knows it. */
  async hasKey(subjectId: string): Promise<boolean> {
    return (await this.keyOf(subjectId)) !== null;
  }

  /** The value sealed under the subject's key; refuses a subject that has none (erased). */
  async seal(subjectId: string, plaintext: string): Promise<string> {
    const key = await this.keyOf(subjectId);
    if (!key) throw new Error('The subject has been erased: nothing can be sealed under its key');
    return seal(subjectId, key, plaintext);
  }

  /** The plaintext, or null when the subject's key is gone (erased). */
  async open(envelope: string): Promise<string | null> {
    const key = await this.keyOf(subjectOf(envelope));
    return key && open(envelope, key);
  }

  /** How long a mark stays open, and a key is held (0: nothing is). */
  get holdLifetimeMs(): number {
    return this.holdMs;
  }

  /** Seals the value under the subject a ref names, making the subject on first use. */
  async sealFor(ref: SubjectRef, value: string = ref.value): Promise<string> {
    return this.seal(await this.ensureSubject(ref), value);
  }

  /** Every envelope anywhere in a JSON value opened (null when its subject is erased). */
  async revealAll(value: unknown): Promise<unknown> {
    if (isEnvelope(value)) return this.open(value);
    if (Array.isArray(value)) return Promise.all(value.map((item) => this.revealAll(item)));
    if (value !== null && typeof value === 'object') {
      const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await this.revealAll(item)] as const));
      return Object.fromEntries(entries);
    }
    return value;
  }

  /** What the subject's map entry names (its NIP), or null when erased. */
  async refOf(subjectId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ sealed_ref: string }>('SELECT sealed_ref FROM kl_personal_data_subjects WHERE subject_id = $1', [subjectId]);
    return rows[0] ? this.open(rows[0].sealed_ref) : null;
  }

  /**
   * A keyed pseudonym of a value that must be looked up but not kept (an idempotency key's
   * caller): stable for one deployment, not reversible without the lookup key.
   */
  pseudonym(purpose: string, value: string): string {
    return createHmac('sha256', this.lookupKey).update(`${purpose}\n${value}`).digest('base64url');
  }

  /**
   * A text to keep (an answer replayed to a retry) with each NIP that has a subject replaced by
   * `@pd:{subjectId}`; `restoreNips` puts them back, an erased one as `@pd:erased`.
   */
  async pseudonymizeNips(text: string): Promise<string> {
    const nips = [...new Set(text.match(/(?<!\d)\d{18}(?!\d)/g) ?? [])];
    let result = text;
    for (const nip of nips) {
      const subject = await this.subjectOf({ kind: 'nip', value: nip });
      if (subject) result = result.split(nip).join(`@pd:${subject}`);
    }
    return result;
  }

  async restoreNips(text: string): Promise<string> {
    const subjects = [...new Set(text.match(/@pd:[0-9a-f-]{36}/g) ?? [])];
    let result = text;
    for (const token of subjects) result = result.split(token).join((await this.refOf(token.slice(4))) ?? '@pd:erased');
    return result;
  }

  /**
   * Destroys the subject's key and map entry in one transaction; false when there was none. The
   * NOTIFY is delivered when (and only if) it commits, to every process that follows erasures.
   */
  async erase(subjectId: string): Promise<boolean> {
    this.forgetLookups(subjectId);
    const erased = await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM kl_personal_data_subjects WHERE subject_id = $1', [subjectId]);
      const { rowCount } = await client.query('DELETE FROM kl_personal_data_keys WHERE subject_id = $1', [subjectId]);
      await client.query('SELECT pg_notify($1, $2)', [ERASURES_CHANNEL, subjectId]);
      return (rowCount ?? 0) > 0;
    });
    this.forgetErased(subjectId);
    return erased;
  }

  /**
   * Erasures made by other processes (another API process, the projector), honoured as soon as
   * they commit rather than when this process's caches expire. Stops with the returned function.
   */
  followErasures(database: Pick<Database, 'listen'>): Promise<() => Promise<void>> {
    return database.listen(ERASURES_CHANNEL, (subjectId) => this.forgetErased(subjectId));
  }

  private forgetErased(subjectId: string): void {
    this.erasuresHeard++;
    this.forgetLookups(subjectId);
    this.keys?.set(subjectId, { key: null });
  }

  private forgetLookups(subjectId: string): void {
    for (const [ref, cached] of this.subjects?.entries() ?? []) if (cached === subjectId) this.subjects?.delete(ref);
  }

  /** Forgets every cached key (after an import or a rotation in this process). */
  forgetKeys(): void {
    this.erasuresHeard++;
    this.keys?.clear();
    this.subjects?.clear();
  }
}

/** When a value was opened, for PersonalData.stillOpen. */
export interface OpenedMark {
  readonly erasuresHeard: number;
  readonly at: number;
}

/** What an export carries of the key store: wrapped keys and the map, never a key in clear. */
export interface PersonalDataKeysSection {
  /** The id of the deployment key they are wrapped with: an import needs that key. */
  keyId: string | null;
  meta: Array<{ name: string; wrapped: string }>;
  keys: Array<{ subjectId: string; kind: string; wrappedKey: string }>;
  subjects: Array<{ lookup: string; subjectId: string; sealedRef: string }>;
}

export const PERSONAL_DATA_SECTION = 'personal-data';

export async function exportKeys(pool: SqlQueryable): Promise<PersonalDataKeysSection> {
  const meta = await pool.query<{ name: string; wrapped: string }>('SELECT name, wrapped FROM kl_personal_data_meta ORDER BY name');
  const keys = await pool.query<{ subjectId: string; kind: string; wrappedKey: string }>(
    'SELECT subject_id AS "subjectId", kind, wrapped_key AS "wrappedKey" FROM kl_personal_data_keys ORDER BY subject_id',
  );
  const subjects = await pool.query<{ lookup: string; subjectId: string; sealedRef: string }>(
    'SELECT lookup, subject_id AS "subjectId", sealed_ref AS "sealedRef" FROM kl_personal_data_subjects ORDER BY lookup',
  );
  return { keyId: meta.rows[0]?.wrapped.split(':')[1] ?? null, meta: meta.rows, keys: keys.rows, subjects: subjects.rows };
}

/**
 * Puts an exported key store in place of this one, inside the caller's transaction (the log's
 * import). The deployment key must be the one the export's keys are wrapped with: every key is
 * unwrapped first, so a wrong one is refused before anything is written.
 */
export async function importKeys(client: SqlQueryable, deploymentKey: DeploymentKey, section: PersonalDataKeysSection): Promise<void> {
  for (const { name, wrapped } of section.meta) deploymentKey.unwrap(wrapped, name);
  for (const { subjectId, wrappedKey } of section.keys) deploymentKey.unwrap(wrappedKey, subjectId);
  await client.query('DELETE FROM kl_personal_data_subjects');
  await client.query('DELETE FROM kl_personal_data_keys');
  await client.query('DELETE FROM kl_personal_data_meta');
  for (const { name, wrapped } of section.meta) await client.query('INSERT INTO kl_personal_data_meta (name, wrapped) VALUES ($1, $2)', [name, wrapped]);
  for (const { subjectId, kind, wrappedKey } of section.keys) {
    await client.query('INSERT INTO kl_personal_data_keys (subject_id, kind, wrapped_key) VALUES ($1, $2, $3)', [subjectId, kind, wrappedKey]);
  }
  for (const { lookup, subjectId, sealedRef } of section.subjects) {
    await client.query('INSERT INTO kl_personal_data_subjects (lookup, subject_id, sealed_ref) VALUES ($1, $2, $3)', [lookup, subjectId, sealedRef]);
  }
}

/**
 * Re-wraps every data key and the lookup key from one deployment key to another in one
 * transaction; no event, envelope or map entry changes. Returns how many keys were re-wrapped.
 */
export async function rotateDeploymentKey(pool: SqlPool, from: DeploymentKey, to: DeploymentKey): Promise<number> {
  return inTransaction(pool, async (client) => {
    const meta = await client.query<{ name: string; wrapped: string }>('SELECT name, wrapped FROM kl_personal_data_meta FOR UPDATE');
    for (const { name, wrapped } of meta.rows) {
      await client.query('UPDATE kl_personal_data_meta SET wrapped = $2 WHERE name = $1', [name, to.wrap(from.unwrap(wrapped, name), name)]);
    }
    const keys = await client.query<{ subject_id: string; wrapped_key: string }>('SELECT subject_id, wrapped_key FROM kl_personal_data_keys FOR UPDATE');
    for (const { subject_id: subjectId, wrapped_key: wrapped } of keys.rows) {
      await client.query('UPDATE kl_personal_data_keys SET wrapped_key = $2 WHERE subject_id = $1', [
        subjectId,
        to.wrap(from.unwrap(wrapped, subjectId), subjectId),
      ]);
    }
    return keys.rows.length;
  });
}
