import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { XLSX_TYPE } from '../sheets/export-format';
import { problem, ProblemException } from '../problem';
import { UPLOAD_LIMITS } from './upload-limits';
import { inspectZip } from './zip-inspection';

/** The workbook a request carried, checked to be a plain XLSX that unpacks within the limits. */
export interface UploadedSpreadsheet {
  fileName: string;
  bytes: Buffer;
}

const uploads = new WeakMap<FastifyRequest, UploadedSpreadsheet>();

const MACRO_TYPES = /macroenabled|vnd\.ms-excel\.sheet\.macro|application\/vnd\.ms-excel$/i;

/**
 * Reads a `multipart/form-data` upload of one `.xlsx` (`file`) and its text fields, before the
 * write's IdempotencyGuard runs: the fields and the file's digest become the request's body, so an
 * `Idempotency-Key` retried with another file is told apart from the same one sent again. Every
 * refusal comes before anything is read from the ledger or written to it.
 */
@Injectable()
export class SpreadsheetUploadGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.isMultipart()) throw unsupported('Send the workbook as multipart/form-data, its part named file');
    const fields: Record<string, string> = {};
    let upload: UploadedSpreadsheet | undefined;
    try {
      for await (const part of request.parts({ limits: UPLOAD_LIMITS })) {
        if (part.type === 'field') {
          if (part.valueTruncated) throw badUpload(part.fieldname, `${part.fieldname} is longer than ${UPLOAD_LIMITS.fieldSize} bytes`);
          fields[part.fieldname] = String(part.value);
          continue;
        }
        if (part.fieldname !== 'file') throw badUpload(part.fieldname, 'the workbook goes in the part named file');
        upload = { fileName: part.filename, bytes: await part.toBuffer() };
        checkType(part.mimetype, part.filename);
      }
    } catch (error) {
      throw error instanceof ProblemException ? error : multipartProblem(error);
    }
    if (!upload) throw badUpload('file', 'file is required: the .xlsx workbook');
    const verdict = inspectZip(upload.bytes);
    if (!verdict.ok) throw verdict.reason === 'MACROS' ? unsupported(verdict.detail) : badUpload('file', verdict.detail);
    if (verdict.names.some((name) => /^\[Content_Types\]\.xml$/.test(name)) === false) throw badUpload('file', 'The file is not an XLSX workbook');
    uploads.set(request, upload);
    request.body = { ...fields, file: { name: upload.fileName, sha256: createHash('sha256').update(upload.bytes).digest('hex') } };
    return true;
  }
}

/** The workbook SpreadsheetUploadGuard read. */
export const Spreadsheet = createParamDecorator((_: unknown, context: ExecutionContext): UploadedSpreadsheet => {
  const upload = uploads.get(context.switchToHttp().getRequest<FastifyRequest>());
  if (!upload) throw new Error('Spreadsheet() without SpreadsheetUploadGuard');
  return upload;
});

/** The upload's text fields (SpreadsheetUploadGuard put them in the body). */
export const uploadField = (request: FastifyRequest, name: string): string | undefined => {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
};

function checkType(mimetype: string, fileName: string): void {
  if (MACRO_TYPES.test(mimetype) || /\.xlsm$|\.xls$|\.xlsb$/i.test(fileName)) {
    throw unsupported('Macro-enabled and legacy workbooks (.xlsm, .xlsb, .xls) are not read; save the sheet as .xlsx');
  }
  if (mimetype !== XLSX_TYPE) throw unsupported(`The file must be ${XLSX_TYPE} (an .xlsx workbook), not ${mimetype.slice(0, 100)}`);
}

const unsupported = (detail: string) => new ProblemException(problem(415, 'UNSUPPORTED_MEDIA_TYPE', detail));

const badUpload = (field: string, message: string) =>
  new ProblemException(problem(400, 'VALIDATION_FAILED', message, { errors: [{ field: field.slice(0, 100), message }] }));

/** @fastify/multipart's limit errors carry 413; a broken multipart body is the client's 400. */
function multipartProblem(error: unknown): ProblemException {
  const { statusCode, code } = error as { statusCode?: number; code?: string };
  if (statusCode === 413) {
    const what =
      code === 'FST_REQ_FILE_TOO_LARGE' ? `the workbook is larger than ${UPLOAD_LIMITS.fileSize / 1024 / 1024} MiB` : 'the upload has too many parts';
    return new ProblemException(problem(413, 'PAYLOAD_TOO_LARGE', `Too large: ${what}`));
  }
  return new ProblemException(
    problem(400, 'VALIDATION_FAILED', 'The multipart body could not be read', { errors: [{ field: 'file', message: 'unreadable multipart body' }] }),
  );
}
