import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** A real one-page PDF (the objects and the cross-reference table a reader needs). */
export function pdfDocument(text = 'Ke hoach CCHC 2026'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 30} >>\nstream\nBT /F1 14 Tf 72 770 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A real Word document made by the docx package. */
export async function docxDocument(text = 'Quyết định ban hành kế hoạch'): Promise<Buffer> {
  const document = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return Buffer.from(await Packer.toBuffer(document));
}

/** A real Excel workbook made by exceljs. */
export async function xlsxDocument(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Kế hoạch').addRow(['STT', 'Nội dung']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A Word document with macros (a .docm): a real package with a `word/vbaProject.bin` part. */
export async function docmDocument(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await docxDocument());
  zip.file('word/vbaProject.bin', Buffer.from('VBA project'));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * The start of an old binary Office file (OLE2 compound file): its signature and a directory sector with
 * the given stream names (UTF-16LE), which is what tells a .doc from a .xls. Not openable by Word: enough
 * for what reads the kind.
 */
export function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  ['Root Entry', ...streams].forEach((name, i) => {
    directory.write(name, i * 128, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, i * 128 + 64);
  });
  return Buffer.concat([header, directory]);
}
