import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, Trim } from '@app/common';
import { TEMPLATE } from './annual-report.model';
import { FIGURE_PATHS, type FigurePath } from './figures';

const SECTION_MAX = 20_000;

export class ReportSectionsDto {
  @ApiProperty({ description: 'I. Công tác chỉ đạo, điều hành (mỗi dòng một đoạn)' })
  @Trim()
  @IsString()
  @MaxLength(SECTION_MAX)
  direction!: string;

  @ApiProperty({ description: 'II.1 Nội dung, hình thức tuyên truyền' })
  @Trim()
  @IsString()
  @MaxLength(SECTION_MAX)
  forms!: string;

  @ApiProperty({ description: 'II.2 Kết quả khác, sau phần số liệu' })
  @Trim()
  @IsString()
  @MaxLength(SECTION_MAX)
  otherResults!: string;

  @ApiProperty({ description: 'III. Đánh giá chung' })
  @Trim()
  @IsString()
  @MaxLength(SECTION_MAX)
  assessment!: string;

  @ApiProperty({ description: 'IV. Đề xuất, kiến nghị' })
  @Trim()
  @IsString()
  @MaxLength(SECTION_MAX)
  proposals!: string;

  @ApiProperty({ description: 'V. Phương hướng, nhiệm vụ năm sau' })
  @Trim()
  @IsString()
  @MaxLength(SECTION_MAX)
  nextYear!: string;
}

export class FigureOverrideDto {
  @ApiProperty({ enum: FIGURE_PATHS })
  @IsIn(FIGURE_PATHS)
  figure!: FigurePath;

  @ApiProperty({ minimum: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100_000_000)
  value!: number;

  @ApiProperty({ description: 'Vì sao số liệu khác số hệ thống đếm được (hiện trong báo cáo)' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note!: string;
}

export class ReportTextsDto {
  @ApiProperty({ type: ReportSectionsDto })
  @ValidateNested()
  @Type(() => ReportSectionsDto)
  sections!: ReportSectionsDto;

  @ApiProperty({ type: [String], description: 'Nơi nhận, mỗi dòng một nơi' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  recipients!: string[];

  @ApiProperty({ type: [FigureOverrideDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => FigureOverrideDto)
  overrides!: FigureOverrideDto[];
}

export class ReportTextsParamDto {
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

export class ReportTextsResponse {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() template!: string;
  @ApiProperty({ type: ReportSectionsDto }) sections!: ReportSectionsDto;
  @ApiProperty({ type: [String] }) recipients!: string[];
  @ApiProperty({ type: [FigureOverrideDto] }) overrides!: FigureOverrideDto[];
  @ApiProperty({
    enum: ['saved', 'lastYear', 'default'],
    description: 'saved: đã lưu cho năm này; lastYear: chép từ năm trước để bắt đầu; default: mẫu gợi ý',
  })
  source!: 'saved' | 'lastYear' | 'default';
  @ApiProperty({ type: Date, nullable: true }) updatedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) updatedByName!: string | null;
}

export class SignerDto {
  @ApiPropertyOptional({ example: 'PHÓ CHỦ TỊCH' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  title?: string;

  @ApiPropertyOptional({ example: 'Vũ Văn Khanh' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  name?: string;
}

export class CreateDocumentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ enum: [TEMPLATE] })
  @IsIn([TEMPLATE])
  template!: typeof TEMPLATE;

  @ApiPropertyOptional({ example: '125', description: 'Số của báo cáo (để trống khi chưa vào sổ)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(20)
  number?: string;

  @ApiPropertyOptional({ example: '2026-12-20', description: 'Ngày của báo cáo; mặc định hôm nay' })
  @IsOptional()
  @IsCalendarDate()
  issuedOn?: string;

  @ApiPropertyOptional({ type: SignerDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SignerDto)
  signer?: SignerDto;
}

class BlockResponse {
  @ApiProperty({ enum: ['heading', 'subheading', 'paragraph', 'note'] }) kind!: string;
  @ApiProperty() text!: string;
}

class SignerBlockResponse {
  @ApiProperty({ type: [String] }) lines!: string[];
  @ApiProperty() name!: string;
}

class AnnexResponse {
  @ApiProperty({ type: [String] }) title!: string[];
  @ApiProperty() caption!: string;
  @ApiProperty({ type: [String] }) header!: string[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } } }) rows!: string[][];
}

/** The report as blocks, for the admin app's preview (the .docx is laid out from the same). */
export class ReportModelResponse {
  @ApiProperty({ type: [String] }) issuer!: string[];
  @ApiProperty() number!: string;
  @ApiProperty() placeAndDate!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [BlockResponse] }) body!: BlockResponse[];
  @ApiProperty({ type: [String] }) recipients!: string[];
  @ApiProperty({ type: SignerBlockResponse }) signer!: SignerBlockResponse;
  @ApiProperty({ type: AnnexResponse }) annex!: AnnexResponse;
}
