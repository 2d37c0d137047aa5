import type { IntegrityCheckpoint } from '@app/event-store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendCacheable } from '../public-cache';
import { csvText } from './csv-writer';
import { CSV_TYPE } from './export-format';
import { fileNameOf } from './sheet-reply';
import { Sheet } from './sheet';

/**
 * An open-data CSV of a public answer. Its first lines tie it to the ledger: where it came from
 * and the integrity head (a reader who keeps it can later check the log up to that head was
 * not rewritten). `Last-Modified` is when that head was recorded; the ETag, as on every public
 * answer, is of the bytes.
 */
export async function sendPublicCsv(
  request: FastifyRequest,
  reply: FastifyReply,
  sheet: Sheet,
  answer: unknown,
  source: { path: string; fileName: Array<string | number> },
  head: IntegrityCheckpoint | null,
): Promise<void> {
  const comments = [
    `Sumber: ${source.path} (kinerja-ledger, data terbuka)`,
    head
      ? `Kepala integritas: urutan ${head.sequence}; posisi ${head.position}; hash ${head.hash}; dicatat ${head.recordedAt}`
      : 'Kepala integritas: belum ada checkpoint',
  ];
  if (head) void reply.header('Last-Modified', new Date(head.recordedAt).toUTCString());
  void reply.header('Content-Disposition', `attachment; filename="${fileNameOf([sheet.name, ...source.fileName], 'csv')}"`);
  await sendCacheable(request, reply, csvText(sheet, answer, ';', comments), `${CSV_TYPE}; charset=utf-8`);
}
