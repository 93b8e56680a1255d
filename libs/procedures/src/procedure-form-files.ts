import { Injectable } from '@nestjs/common';
import type { ErrorDetail } from '@app/common';
import { checkDownloadName, FILE_URL, MediaStorage, MEDIA_URL_PREFIX } from '@app/media';
import type { FormFile, FormFileKind } from './procedure.entity';
import { formFilesOf, type ProcedureContent } from './procedure-content';
import { ProceduresException } from './procedures.exception';

/**
 * The form files (mẫu đơn, tờ khai) of a procedure's dossier items, checked before anything is written:
 * each must be a document this api stored (`/media/files/<sha256>.<ext>`, there in media storage), listed
 * under a name that `?download=` accepts. Their kind and size are read from the stored file, so what the
 * portal says ("PDF, 120 KB") is true whatever a client sent.
 */
@Injectable()
export class ProcedureFormFiles {
  constructor(private readonly storage: MediaStorage) {}

  /** The content with each file's kind and size filled in; a 400 naming every refused field otherwise. */
  async check(content: ProcedureContent): Promise<ProcedureContent> {
    const found = formFilesOf(content.dossier);
    if (found.length === 0) {
      return content;
    }
    const details: ErrorDetail[] = [];
    const checked = new Map<string, FormFile>();
    for (const { path, file } of found) {
      const match = FILE_URL.exec(file.url);
      if (!match) {
        const message = `Địa chỉ tệp mẫu đơn (${path}.url) không phải tệp đã tải lên: hãy đính kèm tệp bằng nút "Đính kèm mẫu đơn, tờ khai"`;
        details.push({ field: `${path}.url`, message });
        continue;
      }
      const stat = await this.storage.stat(file.url.slice(MEDIA_URL_PREFIX.length));
      if (!stat) {
        const message = `Không tìm thấy tệp mẫu đơn (${path}.url) trên máy chủ: hãy đính kèm lại tệp`;
        details.push({ field: `${path}.url`, message });
        continue;
      }
      const named = checkDownloadName(file.name, file.url);
      if (named.error !== undefined) {
        details.push({ field: `${path}.name`, message: `Tên tệp mẫu đơn (${path}.name): ${named.error}` });
        continue;
      }
      checked.set(path, {
        url: file.url,
        name: named.name,
        kind: match[1] as FormFileKind,
        bytes: stat.bytes,
      });
    }
    if (details.length > 0) {
      throw ProceduresException.invalidFields(details);
    }
    return {
      ...content,
      dossier: content.dossier.map((c, ci) => ({
        case: c.case,
        items: c.items.map((item, ii) =>
          item.forms
            ? {
                ...item,
                forms: item.forms.map((_, fi) => checked.get(`dossier.${ci}.items.${ii}.forms.${fi}`)!),
              }
            : item,
        ),
      })),
    };
  }
}
