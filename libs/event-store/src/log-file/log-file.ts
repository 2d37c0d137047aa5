import { createHash, Hash } from 'node:crypto';
import { EventMetadata } from '../event-store';
import { IntegrityCheckpoint } from '../integrity/integrity-checkpoints';
import { isPosition, Position } from '../position';

/**
 * The whole log as NDJSON (npm run export / import), one JSON value a line, in this order:
 *   header      format, version and the counts that follow
 *   checkpoint  every integrity checkpoint, by sequence (before the events, so that an import
 *               verifies them in the same single pass that loads the events)
 *   section     what the service keeps beside the log and an import needs, by name, as the
 *               header lists them (`personal-data`: the wrapped subject keys and the subject
 *               map; left out by `npm run export -- --without-personal-data`)
 *   event       every event in log order, as the store keeps it: position, stream, revision,
 *               id, type, recordedAt, data, metadata, hash, and the stream's previous hash
 *   end         SHA-256 of every byte before this line: a file cut short or changed anywhere,
 *               even where no hash chain reaches (a position), is refused
 */
export const LOG_FILE_FORMAT = 'kinerja-ledger-log';
/**
 * 2: personal fields are sealed (docs/domain.md, Personal data at rest) and the header lists the
 * sections. A version 1 file holds NIPs and names in clear and is refused (README, Personal data).
 */
export const LOG_FILE_VERSION = 2;

export interface LogFileHeader {
  kind: 'header';
  format: typeof LOG_FILE_FORMAT;
  version: typeof LOG_FILE_VERSION;
  /** The adapter the log was exported from (`postgres`). */
  store: string;
  events: number;
  streams: number;
  checkpoints: number;
  /** The sections that follow the checkpoints, by name, in file order. */
  sections: string[];
  /** The position of the last event; null for an empty log. */
  head: Position | null;
  exportedAt: string;
}

export interface LogFileEvent {
  kind: 'event';
  position: Position;
  stream: string;
  revision: number;
  id: string;
  type: string;
  recordedAt: string;
  data: unknown;
  metadata: EventMetadata;
  hash: string;
  previousHash: string;
}

export type LogFileCheckpoint = { kind: 'checkpoint' } & IntegrityCheckpoint;

/** Opaque to the log: its owner writes and reads `value` (the digest covers it like every line). */
export interface LogFileSection {
  kind: 'section';
  name: string;
  value: unknown;
}

export interface LogFileEnd {
  kind: 'end';
  sha256: string;
}

export type LogFileLine = LogFileHeader | LogFileCheckpoint | LogFileSection | LogFileEvent | LogFileEnd;

/** Lines out, with the digest of everything written so far for the `end` line. */
export class LogFileEncoder {
  private readonly digest: Hash = createHash('sha256');

  line(value: Exclude<LogFileLine, LogFileEnd>): string {
    return this.raw(JSON.stringify(value));
  }

  /** A line already encoded (without its newline). */
  raw(json: string): string {
    const text = `${json}\n`;
    this.digest.update(text, 'utf8');
    return text;
  }

  end(): string {
    return `${JSON.stringify({ kind: 'end', sha256: this.digest.digest('hex') } satisfies LogFileEnd)}\n`;
  }
}

/** The file does not hold a log that may be imported; nothing was written. */
export class LogFileRefusedError extends Error {}

const HASH = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Reads a file line by line, checking each line's shape and the order of the kinds, and the
 * digest at the end. `lineNumber` (1-based) names the line in every refusal.
 */
export class LogFileDecoder {
  private readonly digest: Hash = createHash('sha256');
  private lineNumber = 0;
  private header?: LogFileHeader;
  private ended = false;

  /** The parsed line; the `end` line is checked here and answered too. */
  decode(text: string): LogFileLine {
    this.lineNumber++;
    if (this.ended) this.refuse('text after the end line');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.refuse('not JSON');
    }
    const line = value as LogFileLine;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.refuse('not a JSON object');
    if (this.lineNumber === 1) {
      const header = line as LogFileHeader;
      if (header.kind !== 'header' || header.format !== LOG_FILE_FORMAT) this.refuse(`not a ${LOG_FILE_FORMAT} file`);
      if ((header.version as number) === 1) {
        this.refuse(
          'format version 1 holds NIPs and names in clear, from before personal data was sealed; this service reads version 2 only (README, Personal data: re-enter the data)',
        );
      }
      if (header.version !== LOG_FILE_VERSION) this.refuse(`format version ${String(header.version)}; this service reads version ${String(LOG_FILE_VERSION)}`);
      const counts = [header.events, header.streams, header.checkpoints];
      if (!counts.every((count) => Number.isSafeInteger(count) && count >= 0) || !(header.head === null || isPosition(header.head)))
        this.refuse('malformed header');
      if (!Array.isArray(header.sections) || !header.sections.every((name) => typeof name === 'string')) this.refuse('malformed header');
      this.header = header;
    } else if (line.kind === 'end') {
      if (line.sha256 !== this.digest.digest('hex')) this.refuse('the file does not match its digest: it was changed or cut short');
      this.ended = true;
      return line;
    } else if (line.kind === 'checkpoint') {
      if (!validCheckpoint(line)) this.refuse('malformed checkpoint');
    } else if (line.kind === 'section') {
      if (typeof line.name !== 'string' || typeof line.value !== 'object' || line.value === null) this.refuse('malformed section');
    } else if (line.kind === 'event') {
      if (!validEvent(line)) this.refuse('malformed event');
    } else {
      this.refuse('unknown line');
    }
    this.digest.update(`${text}\n`, 'utf8');
    return line;
  }

  /** Refuses a file that stopped before its end line. */
  finish(): LogFileHeader {
    if (!this.header) this.refuse('empty file');
    if (!this.ended) this.refuse('no end line: the file was cut short');
    return this.header;
  }

  refuse(reason: string): never {
    throw new LogFileRefusedError(`line ${this.lineNumber}: ${reason}`);
  }
}

function validEvent(event: LogFileEvent): boolean {
  return (
    isPosition(event.position) &&
    typeof event.stream === 'string' &&
    Number.isSafeInteger(event.revision) &&
    event.revision >= 0 &&
    typeof event.id === 'string' &&
    UUID.test(event.id) &&
    typeof event.type === 'string' &&
    typeof event.recordedAt === 'string' &&
    INSTANT.test(event.recordedAt) &&
    event.data !== undefined &&
    typeof event.metadata === 'object' &&
    event.metadata !== null &&
    typeof event.hash === 'string' &&
    HASH.test(event.hash) &&
    typeof event.previousHash === 'string' &&
    HASH.test(event.previousHash)
  );
}

function validCheckpoint(checkpoint: LogFileCheckpoint): boolean {
  return (
    Number.isSafeInteger(checkpoint.sequence) &&
    isPosition(checkpoint.position) &&
    Number.isSafeInteger(checkpoint.events) &&
    typeof checkpoint.hash === 'string' &&
    HASH.test(checkpoint.hash) &&
    typeof checkpoint.previousHash === 'string' &&
    HASH.test(checkpoint.previousHash) &&
    typeof checkpoint.recordedAt === 'string' &&
    !Number.isNaN(Date.parse(checkpoint.recordedAt))
  );
}
