import { dirname, join } from 'node:path';
import type { Response } from 'supertest';

/**
 * pdf.js (inside pdf-parse) runs its parser in a "worker" it loads with a dynamic import(),
 * which jest refuses on Node 20 without --experimental-vm-modules. Handing it the worker module
 * up front (compiled to CommonJS by jest.config.js) is pdf.js's own main-thread fallback.
 */
function loadPdfParse(): typeof import('pdf-parse') {
  const globals = globalThis as { pdfjsWorker?: unknown };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  globals.pdfjsWorker ??= require(join(dirname(require.resolve('pdf-parse')), 'pdf.worker.mjs'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('pdf-parse');
}

/** The text of a PDF, page by page as pdf.js extracts it. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const { PDFParse } = loadPdfParse();
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** For supertest: keep a binary answer (a PDF) as a Buffer in `body`. */
export function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}
