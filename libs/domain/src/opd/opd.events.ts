import { eventTypes } from '@app/decider';

/**
 * An OPD (Organisasi Perangkat Daerah): a regional work unit such as a Dinas, Badan or
 * Kecamatan, known by a short code unique in the deployment (`DINKES`).
 */
export type OpdRegistered = { type: 'OpdRegistered'; data: { code: string; name: string; parentCode: string | null } };
/** The reason for a rename is recorded in the event's metadata. */
export type OpdRenamed = { type: 'OpdRenamed'; data: { code: string; name: string; previousName: string } };
/** A dissolved unit stays in the registry (its history matters); the successor takes over its work. */
export type OpdDissolved = { type: 'OpdDissolved'; data: { code: string; successorCode: string | null } };

export type OpdEvent = OpdRegistered | OpdRenamed | OpdDissolved;

export const OPD_EVENT_TYPES = eventTypes<OpdEvent>({ OpdRegistered: true, OpdRenamed: true, OpdDissolved: true });

/** How the name of every stream of this context begins: a build by stream reads only these. */
export const OPD_STREAM_PREFIX = 'opd-';
export const opdStream = (code: string) => `${OPD_STREAM_PREFIX}${code}`;
