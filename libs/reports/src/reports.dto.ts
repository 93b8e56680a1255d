import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, PageQueryDto } from '@app/common';
import { FIGURE_PATHS, type FigurePath } from './figures';

export class SummaryQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ example: '2026-01-01', description: 'Từ ngày (giờ Việt Nam), tính cả ngày này' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Đến ngày (giờ Việt Nam), tính cả ngày này' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: cộng cả các đơn vị cấp dưới' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeChildren?: 'true' | 'false';
}

export class FigureRowsQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeChildren?: 'true' | 'false';

  @ApiProperty({ enum: FIGURE_PATHS, description: 'Số liệu cần xem chi tiết, ví dụ radio.airings' })
  @IsIn(FIGURE_PATHS)
  figure!: FigurePath;
}

export class CategoryCountResponse {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) categoryId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty() count!: number;
}

export class PortalFigures {
  @ApiProperty({ description: 'Tin bài đăng lần đầu trong kỳ' }) articlesPublished!: number;
  @ApiProperty() cchcArticlesPublished!: number;
  @ApiProperty({ description: 'Tin bài gỡ trong kỳ (không trừ khỏi số đã đăng)' })
  articlesUnpublished!: number;
  @ApiProperty({ type: [CategoryCountResponse] }) byCategory!: CategoryCountResponse[];
  @ApiProperty() proceduresPublished!: number;
  @ApiProperty() visits!: number;
}

export class RadioFigures {
  @ApiProperty() piecesProduced!: number;
  @ApiProperty() cchcPiecesProduced!: number;
  @ApiProperty({ description: 'Lượt phát sóng chương trình đã phát trọn (aired)' }) airings!: number;
  @ApiProperty() cchcAirings!: number;
  @ApiProperty() airedMinutes!: number;
  @ApiProperty() relayAirings!: number;
  @ApiProperty() relayMinutes!: number;
  @ApiProperty() emergencyAirings!: number;
  @ApiProperty() emergencyMinutes!: number;
  @ApiProperty() partialAirings!: number;
  @ApiProperty() missedAirings!: number;
}

export class ActivityFigures {
  @ApiProperty() conference!: number;
  @ApiProperty() one_stop_guidance!: number;
  @ApiProperty() banner!: number;
  @ApiProperty() leaflet!: number;
  @ApiProperty() other!: number;
}

export class UnitSummaryResponse {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() unitKind!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: PortalFigures }) portal!: PortalFigures;
  @ApiProperty({ type: RadioFigures }) radio!: RadioFigures;
  @ApiProperty({ type: ActivityFigures }) activities!: ActivityFigures;
}

export class SummaryResponse extends UnitSummaryResponse {
  @ApiProperty() includeChildren!: boolean;
  @ApiPropertyOptional({
    type: [UnitSummaryResponse],
    description: 'Mỗi đơn vị trực thuộc, đã cộng các đơn vị dưới nó',
  })
  children?: UnitSummaryResponse[];
}

/** One row behind a figure: an evidence row, a day of portal visits, or an activity typed in. */
export class FigureRowResponse {
  @ApiProperty({ description: 'Mã của dòng chứng cứ, của ngày (lượt truy cập) hoặc của hoạt động' })
  id!: string;
  @ApiProperty({ enum: ['evidence', 'visits', 'activity'] }) source!: 'evidence' | 'visits' | 'activity';
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: String, nullable: true }) type!: string | null;
  @ApiProperty({ description: 'Loại sự kiện, tiếng Việt' }) typeLabel!: string;
  @ApiProperty() occurredAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) recordedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) method!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Cách ghi nhận, tiếng Việt' }) methodLabel!:
    string | null;
  @ApiProperty({ description: 'Tiêu đề của tin bài, thủ tục, bản tin, lượt phát hoặc hoạt động' })
  title!: string;
  @ApiProperty({ type: String, nullable: true }) subjectType!: string | null;
  @ApiProperty({ type: String, nullable: true }) subjectId!: string | null;
  @ApiProperty({ description: 'Số lượng dòng này đóng góp (1 với một dòng chứng cứ)' }) quantity!: number;
  @ApiProperty({ type: Number, nullable: true }) minutes!: number | null;
  @ApiProperty({ type: Object, nullable: true }) snapshot!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) hash!: string | null;
}

export class FigureRowsResponse {
  @ApiProperty() figure!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Giá trị của số liệu (bằng số trong báo cáo tổng hợp)' }) value!: number;
  @ApiProperty({ type: [FigureRowResponse] }) items!: FigureRowResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
