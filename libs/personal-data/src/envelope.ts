import { createCipheriv, createDecipheriv } from 'node:crypto';
import { freshIv } from './fresh-iv';

/**
 * The one envelope a personal field is stored in (docs/domain.md, Personal data at rest):
 * `pd1:{subjectId}:{iv}:{ciphertext}:{tag}`, base64url parts, AES-256-GCM under the subject's
 * data key. The version and the subject id are the additional authenticated data, so an envelope
 * cannot be relabelled to another subject. A string, so the domain's types stay `string`: the
 * deciders work on plaintext, the log and the read models keep envelopes, and the subject id
 * read off an envelope is what streams and read-model keys are named by.
 */
export const ENVELOPE_VERSION = 'pd1';
const ENVELOPE = /^pd1:([0-9a-f-]{36}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]*):([A-Za-z0-9_-]{22})$/;

export const isEnvelope = (value: unknown): value is string => typeof value === 'string' && ENVELOPE.test(value);

/** The subject an envelope belongs to, without opening it. */
export function subjectOf(envelope: string): string {
  const match = ENVELOPE.exec(envelope);
  if (!match) throw new Error('Not a personal-data envelope');
  return match[1];
}

const aad = (subjectId: string) => Buffer.from(`${ENVELOPE_VERSION}:${subjectId}`);

export function seal(subjectId: string, key: Buffer, plaintext: string): string {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(subjectId));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [ENVELOPE_VERSION, subjectId, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':');
}

/** The plaintext; throws when the key is not the subject's or the envelope was altered. */
export function open(envelope: string, key: Buffer): string {
  const match = ENVELOPE.exec(envelope);
  if (!match) throw new Error('Not a personal-data envelope');
  const [, subjectId, iv, ciphertext, tag] = match;
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(aad(subjectId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
