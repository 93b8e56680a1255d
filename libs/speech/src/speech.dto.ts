import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Trim } from '@app/common';

export const TERM_MAX = 100;
export const SPOKEN_MAX = 500;
export const LEXICON_MAX_ENTRIES = 1000;
/** A radio script is at most 50,000 characters; a whole article body read out may be longer. */
export const NORMALIZE_TEXT_MAX = 100_000;

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
