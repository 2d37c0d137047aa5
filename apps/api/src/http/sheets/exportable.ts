import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiProduces, ApiQuery } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PassThrough } from 'node:stream';
import { lastValueFrom, Observable, of } from 'rxjs';
import { CSV_TYPE, exportFormatOf, XLSX_TYPE } from './export-format';
import { openSheetReply } from './sheet-reply';
import { Sheet } from './sheet';

const SHEET = Symbol('sheet');

/** A paged answer's page size while an export follows its cursor: the largest a list allows. */
const EXPORT_PAGE_SIZE = '500';

/**
 * Makes a JSON list also answer as CSV or XLSX (`Accept`, or `?format=csv|xlsx`, `?sep=`): the
 * same handler with the same guards, policies and filters gives the answer, and `sheet` lays it
 * out. A paged list is followed page by page (the handler called again with `nextCursor`), each
 * page written and let go before the next is read, so a long list is never held whole.
 */
export const Exportable = (sheet: Sheet) =>
  applyDecorators(
    SetMetadata(SHEET, sheet),
    UseInterceptors(ExportInterceptor),
    ApiProduces('application/json', CSV_TYPE, XLSX_TYPE),
    ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'xlsx'], description: 'Wins over Accept' }),
    ApiQuery({ name: 'sep', required: false, enum: [';', ',', '|', 'tab'], description: 'CSV separator; ; by default' }),
  );

@Injectable()
export class ExportInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const format = exportFormatOf(request);
    if (format.kind === 'json') return next.handle();
    const sheet = this.reflector.get<Sheet>(SHEET, context.getHandler());
    // The first page is read before anything is sent: a refusal is still an ordinary problem answer.
    const first: unknown = await lastValueFrom(next.handle());
    const reply = http.getResponse<FastifyReply>();
    // The JSON's ETag names the JSON; a file of the same answer is another representation.
    reply.removeHeader('ETag');
    const { body, writer } = openSheetReply(reply, format, sheet, { fileName: fileNameParts(request) });
    void (async () => {
      let answer: unknown = first;
      for (;;) {
        for (const row of sheet.rows(answer)) await writer.row(row);
        const cursor = nextCursorOf(answer);
        if (!cursor) break;
        const query = request.query as Record<string, unknown>;
        Object.assign(query, { cursor, limit: EXPORT_PAGE_SIZE });
        answer = (await lastValueFrom(next.handle())) as unknown;
      }
      await writer.finish();
    })().catch((error: unknown) => failed(body, error));
    return of(body);
  }
}

const nextCursorOf = (answer: unknown): string | null =>
  typeof answer === 'object' && answer !== null && 'nextCursor' in answer && typeof answer.nextCursor === 'string' ? answer.nextCursor : null;

/** The path's parameters name the file: `rencana-kinerja-DINKES-2026.xlsx`. */
const fileNameParts = (request: FastifyRequest): string[] => Object.values((request.params ?? {}) as Record<string, string>);

/** Headers are gone by now: a failure can only cut the file short, which the client sees as a broken download. */
const failed = (body: PassThrough, error: unknown): void => {
  body.destroy(error instanceof Error ? error : new Error(String(error)));
};
