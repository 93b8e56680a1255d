import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from './client';

export type Article = Schemas['ArticleResponse'];
export type Category = Schemas['CategoryResponse'];

export function useCategories(unitId: string | null | undefined) {
  return useQuery({
    queryKey: ['categories', unitId],
    queryFn: () =>
      call(api.GET('/api/v1/units/{unitId}/categories', { params: { path: { unitId: unitId ?? '' } } })),
    enabled: !!unitId,
  });
}

export type UploadedImage = Schemas['ImageResponseDto'];

export type UploadedFile = Schemas['FileResponseDto'];

/** One file as multipart form data, sent as it is (the browser sets the multipart boundary itself). */
function multipart(file: File) {
  const form = new FormData();
  form.append('file', file);
  return { body: form as never, bodySerializer: (body: unknown) => body as FormData };
}

/** Uploads an image for an article body of the unit; the api checks its content and answers its URL. */
export function uploadImage(unitId: string, file: File): Promise<UploadedImage> {
  return call(
    api.POST('/api/v1/units/{unitId}/images', { params: { path: { unitId } }, ...multipart(file) }),
  );
}

/** Uploads a document to attach (PDF, Word, Excel); the api checks its content and answers its URL and name. */
export function uploadFile(unitId: string, file: File): Promise<UploadedFile> {
  return call(api.POST('/api/v1/units/{unitId}/files', { params: { path: { unitId } }, ...multipart(file) }));
}
