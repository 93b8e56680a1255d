import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
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
import { FILE_URL } from '@app/media';
import {
  ARTICLE_PRIORITIES,
  ARTICLE_STATUSES,
  type ArticlePriority,
  type ArticleStatus,
} from './article.entity';
import { ARTICLE_ACTIONS, ArticleAction } from './articles.exception';

/** About 300 pages of text: far beyond a tin bài, small enough for one request. */
export const MAX_BODY_LENGTH = 500_000;
/** The longest radio script (what /speech/normalize takes too). */
export const MAX_RADIO_SCRIPT_LENGTH = 50_000;

/** Where uploaded images live (`POST /units/:unitId/images`): nothing else is taken as a featured image. */
export const IMAGE_URL = /^\/media\/images\/[0-9a-f]{64}\.(jpg|png|gif|webp)$/;
export const MAX_ATTACHMENTS = 20;

export class ArticleImageDto {
  @ApiProperty({ example: '/media/images/3f5a….jpg', description: 'Địa chỉ ảnh đã tải lên' })
  @IsString()
  @Matches(IMAGE_URL)
  url!: string;

  @ApiPropertyOptional({
    maxLength: 300,
    description: 'Mô tả ảnh cho người không xem được; trống thì dùng tiêu đề',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  alt?: string;
}

export class ArticleAttachmentDto {
  @ApiProperty({ example: '/media/files/3f5a….pdf', description: 'Địa chỉ tệp đã tải lên' })
  @IsString()
  @Matches(FILE_URL)
  url!: string;

  @ApiProperty({
    maxLength: 150,
    example: 'Kế hoạch CCHC năm 2026.pdf',
    description: 'Tên tệp hiển thị và khi tải về',
  })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(150)
  name!: string;
}

export class CreateArticleDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ maxLength: 300, example: 'Đẩy mạnh cải cách hành chính năm 2026' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  summary?: string;

  @ApiProperty({ description: 'HTML; được làm sạch theo danh sách cho phép trước khi lưu' })
  @IsString()
  @MaxLength(MAX_BODY_LENGTH)
  bodyHtml!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  categoryIds!: string[];

  @ApiPropertyOptional({
    type: ArticleImageDto,
    nullable: true,
    description: 'Ảnh đại diện: ảnh nhỏ trong danh sách bài và khi chia sẻ lên mạng xã hội; null để bỏ',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ArticleImageDto)
  featuredImage?: ArticleImageDto | null;

  @ApiPropertyOptional({
    type: [ArticleAttachmentDto],
    maxItems: MAX_ATTACHMENTS,
    description: 'Tệp đính kèm (PDF, DOC, DOCX, XLS, XLSX) liệt kê dưới bài, theo thứ tự này',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @ValidateNested({ each: true })
  @Type(() => ArticleAttachmentDto)
  attachments?: ArticleAttachmentDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({
    description: 'Lời đọc trên đài; để trống thì lấy từ nội dung',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_RADIO_SCRIPT_LENGTH)
  radioScript?: string | null;

  @ApiPropertyOptional({ enum: ARTICLE_PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(ARTICLE_PRIORITIES)
  priority?: ArticlePriority;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 1, description: 'Số lần dự kiến phát trên đài' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  plannedAirings?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 90,
    default: 7,
    description: 'Phát đủ số lần dự kiến trong bao nhiêu ngày (tính từ ngày đầu tiên được xếp lịch)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  airingDays?: number;
}

export class UpdateArticleDto extends PartialType(
  PickType(CreateArticleDto, [
    'title',
    'summary',
    'bodyHtml',
    'categoryIds',
    'tags',
    'radioScript',
    'priority',
    'plannedAirings',
    'airingDays',
    'featuredImage',
    'attachments',
  ] as const),
) {
  @ApiProperty({
    minimum: 1,
    description: 'Phiên bản đang sửa; khác phiên bản hiện tại thì 409 VERSION_CONFLICT',
  })
  @IsInt()
  @Min(1)
  version!: number;
}

export class ListArticlesQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiPropertyOptional({ enum: ARTICLE_STATUSES })
  @IsOptional()
  @IsIn(ARTICLE_STATUSES)
  status?: ArticleStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  authorId?: string;

  @ApiPropertyOptional({
    description: 'Tìm theo tiêu đề, tóm tắt, nội dung; gõ có dấu hay không dấu đều được',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Cập nhật từ ngày (giờ Việt Nam)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Cập nhật đến ngày (giờ Việt Nam)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: 1000 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

/** Correcting what the radio says of an approved or published article, without sending it back. */
export class CorrectRadioScriptDto {
  @ApiProperty({
    maxLength: MAX_RADIO_SCRIPT_LENGTH,
    description: 'Lời đọc mới cho đài (thay toàn bộ lời đọc; nội dung trên cổng thông tin không đổi)',
  })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_RADIO_SCRIPT_LENGTH)
  radioScript!: string;

  @ApiProperty({ maxLength: 1000, example: 'Máy đọc sai tên thôn Nà Sliến' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;

  @ApiProperty({
    minimum: 1,
    description: 'Phiên bản đang sửa; khác phiên bản hiện tại thì 409 VERSION_CONFLICT',
  })
  @IsInt()
  @Min(1)
  version!: number;
}

export class PublishArticleDto {
  @ApiPropertyOptional({ description: 'Hẹn giờ đăng (ISO 8601, có múi giờ); bỏ trống thì đăng ngay' })
  @IsOptional()
  @IsISO8601({ strict: true })
  publishAt?: string;
}

export class ImportArticleDto extends PickType(CreateArticleDto, [
  'title',
  'bodyHtml',
  'categoryIds',
] as const) {
  @ApiProperty({ description: 'Thời điểm đăng gốc (ISO 8601)' })
  @IsISO8601({ strict: true })
  publishedAt!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  sourceUrl?: string;
}

export class ImportArticlesDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ type: [ImportArticleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ImportArticleDto)
  articles!: ImportArticleDto[];
}

export class ImportArticlesResponse {
  @ApiProperty() imported!: number;
  @ApiProperty({ type: [String], format: 'uuid' }) ids!: string[];
}

export class ArticleImageResponse {
  @ApiProperty() url!: string;
  @ApiProperty({ description: 'Mô tả ảnh; trống thì cổng thông tin dùng tiêu đề bài' }) alt!: string;
  @ApiProperty({ description: 'Ảnh thu nhỏ (JPEG, rộng tối đa 480 điểm ảnh) cho danh sách bài' })
  thumbnailUrl!: string;
}

export class ArticleAttachmentResponse {
  @ApiProperty() url!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Kích thước tệp (byte)' }) bytes!: number;
  @ApiProperty({ description: 'Địa chỉ tải về dưới đúng tên tệp' }) downloadUrl!: string;
}

export class ArticleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() bodyHtml!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) categoryIds!: string[];
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: ArticleImageResponse, nullable: true }) featuredImage!: ArticleImageResponse | null;
  @ApiProperty({ type: [ArticleAttachmentResponse] }) attachments!: ArticleAttachmentResponse[];
  @ApiProperty({ description: 'Lời đọc trên đài (lấy từ nội dung nếu chưa soạn riêng)' })
  radioScript!: string;
  @ApiProperty({ description: 'true khi lời đọc được soạn riêng' }) radioScriptEdited!: boolean;
  @ApiProperty({ enum: ARTICLE_PRIORITIES }) priority!: ArticlePriority;
  @ApiProperty() plannedAirings!: number;
  @ApiProperty() airingDays!: number;
  @ApiProperty({ enum: ARTICLE_STATUSES }) status!: ArticleStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ nullable: true, type: Date }) publishAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) publishedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) firstPublishedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'Lý do trả lại hoặc gỡ bài' }) reason!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) sourceUrl!: string | null;
  @ApiProperty() imported!: boolean;
  @ApiProperty({ description: 'Đường dẫn trên cổng thông tin' }) url!: string;
  @ApiProperty({
    enum: ARTICLE_ACTIONS,
    isArray: true,
    description: 'Thao tác người gọi được làm với bài lúc này (theo vai trò và trạng thái)',
    example: ['edit', 'submit'],
  })
  allowedActions!: ArticleAction[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

/** How to ask for the corrected script's audio: it is not made by itself (an operator chooses the voice). */
export class AudioRequestLink {
  @ApiProperty({ enum: ['POST'] }) method!: 'POST';
  @ApiProperty({ example: '/api/v1/articles/6f0c…/audio' }) path!: string;
}

export class RadioScriptCorrectionResponse extends ArticleResponse {
  @ApiProperty({ type: AudioRequestLink, description: 'Tạo lại âm thanh với lời đọc mới: gửi yêu cầu này' })
  requestAudio!: AudioRequestLink;
}

export class ArticleRevisionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({
    description:
      'create, update, submit, approve, reject, publish, schedule, unpublish, import, correct-radio-script',
  })
  action!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Họ tên người thực hiện (null: hệ thống)' })
  actorName!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Lý do của lần này: trả lại, gỡ bài, sửa lời đọc cho đài',
  })
  reason!: string | null;
  @ApiProperty({ enum: ARTICLE_STATUSES }) status!: ArticleStatus;
  @ApiProperty({ type: Object }) content!: Record<string, unknown>;
  @ApiProperty() createdAt!: Date;
}

export class CreateCategoryDto {
  @ApiProperty({ maxLength: 200, example: 'Cải cách hành chính' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'Để trống thì tạo từ tên' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  @MaxLength(100)
  slug?: string;

  @ApiProperty({ description: 'Bài trong chuyên mục này được tính là tuyên truyền CCHC' })
  @IsBoolean()
  countsAsCchc!: boolean;
}

export class CategoryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() countsAsCchc!: boolean;
  @ApiProperty() position!: number;
}
