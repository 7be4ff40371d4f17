/**
 * The import wizard's data: the preview (polled while the server reads, checks or writes), the caller's
 * unfinished previews of a ledger, and the three writes (upload, change mapping/resolutions, confirm).
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadWithProgress } from '../../../lib/api.ts';
import { useApiMutation } from '../../../lib/mutation.ts';
import type { ImportPreview, ImportPreviewSummary, Resolution } from './preview-type.ts';
import { BUSY } from '../wizard-state.ts';
import type { ImportPreviewPatchT } from '../../../../shared/views/imports.ts';

export type { ImportPreview, Resolution };
export type LedgerKey = 'rectification' | 'people' | 'attendance' | 'tasks' | 'demands';

export const importKeys = {
  all: ['imports'] as const,
  preview: (id: number | null) => ['imports', 'preview', id] as const,
  page: (id: number | null, offset: number, limit: number) => ['imports', 'preview', id, offset, limit] as const,
  open: (ledger: string) => ['imports', 'open', ledger] as const,
};

/** How often the wizard asks while the server works: often enough for a moving bar, rarely enough for 2 cores. */
const POLL_MS = 800;

/** One preview with one page of its records; polled while its status is reading, checking or writing. */
export function usePreview(id: number | null, offset: number, limit: number) {
  return useQuery({
    queryKey: importKeys.page(id, offset, limit),
    queryFn: () => api<ImportPreview>(`/imports/previews/${id}`, { query: { offset, limit } }),
    enabled: id !== null,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data && BUSY.has(q.state.data.status) ? POLL_MS : false),
  });
}

/**
 * The caller's recent previews of this ledger (to resume one). A ledger whose server side is not there yet
 * answers 404: that is "nothing to resume", not an error to show.
 */
export function useRecentPreviews(ledger: string, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.open(ledger),
    queryFn: async () => {
      const answer = await api<ImportPreviewSummary[] | { items: ImportPreviewSummary[] }>('/imports/previews', {
        query: { ledger },
      }).catch(() => []);
      return Array.isArray(answer) ? answer : answer.items;
    },
    enabled,
    retry: false,
    staleTime: 0,
  });
}

/**
 * Puts a write's answer (status `checking` or `writing`) into every cached page of that preview at once, so the
 * bar shows and polling starts; each page keeps its records until its refetch brings the re-checked ones.
 */
function usePutPreview() {
  const qc = useQueryClient();
  return (preview: ImportPreview) => {
    qc.setQueriesData<ImportPreview>({ queryKey: importKeys.preview(preview.id) }, (old) =>
      old ? { ...preview, records: old.records } : preview,
    );
    void qc.invalidateQueries({ queryKey: importKeys.preview(preview.id) });
  };
}

export interface UploadVars {
  ledger: LedgerKey;
  file: File;
  fields: Record<string, string>;
  onProgress: (sent: number) => void;
}

/** 上传文件: the server answers 202 at once with the preview it goes on reading in the background. */
export function useUploadPreview() {
  return useApiMutation({
    mutationFn: (v: UploadVars) =>
      uploadWithProgress<ImportPreview>(`/imports/${v.ledger}/previews`, v.file, v.fields, v.onProgress),
  });
}

/** A changed column mapping or a resolved name: the server re-checks (status back to `checking`). */
export function usePatchPreview() {
  const put = usePutPreview();
  return useApiMutation({
    mutationFn: ({ id, ...body }: ImportPreviewPatchT & { id: number }) =>
      api<ImportPreview>(`/imports/previews/${id}`, { method: 'PATCH', body }),
    onSuccess: put,
  });
}

/** 导入: all-or-nothing; the key makes a repeated click (or a retry after a lost answer) write nothing more. */
export function useConfirmPreview() {
  const put = usePutPreview();
  return useApiMutation({
    mutationFn: (v: { id: number; idempotencyKey: string }) =>
      api<ImportPreview>(`/imports/previews/${v.id}/confirm`, {
        method: 'POST',
        headers: { 'idempotency-key': v.idempotencyKey },
      }),
    onSuccess: put,
  });
}

/** A key for one confirm of one state of the preview; works on plain http too (no randomUUID there). */
export function newIdempotencyKey(previewId: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `import-${previewId}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
