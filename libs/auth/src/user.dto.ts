import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto, ROLES, Role, Trim } from '@app/common';
import { User } from './user.entity';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class MembershipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class CreateUserDto {
  @ApiProperty({ example: 'bientap.haky', description: 'Chữ thường, số, dấu chấm, gạch dưới, gạch nối' })
  @IsString()
  @Matches(/^[a-zA-Z0-9._-]{3,100}$/)
  username!: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  fullName!: string;

  @ApiProperty({ type: [MembershipDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MembershipDto)
  memberships!: MembershipDto[];
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  fullName?: string;

  @ApiPropertyOptional({ description: 'Đặt lại mật khẩu' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ description: 'Khóa (true) hoặc mở khóa (false) tài khoản' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({
    type: [MembershipDto],
    description:
      'Toàn bộ vai trò của người dùng trong các đơn vị bạn quản trị (vai trò ở đơn vị khác được giữ nguyên)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MembershipDto)
  memberships?: MembershipDto[];
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  newPassword!: string;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() isSystemAdmin!: boolean;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({
    description:
      'Mật khẩu hiện tại do người khác đặt (mật khẩu đầu tiên của admin, hoặc quản trị viên đặt lại): cần đổi khi đăng nhập',
  })
  mustChangePassword!: boolean;
  @ApiProperty({ type: [MembershipDto] }) memberships!: MembershipDto[];
  @ApiProperty({ nullable: true, type: Date }) lastLoginAt!: Date | null;
  @ApiProperty() createdAt!: Date;

  static of(user: User): UserResponse {
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      isSystemAdmin: user.isSystemAdmin,
      disabled: user.disabled,
      mustChangePassword: user.mustChangePassword,
      memberships: (user.memberships ?? []).map((m) => ({ unitId: m.unitId, role: m.role })),
      lastLoginAt: user.lastLoginAt,
      createdAt: user.createdAt,
    };
  }
}

export class UnitPermissions {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({
    type: [String],
    description:
      'Thao tác được phép ở đơn vị này, dạng "<miền>.<động từ>", ví dụ "articles.create", "audio.request"',
    example: ['articles.read', 'articles.create', 'articles.submit'],
  })
  actions!: string[];
}

/** The caller, with what they may do where: the admin app reads these instead of keeping role lists. */
export class MeResponse extends UserResponse {
  @ApiProperty({ type: [UnitPermissions], description: 'Quyền theo từng đơn vị của người dùng' })
  permissions!: UnitPermissions[];
  @ApiProperty({
    type: [String],
    description: 'Thao tác được phép ở mọi đơn vị (quản trị hệ thống: tất cả; người khác: rỗng)',
  })
  actionsEverywhere!: string[];
}

export class LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Thời điểm hết hạn (ISO 8601)' }) expiresAt!: string;
  @ApiProperty({ type: MeResponse }) user!: MeResponse;
}
