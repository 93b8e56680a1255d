import { extname } from 'node:path';

/** Longest name `?download=` takes (characters): well under the 255 bytes file systems allow. */
export const DOWNLOAD_NAME_MAX = 150;

/**
 * Letters (with their Vietnamese marks), digits, spaces and `- _ . ( )`: nothing that ends a header
 * value, a quoted string or a path (no quotes, backslashes, slashes, control characters, `;` or `%`).
 */
const SAFE_NAME = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} ._()-]*$/u;

/**
 * The `?download=` name for a file, NFC, or why it is refused (a Vietnamese message): it must be safe
 * (SAFE_NAME) and end with the served file's own extension, so an MP3 is never saved as `.html` or `.exe`.
 */
export function checkDownloadName(
  raw: unknown,
  filePath: string,
): { name: string; error?: undefined } | { error: string; name?: undefined } {
  const ext = extname(filePath).toLowerCase();
  const needs = ext ? `, kết thúc bằng ${ext}` : '';
  const rule = `Tên tệp tải về chỉ gồm chữ, số, dấu cách và các dấu - _ . ( ), dài tối đa ${DOWNLOAD_NAME_MAX} ký tự${needs}`;
  if (typeof raw !== 'string') {
    return { error: rule };
  }
  const name = raw.normalize('NFC');
  if (
    [...name].length > DOWNLOAD_NAME_MAX ||
    !SAFE_NAME.test(name) ||
    name.endsWith(' ') ||
    (ext && !name.toLowerCase().endsWith(ext)) ||
    name.length <= ext.length
  ) {
    return { error: rule };
  }
  return { name };
}

/** RFC 8187 value characters: what encodeURIComponent leaves, less `'()*`. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment; filename="<ASCII>"; filename*=UTF-8''<name>` for a name checkDownloadName accepted: the
 * plain form drops the Vietnamese marks (đ → d) for old clients, the starred form keeps them (RFC 6266).
 */
export function attachmentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 ._()-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
