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

export { uploadFile, uploadImage, type UploadedFile, type UploadedImage } from './files';
