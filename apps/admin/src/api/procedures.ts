import { useQuery } from '@tanstack/react-query';
import { api, call, type Operations, type Schemas } from './client';

export type Procedure = Schemas['ProcedureResponse'];
export type ProcedureRevision = Schemas['ProcedureRevisionResponse'];
export type ProcedureStatus = NonNullable<Procedure['status']>;
export type OnlineLevel = NonNullable<Procedure['onlineLevel']>;
export type ProcedureListQuery = NonNullable<
  Operations['UnitProceduresController_list']['parameters']['query']
>;
export type ImportResult = Schemas['ImportResultDto'];
export type ImportRow = ImportResult['rows'][number];
export type ImportError = ImportResult['errors'][number];

export function useProcedure(id: string | null | undefined) {
  return useQuery({
    queryKey: ['procedures', id],
    queryFn: () => call(api.GET('/api/v1/procedures/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

/** The list's filters as a query string (for the exports, which take the same filters). */
export function filterQuery(query: ProcedureFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Largest import file the api takes (libs/procedures IMPORT_MAX_BYTES). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_EXTENSIONS = ['.csv', '.xlsx', '.json'];

/** An import job run by the worker: its progress, and when done the same result as the direct import. */
export type ProcedureImportJob = Schemas['ProcedureImportResponse'];
export type ProcedureFilters = NonNullable<
  Operations['UnitProceduresController_exportCsv']['parameters']['query']
>;

/** Sends the file; 202 with the job, or a 4xx naming `file` when the file as a whole is refused. */
export function startImport(unitId: string, file: File, dryRun: boolean): Promise<ProcedureImportJob> {
  const form = new FormData();
  form.append('file', file);
  return call(
    api.POST('/api/v1/units/{unitId}/procedures/import-jobs', {
      params: { path: { unitId }, query: { dryRun: dryRun ? 'true' : 'false' } },
      body: form as never,
      // The browser sets the multipart boundary itself.
      bodySerializer: (body: unknown) => body as FormData,
    }),
  );
}

export function getImportJob(id: string): Promise<ProcedureImportJob> {
  return call(api.GET('/api/v1/procedure-imports/{id}', { params: { path: { id } } }));
}

/** Imports for real the file of a finished dry run: a new job. */
export function confirmImport(id: string): Promise<ProcedureImportJob> {
  return call(api.POST('/api/v1/procedure-imports/{id}/confirm', { params: { path: { id } } }));
}

export function isRunning(job: ProcedureImportJob | undefined): boolean {
  return job?.status === 'queued' || job?.status === 'processing';
}

export const TEMPLATE_URLS = {
  xlsx: '/api/v1/procedures/import-template.xlsx',
  csv: '/api/v1/procedures/import-template.csv',
} as const;

export function exportUrl(unitId: string, format: 'xlsx' | 'csv', query: string): string {
  return `/api/v1/units/${encodeURIComponent(unitId)}/procedures/export.${format}${query}`;
}

/** A form file of a dossier item, as the procedure carries it. */
export type FormFile = Schemas['FormFileDto'];

export {
  FILE_EXTENSIONS as FORM_FILE_EXTENSIONS,
  FILE_MAX_BYTES as FORM_FILE_MAX_BYTES,
  uploadFile as uploadFormFile,
  type UploadedFile,
} from './files';
