/**
 * What an uploaded document really is, read from its bytes (never from its name or the browser's claim):
 * a PDF, a Word or Excel file of the old binary kind (an OLE2 compound file) or of the new kind (a ZIP
 * package). Files with macros are refused: a commune publishes plans and decisions, not programs.
 */
export type DocumentKind = 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx';

export const DOCUMENT_CONTENT_TYPES: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export type SniffResult = { kind: DocumentKind } | { refused: 'macro' | 'unknown' };

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = 0x04034b50;
const ZIP_END = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;

/** An OLE2 directory entry's name is UTF-16LE. */
function utf16(name: string): Buffer {
  return Buffer.from(name, 'utf16le');
}

export function sniffDocument(bytes: Buffer): SniffResult {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    return { kind: 'pdf' };
  }
  if (bytes.length > 512 && bytes.subarray(0, 8).equals(OLE2)) {
    return sniffCompound(bytes);
  }
  if (bytes.length > 30 && bytes.readUInt32LE(0) === ZIP_LOCAL) {
    return sniffPackage(bytes);
  }
  return { refused: 'unknown' };
}

function sniffCompound(bytes: Buffer): SniffResult {
  // Macros live in a "Macros" storage (Word) or "_VBA_PROJECT_CUR" (Excel).
  if (bytes.includes(utf16('_VBA_PROJECT')) || bytes.includes(utf16('Macros'))) {
    return { refused: 'macro' };
  }
  if (bytes.includes(utf16('WordDocument'))) {
    return { kind: 'doc' };
  }
  if (bytes.includes(utf16('Workbook')) || bytes.includes(utf16('Book'))) {
    return { kind: 'xls' };
  }
  return { refused: 'unknown' };
}

/** The names in a ZIP's central directory, or undefined when it is not a readable ZIP. */
export function zipEntryNames(bytes: Buffer): string[] | undefined {
  // The end record is in the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes).
  const from = Math.max(0, bytes.length - 65_557);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i -= 1) {
    if (bytes.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    return undefined;
  }
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== ZIP_CENTRAL) {
      return undefined;
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) {
      return undefined;
    }
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function sniffPackage(bytes: Buffer): SniffResult {
  const names = zipEntryNames(bytes);
  if (!names || !names.includes('[Content_Types].xml')) {
    return { refused: 'unknown' };
  }
  if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) {
    return { refused: 'macro' };
  }
  if (names.includes('word/document.xml')) {
    return { kind: 'docx' };
  }
  if (names.includes('xl/workbook.xml')) {
    return { kind: 'xlsx' };
  }
  return { refused: 'unknown' };
}
