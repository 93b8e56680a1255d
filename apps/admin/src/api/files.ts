import { api, call, type Schemas } from './client';

export type UploadedImage = Schemas['ImageResponseDto'];
/** A document stored by the api (POST /units/:unitId/files), as it answers it. */
export type UploadedFile = Schemas['FileResponseDto'];

/** Largest document the api takes (libs/media FILE_MAX_BYTES). */
export const FILE_MAX_BYTES = 20 * 1024 * 1024;
/** The kinds of document the api takes (it reads the kind from the content; this only narrows the chooser). */
export const FILE_EXTENSIONS = ['.pdf', '.doc', '.docx', '.xls', '.xlsx'];

/** One file as multipart form data, sent as it is (the browser sets the multipart boundary itself). */
function multipart(file: File) {
  const form = new FormData();
  form.append('file', file);
  return { body: form as never, bodySerializer: (body: unknown) => body as FormData };
}

/** Uploads an image of the unit; the api checks its content and answers its URL. */
export function uploadImage(unitId: string, file: File): Promise<UploadedImage> {
  return call(
    api.POST('/api/v1/units/{unitId}/images', { params: { path: { unitId } }, ...multipart(file) }),
  );
}

/**
 * Uploads a document of the unit (an article's attachment, a procedure's form: PDF, Word, Excel); the api
 * checks its content and answers its URL and the name it is downloaded under.
 */
export function uploadFile(unitId: string, file: File): Promise<UploadedFile> {
  return call(api.POST('/api/v1/units/{unitId}/files', { params: { path: { unitId } }, ...multipart(file) }));
}
