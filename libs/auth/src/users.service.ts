import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ForbiddenException, NotFoundException, Page, Principal, toPage } from '@app/common';
import { isUniqueViolation } from '@app/db';
import { UnitAccess, UnitsRepository } from '@app/units';
import { AccountBackoff } from './account-backoff';
import { AuthException } from './auth.exception';
import { PasswordService } from './password.service';
import { PermissionsService, USER_KEEPERS } from './permissions.service';
import {
  ChangePasswordDto,
  CreateUserDto,
  ListUsersQueryDto,
  MeResponse,
  MembershipDto,
  UpdateUserDto,
  UserResponse,
} from './user.dto';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

/**
 * People and their roles. The system administrator manages everyone; a unit's admin manages the users
 * who belong to that unit, and only their roles in that unit.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly unitsRepo: UnitsRepository,
    private readonly access: UnitAccess,
    private readonly passwords: PasswordService,
    private readonly backoff: AccountBackoff,
    private readonly permissions: PermissionsService,
  ) {}

  async me(principal: Principal): Promise<MeResponse> {
    const user = UserResponse.of(await this.getOrThrow(principal.id));
    return { ...user, ...this.permissions.of(user) };
  }

  async create(principal: Principal, dto: CreateUserDto): Promise<UserResponse> {
    const memberships = dedupe(dto.memberships);
    if (!principal.isSystemAdmin) {
      if (memberships.length === 0) {
        throw new ForbiddenException('Người dùng mới phải thuộc ít nhất một đơn vị bạn quản trị');
      }
      memberships.forEach((m) => this.access.assertRole(principal, m.unitId, USER_KEEPERS));
    }
    const passwordHash = await this.passwords.hash(dto.password);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertUnitsExist(dto.memberships, manager);
      const user = Object.assign(new User(), {
        username: dto.username.toLowerCase(),
        fullName: dto.fullName,
        passwordHash,
        isSystemAdmin: false,
        disabled: false,
        mustChangePassword: false,
      });
      const saved = await this.saveUnique(user, manager);
      await this.users.replaceMemberships(manager, saved.id, undefined, memberships);
      return saved.id;
    });
    return this.getOrThrow(id).then((u) => UserResponse.of(u));
  }

  async list(principal: Principal, query: ListUsersQueryDto): Promise<Page<UserResponse>> {
    let unitIds: string[] | undefined;
    if (query.unitId) {
      this.access.assertRole(principal, query.unitId, USER_KEEPERS);
      unitIds = [query.unitId];
    } else if (!principal.isSystemAdmin) {
      unitIds = this.adminUnits(principal);
      if (unitIds.length === 0) {
        throw new ForbiddenException();
      }
    }
    const [items, total] = await this.users.page(unitIds, (query.page - 1) * query.pageSize, query.pageSize);
    return toPage(
      items.map((u) => UserResponse.of(u)),
      total,
      query,
    );
  }

  async get(principal: Principal, id: string): Promise<UserResponse> {
    const user = await this.getOrThrow(id);
    if (principal.id !== id) {
      this.assertManages(principal, user);
    }
    return UserResponse.of(user);
  }

  async update(principal: Principal, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    const passwordHash = dto.password !== undefined ? await this.passwords.hash(dto.password) : undefined;
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findById(id, manager);
      if (!user) {
        throw new NotFoundException('người dùng');
      }
      this.assertManages(principal, user);
      const personal = dto.fullName !== undefined || dto.password !== undefined || dto.disabled !== undefined;
      if (personal && !this.managesWholly(principal, user)) {
        // The account is shared with units this admin does not run: locking it or resetting its password
        // would reach into those units too.
        throw new ForbiddenException(
          'Người dùng này còn thuộc đơn vị khác: chỉ quản trị hệ thống được đổi tên, mật khẩu hoặc khóa tài khoản',
        );
      }
      if (dto.disabled === true && user.id === principal.id) {
        throw new ForbiddenException('Bạn không thể tự khóa tài khoản của mình');
      }
      // A reset password, a lock and an unlock each end the sessions opened before: whoever held a token
      // then (perhaps the reason for the reset or the lock) must sign in again.
      const revoke =
        passwordHash !== undefined || (dto.disabled !== undefined && dto.disabled !== user.disabled);
      if (dto.fullName !== undefined) {
        user.fullName = dto.fullName;
      }
      if (dto.disabled !== undefined) {
        user.disabled = dto.disabled;
      }
      if (passwordHash !== undefined) {
        user.passwordHash = passwordHash;
        // Reset by someone else, the password is known to them: the owner replaces it at the next login.
        user.mustChangePassword = user.id !== principal.id;
      }
      await this.users.save(user, manager);
      if (revoke) {
        await this.users.revokeTokens(user.id, manager);
      }
      if (dto.memberships !== undefined) {
        const memberships = dedupe(dto.memberships);
        const within = principal.isSystemAdmin ? undefined : this.adminUnits(principal);
        if (within) {
          memberships.forEach((m) => this.access.assertRole(principal, m.unitId, USER_KEEPERS));
        }
        await this.assertUnitsExist(dto.memberships, manager);
        await this.users.replaceMemberships(manager, user.id, within, memberships);
      }
    });
    return this.getOrThrow(id).then((u) => UserResponse.of(u));
  }

  /**
   * The current password is checked under the account's backoff: a stolen token alone must not become a
   * way to guess the password. Every token of the user, this one included, stops working after the
   * change; the caller signs in again with the new password (the admin app does it by itself).
   */
  async changeOwnPassword(principal: Principal, dto: ChangePasswordDto): Promise<void> {
    const user = await this.getOrThrow(principal.id);
    const backoffKey = `password:${user.id}`;
    await this.backoff.attempt(
      backoffKey,
      (wait) => `Bạn đã nhập sai mật khẩu hiện tại nhiều lần, vui lòng thử lại sau ${wait}`,
    );
    if (!(await this.passwords.verify(user.passwordHash, dto.currentPassword))) {
      throw AuthException.wrongCurrentPassword();
    }
    await this.backoff.succeeded(backoffKey);
    if (user.mustChangePassword && dto.newPassword === dto.currentPassword) {
      throw AuthException.samePassword();
    }
    user.passwordHash = await this.passwords.hash(dto.newPassword);
    user.mustChangePassword = false;
    await this.dataSource.transaction(async (manager) => {
      await this.users.save(user, manager);
      await this.users.revokeTokens(user.id, manager);
    });
  }

  private adminUnits(principal: Principal): string[] {
    return principal.memberships.filter((m) => USER_KEEPERS.includes(m.role)).map((m) => m.unitId);
  }

  /** The system administrator manages everyone; a unit admin, the users of that unit (not system admins). */
  private assertManages(principal: Principal, user: User): void {
    if (principal.isSystemAdmin) {
      return;
    }
    const admin = new Set(this.adminUnits(principal));
    if (user.isSystemAdmin || !(user.memberships ?? []).some((m) => admin.has(m.unitId))) {
      throw new ForbiddenException('Bạn chỉ quản lý được người dùng của đơn vị mình');
    }
  }

  /** True when every unit of the user is one the principal administers. */
  private managesWholly(principal: Principal, user: User): boolean {
    if (principal.isSystemAdmin) {
      return true;
    }
    const admin = new Set(this.adminUnits(principal));
    return (user.memberships ?? []).every((m) => admin.has(m.unitId));
  }

  private async getOrThrow(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) {
      throw new NotFoundException('người dùng');
    }
    return user;
  }

  private async assertUnitsExist(memberships: MembershipDto[], manager: EntityManager): Promise<void> {
    const ids = [...new Set(memberships.map((m) => m.unitId))];
    const found = new Set((await this.unitsRepo.findByIds(ids, manager)).map((u) => u.id));
    const missing = memberships.flatMap((m, i) => (found.has(m.unitId) ? [] : [i]));
    if (missing.length > 0) {
      throw AuthException.unknownUnits(missing);
    }
  }

  private async saveUnique(user: User, manager: EntityManager): Promise<User> {
    try {
      return await this.users.save(user, manager);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_users_username')) {
        throw AuthException.usernameTaken(user.username);
      }
      throw error;
    }
  }
}

function dedupe(memberships: MembershipDto[]): MembershipDto[] {
  const seen = new Map(memberships.map((m) => [`${m.unitId}/${m.role}`, m]));
  return [...seen.values()];
}
