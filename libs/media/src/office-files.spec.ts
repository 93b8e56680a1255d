import JSZip from 'jszip';
import { compoundFile, docmDocument, docxDocument, pdfDocument, xlsxDocument } from '../../../test/support/documents';
import { attachmentName } from './files.service';
import { checkDownloadName } from './download-name';
import { sniffDocument, zipEntryNames } from './office-files';

describe('sniffDocument', () => {
  it('reads PDF, DOCX and XLSX from real files, whatever they are called', async () => {
    expect(sniffDocument(pdfDocument())).toEqual({ kind: 'pdf' });
    expect(sniffDocument(await docxDocument())).toEqual({ kind: 'docx' });
    expect(sniffDocument(await xlsxDocument())).toEqual({ kind: 'xlsx' });
  });

  it('tells an old .doc from an old .xls by the streams inside', () => {
    expect(sniffDocument(compoundFile(['WordDocument', '1Table']))).toEqual({ kind: 'doc' });
    expect(sniffDocument(compoundFile(['Workbook']))).toEqual({ kind: 'xls' });
    expect(sniffDocument(compoundFile(['PowerPoint Document']))).toEqual({ refused: 'unknown' });
  });

  it('refuses files with macros, old and new', async () => {
    expect(sniffDocument(await docmDocument())).toEqual({ refused: 'macro' });
    expect(sniffDocument(compoundFile(['WordDocument', 'Macros']))).toEqual({ refused: 'macro' });
    expect(sniffDocument(compoundFile(['Workbook', '_VBA_PROJECT_CUR']))).toEqual({ refused: 'macro' });
  });

  it('refuses what is not a document: HTML, a plain ZIP, a cut-off package, an empty file', async () => {
    expect(sniffDocument(Buffer.from('<html><script>alert(1)</script></html>'))).toEqual({ refused: 'unknown' });
    const docx = await docxDocument();
    expect(sniffDocument(docx.subarray(0, docx.length - 30))).toEqual({ refused: 'unknown' });
    expect(sniffDocument(Buffer.alloc(0))).toEqual({ refused: 'unknown' });
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    expect(sniffDocument(await zip.generateAsync({ type: 'nodebuffer' }))).toEqual({ refused: 'unknown' });
  });

  it('lists the entries of a real package', async () => {
    expect(zipEntryNames(await docxDocument())).toEqual(expect.arrayContaining(['word/document.xml']));
  });
});

describe('attachmentName', () => {
  it.each([
    ['Kế hoạch CCHC năm 2026.docx', 'docx', 'Kế hoạch CCHC năm 2026.docx'],
    ['C:\\Users\\vanthu\\QĐ 12/2026.pdf', 'pdf', '2026.pdf'],
    ['QĐ số 12-QĐ.UBND.PDF', 'pdf', 'QĐ số 12-QĐ.UBND.pdf'],
    ['"quyet;dinh".exe', 'docx', 'quyet dinh.docx'],
    ['...', 'xlsx', 'Tệp đính kèm.xlsx'],
    ['tờ khai.html', 'doc', 'tờ khai.doc'],
  ] as const)('%s as %s → %s', (uploaded, kind, expected) => {
    expect(attachmentName(uploaded, kind)).toBe(expected);
  });

  it('always gives a name the download route accepts, however long or odd', () => {
    for (const uploaded of ['a'.repeat(400) + '.pdf', '  ;;; ', 'ặ'.repeat(200), '\u0301abc']) {
      const name = attachmentName(uploaded, 'pdf');
      expect(checkDownloadName(name, '/media/files/x.pdf')).toEqual({ name });
    }
  });
});
