import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Block, ReportModel } from './annual-report.model';

// The Nghị định 30/2020 layout (reference/vn-domain.md §1.6): A4 portrait; margins top/bottom 20 mm, left
// 30 mm, right 15 mm; Times New Roman; body 14 pt justified with a 1.27 cm first-line indent and 6 pt after;
// Quốc hiệu 12 pt bold capitals, Tiêu ngữ 14 pt bold; page numbers centred at the top from page 2.

const FONT = 'Times New Roman';
const BODY = 28; // half-points: 14 pt
const SMALL = 26; // 13 pt
const NOTE = 24; // 12 pt
// Twips (1/1440 inch), rounded as Word writes them: A4 is 11906 × 16838; 20 mm is 1134, 30 mm 1701, 15 mm 850.
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 };
/** The width between the margins, in twips. */
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const INDENT = 720; // 1.27 cm
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function run(
  text: string,
  options: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {},
) {
  return new TextRun({
    text,
    font: FONT,
    size: options.size ?? BODY,
    bold: options.bold,
    italics: options.italics,
    underline: options.underline ? {} : undefined,
  });
}

function centred(text: string, options: Parameters<typeof run>[1] = {}, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after },
    children: [run(text, options)],
  });
}

function block(b: Block): Paragraph {
  switch (b.kind) {
    case 'heading':
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: INDENT },
        spacing: { before: 120, after: 120 },
        keepNext: true,
        children: [run(b.text, { bold: true })],
      });
    case 'subheading':
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: INDENT },
        spacing: { after: 120 },
        keepNext: true,
        children: [run(b.text, { bold: true })],
      });
    case 'note':
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: INDENT },
        spacing: { after: 120 },
        children: [run(b.text, { italics: true, size: SMALL })],
      });
    case 'paragraph':
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: INDENT },
        spacing: { after: 120, line: 300 },
        children: [run(b.text)],
      });
  }
}

function cell(children: Paragraph[], width: number, options: { borders?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: options.borders ? { top: LINE, bottom: LINE, left: LINE, right: LINE } : NO_BORDERS,
    verticalAlign: VerticalAlign.TOP,
    margins: options.borders ? { top: 60, bottom: 60, left: 100, right: 100 } : undefined,
    children,
  });
}

/** Boxes 1–4: the issuing body and number on the left, Quốc hiệu, Tiêu ngữ, place and date on the right. */
function heading(model: ReportModel): Table {
  // The right column holds the Quốc hiệu on one line (about 105 mm at 12 pt bold).
  const left = Math.round(TEXT_WIDTH * 0.36);
  const right = TEXT_WIDTH - left;
  const issuer = model.issuer.map((line, i) =>
    centred(line, {
      size: SMALL,
      bold: i === model.issuer.length - 1,
      underline: i === model.issuer.length - 1,
    }),
  );
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([...issuer, centred(model.number, { size: SMALL }, 0)], left),
          cell(
            [
              centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: NOTE, bold: true }),
              centred('Độc lập - Tự do - Hạnh phúc', { size: BODY, bold: true, underline: true }, 120),
              centred(model.placeAndDate, { italics: true }),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}

/** Boxes 7 and 9: Nơi nhận on the left, the signature block on the right. */
function closing(model: ReportModel): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const recipients = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: NOTE })] }),
    ...model.recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 22 })] })),
  ];
  const signature = [
    ...model.signer.lines.map((line) => centred(line, { bold: true })),
    ...[1, 2, 3, 4].map(() => centred('')),
    centred(model.signer.name, { bold: true }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(recipients, left), cell(signature, right)] })],
  });
}

/** The annex table: STT, nội dung, sản phẩm/kết quả, đánh giá, with borders. */
function annexTable(model: ReportModel): Table {
  const widths = [0.08, 0.4, 0.38, 0.14].map((f) => Math.round(TEXT_WIDTH * f));
  const paragraph = (
    text: string,
    bold = false,
    align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
  ) => new Paragraph({ alignment: align, children: [run(text, { bold, size: SMALL })] });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: model.annex.header.map((h, i) =>
          cell([paragraph(h, true, AlignmentType.CENTER)], widths[i], { borders: true }),
        ),
      }),
      ...model.annex.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) =>
              cell(
                [paragraph(text, false, i === 0 || i === 3 ? AlignmentType.CENTER : AlignmentType.LEFT)],
                widths[i],
                { borders: true },
              ),
            ),
          }),
      ),
    ],
  });
}

/** The report as a .docx. */
export async function reportDocx(
  model: ReportModel,
  meta: { creator: string; title: string },
): Promise<Buffer> {
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SMALL })],
      }),
    ],
  });
  const document = new Document({
    creator: meta.creator,
    title: meta.title,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: { titlePage: true, page: { size: A4, margin: MARGIN } },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children: [
          heading(model),
          centred('', {}, 120),
          centred(model.kind, { bold: true }),
          centred(model.title, { bold: true }),
          centred('__________', { bold: true }, 240),
          ...model.body.map(block),
          centred(''),
          closing(model),
          new Paragraph({ pageBreakBefore: true, children: [] }),
          ...model.annex.title.map((line) => centred(line, { bold: true })),
          centred(model.annex.caption, { italics: true }, 240),
          annexTable(model),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
