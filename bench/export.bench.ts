/**
 * A 100,000-row export (npm run bench:export): the memory the streaming path takes. A Nest app
 * on Fastify with the real `@Exportable` interceptor, validation pipe and writers serves a
 * paged list of 100,000 red-flag-shaped rows (500 a page, made from the cursor, as a query
 * would read them); a client downloads it as CSV, as XLSX, and, as the control, as one JSON
 * array holding every row at once. The process's RSS is sampled every 20 ms. No database: the
 * figure is what the export path holds, not what PostgreSQL does.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { Controller, Get, Module, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Exportable } from '../apps/api/src/http/sheets/exportable';
import { defineSheet, itemsOf } from '../apps/api/src/http/sheets/sheet';
import { Page, PageQuery } from '../apps/api/src/http/pagination';
import { validationPipe } from '../apps/api/src/http/validation';

/** EXPORT_ROWS changes it: the same peak at three times the rows is what shows the export is not held. */
const ROWS = Number(process.env.EXPORT_ROWS ?? 100_000);

interface Row {
  code: string;
  opdCode: string;
  year: number;
  quarter: number;
  indicatorCode: string;
  amountIdr: number;
  dueDate: string;
  recordedAt: string;
  note: string;
}

const rowAt = (n: number): Row => ({
  code: ['LATE_REPORT', 'LATE_CORRECTION', 'RECOMMENDATION_OVERDUE'][n % 3],
  opdCode: `OPD-${String(n % 40).padStart(2, '0')}`,
  year: 2020 + (n % 6),
  quarter: 1 + (n % 4),
  indicatorCode: `I${n % 97}`,
  amountIdr: 1_000_000 + n * 17,
  dueDate: `2025-${String(1 + (n % 12)).padStart(2, '0')}-15`,
  recordedAt: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(),
  note: `Catatan pemeriksaan nomor ${n}: tindak lanjut belum sesuai rekomendasi`,
});

const sheet = defineSheet<Page<Row>, Row>({
  name: 'Bench',
  rows: itemsOf,
  columns: [
    { header: 'Kode', kind: 'text', value: (r) => r.code },
    { header: 'Kode OPD', kind: 'text', value: (r) => r.opdCode },
    { header: 'Tahun', kind: 'number', value: (r) => r.year },
    { header: 'Triwulan', kind: 'number', value: (r) => r.quarter },
    { header: 'Kode Indikator', kind: 'text', value: (r) => r.indicatorCode },
    { header: 'Nilai (Rp)', kind: 'rupiah', value: (r) => r.amountIdr },
    { header: 'Jatuh Tempo', kind: 'date', value: (r) => r.dueDate },
    { header: 'Dicatat (UTC)', kind: 'datetime', value: (r) => r.recordedAt },
    { header: 'Catatan', kind: 'text', value: (r) => r.note },
  ],
});

@Controller('rows')
class RowsController {
  @Get()
  @Exportable(sheet)
  list(@Query() { limit, cursor }: PageQuery): Page<Row> {
    const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
    const end = Math.min(ROWS, start + limit);
    const items = Array.from({ length: end - start }, (_, k) => rowAt(start + k));
    return { items, nextCursor: end < ROWS ? Buffer.from(String(end)).toString('base64url') : null };
  }

  /** The control: every row in one answer, as a list that is not streamed holds it. */
  @Get('whole')
  whole(): Row[] {
    return Array.from({ length: ROWS }, (_, n) => rowAt(n));
  }
}

@Module({ controllers: [RowsController] })
class BenchModule {}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * Peak RSS says what the process took, garbage included; the heap measured right after a forced
 * collection, every quarter second, says what it held: the figure that grows with the rows when
 * a list is held whole, and stays flat when it is streamed.
 */
async function download(url: string): Promise<{ bytes: number; peakRss: number; heldHeap: number; seconds: number }> {
  global.gc?.();
  let peak = process.memoryUsage.rss();
  let heldHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const collector = setInterval(() => {
    global.gc?.();
    heldHeap = Math.max(heldHeap, process.memoryUsage().heapUsed);
  }, 250);
  const started = performance.now();
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  let bytes = 0;
  // Counted and dropped as they come: the client holds nothing.
  for await (const chunk of response.body) bytes += (chunk as Uint8Array).length;
  clearInterval(sampler);
  clearInterval(collector);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { bytes, peakRss: peak, heldHeap, seconds: (performance.now() - started) / 1000 };
}

const CASES: Record<string, string> = {
  'CSV, streamed': '/rows?format=csv',
  'XLSX, streamed': '/rows?format=xlsx',
  'JSON, every row at once (control)': '/rows/whole',
};

/** One case in this process, on a fresh heap: its peak is its own, not the garbage of the one before. */
async function runCase(name: string): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BenchModule, new FastifyAdapter(), { logger: false });
  app.useGlobalPipes(validationPipe());
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  global.gc?.();
  const baseline = process.memoryUsage.rss();
  const heapBefore = process.memoryUsage().heapUsed;
  const { bytes, peakRss, heldHeap, seconds } = await download(`${base}${CASES[name]}`);
  console.log(
    `| ${name} | ${mb(bytes)} MB | ${seconds.toFixed(1)} | ${mb(baseline)} MB | ${mb(peakRss)} MB | ${mb(peakRss - baseline)} MB | ${mb(heldHeap - heapBefore)} MB |`,
  );
  await app.close();
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only) return runCase(only);
  console.log(`${ROWS.toLocaleString('en')} rows, each case in its own process`);
  console.log('| answer | size | seconds | RSS before | peak RSS | RSS above before | heap held (after GC) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const name of Object.keys(CASES)) {
    const child = fork(__filename, [name], { execArgv: process.execArgv });
    await once(child, 'exit');
  }
}

void main();
