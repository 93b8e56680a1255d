import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

export class FigureResponse {
  @ApiProperty({ example: 'radio.airings' }) path!: string;
  @ApiProperty({ example: 'Lượt phát sóng' }) label!: string;
  @ApiProperty({ enum: ['count', 'minutes'] }) unit!: 'count' | 'minutes';
  @ApiProperty({ enum: ['evidence', 'visits', 'activity'] }) source!: 'evidence' | 'visits' | 'activity';
}

export class MonthsQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class MonthFiguresResponse {
  @ApiProperty({ minimum: 1, maximum: 12 }) month!: number;
  @ApiProperty() articlesPublished!: number;
  @ApiProperty() cchcArticlesPublished!: number;
  @ApiProperty() airings!: number;
  @ApiProperty() cchcAirings!: number;
  @ApiProperty() piecesProduced!: number;
  @ApiProperty() proceduresPublished!: number;
}

export class MonthsResponse {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: [MonthFiguresResponse] }) months!: MonthFiguresResponse[];
}

export class TodosQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;
}

export class StationTodo {
  @ApiProperty({ format: 'uuid' }) stationId!: string;
  @ApiProperty() stationName!: string;
  @ApiProperty({
    enum: ['missing', 'draft'],
    description: 'missing: chưa lập lịch hôm nay; draft: chưa duyệt',
  })
  plan!: 'missing' | 'draft';
}

/** What waits for someone in the unit today; each count opens its list in the admin app. */
export class TodosResponse {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ description: 'Ngày hôm nay (giờ Việt Nam)' }) today!: string;
  @ApiProperty({ description: 'Tin bài chờ duyệt' }) articlesToApprove!: number;
  @ApiProperty({ description: 'Tin bài của tôi bị trả lại' }) articlesReturnedToMe!: number;
  @ApiProperty({ description: 'Tin bài đã duyệt hoặc đã đăng nhưng chưa có bản tin âm thanh' })
  approvedWithoutAudio!: number;
  @ApiProperty({ description: 'Thủ tục còn hiệu lực chưa công khai trên cổng' })
  proceduresUnpublished!: number;
  @ApiProperty({
    type: [StationTodo],
    description: 'Đài có khung giờ hôm nay mà lịch chưa lập hoặc chưa duyệt',
  })
  plansNotApproved!: StationTodo[];
}
