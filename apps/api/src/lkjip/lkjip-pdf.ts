import { LKJIP_STATUS_NAMES, LkjipDocument, SECTION_KEYS } from '@app/domain/lkjip';
import { drawIndicatorTable } from './lkjip-pdf-table';
import { formatDay } from './indonesian-format';

/** What seals a printed report: the log position and chain hash of the stream's last event. */
export interface PdfSeal {
  position: string;
  hash: string;
}

const MARGIN = 50;
const FOOTER_HEIGHT = 36;

/** Whose report it is, as its cover names them: REGION_NAME and the unit's registered name. */
export interface PdfCover {
  region: string;
  unitName: string;
}

/** What a report not yet published still waits for, after its status's name (LKJIP_STATUS_NAMES). */
const STATUS_NOTES: Record<Exclude<LkjipDocument['status'], 'PUBLISHED'>, string> = {
  DRAFT: 'belum diajukan',
  SUBMITTED: 'menunggu reviu Inspektorat',
  RETURNED: 'oleh Inspektorat untuk diperbaiki',
  REVIEWED: 'belum diterbitkan',
};

/**
 * The cover's verification code: the start of the seal's hash in groups of four, short enough to
 * read aloud and compare with the full hash printed in every page's footer.
 */
export const verificationCode = (hash: string): string => (hash.slice(0, 12).match(/.{1,4}/g) ?? []).join(' ');

/**
 * The report in the customary LKjIP layout (PermenPANRB 53/2014): cover, Ikhtisar Eksekutif,
 * Bab I–IV with the table of indicators in Bab III, and the inspectorate's statement once
 * reviewed. Review notes are never printed: they are the inspectorate's working papers, and the
 * same document is the public one once published. Standard PDF fonts (WinAnsi) carry every
 * Indonesian letter; the document is small, so it is rendered to one buffer.
 */
export async function renderLkjipPdf(document: LkjipDocument, seal: PdfSeal, whose: PdfCover): Promise<Buffer> {
  // Loaded by the first report asked for, not at start: pdfkit with fontkit and the brotli
  // dictionary is 5 MB of heap that would stay live in every process, and V8 lets the old
  // generation grow to a multiple of what stays live.
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    bufferPages: true,
    info: { Title: `LKjIP ${whose.unitName} ${document.year}`, Subject: `Laporan Kinerja Instansi Pemerintah, ${whose.region}` },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  cover(pdf, document, seal, whose);
  for (const key of SECTION_KEYS) {
    const section = document.sections[key];
    pdf.addPage().font('Helvetica-Bold').fontSize(15).text(section.title.toUpperCase(), { align: 'center' }).moveDown();
    pdf
      .font('Helvetica')
      .fontSize(11)
      .text(section.text.trim() || '(belum diisi)', { align: 'justify', lineGap: 2 });
    if (key === 'accountability') drawIndicatorTable(pdf, document.figures);
  }
  reviewStatement(pdf, document);
  footers(pdf, document, seal);
  pdf.end();
  return done;
}

/** The customary cover: the government, the report and its year, the unit by name, then its state and how to check it. */
function cover(pdf: PDFKit.PDFDocument, document: LkjipDocument, seal: PdfSeal, whose: PdfCover): void {
  const { figures } = document;
  pdf.moveDown(2).font('Helvetica-Bold').fontSize(14).text(`PEMERINTAH ${whose.region.toUpperCase()}`, { align: 'center' });
  pdf.moveDown(6).fontSize(22).text('LAPORAN KINERJA INSTANSI PEMERINTAH', { align: 'center' });
  pdf.fontSize(18).text('(LKjIP)', { align: 'center' }).moveDown();
  pdf.fontSize(16).text(`TAHUN ${document.year}`, { align: 'center' }).moveDown(3);
  pdf.fontSize(16).text(whose.unitName.toUpperCase(), { align: 'center' });
  pdf.font('Helvetica').fontSize(11).text(`(${document.opdCode})`, { align: 'center' }).moveDown(6);
  const { status, publishedOn } = document;
  const state =
    status === 'PUBLISHED'
      ? `${LKJIP_STATUS_NAMES.id.PUBLISHED}${publishedOn ? ` ${formatDay(publishedOn)}` : ''}`
      : `Status: ${LKJIP_STATUS_NAMES.id[status]}, ${STATUS_NOTES[status]}`;
  pdf.text(state, { align: 'center' });
  pdf.text(`Angka dari Perjanjian Kinerja versi ${figures.planVersion}`, { align: 'center' });
  pdf.text(`Kode verifikasi ${verificationCode(seal.hash)}`, { align: 'center' });
  pdf
    .fontSize(9)
    .fillColor('#444444')
    .text('Kode ini adalah awal hash yang tercetak lengkap di kaki setiap halaman; cara memeriksanya ada di halaman Integritas data portal.', {
      align: 'center',
    })
    .fillColor('black');
}

function reviewStatement(pdf: PDFKit.PDFDocument, document: LkjipDocument): void {
  const { review } = document;
  if (!review) return;
  pdf
    .moveDown(2)
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(review.outcome === 'ACCEPTED' ? 'PERNYATAAN TELAH DIREVIU' : 'HASIL REVIU');
  pdf.moveDown(0.5).font('Helvetica').fontSize(11);
  pdf.text(
    review.outcome === 'ACCEPTED'
      ? `Laporan Kinerja ini telah direviu oleh Inspektorat dan dinyatakan diterima pada ${formatDay(review.on)}.`
      : `Laporan Kinerja ini telah direviu oleh Inspektorat dan dikembalikan untuk diperbaiki pada ${formatDay(review.on)}.`,
  );
}

/** On every page: which page, and what a reader checks against /public/v1/integrity/head. */
function footers(pdf: PDFKit.PDFDocument, document: LkjipDocument, seal: PdfSeal): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    // Writing inside the bottom margin must not push the footer onto a page of its own.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - MARGIN - FOOTER_HEIGHT + 12;
    const width = pdf.page.width - 2 * MARGIN;
    pdf.font('Helvetica').fontSize(7).fillColor('#444444');
    pdf.text(`LKjIP ${document.opdCode} ${document.year} · Halaman ${index - start + 1} dari ${count}`, MARGIN, y, { width, lineBreak: false });
    pdf.text(`Posisi log ${seal.position} · Hash ${seal.hash}`, MARGIN, y + 10, { width, lineBreak: false });
    pdf.fillColor('black');
    pdf.page.margins.bottom = bottom;
  }
}
