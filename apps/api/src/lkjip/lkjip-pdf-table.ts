import { LkjipFigures } from '@app/domain/lkjip';
import { scaleName } from '@app/domain/plan';
import { formatCategory, formatNumber } from './indonesian-format';

/** Column widths (points) of the indicator table; they fill an A4 page between 50 pt margins. */
const COLUMNS = [
  { title: 'Sasaran / Indikator', width: 170, align: 'left' },
  { title: 'Satuan', width: 50, align: 'left' },
  { title: 'Target', width: 70, align: 'right' },
  { title: 'Realisasi', width: 70, align: 'right' },
  { title: 'Capaian (%)', width: 60, align: 'right' },
  { title: 'Kategori', width: 75, align: 'left' },
] as const;
const PADDING = 3;

type Row = { cells: string[]; bold: boolean };

/**
 * The table of Bab III: per goal (sasaran) its indicators with target, realisation, capaian and
 * category, the goal's own capped average, and the unit's at the end. Rows that would cross the
 * footer move to a new page, the header with them.
 */
export function drawIndicatorTable(pdf: PDFKit.PDFDocument, figures: LkjipFigures): void {
  const rows: Row[] = [];
  for (const goal of figures.goals) {
    rows.push({ cells: [`${goal.code} ${goal.statement}`, '', '', '', formatNumber(goal.achievement), formatCategory(goal.category)], bold: true });
    for (const indicator of figures.indicators.filter((candidate) => candidate.goalCode === goal.code)) {
      rows.push({
        cells: [
          `${indicator.code} ${indicator.name}`,
          indicator.unit,
          formatNumber(indicator.target),
          formatNumber(indicator.realisation),
          formatNumber(indicator.achievement),
          formatCategory(indicator.category),
        ],
        bold: false,
      });
    }
  }
  rows.push({ cells: ['Capaian kinerja perangkat daerah', '', '', '', formatNumber(figures.achievement), formatCategory(figures.category)], bold: true });

  pdf.moveDown().font('Helvetica-Bold').fontSize(12).text('Tabel Capaian Kinerja', pdf.page.margins.left).moveDown(0.5);
  header(pdf);
  for (const row of rows) drawRow(pdf, row);
  pdf
    .moveDown(0.5)
    .font('Helvetica')
    .fontSize(8)
    .text(`Skala kategori ${scaleName(figures.scale)}; capaian dibatasi ${formatNumber(figures.cap)}% sebelum dirata-ratakan.`, pdf.page.margins.left);
}

function header(pdf: PDFKit.PDFDocument): void {
  drawRow(pdf, { cells: COLUMNS.map((column) => column.title), bold: true }, true);
}

function drawRow(pdf: PDFKit.PDFDocument, row: Row, isHeader = false): void {
  pdf.font(row.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
  const height = Math.max(...row.cells.map((cell, index) => pdf.heightOfString(cell, { width: COLUMNS[index].width - 2 * PADDING }))) + 2 * PADDING;
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) {
    pdf.addPage();
    if (!isHeader) header(pdf);
    pdf.font(row.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
  }
  const top = pdf.y;
  let x = pdf.page.margins.left;
  row.cells.forEach((cell, index) => {
    const { width, align } = COLUMNS[index];
    pdf.rect(x, top, width, height).lineWidth(0.5).stroke();
    pdf.text(cell, x + PADDING, top + PADDING, { width: width - 2 * PADDING, align });
    x += width;
  });
  pdf.x = pdf.page.margins.left;
  pdf.y = top + height;
}
