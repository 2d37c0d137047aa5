import { LkjipDocument, SECTION_KEYS } from '@app/domain/lkjip';
import { drawIndicatorTable } from './lkjip-pdf-table';
import { formatDay } from './indonesian-format';

/** What seals a printed report: the log position and chain hash of the stream's last event. */
export interface PdfSeal {
  position: string;
  hash: string;
}

const MARGIN = 50;
const FOOTER_HEIGHT = 36;

const STATUS_LABELS: Record<LkjipDocument['status'], string> = {
  DRAFT: 'DRAF – belum diajukan',
  SUBMITTED: 'Diajukan, menunggu reviu Inspektorat',
  RETURNED: 'Dikembalikan oleh Inspektorat untuk diperbaiki',
  REVIEWED: 'Telah direviu, belum dipublikasikan',
  PUBLISHED: 'Dipublikasikan',
};

/**
 * The report in the customary LKjIP layout (PermenPANRB 53/2014): cover, Ikhtisar Eksekutif,
 * Bab I–IV with the table of indicators in Bab III, and the inspectorate's statement once
 * reviewed. Review notes are never printed: they are the inspectorate's working papers, and the
 * same document is the public one once published. Standard PDF fonts (WinAnsi) carry every
 * Indonesian letter; the document is small, so it is rendered to one buffer.
 */
export async function renderLkjipPdf(document: LkjipDocument, seal: PdfSeal): Promise<Buffer> {
  // Loaded by the first report asked for, not at start: pdfkit with fontkit and the brotli
  // dictionary is 5 MB of heap that would stay live in every process, and V8 lets the old
  // generation grow to a multiple of what stays live.
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    bufferPages: true,
    info: { Title: `LKjIP ${document.opdCode} ${document.year}`, Subject: 'Laporan Kinerja Instansi Pemerintah' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  cover(pdf, document);
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

function cover(pdf: PDFKit.PDFDocument, document: LkjipDocument): void {
  const { figures } = document;
  pdf.moveDown(8).font('Helvetica-Bold').fontSize(22).text('LAPORAN KINERJA INSTANSI PEMERINTAH', { align: 'center' });
  pdf.fontSize(18).text('(LKjIP)', { align: 'center' }).moveDown();
  pdf.fontSize(16).text(`TAHUN ${document.year}`, { align: 'center' }).moveDown(2);
  pdf.fontSize(14).text(`Perangkat Daerah ${document.opdCode}`, { align: 'center' }).moveDown(4);
  pdf.font('Helvetica').fontSize(11);
  pdf.text(`Status: ${STATUS_LABELS[document.status]}`, { align: 'center' });
  pdf.text(`Angka dari Perjanjian Kinerja versi ${figures.planVersion}, posisi log ${figures.fromPosition}`, { align: 'center' });
  if (document.publishedOn) pdf.text(`Dipublikasikan ${formatDay(document.publishedOn)}`, { align: 'center' });
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
