import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { notFound } from '../http/problem';
import { tagRevision } from '../http/write-result';
import { SealedLkjip } from './lkjip-queries';
import { renderLkjipPdf } from './lkjip-pdf';

/** A GET that answers the printed report, documented as a PDF rather than JSON. */
export const PdfEndpoint = (): MethodDecorator =>
  applyDecorators(
    ApiProduces('application/pdf'),
    ApiOkResponse({ description: 'The report as a PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }),
  );

/** The sealed report as a PDF buffer, named for a download; 404 when there is none to print. */
export async function sendLkjipPdf(reply: FastifyReply, sealed: SealedLkjip | null, missing: string): Promise<Buffer> {
  if (!sealed) throw notFound(missing);
  const { document, position, hash, cover } = sealed;
  const pdf = await renderLkjipPdf(document, { position, hash }, cover);
  tagRevision(reply, document.revision);
  void reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `inline; filename="lkjip-${document.opdCode}-${document.year}.pdf"`);
  return pdf;
}
