import { StreamableFile } from '@nestjs/common';

/** The types of the files the api hands out. */
export const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * A file to download, named for the person who saves it. The name is ASCII (every caller builds it from
 * slugs and dates), so the plain `filename` parameter is enough.
 */
export function download(bytes: Buffer, fileName: string, kind: keyof typeof FILE_TYPES): StreamableFile {
  return new StreamableFile(bytes, {
    type: FILE_TYPES[kind],
    disposition: `attachment; filename="${fileName}"`,
    length: bytes.length,
  });
}
