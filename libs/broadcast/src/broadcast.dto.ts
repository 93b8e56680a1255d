import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, PageQueryDto, Trim } from '@app/common';
import {
  AIRING_KINDS,
  AIRING_METHODS,
  AIRING_STATUSES,
  type AiringKind,
  type AiringMethod,
  type AiringStatus,
} from './airing.entity';
import { PLAN_STATUSES, type PlanStatus } from './plan.entity';
import { SLOT_KINDS, type SlotKind } from './station.entity';

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CreateStationDto {
  @ApiProperty({ example: 'Đài truyền thanh xã', maxLength: 200 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class StationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() name!: string;
}

export class RelaySourceDto {
  @ApiProperty({ example: 'Thời sự VOV1', maxLength: 200 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'https://str.vov.gov.vn/vovlive/vov1vov5Vietnamese.sdp_aac/playlist.m3u8' })
  @Trim()
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url!: string;
}

export class CreateSlotDto {
  @ApiProperty({ example: 'Bản tin buổi sáng', maxLength: 200 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ type: [Number], example: [1, 3, 5], description: '1 = thứ Hai … 7 = Chủ nhật' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays!: number[];

  @ApiProperty({ example: '06:00', description: 'Giờ bắt đầu HH:mm (giờ Việt Nam)' })
  @IsString()
  @Matches(HHMM)
  start!: string;

  @ApiProperty({ minimum: 1, maximum: 600, example: 15 })
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes!: number;

  @ApiProperty({ enum: SLOT_KINDS })
  @IsIn(SLOT_KINDS)
  kind!: SlotKind;

  @ApiPropertyOptional({ type: RelaySourceDto, description: 'Bắt buộc với khung tiếp âm (kind = relay)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RelaySourceDto)
  relaySource?: RelaySourceDto;
}

export class UpdateSlotDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays?: number[];

  @ApiPropertyOptional({ example: '06:00' })
  @IsOptional()
  @IsString()
  @Matches(HHMM)
  start?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes?: number;

  @ApiPropertyOptional({ type: RelaySourceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RelaySourceDto)
  relaySource?: RelaySourceDto;
}

export class RelaySourceResponse {
  @ApiProperty() name!: string;
  @ApiProperty() url!: string;
}

export class SlotResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) stationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [Number] }) weekdays!: number[];
  @ApiProperty({ example: '06:00' }) start!: string;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty({ enum: SLOT_KINDS }) kind!: SlotKind;
  @ApiProperty({ type: RelaySourceResponse, nullable: true }) relaySource!: RelaySourceResponse | null;
}

export class PlanDateParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ example: '2026-12-03', description: 'YYYY-MM-DD (ngày Việt Nam)' })
  @IsCalendarDate()
  date!: string;
}

export class PlanItemAiring {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: AIRING_STATUSES }) status!: AiringStatus;
  @ApiProperty() startedAt!: Date;
}

export class PlanItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['audio', 'relay'] }) kind!: 'audio' | 'relay';
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) audioId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) articleId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() plannedStart!: Date;
  @ApiProperty() durationSec!: number;
  @ApiProperty({ enum: ['normal', 'priority'] }) priority!: 'normal' | 'priority';
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Tệp âm thanh (/media/…) để phát' })
  audioUrl!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Luồng tiếp âm' }) relayUrl!:
    string | null;
  @ApiPropertyOptional({ type: PlanItemAiring, nullable: true, description: 'Lượt phát gần nhất của mục' })
  airing!: PlanItemAiring | null;
}

export class PlanSlotResponse {
  @ApiProperty({ format: 'uuid' }) slotId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SLOT_KINDS }) kind!: SlotKind;
  @ApiProperty({ example: '06:00' }) start!: string;
  @ApiProperty({ example: '06:15' }) end!: string;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty({ description: 'Số giây đã xếp (mục và khoảng lặng)' }) usedSec!: number;
  @ApiProperty({ type: [PlanItemResponse] }) items!: PlanItemResponse[];
}

export class PlanWarningResponse {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class PlanDeviationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: ['added', 'removed', 'moved'] }) kind!: 'added' | 'removed' | 'moved';
  @ApiProperty() title!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'uuid' }) actorId!: string;
  @ApiProperty() actorName!: string;
  @ApiProperty() createdAt!: Date;
}

export class PlanResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) stationId!: string;
  @ApiProperty() stationName!: string;
  @ApiProperty({ example: '2026-12-03' }) date!: string;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: PlanStatus;
  @ApiProperty() version!: number;
  @ApiProperty() generatedAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) approvedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) approvedByName!: string | null;
  @ApiProperty({ type: [PlanSlotResponse] }) slots!: PlanSlotResponse[];
  @ApiProperty({ type: [PlanWarningResponse] }) warnings!: PlanWarningResponse[];
  @ApiProperty({ type: [PlanDeviationResponse] }) deviations!: PlanDeviationResponse[];
  @ApiProperty({ type: [String], example: ['edit', 'approve'] }) allowedActions!: string[];
}

export class PlanItemInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'Mục đã có (giữ, đổi chỗ); bỏ trống để thêm mục mới' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  slotId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Bản tin âm thanh của mục mới' })
  @IsOptional()
  @IsUUID()
  audioId?: string;
}

export class EditPlanDto {
  @ApiProperty({
    type: [PlanItemInput],
    description: 'Toàn bộ các mục theo thứ tự mới: mục vắng mặt bị bỏ, mục không có id được thêm',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PlanItemInput)
  items!: PlanItemInput[];

  @ApiPropertyOptional({
    description: 'Bắt buộc khi lịch đã được duyệt (ghi thành sai khác so với lịch duyệt)',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ description: 'Phiên bản lịch đang sửa (409 nếu đã cũ)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class RecordAiringDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  stationId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  planItemId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Không dùng cho tiếp âm' })
  @IsOptional()
  @IsUUID()
  audioId?: string;

  @ApiProperty({ enum: AIRING_KINDS })
  @IsIn(AIRING_KINDS)
  kind!: AiringKind;

  @ApiProperty({ example: '2026-12-03T06:30:00+07:00' })
  @IsISO8601({ strict: true })
  startedAt!: string;

  @ApiProperty({ example: '2026-12-03T06:34:10+07:00' })
  @IsISO8601({ strict: true })
  endedAt!: string;

  @ApiProperty({ enum: AIRING_STATUSES })
  @IsIn(AIRING_STATUSES)
  status!: AiringStatus;

  @ApiPropertyOptional({ enum: AIRING_METHODS, default: 'operator' })
  @IsOptional()
  @IsIn(AIRING_METHODS)
  method?: AiringMethod;

  @ApiPropertyOptional({ description: 'Bắt buộc khi không phát được (missed)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'Số giây thực phát (máy phát ghi)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86_400)
  playedSeconds?: number;

  @ApiPropertyOptional({ description: 'Tên bài khi không có bản tin trong hệ thống (sổ cũ, phát ngoài)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ description: 'Nguồn tiếp âm khi không có mục trong lịch' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  sourceName?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Chuyên mục khi không có bản tin trong hệ thống' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;
}

export class AiringResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) stationId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) planItemId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) audioId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) articleId!: string | null;
  @ApiProperty({ enum: AIRING_KINDS }) kind!: AiringKind;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) sourceName!: string | null;
  @ApiProperty() startedAt!: Date;
  @ApiProperty() endedAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: Number }) playedSeconds!: number | null;
  @ApiProperty({ enum: AIRING_STATUSES }) status!: AiringStatus;
  @ApiProperty({ enum: AIRING_METHODS }) method!: AiringMethod;
  @ApiPropertyOptional({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'uuid' }) operatorId!: string;
  @ApiProperty() createdAt!: Date;
}

export class ListAiringsQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  stationId!: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Từ ngày (YYYY-MM-DD, giờ Việt Nam)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class EmergencyDto {
  @ApiProperty({ format: 'uuid', description: 'Bản tin âm thanh đã sẵn sàng của đơn vị' })
  @IsUUID()
  audioId!: string;
}

export class EmergencySpeechDto {
  @ApiPropertyOptional({
    example: 'Thông báo khẩn',
    maxLength: 200,
    description: 'Mặc định "Thông báo khẩn cấp"',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiProperty({ example: 'Bão số 3 sắp đổ bộ, đề nghị bà con chằng chống nhà cửa.', maxLength: 5000 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text!: string;
}
