import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, PageQueryDto, Trim } from '@app/common';
import {
  ONLINE_LEVELS,
  PROCEDURE_STATUSES,
  type CaseList,
  type DossierItem,
  FORM_FILE_KINDS,
  type FormFile,
  type FormFileKind,
  type LegalDocument,
  type OnlineLevel,
  type ProcedureMethod,
  type ProcedureStatus,
} from './procedure.entity';
import { NoHtml } from './no-html';
import { PROCEDURE_ACTIONS, type ProcedureUserAction } from './procedure-rules';
import { IMPORT_JOB_STATUSES, type ImportJobStatus } from './procedure-import.entity';

const LONG_TEXT = 20_000;

export class StepCaseDto implements CaseList<string> {
  @ApiProperty({ nullable: true, type: String, description: 'Trường hợp; null khi thủ tục chỉ có một' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  @NoHtml()
  case!: string | null;

  @ApiProperty({ type: [String], description: 'Các bước, theo thứ tự' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(LONG_TEXT, { each: true })
  @NoHtml({ each: true })
  items!: string[];
}

/** Most form files one dossier item carries (a form and its filled-in example, in two or three formats). */
export const FORM_FILES_MAX = 10;

export class FormFileDto implements FormFile {
  @ApiProperty({
    example: '/media/files/3f5a….pdf',
    description: 'Địa chỉ tệp do POST /units/{unitId}/files trả về',
  })
  @IsString()
  @MaxLength(200)
  url!: string;

  @ApiProperty({
    example: 'Tờ khai đăng ký khai sinh.pdf',
    description: 'Tên tệp người dân thấy và tải về (kết thúc bằng đuôi của tệp)',
  })
  @IsString()
  @MaxLength(300)
  name!: string;

  @ApiProperty({
    enum: FORM_FILE_KINDS,
    required: false,
    description: 'Loại tệp: máy chủ tự xác định từ tệp đã lưu (giá trị gửi lên bị bỏ qua)',
  })
  @IsOptional()
  @IsIn(FORM_FILE_KINDS)
  kind!: FormFileKind;

  @ApiProperty({
    required: false,
    description: 'Kích thước tệp (byte): máy chủ tự đọc từ tệp đã lưu (giá trị gửi lên bị bỏ qua)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  bytes!: number;
}

export class DossierItemDto implements DossierItem {
  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @NoHtml()
  name!: string;

  @ApiProperty({ nullable: true, type: String, description: 'Mẫu đơn, tờ khai kèm theo' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @NoHtml()
  form!: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Số bản chính' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  originals!: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Số bản sao' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  copies!: number | null;

  @ApiPropertyOptional({
    type: [FormFileDto],
    description:
      'Tệp mẫu đơn, tờ khai của giấy tờ này (tải lên trước bằng POST /units/{unitId}/files); người dân tải về từ trang thủ tục trên cổng',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FORM_FILES_MAX)
  @ValidateNested({ each: true })
  @Type(() => FormFileDto)
  forms?: FormFileDto[];
}

export class DossierCaseDto implements CaseList<DossierItem> {
  @ApiProperty({ nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  @NoHtml()
  case!: string | null;

  @ApiProperty({ type: [DossierItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DossierItemDto)
  items!: DossierItemDto[];
}

export class MethodDto implements ProcedureMethod {
  @ApiProperty({ example: 'Trực tiếp' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NoHtml()
  channel!: string;

  @ApiProperty({
    example: 'Ngay trong ngày làm việc',
    description: 'Thời hạn theo cách này; để trống thì cổng hiện thời hạn giải quyết chung của thủ tục',
  })
  @IsString()
  @MaxLength(2000)
  @NoHtml()
  timeLimit!: string;

  @ApiProperty({
    example: 'Miễn lệ phí',
    description: 'Phí, lệ phí theo cách này; để trống thì cổng hiện phí, lệ phí chung của thủ tục',
  })
  @IsString()
  @MaxLength(2000)
  @NoHtml()
  fees!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(LONG_TEXT)
  @NoHtml()
  description!: string;
}

export class LegalDocumentDto implements LegalDocument {
  @ApiProperty({ example: '60/2014/QH13' })
  @IsString()
  @MaxLength(100)
  @NoHtml()
  number!: string;

  @ApiProperty({ example: 'Luật Hộ tịch' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @NoHtml()
  title!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  issuedOn!: string | null;

  @ApiProperty()
  @IsString()
  @MaxLength(300)
  @NoHtml()
  issuer!: string;
}

/** Every component of a procedure: what the edit form, the API and each import row carry. */
export class ProcedureContentDto {
  @ApiProperty({ maxLength: 60, example: '1.004227', description: 'Mã TTHC trên Cơ sở dữ liệu quốc gia' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  @Matches(/^[0-9A-Za-z][0-9A-Za-z.\-_]*$/, {
    message: 'Mã TTHC chỉ gồm chữ, số, dấu chấm, gạch ngang (ví dụ 1.004227)',
  })
  code!: string;

  @ApiProperty({ maxLength: 500, example: 'Thủ tục đăng ký khai sinh' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @NoHtml()
  name!: string;

  @ApiProperty({ maxLength: 300, example: 'Hộ tịch', description: 'Lĩnh vực' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @NoHtml()
  field!: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Cấp xã', description: 'Cấp thực hiện' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  @NoHtml()
  level?: string;

  @ApiPropertyOptional({ description: 'Cơ quan thực hiện' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  @NoHtml()
  agency?: string;

  @ApiPropertyOptional({ description: 'Đối tượng thực hiện' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  @NoHtml()
  applicants?: string;

  @ApiPropertyOptional({ type: [StepCaseDto], description: 'Trình tự thực hiện, theo trường hợp' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => StepCaseDto)
  steps?: StepCaseDto[];

  @ApiPropertyOptional({ type: [MethodDto], description: 'Cách thức thực hiện' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => MethodDto)
  methods?: MethodDto[];

  @ApiPropertyOptional({ type: [DossierCaseDto], description: 'Thành phần hồ sơ, theo trường hợp' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => DossierCaseDto)
  dossier?: DossierCaseDto[];

  @ApiPropertyOptional({ example: '01 bộ', description: 'Số lượng hồ sơ' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  @NoHtml()
  dossierCount?: string;

  @ApiPropertyOptional({
    description: 'Thời hạn giải quyết chung: hiện cho mỗi cách thực hiện không ghi thời hạn riêng',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LONG_TEXT)
  @NoHtml()
  timeLimit?: string;

  @ApiPropertyOptional({
    description: 'Phí, lệ phí chung: hiện cho mỗi cách thực hiện không ghi phí, lệ phí riêng',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LONG_TEXT)
  @NoHtml()
  fees?: string;

  @ApiPropertyOptional({ description: 'Mẫu đơn, tờ khai' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LONG_TEXT)
  @NoHtml()
  forms?: string;

  @ApiPropertyOptional({ description: 'Kết quả thực hiện' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LONG_TEXT)
  @NoHtml()
  result?: string;

  @ApiPropertyOptional({ description: 'Yêu cầu, điều kiện' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LONG_TEXT)
  @NoHtml()
  conditions?: string;

  @ApiPropertyOptional({ type: [LegalDocumentDto], description: 'Căn cứ pháp lý' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LegalDocumentDto)
  legalBasis?: LegalDocumentDto[];

  @ApiPropertyOptional({ description: 'Địa chỉ tiếp nhận hồ sơ' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  @NoHtml()
  receivingAddress?: string;

  @ApiPropertyOptional({
    enum: ONLINE_LEVELS,
    default: 'none',
    description: 'full: toàn trình; partial: một phần',
  })
  @IsOptional()
  @IsIn(ONLINE_LEVELS)
  onlineLevel?: OnlineLevel;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Đường dẫn dịch vụ công trực tuyến' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  onlineUrl?: string | null;

  @ApiPropertyOptional({ example: '1234/QĐ-UBND', description: 'Số Quyết định công bố' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  @NoHtml()
  decisionNumber?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Ngày Quyết định công bố',
  })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsCalendarDate()
  decisionDate?: string | null;

  @ApiPropertyOptional({ example: 'UBND tỉnh Hải Dương', description: 'Cơ quan ban hành Quyết định' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  @NoHtml()
  decisionIssuer?: string;

  @ApiPropertyOptional({ enum: PROCEDURE_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(PROCEDURE_STATUSES)
  status?: ProcedureStatus;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Thủ tục thay thế (khi trạng thái là replaced)',
  })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsUUID()
  replacedById?: string | null;
}

export class UpdateProcedureDto extends PartialType(ProcedureContentDto) {
  @ApiProperty({
    minimum: 1,
    description: 'Phiên bản đang sửa; khác phiên bản hiện tại thì 409 VERSION_CONFLICT',
  })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: 'Lý do (khi bãi bỏ hoặc thay thế)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  @NoHtml()
  reason?: string;
}

export class AbolishProcedureDto {
  @ApiProperty({ example: 'Bãi bỏ theo Quyết định số 456/QĐ-UBND' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @NoHtml()
  reason!: string;
}

export class ProcedureFiltersDto {
  @ApiPropertyOptional({ description: 'Tìm theo mã, tên, lĩnh vực (không cần dấu)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Lĩnh vực' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  field?: string;

  @ApiPropertyOptional({ enum: PROCEDURE_STATUSES })
  @IsOptional()
  @IsIn(PROCEDURE_STATUSES)
  status?: ProcedureStatus;

  @ApiPropertyOptional({ enum: ONLINE_LEVELS })
  @IsOptional()
  @IsIn(ONLINE_LEVELS)
  onlineLevel?: OnlineLevel;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Chỉ những thủ tục đang (true) / chưa (false) đăng',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  published?: 'true' | 'false';
}

export type ProcedureFilters = ProcedureFiltersDto;

export class ListProceduresQueryDto extends IntersectionType(PageQueryDto, ProcedureFiltersDto) {}

export class ProcedureResponse extends ProcedureContentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() declare level: string;
  @ApiProperty() declare agency: string;
  @ApiProperty() declare applicants: string;
  @ApiProperty({ type: [StepCaseDto] }) declare steps: StepCaseDto[];
  @ApiProperty({ type: [MethodDto] }) declare methods: MethodDto[];
  @ApiProperty({ type: [DossierCaseDto] }) declare dossier: DossierCaseDto[];
  @ApiProperty() declare dossierCount: string;
  @ApiProperty() declare timeLimit: string;
  @ApiProperty() declare fees: string;
  @ApiProperty() declare forms: string;
  @ApiProperty() declare result: string;
  @ApiProperty() declare conditions: string;
  @ApiProperty({ type: [LegalDocumentDto] }) declare legalBasis: LegalDocumentDto[];
  @ApiProperty() declare receivingAddress: string;
  @ApiProperty({ enum: ONLINE_LEVELS }) declare onlineLevel: OnlineLevel;
  @ApiProperty({ nullable: true, type: String }) declare onlineUrl: string | null;
  @ApiProperty() declare decisionNumber: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) declare decisionDate: string | null;
  @ApiProperty() declare decisionIssuer: string;
  @ApiProperty({ enum: PROCEDURE_STATUSES }) declare status: ProcedureStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) declare replacedById: string | null;
  @ApiProperty({ nullable: true, type: String }) statusReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) firstPublishedAt!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({
    enum: PROCEDURE_ACTIONS,
    isArray: true,
    description: 'Thao tác người gọi được làm với thủ tục này lúc này (sửa, đăng, bãi bỏ)',
  })
  allowedActions!: ProcedureUserAction[];
}

export class ProcedureRevisionResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['create', 'update', 'import', 'publish', 'abolish'] }) action!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ enum: PROCEDURE_STATUSES }) status!: ProcedureStatus;
  @ApiProperty({ type: [String] }) changed!: string[];
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ImportErrorDto {
  @ApiProperty({ description: 'Dòng trong tệp (dòng tiêu đề là 1 với CSV/XLSX; bản ghi thứ n với JSON)' })
  row!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Trường có lỗi' })
  field!: string | null;
  @ApiProperty() message!: string;
}

export class ImportRowDto {
  @ApiProperty() row!: number;
  @ApiProperty({ nullable: true, type: String }) code!: string | null;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ enum: ['create', 'update', 'unchanged', 'error'] }) action!:
    'create' | 'update' | 'unchanged' | 'error';
  @ApiProperty({ type: [String], description: 'Các trường sẽ thay đổi (với update)' }) changed!: string[];
}

export class ImportResultDto {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ enum: ['csv', 'xlsx', 'json'] }) format!: 'csv' | 'xlsx' | 'json';
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ description: 'Số dòng lỗi (không nhập)' }) failed!: number;
  @ApiProperty({ type: [ImportErrorDto], description: 'Lỗi theo dòng, tối đa 1.000 lỗi đầu' })
  errors!: ImportErrorDto[];
  @ApiProperty({ description: 'Số lỗi không liệt kê (quá 1.000 lỗi)' }) errorsOmitted!: number;
  @ApiProperty({ type: [ImportRowDto] }) rows!: ImportRowDto[];
}

export class ProcedureImportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ['csv', 'xlsx', 'json'] }) format!: 'csv' | 'xlsx' | 'json';
  @ApiProperty({ description: 'true: chỉ xem trước, không ghi gì' }) dryRun!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Lần xem trước được xác nhận' })
  confirmsId!: string | null;
  @ApiProperty({ enum: IMPORT_JOB_STATUSES }) status!: ImportJobStatus;
  @ApiProperty({ description: 'Số dòng (bản ghi) trong tệp' }) total!: number;
  @ApiProperty({ description: 'Số dòng đã xử lý' }) processed!: number;
  @ApiProperty({ nullable: true, type: ImportResultDto }) result!: ImportResultDto | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt!: string | null;
}
