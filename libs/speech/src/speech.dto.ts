import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Trim } from '@app/common';

export const TERM_MAX = 100;
export const SPOKEN_MAX = 500;
export const LEXICON_MAX_ENTRIES = 1000;
/**
 * The most `/speech/normalize` takes: a radio script is at most 50,000 characters, and nothing longer than
 * 20,000 spoken characters becomes audio (MAX_SPOKEN_CHARS), so a preview needs no more. Every shape of
 * text this long normalizes in under 30 ms (bench/normalize.ts): any signed-in user may call it.
 */
export const NORMALIZE_TEXT_MAX = 50_000;

/**
 * The lexicon is checked one field at a time, first failure only (LexiconBodyPipe): class-validator
 * runs the decorators from the bottom up, so the most basic check is written last.
 */
export class LexiconEntryDto {
  @ApiProperty({ example: 'HTX', description: 'Từ hoặc chữ viết tắt như trong bài', maxLength: TERM_MAX })
  @Trim()
  @Matches(/^[^\n\r]*[\p{L}\p{N}][^\n\r]*$/u)
  @MaxLength(TERM_MAX)
  @IsNotEmpty()
  @IsString()
  term!: string;

  @ApiProperty({ example: 'hợp tác xã', description: 'Cách đọc trên đài', maxLength: SPOKEN_MAX })
  @Trim()
  @Matches(/^[^\n\r]*\p{L}[^\n\r]*$/u)
  @MaxLength(SPOKEN_MAX)
  @IsNotEmpty()
  @IsString()
  spoken!: string;
}

export class NormalizeTextDto {
  @ApiProperty({ description: 'Văn bản cần chuẩn hóa để đọc', maxLength: NORMALIZE_TEXT_MAX })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NORMALIZE_TEXT_MAX)
  text!: string;

  @ApiProperty({
    required: false,
    format: 'uuid',
    description: 'Đơn vị có từ điển cách đọc riêng cần áp dụng',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class NormalizedTextResponse {
  @ApiProperty({ description: 'Những lời bộ đọc sẽ nói' })
  text!: string;
}
