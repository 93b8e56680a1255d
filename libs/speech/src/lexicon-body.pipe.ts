import { Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ErrorDetail, translateConstraint } from '@app/common';
import { LEXICON_MAX_ENTRIES, LexiconEntryDto } from './speech.dto';
import { SpeechException } from './speech.exception';

const LABELS: Record<string, string> = { term: 'Từ cần đọc', spoken: 'Cách đọc' };
const FORMAT: Record<string, string> = {
  term: 'phải có chữ hoặc số và nằm trên một dòng',
  spoken: 'phải có chữ và nằm trên một dòng',
};

/**
 * The body of PUT …/lexicon is a JSON array, which the global ValidationPipe does not look into: each
 * item is validated here with the same rules (whitelist, no unknown fields), and every problem is named
 * by its place in the list, `[2].term`, in Vietnamese.
 */
@Injectable()
export class LexiconBodyPipe implements PipeTransform<unknown, LexiconEntryDto[]> {
  transform(value: unknown): LexiconEntryDto[] {
    if (!Array.isArray(value)) {
      throw SpeechException.invalidLexicon([
        { field: 'body', message: 'Từ điển cách đọc phải là một danh sách các mục {term, spoken}' },
      ]);
    }
    if (value.length > LEXICON_MAX_ENTRIES) {
      throw SpeechException.invalidLexicon([
        {
          field: 'body',
          message: `Từ điển cách đọc không được có quá ${LEXICON_MAX_ENTRIES} mục (gửi lên ${value.length})`,
        },
      ]);
    }
    const details: ErrorDetail[] = [];
    const entries = value.map((item: unknown, index) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        details.push({ field: `[${index}]`, message: `Mục [${index}] phải là một đối tượng {term, spoken}` });
        return new LexiconEntryDto();
      }
      const dto = plainToInstance(LexiconEntryDto, item);
      const errors = validateSync(dto, {
        whitelist: true,
        forbidNonWhitelisted: true,
        // One message per field: "empty" says it all, without "and it has no letter" after it.
        stopAtFirstError: true,
        validationError: { target: false, value: false },
      });
      for (const error of errors) {
        const field = `[${index}].${error.property}`;
        const label = LABELS[error.property] ? `${LABELS[error.property]} (${field})` : `Trường "${field}"`;
        for (const [type, english] of Object.entries(error.constraints ?? {})) {
          const text = type === 'matches' ? FORMAT[error.property] : translateConstraint(type, english);
          details.push({ field, message: `${label} ${text}` });
        }
      }
      return dto;
    });
    if (details.length > 0) {
      throw SpeechException.invalidLexicon(details);
    }
    return entries;
  }
}
