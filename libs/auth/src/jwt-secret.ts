import { Logger } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/common';
import { sharedSecret } from '@app/db';

const NAME = 'jwt-secret';

/**
 * The key tokens are signed with: JWT_SECRET when set; otherwise one generated key kept in the database,
 * which every api and worker on that database reads, so that replicas accept each other's tokens (a key
 * made per DATA_DIR made each replica refuse the others'). A key an earlier version made in
 * DATA_DIR/secrets/jwt-secret becomes the shared one when the database has none yet, so the tokens it
 * signed stay valid.
 */
export async function jwtSigningKey(config: AppConfig, dataSource: DataSource): Promise<string> {
  if (config.jwtSecret) {
    return config.jwtSecret;
  }
  const logger = new Logger('Auth');
  const file = join(config.dataDir, 'secrets', NAME);
  const local = existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
  const key = await sharedSecret(dataSource, NAME, { seed: local });
  if (key.origin === 'created') {
    logger.log(
      local
        ? `JWT_SECRET chưa đặt: khóa ký trong ${file} được chuyển vào cơ sở dữ liệu để mọi bản chạy dùng chung`
        : 'JWT_SECRET chưa đặt: đã tạo khóa ký mới trong cơ sở dữ liệu; mọi bản api/worker trên cơ sở dữ liệu này dùng chung khóa đó',
    );
  } else if (!local || local === key.value) {
    logger.log('JWT_SECRET chưa đặt: dùng khóa ký chung lưu trong cơ sở dữ liệu (bảng app_secrets)');
  } else {
    logger.warn(
      `JWT_SECRET chưa đặt: dùng khóa ký chung trong cơ sở dữ liệu; khóa riêng trong ${file} không còn được dùng, phiên đăng nhập ký bằng nó phải đăng nhập lại`,
    );
  }
  return key.value;
}
