import { plainToInstance } from 'class-transformer';
import {
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  registerDecorator,
  validate,
  ValidationError,
  ValidationOptions,
} from 'class-validator';
import {
  cleanInput,
  ErrorDetail,
  isCalendarDate,
  toErrorDetails,
  Trim,
  ValidationException,
} from '@app/common';

/** No programme was made before this (Vietnamese time): an earlier date is a typing slip (0001-01-01). */
export const EARLIEST_PRODUCTION = new Date('2000-01-01T00:00:00+07:00');
/** A clock a little ahead of the server's is not "the future". */
const CLOCK_SKEW_MS = 60_000;

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2})))?$/;

/**
 * A programme's production time: `YYYY-MM-DD` (that Vietnamese day's start) or ISO 8601 with an offset.
 * Strict: a real calendar date and clock time (2024-02-30 and 25:00 are refused, never rolled over), not
 * before 2000, not in the future. Returns why it is refused, in Vietnamese, or the time.
 */
export function parseProductionTime(value: string, now = new Date()): Date | string {
  const m = DATE_TIME.exec(value);
  const [, date, hh, mm, ss, zone, zh, zm] = m ?? [];
  const clock =
    hh === undefined ||
    (Number(hh) <= 23 &&
      Number(mm) <= 59 &&
      Number(ss ?? 0) <= 59 &&
      (zone === 'Z' || (Number(zh) <= 14 && Number(zm) <= 59)));
  if (m && Number(date.slice(0, 4)) < 2000) {
    return 'không được trước năm 2000';
  }
  if (!m || !isCalendarDate(date) || !clock) {
    return 'phải là một ngày có thật, dạng YYYY-MM-DD hoặc ngày giờ ISO 8601 có múi giờ (ví dụ 2024-05-20T07:00:00+07:00)';
  }
  const at = new Date(hh === undefined ? `${date}T00:00:00+07:00` : value);
  if (Number.isNaN(at.getTime())) {
    return 'phải là một ngày có thật, dạng YYYY-MM-DD hoặc ngày giờ ISO 8601 có múi giờ';
  }
  if (at < EARLIEST_PRODUCTION) {
    return 'không được trước năm 2000';
  }
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return 'không được ở tương lai';
  }
  return at;
}

const PRODUCTION_TIME = 'isProductionTime';

function IsProductionTime(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: PRODUCTION_TIME,
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && !(typeof parseProductionTime(value) === 'string'),
        defaultMessage: (args) =>
          `Thời điểm sản xuất (producedAt) ${String(parseProductionTime(String(args?.value ?? '')))}`,
      },
    });
}

/**
 * The text fields of an uploaded programme (multipart, beside `file`). Validated like a JSON body; the
 * file's bytes are handled apart (audio-uploads.service.ts), so these rules do not depend on how the bytes
 * arrive.
 */
export class UploadAudioFieldsDto {
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  /** The article this recording is of: it must be approved or published (audio-uploads.service.ts). */
  @IsOptional()
  @IsUUID()
  articleId?: string;

  /** Decides whether it is a CCHC piece when it is not of an article. */
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  /** In the past: a historical programme moved from an old archive (evidence `import`, counted then). */
  @IsOptional()
  @IsProductionTime()
  producedAt?: string;
}

/** The upload's fields as the rules see them: validated, producedAt a time. */
export interface UploadAudioFields {
  title: string;
  articleId: string | null;
  categoryId: string | null;
  producedAt: Date | null;
}

/** Validates the multipart text fields (400 naming each field, in Vietnamese); blank ones count as absent. */
export async function validateUploadFields(fields: Record<string, string>): Promise<UploadAudioFields> {
  cleanInput(fields);
  const present = Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => key in FIELD_NAMES && value.trim() !== ''),
  );
  const dto = plainToInstance(UploadAudioFieldsDto, present);
  const errors = await validate(dto, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ValidationException(details(errors));
  }
  const producedAt = dto.producedAt ? parseProductionTime(dto.producedAt) : null;
  return {
    title: dto.title,
    articleId: dto.articleId?.toLowerCase() ?? null,
    categoryId: dto.categoryId?.toLowerCase() ?? null,
    producedAt: producedAt instanceof Date ? producedAt : null,
  };
}

const FIELD_NAMES: Record<keyof UploadAudioFieldsDto, true> = {
  title: true,
  articleId: true,
  categoryId: true,
  producedAt: true,
};

/** The common Vietnamese messages, except producedAt's own, which says exactly what is wrong. */
function details(errors: ValidationError[]): ErrorDetail[] {
  return errors.flatMap((error) => {
    const own = error.constraints?.[PRODUCTION_TIME];
    return own ? [{ field: error.property, message: own }] : toErrorDetails([error]);
  });
}
