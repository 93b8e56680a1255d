import { Injectable } from '@nestjs/common';
import { DomainException, Principal, Upload } from '@app/common';
import { DOWNLOAD_NAME_MAX } from './download-name';
import { ImagesService } from './images.service';
import { MediaStorage } from './media-storage';
import { DOCUMENT_CONTENT_TYPES, DocumentKind, sniffDocument } from './office-files';

/** A scanned decision or a plan with its annexes is a few MB; 20 MB leaves room without inviting videos. */
export const FILE_MAX_BYTES = 20 * 1024 * 1024;

/** Where attached documents are stored (`/media/files/<sha256>.<ext>`). */
export const FILES_FOLDER = 'files';

/** The URL of an attached document as the api hands it out: anything else in an article is refused. */
export const FILE_URL = /^\/media\/files\/[0-9a-f]{64}\.(pdf|docx?|xlsx?)$/;

export interface FileResponse {
  url: string;
  /** The name people see and download it under: the uploaded name made safe, with its real extension. */
  name: string;
  kind: DocumentKind;
  contentType: string;
  bytes: number;
}

/**
 * The name a document is listed and downloaded under: the uploaded file's name without its folder or
 * extension, with what a header or a file system cannot take replaced by spaces, and the extension of
 * what the content really is. Accepted as it is by `?download=` (download-name.ts).
 */
export function attachmentName(uploaded: string, kind: DocumentKind): string {
  const base = uploaded
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{M}\p{N} ._()-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{M}\p{N}]+/u, '')
    .trim();
  const room = DOWNLOAD_NAME_MAX - kind.length - 1;
  const cut = [...(base || 'Tệp đính kèm')].slice(0, room).join('').trimEnd();
  return `${cut}.${kind}`;
}

/**
 * Documents attached to articles (the Kế hoạch, the Quyết định) and to procedures (the forms to fill in):
 * PDF, DOC/DOCX, XLS/XLSX up to 20 MB, the kind read from the content, macros refused, stored under the
 * content hash like images.
 */
@Injectable()
export class FilesService {
  constructor(
    private readonly storage: MediaStorage,
    private readonly images: ImagesService,
  ) {}

  /** The same people who may put images in articles may attach documents. */
  assertMayUpload(principal: Principal, unitId: string): Promise<void> {
    return this.images.assertMayUpload(principal, unitId);
  }

  async store(upload: Upload): Promise<FileResponse> {
    const sniffed = sniffDocument(upload.bytes);
    if ('refused' in sniffed) {
      const message =
        sniffed.refused === 'macro'
          ? 'Tệp có macro (mã chạy được), không đăng được: lưu lại thành tệp không có macro (.docx, .xlsx) hoặc PDF'
          : 'Tệp không phải PDF, Word (DOC, DOCX) hoặc Excel (XLS, XLSX)';
      throw new DomainException('UNSUPPORTED_MEDIA_TYPE', message, [{ field: 'file', message }]);
    }
    const { kind } = sniffed;
    const stored = await this.storage.put(FILES_FOLDER, upload.bytes, kind);
    return {
      url: stored.url,
      name: attachmentName(upload.filename, kind),
      kind,
      contentType: DOCUMENT_CONTENT_TYPES[kind],
      bytes: stored.bytes,
    };
  }
}
