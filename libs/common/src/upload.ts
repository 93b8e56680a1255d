import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainException, ValidationException } from './errors';

/** One uploaded file, read whole, with the text fields sent beside it. */
export interface Upload {
  bytes: Buffer;
  filename: string;
  /** What the browser claimed; never trusted for the type (callers sniff the content). */
  mimetype: string;
  fields: Record<string, string>;
}

export interface UploadOptions {
  /** The multipart field that carries the file. */
  field?: string;
  maxBytes: number;
}

function megabytes(bytes: number): string {
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/**
 * Reads a multipart/form-data request with one file (design.md §6: field `file`) and its text fields.
 * Every way it can be wrong is a 4xx naming the field: not multipart (415), no file or an empty one
 * (400), a file over `maxBytes` (413, stopped while streaming: the rest is never held in memory).
 */
export async function readUpload(
  request: FastifyRequest,
  { field = 'file', maxBytes }: UploadOptions,
): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new DomainException(
      'UNSUPPORTED_MEDIA_TYPE',
      `Hãy gửi tệp dạng multipart/form-data, trong trường "${field}"`,
      [{ field, message: 'Chưa có tệp gửi lên' }],
    );
  }
  const fields: Record<string, string> = {};
  let file: { part: MultipartFile; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      } else if (part.fieldname === field && !file) {
        file = { part, bytes: await part.toBuffer() };
      } else {
        part.file.resume(); // another file: read past it
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      const message = `Tệp lớn hơn giới hạn ${megabytes(maxBytes)}`;
      throw new DomainException('PAYLOAD_TOO_LARGE', message, [{ field, message }]);
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
      const message = 'Gửi quá nhiều tệp hoặc trường trong một lần tải lên';
      throw new DomainException('PAYLOAD_TOO_LARGE', message, [{ field, message }]);
    }
    // Everything else here is the client's stream: cut short, or not the multipart it declared.
    const message = 'Nội dung tải lên không đúng dạng multipart/form-data hoặc bị ngắt giữa chừng';
    throw new DomainException('BAD_REQUEST', message, [{ field, message }]);
  }
  if (!file) {
    throw new ValidationException([{ field, message: 'Chưa chọn tệp' }]);
  }
  if (file.bytes.length === 0) {
    throw new ValidationException([{ field, message: 'Tệp rỗng (0 byte)' }]);
  }
  return { bytes: file.bytes, filename: file.part.filename, mimetype: file.part.mimetype, fields };
}
