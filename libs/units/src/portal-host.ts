import { isIP } from 'node:net';

/**
 * Why a host name cannot be a unit's portal host, or null when it can. Refused: IP literals in any
 * form a browser accepts (the WHATWG URL parser reads 127.1, 0x7f.0.0.1 or 2130706433 as 127.0.0.1,
 * and a name whose last label is a number as an address), `localhost` and its subdomains, and the
 * deployment's own host name (PUBLIC_URL): mapping it would put one unit's portal in place of the
 * admin app at `/`.
 */
export function portalHostProblem(host: string, publicUrl: string | undefined): string | null {
  let parsed: string;
  try {
    parsed = new URL(`http://${host}/`).hostname;
  } catch {
    return 'Tên miền không hợp lệ';
  }
  if (isIP(parsed.replace(/^\[|\]$/g, '')) !== 0 || isIP(host) !== 0) {
    return 'Không dùng địa chỉ IP làm tên miền của cổng thông tin';
  }
  if (parsed !== host) {
    return 'Tên miền không hợp lệ';
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return 'Không dùng localhost làm tên miền của cổng thông tin';
  }
  if (publicUrl && new URL(publicUrl).hostname === host) {
    return 'Đây là tên miền của chính hệ thống (PUBLIC_URL), không dùng riêng cho một đơn vị';
  }
  return null;
}
