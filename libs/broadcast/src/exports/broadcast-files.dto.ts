import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from '@app/common';

export const MONTH = /^(20\d\d|2100)-(0[1-9]|1[0-2])$/;

export class SlotAudioParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ example: '2026-12-03', description: 'YYYY-MM-DD (ngày Việt Nam)' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  slotId!: string;
}

export class LogbookQueryDto {
  @ApiProperty({ example: '2026-12', description: 'Tháng YYYY-MM (giờ Việt Nam)' })
  @Matches(MONTH, { message: 'Tháng (month) phải có dạng YYYY-MM, ví dụ 2026-12 (năm 2000–2100)' })
  month!: string;
}

export class AiringImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: chỉ xem trước, không ghi gì' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

export class LogbookRowResponse {
  @ApiProperty({ example: '2026-12-03' }) date!: string;
  @ApiProperty({ example: '03/12/2026', description: 'Ngày' }) day!: string;
  @ApiProperty({ description: 'Khung giờ', example: 'Bản tin buổi sáng (06:00–06:30)' }) slot!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Giờ dự kiến HH:mm' })
  plannedTime!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Giờ bắt đầu HH:mm' })
  startTime!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Giờ kết thúc HH:mm' })
  endTime!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Thời lượng đã phát (phút)' })
  minutes!: number | null;
  @ApiProperty({ description: 'Nội dung' }) title!: string;
  @ApiProperty({ enum: ['plan', 'relay', 'emergency', 'import', 'unplanned'] })
  sourceKind!: 'plan' | 'relay' | 'emergency' | 'import' | 'unplanned';
  @ApiProperty({ description: 'Nguồn', example: 'Bản tin của xã' }) source!: string;
  @ApiProperty({ description: 'Chuyên mục' }) category!: string;
  @ApiProperty({ enum: ['normal', 'priority', 'emergency'] }) priority!: 'normal' | 'priority' | 'emergency';
  @ApiProperty({ description: 'Ưu tiên', example: 'Thông thường' }) priorityLabel!: string;
  @ApiProperty({ enum: ['aired', 'partial', 'missed', 'unrecorded'] })
  result!: 'aired' | 'partial' | 'missed' | 'unrecorded';
  @ApiProperty({ description: 'Kết quả', example: 'Đã phát' }) resultLabel!: string;
  @ApiProperty({ description: 'Người ghi' }) operator!: string;
  @ApiProperty({ description: 'Ghi chú' }) note!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) planItemId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) airingId!: string | null;
}

export class LogbookTotalsResponse {
  @ApiProperty({ description: 'Lượt phát đã phát (trọn vẹn)' }) aired!: number;
  @ApiProperty({ description: 'Lượt phát một phần' }) partial!: number;
  @ApiProperty({ description: 'Phút phát (đã phát và phát một phần)' }) minutes!: number;
  @ApiProperty({ description: 'Lượt tiếp âm đã phát' }) relays!: number;
  @ApiProperty({ description: 'Lượt khẩn cấp' }) emergencies!: number;
  @ApiProperty({ description: 'Lượt không phát' }) missed!: number;
  @ApiProperty({ description: 'Mục trong lịch chưa ghi nhận' }) unrecorded!: number;
}

export class LogbookResponse {
  @ApiProperty({ example: 'SỔ NHẬT KÝ PHÁT SÓNG – Đài truyền thanh – tháng 12/2026' }) title!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ format: 'uuid' }) stationId!: string;
  @ApiProperty() stationName!: string;
  @ApiProperty({ example: '2026-12' }) month!: string;
  @ApiProperty({ type: [LogbookRowResponse] }) rows!: LogbookRowResponse[];
  @ApiProperty({ type: LogbookTotalsResponse }) totals!: LogbookTotalsResponse;
}

export class AiringImportErrorResponse {
  @ApiProperty({ description: 'Số dòng trong tệp (dòng tiêu đề là 1)' }) row!: number;
  @ApiProperty({ description: 'Cột có lỗi', example: 'Giờ bắt đầu' }) field!: string;
  @ApiProperty() message!: string;
}

export class AiringImportResponse {
  @ApiProperty({ description: 'Lượt phát được ghi (khi xem trước: sẽ được ghi)' }) created!: number;
  @ApiProperty({ description: 'Dòng đã nhập từ trước (cùng tệp, cùng dòng)' }) skipped!: number;
  @ApiProperty({ type: [AiringImportErrorResponse] }) errors!: AiringImportErrorResponse[];
  @ApiProperty() dryRun!: boolean;
}
