import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayUnique,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_PAGE, Trim } from '@app/common';
import { UNIT_KINDS, Unit, UnitKind, UnitSettings } from './unit.entity';

export class BroadcastPolicyDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 48, description: 'Số khung giờ phát tối đa mỗi ngày' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(48)
  maxSlotsPerDay?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 600, description: 'Số phút tối đa mỗi khung giờ' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  maxMinutesPerSlot?: number;

  @ApiPropertyOptional({ type: [Number], description: 'Ngày được phát: 1 = thứ Hai … 7 = Chủ nhật' })
  @IsOptional()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  @ArrayUnique()
  allowedWeekdays?: number[];
}

export class UnitSettingsDto {
  @ApiPropertyOptional({ example: 'CHỦ TỊCH' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(255)
  signerTitle?: string;
  @ApiPropertyOptional({ example: 'Nguyễn Văn A' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(255)
  signerName?: string;
  @ApiPropertyOptional({ example: 'BC-UBND' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  documentSuffix?: string;
  @ApiPropertyOptional({ example: 'Hà Kỳ' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(255)
  placeName?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(50) phone?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(255) email?: string;

  @ApiPropertyOptional({
    example: 'xa-ha-ky.gov.vn',
    description:
      'Tên miền riêng của cổng thông tin (không có http://, không có cổng); để trống thì bỏ. Chỉ quản trị hệ ' +
      'thống được đặt hoặc đổi (người khác: 403); không nhận địa chỉ IP, localhost hay tên miền của chính hệ thống (PUBLIC_URL)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsString()
  @Matches(
    /^$|^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/,
  )
  portalHost?: string;

  @ApiPropertyOptional({ type: BroadcastPolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BroadcastPolicyDto)
  broadcastPolicy?: BroadcastPolicyDto;

  @ApiPropertyOptional({
    minimum: -31,
    maximum: -9,
    example: -16,
    description: 'Độ to chuẩn của âm thanh (LUFS): -16 cho loa ngoài trời (mặc định), -23 theo EBU R128',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(-31)
  @Max(-9)
  loudnessTargetLufs?: number;
}

export class CreateUnitDto {
  @ApiProperty({ example: '10507', description: 'Mã đơn vị (duy nhất)' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,50}$/)
  code!: string;

  @ApiProperty({ example: 'UBND xã Hà Kỳ' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name!: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind!: UnitKind;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiProperty({
    example: 'ha-ky',
    description: 'Đường dẫn cổng thông tin: chữ thường không dấu, số, gạch nối',
  })
  @IsString()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  @MaxLength(100)
  slug!: string;

  @ApiPropertyOptional({ type: UnitSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UnitSettingsDto)
  settings?: UnitSettingsDto;
}

export class UpdateUnitDto extends PartialType(CreateUnitDto) {}

export class ListUnitsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  /** The whole tree of a province fits in one page. */
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  pageSize: number = 200;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class UnitResponse extends PickType(CreateUnitDto, ['code', 'name', 'kind', 'slug'] as const) {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ type: UnitSettingsDto }) settings!: UnitSettings;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static of(unit: Unit): UnitResponse {
    const { id, code, name, kind, parentId, slug, settings, createdAt, updatedAt } = unit;
    return { id, code, name, kind, parentId, slug, settings, createdAt, updatedAt };
  }
}
