import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, GLOBAL_LOCKS, Principal } from '@app/common';
import { AccountBackoff } from './account-backoff';
import { AuthException } from './auth.exception';
import { PasswordService } from './password.service';
import { PermissionsService } from './permissions.service';
import { TokenService } from './token.service';
import { LoginDto, LoginResponse, UserResponse } from './user.dto';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly backoff: AccountBackoff,
    private readonly permissions: PermissionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A wrong password and an unknown user give the same 401, in the same time, and the same backoff: the
   * account's attempts are counted by the name typed, whether or not it exists.
   */
  async login(dto: LoginDto, address: string): Promise<LoginResponse> {
    const username = dto.username.trim().toLowerCase();
    const backoffKey = `login:${username}`;
    const trustedKey = `trusted:${username}|${address}`;
    await this.backoff.attempt(
      backoffKey,
      (wait) => `Tài khoản này vừa bị nhập sai mật khẩu nhiều lần, vui lòng thử lại sau ${wait}`,
      trustedKey,
    );
    const user = await this.users.findByUsername(username);
    if (!(await this.passwords.verify(user?.passwordHash, dto.password)) || !user) {
      throw AuthException.invalidCredentials();
    }
    await this.backoff.succeeded(backoffKey, trustedKey);
    if (user.disabled) {
      throw AuthException.disabled();
    }
    user.lastLoginAt = new Date();
    await this.users.save(user);
    const response = UserResponse.of(user);
    return { ...(await this.tokens.sign(user)), user: { ...response, ...this.permissions.of(response) } };
  }

  /**
   * The principal of a bearer token. The user is re-read (one query by primary key, with the memberships)
   * on every request, so that a disabled account stops at once and a token older than the last password
   * change, reset, lock or unlock (its `ver` below the user's tokenVersion) stops too: no cache to expire.
   */
  async authenticate(token: string): Promise<Principal> {
    const { userId, version } = await this.tokens.verify(token);
    const user = await this.users.findById(userId);
    if (!user || user.disabled) {
      throw AuthException.unauthenticated();
    }
    if (version !== user.tokenVersion) {
      throw AuthException.sessionRevoked();
    }
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      isSystemAdmin: user.isSystemAdmin,
      memberships: (user.memberships ?? []).map((m) => ({ unitId: m.unitId, role: m.role })),
    };
  }

  /**
   * Creates the system administrator `admin` when there are no users. Several api replicas may boot at
   * once: the advisory lock lets one of them do it, and only that one prints a generated password.
   */
  async bootstrapAdmin(): Promise<void> {
    const generated = this.config.bootstrapAdminPassword === undefined;
    const password = this.config.bootstrapAdminPassword ?? randomBytes(12).toString('base64url');
    const passwordHash = await this.passwords.hash(password);
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [GLOBAL_LOCKS.bootstrapAdmin]);
      if ((await this.users.count(manager)) > 0) {
        return false;
      }
      const admin = Object.assign(new User(), {
        username: 'admin',
        fullName: 'Quản trị hệ thống',
        passwordHash,
        isSystemAdmin: true,
        disabled: false,
        // A generated password was printed where others may read it; one from the environment was chosen.
        mustChangePassword: generated,
      });
      await this.users.save(admin, manager);
      return true;
    });
    if (created) {
      this.logger.warn(
        generated
          ? `Đã tạo tài khoản quản trị "admin" với mật khẩu: ${password} (chỉ hiện một lần, hãy đổi ngay sau khi đăng nhập)`
          : 'Đã tạo tài khoản quản trị "admin" với mật khẩu trong BOOTSTRAP_ADMIN_PASSWORD',
      );
      if (generated) {
        // The JSON line above is one among many at the first start: a person looks for this box.
        process.stdout.write(
          framed([
            'Tài khoản quản trị: admin',
            `Mật khẩu: ${password}`,
            'Chỉ hiện một lần: hãy đăng nhập và đổi mật khẩu ngay.',
          ]),
        );
      }
    }
  }
}

/** Lines in a box of their own, with a blank line before and after. */
function framed(lines: string[]): string {
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const row = (text: string) => `║ ${text.padEnd(width - 1)}║`;
  return ['', `╔${'═'.repeat(width)}╗`, ...lines.map(row), `╚${'═'.repeat(width)}╝`, '', ''].join('\n');
}
