import { useEffect, useRef, useState } from 'react';
import { Button, Drawer, Space, Spin, Steps, Tooltip } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { IMPORT_LEDGER_LABELS } from '../../../shared/vocabulary.ts';
import { useIsPhone } from '../../lib/responsive.ts';
import { ApiError } from '../../lib/api.ts';
import { showError } from '../../lib/form-errors.ts';
import {
  newIdempotencyKey,
  useConfirmPreview,
  usePatchPreview,
  usePreview,
  useRecentPreviews,
  type ImportPreview,
  type LedgerKey,
  type Resolution,
} from './api/imports.ts';
import { CheckStep } from './check-step.tsx';
import { ResultStep } from './result-step.tsx';
import { UploadStep } from './upload-step.tsx';
import { BUSY, resumable, stepOf } from './wizard-state.ts';

export interface LedgerImportProps {
  ledger: LedgerKey;
  /** The campaign the ledger belongs to (omit for ledgers without one, e.g. 人员名册). */
  campaignId?: number;
  /** More multipart fields the ledger needs (e.g. the study session a sign-in sheet is for). */
  fields?: Record<string, string>;
  /**
   * Come back to the newest unfinished preview of this ledger when opened. Off where a preview belongs to
   * something narrower than ledger and campaign (one session's sign-in sheet), so it is never applied to another.
   */
  resume?: boolean;
  /** What the result's link says it opens: 问题清单, 人员名册 … */
  listLabel: string;
  /** Shown on the button and as the wizard's title; defaults to 导入 + the ledger's name. */
  label?: string;
  /** A small link-style button, for a table row (one session's sign-in sheet). */
  compact?: boolean;
  /** Why importing cannot start now (no campaign picked…); the button is then disabled. */
  disabledReason?: string;
  /** The page's own query keys to refetch once the write is done (its list, figures). */
  invalidates: QueryKey[];
  /** After a successful write, for anything else the page does then. */
  onDone?: () => void;
}

const PAGE = { current: 1, pageSize: 20 };

/**
 * The import wizard every page that imports uses: 上传文件 → 核对列与数据 → 导入. Everything the server decides
 * (mapping, records, errors, progress) comes from the preview it keeps, so closing the drawer loses nothing.
 */
export function LedgerImport(props: LedgerImportProps) {
  const [open, setOpen] = useState(false);
  const label = props.label ?? `导入${IMPORT_LEDGER_LABELS[props.ledger]}`;
  return (
    <>
      <Tooltip title={props.disabledReason}>
        <Button
          icon={<UploadOutlined />}
          type={props.compact ? 'link' : 'default'}
          size={props.compact ? 'small' : 'middle'}
          disabled={!!props.disabledReason}
          onClick={() => setOpen(true)}
        >
          {label}
        </Button>
      </Tooltip>
      {open && <ImportDrawer {...props} title={label} onClose={() => setOpen(false)} />}
    </>
  );
}

function ImportDrawer({
  ledger,
  campaignId,
  fields = {},
  resume = true,
  listLabel,
  title,
  invalidates,
  onDone,
  onClose,
}: LedgerImportProps & { title: string; onClose: () => void }) {
  const phone = useIsPhone();
  const qc = useQueryClient();
  const [previewId, setPreviewId] = useState<number | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [page, setPage] = useState(PAGE);
  // The Idempotency-Key of the confirm under way: a retry of it writes nothing more.
  const confirmKey = useRef<string | null>(null);
  const recent = useRecentPreviews(ledger, resume);
  const resumed = useRef(false);
  const q = usePreview(previewId, (page.current - 1) * page.pageSize, page.pageSize);
  const patch = usePatchPreview();
  const confirm = useConfirmPreview();
  // The page kept while the next one loads is shown; another preview's (before a new upload) is not.
  const preview: ImportPreview | undefined = q.data?.id === previewId ? q.data : undefined;

  useEffect(() => {
    if (resumed.current || !recent.data) return;
    resumed.current = true;
    const found = resumable(recent.data, campaignId);
    if (found) {
      setPreviewId(found.id);
      setConfirmed(found.status === 'writing');
    }
  }, [recent.data, campaignId]);

  const doneOnce = useRef(false);
  useEffect(() => {
    if (preview?.status === 'done' && !doneOnce.current) {
      doneOnce.current = true;
      for (const queryKey of invalidates) void qc.invalidateQueries({ queryKey });
      onDone?.();
    }
  }, [preview?.status, invalidates, onDone, qc]);

  const step = stepOf(preview, confirmed);
  const restart = () => {
    setPreviewId(null);
    setConfirmed(false);
    setPage(PAGE);
    confirmKey.current = null;
  };
  const changed = () => {
    confirmKey.current = null;
    setConfirmed(false);
  };
  const onMapping = (sheet: string, column: number, field: string | null) => {
    if (!preview) return;
    changed();
    // The server merges a change into the mapping it keeps (the column that had the field gives it up).
    void patch.run({ id: preview.id, mapping: [{ sheet, column, field }] });
  };
  const onResolve = (r: Resolution) => {
    if (!preview) return;
    changed();
    // Merged into the preview's earlier picks too (a later pick for the same name wins).
    void patch.run({ id: preview.id, resolutions: [r] });
  };
  const onConfirm = async () => {
    if (!preview) return;
    confirmKey.current ??= newIdempotencyKey(preview.id);
    setConfirmed(true);
    try {
      await confirm.mutateAsync({ id: preview.id, idempotencyKey: confirmKey.current });
      // Answered: a later confirm (after going back to the check) is a new request with a new key.
      confirmKey.current = null;
    } catch (error) {
      showError(error);
      setConfirmed(false);
      // Only a confirm whose answer was lost keeps its key: trying again must not write twice.
      if (!(error instanceof ApiError && error.status === 0)) confirmKey.current = null;
    }
  };

  const waiting = (resume && recent.isLoading) || (previewId !== null && !preview);
  const footer =
    step === 1 && preview ? (
      <Space wrap style={{ justifyContent: 'flex-end', width: '100%' }}>
        <Button onClick={restart}>重新上传</Button>
        <Button
          type="primary"
          disabled={preview.status !== 'ready'}
          loading={confirm.isPending}
          onClick={() => void onConfirm()}
        >
          导入 {preview.recordCount} 条
        </Button>
      </Space>
    ) : null;
  return (
    <Drawer open onClose={onClose} size={phone ? '100%' : 1100} title={title} destroyOnHidden footer={footer}>
      <Steps
        current={step}
        orientation={phone ? 'vertical' : 'horizontal'}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { title: '上传文件' },
          { title: '核对列与数据' },
          {
            title: '导入',
            status:
              step === 2 && preview && preview.status !== 'done' && !BUSY.has(preview.status) ? 'error' : undefined,
          },
        ]}
      />
      {waiting ? (
        <Spin />
      ) : step === 0 ? (
        <UploadStep
          ledger={ledger}
          fields={campaignId === undefined ? fields : { campaignId: String(campaignId), ...fields }}
          onUploaded={(p) => {
            restart();
            setPreviewId(p.id);
          }}
        />
      ) : step === 1 && preview ? (
        <CheckStep
          preview={preview}
          loading={q.isFetching && q.isPlaceholderData}
          page={{ ...page, onChange: (current, pageSize) => setPage({ current, pageSize }) }}
          onMapping={onMapping}
          onResolve={onResolve}
        />
      ) : preview ? (
        <ResultStep preview={preview} listLabel={listLabel} onBack={() => setConfirmed(false)} onClose={onClose} />
      ) : null}
    </Drawer>
  );
}
