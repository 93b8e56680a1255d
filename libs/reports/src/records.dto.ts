import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, PageQueryDto, Trim } from '@app/common';
import { ACTIVITY_KINDS, FIGURE_PATHS, type ActivityKind, type FigurePath } from './figures';

export class CreateActivityDto {
  @ApiProperty({ enum: ACTIVITY_KINDS })
  @IsIn(ACTIVITY_KINDS)
  kind!: ActivityKind;

  @ApiProperty({ example: '2026-03-15' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ minimum: 1, example: 2 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  quantity!: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

export class ListActivitiesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;
}

export class ActivityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: ActivityKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() date!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() createdAt!: Date;
}

export class PlanTaskDto {
  @ApiProperty({ maxLength: 1000, example: 'Đăng tin bài tuyên truyền CCHC trên cổng thông tin' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  content!: string;

  @ApiProperty({ enum: FIGURE_PATHS, description: 'Số liệu đo nhiệm vụ, ví dụ portal.cchcArticlesPublished' })
  @IsIn(FIGURE_PATHS)
  metric!: FigurePath;

  @ApiProperty({ minimum: 0, example: 24 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100_000_000)
  target!: number;
}

export class PropagandaPlanDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ example: '59/KH-UBND', maxLength: 50 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  number!: string;

  @ApiProperty({ example: '2026-01-15' })
  @IsCalendarDate()
  issuedOn!: string;

  @ApiProperty({ example: 'Kế hoạch tuyên truyền cải cách hành chính năm 2026', maxLength: 500 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title!: string;

  @ApiProperty({ type: [PlanTaskDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlanTaskDto)
  tasks!: PlanTaskDto[];
}

export class ListPlansQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class PlanTaskResponse {
  @ApiProperty() content!: string;
  @ApiProperty({ enum: FIGURE_PATHS }) metric!: string;
  @ApiProperty() metricLabel!: string;
  @ApiProperty() target!: number;
  @ApiProperty({ description: 'Kết quả đếm được trong năm của kế hoạch (đến hôm nay)' }) actual!: number;
  @ApiProperty() achieved!: boolean;
  @ApiProperty({ enum: ['Đạt', 'Chưa đạt'] }) evaluation!: 'Đạt' | 'Chưa đạt';
}

export class PropagandaPlanResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() number!: string;
  @ApiProperty() issuedOn!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [PlanTaskResponse] }) tasks!: PlanTaskResponse[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}
