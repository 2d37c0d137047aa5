import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { EventStore } from '../event-store';
import { GENESIS_HASH } from '../hash-chain';
import { IntegrityCheckpoint } from '../integrity/integrity-checkpoints';
import { comparePositions } from '../position';
import { LOG_FILE_FORMAT, LOG_FILE_VERSION, LogFileEncoder, LogFileEvent, LogFileHeader } from './log-file';

/**
 * Writes the log up to the head as it stands when the export starts (later events are left
 * for the next export), with the checkpoints up to it, to `out` (log-file.ts). The header
 * comes first and carries the counts, so the events are first written to a temporary file
 * while they are counted: one pass over the log, through the port, whatever the adapter.
 */
export async function exportLog(
  store: EventStore,
  checkpoints: IntegrityCheckpoint[],
  out: Writable,
  pageSize = 1000,
  sections: ReadonlyArray<{ name: string; value: unknown }> = [],
): Promise<LogFileHeader> {
  const head = await store.headPosition();
  const covered = checkpoints.filter((checkpoint) => head !== null && comparePositions(checkpoint.position, head) <= 0);
  const directory = await mkdtemp(join(tmpdir(), 'kl-export-'));
  const eventsFile = join(directory, 'events.ndjson');
  try {
    const encoder = new LogFileEncoder();
    const body = createWriteStream(eventsFile);
    let events = 0;
    const lastHash = new Map<string, string>();
    for (let after: string | null = null; head !== null;) {
      const page = await store.readAll({ after, limit: pageSize });
      const upToHead = page.filter((event) => comparePositions(event.position, head) <= 0);
      for (const event of upToHead) {
        const previousHash = lastHash.get(event.stream) ?? GENESIS_HASH;
        lastHash.set(event.stream, event.hash);
        const { position, stream, revision, id, type, recordedAt, data, metadata, hash } = event;
        const line: LogFileEvent = { kind: 'event', position, stream, revision, id, type, recordedAt, data, metadata, hash, previousHash };
        await write(body, `${JSON.stringify(line)}\n`);
        events++;
      }
      if (upToHead.length < page.length || page.length === 0) break;
      after = page[page.length - 1].position;
    }
    body.end();
    await once(body, 'finish');

    const header: LogFileHeader = {
      kind: 'header',
      format: LOG_FILE_FORMAT,
      version: LOG_FILE_VERSION,
      store: store.name,
      events,
      streams: lastHash.size,
      checkpoints: covered.length,
      sections: sections.map((section) => section.name),
      head,
      exportedAt: new Date().toISOString(),
    };
    await write(out, encoder.line(header));
    for (const checkpoint of covered) await write(out, encoder.line({ kind: 'checkpoint', ...checkpoint }));
    for (const { name, value } of sections) await write(out, encoder.line({ kind: 'section', name, value }));
    // The digest runs in file order, so the event lines go through the encoder only now.
    let rest = '';
    for await (const chunk of createReadStream(eventsFile, { encoding: 'utf8' })) {
      const lines = (rest + (chunk as string)).split('\n');
      rest = lines.pop()!;
      await write(out, lines.map((line) => encoder.raw(line)).join(''));
    }
    await write(out, encoder.end());
    return header;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function write(out: Writable, text: string): Promise<void> {
  if (text.length > 0 && !out.write(text)) await once(out, 'drain');
}
