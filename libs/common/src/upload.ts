import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainException, ValidationException } from './errors';

/** What came with the file: its claimed name and type, and the text fields sent beside it. */
export interface UploadInfo {
  filename: string;
  /** What the browser claimed; never trusted for the type (callers sniff the content). */
  mimetype: string;
  fields: Record<string, string>;
}

/** One uploaded file, read whole into memory: for small files (images, import sheets). */
export interface Upload extends UploadInfo {
  bytes: Buffer;
}

/** One uploaded file, streamed to a temporary file: for large ones (programmes), never held in memory. */
export interface UploadFile extends UploadInfo {
  /** The temporary file; removed by `withUploadFile` when the work with it ends, however it ends. */
  path: string;
  size: number;
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
 * Reads a multipart/form-data request with one file (design.md §6: field `file`) and its text fields,
 * the file into memory. Every way it can be wrong is a 4xx naming the field: not multipart (415), no
 * file or an empty one (400), a NUL or a lone surrogate in a text field or the file name (400), a file
 * over `maxBytes` (413, stopped while streaming: the rest is never held in memory).
 */
export async function readUpload(request: FastifyRequest, options: UploadOptions): Promise<Upload> {
  const { info, value } = await receive(request, options, async (file) => {
    const chunks: Buffer[] = [];
    for await (const chunk of file) {
      chunks.push(chunk as Buffer);
    }
    const bytes = Buffer.concat(chunks);
    return { value: bytes, size: bytes.length };
  });
  return { ...info, bytes: value };
}

/**
 * Like `readUpload`, but the file is streamed to a temporary file as it arrives (the size limit checked
 * on the way), so a 100 MB programme costs the api a few buffers, not 100 MB. `use` gets the file; the
 * temporary file is removed when `use` settles, and on every failure before it.
 */
export async function withUploadFile<T>(
  request: FastifyRequest,
  options: UploadOptions,
  use: (upload: UploadFile) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'xa-upload-'));
  try {
    const path = join(dir, 'file');
    const { info, value: size } = await receive(request, options, async (file) => {
      let size = 0;
      file.on('data', (chunk: Buffer) => (size += chunk.length));
      await pipeline(file, createWriteStream(path, { flags: 'wx' }));
      return { value: size, size };
    });
    return await use({ ...info, path, size });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The one reading of the parts: fields checked, one file handed to `take`, the limits turned into 4xx. */
async function receive<T>(
  request: FastifyRequest,
  { field = 'file', maxBytes }: UploadOptions,
  take: (file: Readable) => Promise<{ value: T; size: number }>,
): Promise<{ info: UploadInfo; value: T }> {
  if (!request.isMultipart()) {
    throw new DomainException(
      'UNSUPPORTED_MEDIA_TYPE',
      `Hãy gửi tệp dạng multipart/form-data, trong trường "${field}"`,
      [{ field, message: 'Chưa có tệp gửi lên' }],
    );
  }
  const fields: Record<string, string> = {};
  let file: { part: MultipartFile; value: T; empty: boolean } | undefined;
  const tooLarge = (): DomainException => {
    const message = `Tệp lớn hơn giới hạn ${megabytes(maxBytes)}`;
    return new DomainException('PAYLOAD_TOO_LARGE', message, [{ field, message }]);
  };
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'field') {
        const value = typeof part.value === 'string' ? part.value : String(part.value);
        checkText(part.fieldname, value);
        fields[part.fieldname] = value;
      } else if (part.fieldname === field && !file) {
        checkText(field, part.filename, 'Tên tệp');
        const { value, size } = await take(part.file);
        if (part.file.truncated) {
          throw tooLarge();
        }
        file = { part, value, empty: size === 0 };
      } else {
        part.file.resume(); // another file: read past it
      }
    }
  } catch (error) {
    if (error instanceof DomainException) {
      throw error;
    }
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw tooLarge();
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
  if (file.empty) {
    throw new ValidationException([{ field, message: 'Tệp rỗng (0 byte)' }]);
  }
  return { info: { filename: file.part.filename, mimetype: file.part.mimetype, fields }, value: file.value };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A NUL cannot be stored in PostgreSQL text, and a lone surrogate is not text at all: either in a field
 * or a file name is the sender's mistake (400 naming the field), not the database's (500).
 */
function checkText(field: string, value: string, what = 'Nội dung'): void {
  if (value.includes('\0')) {
    throw new ValidationException([{ field, message: `${what} chứa ký tự NUL (\\0), không hợp lệ` }]);
  }
  if (LONE_SURROGATE.test(value)) {
    throw new ValidationException([{ field, message: `${what} chứa ký tự Unicode hỏng (nửa cặp thay thế)` }]);
  }
}

/** Past this much more of an unread body, or this long, the connection is given up on instead. */
const DRAIN_MAX_BYTES = 256 * 1024 * 1024;
const DRAIN_MAX_MS = 30_000;

/**
 * A Fastify `onSend` hook: when an answer goes out before the request's body was read to its end (a 413
 * mid-upload, a 401/403 before the upload is read, a 415), the rest of the body is read and thrown away
 * first. Otherwise the server closes a socket with unread data in it, the kernel answers the client's
 * further bytes with a reset, and the client loses the answer it was sent (it sees ECONNRESET instead of
 * the 413). Bounded: past DRAIN_MAX_BYTES or DRAIN_MAX_MS the answer is sent anyway and the connection
 * closes.
 */
export async function drainUnreadBody(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  const raw = request.raw;
  if (!raw.complete && !raw.readableEnded && !raw.destroyed) {
    await drain(raw);
  }
  return payload;
}

function drain(raw: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    let bytes = 0;
    const done = (): void => {
      clearTimeout(timer);
      raw.off('data', onData).off('end', done).off('close', done).off('error', done);
      resolve();
    };
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (bytes > DRAIN_MAX_BYTES) {
        done();
      }
    };
    const timer = setTimeout(done, DRAIN_MAX_MS);
    // Whatever still reads the body (the multipart parser of an abandoned upload) lets go of it first,
    // or its back-pressure would pause the stream we are emptying.
    raw.unpipe();
    raw.on('data', onData).on('end', done).on('close', done).on('error', done);
    raw.resume();
  });
}
