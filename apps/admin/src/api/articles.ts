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

/** Uploads an image for an article body of the unit; the api checks its content and answers its URL. */
export function uploadImage(unitId: string, file: File): Promise<UploadedImage> {
  const form = new FormData();
  form.append('file', file);
  return call(
    api.POST('/api/v1/units/{unitId}/images', {
      params: { path: { unitId } },
      body: form as never,
      // The browser sets the multipart boundary itself.
      bodySerializer: (body: unknown) => body as FormData,
    }),
  );
}
