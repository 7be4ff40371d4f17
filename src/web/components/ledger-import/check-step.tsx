import { Alert, Col, Progress, Row, Space, Statistic } from 'antd';
import { IMPORT_STATUS_LABELS } from '../../../shared/views/imports.ts';
import type { ImportPreview, Resolution } from './api/imports.ts';
import { AmbiguityList } from './ambiguity-list.tsx';
import { RecordsView, type RecordsPage } from './records-view.tsx';
import { SheetMapping } from './sheet-mapping.tsx';
import { BUSY, progressOf } from './wizard-state.ts';

/** The server's bar while it reads, checks (again, after a change) or writes. */
export function WorkProgress({ preview }: { preview: ImportPreview }) {
  const p = progressOf(preview);
  if (!p) return null;
  return (
    <div data-testid="import-progress">
      <Progress percent={p.percent ?? 100} status="active" showInfo={p.percent !== null} />
      <span>
        {IMPORT_STATUS_LABELS[preview.status]}：{p.text}
      </span>
    </div>
  );
}

/**
 * 核对列与数据: how every sheet was read and mapped, how many records came out and what was skipped, the
 * names to resolve and every cell that cannot be accepted — before anything is written.
 */
export function CheckStep({
  preview,
  loading,
  page,
  onMapping,
  onResolve,
}: {
  preview: ImportPreview;
  loading: boolean;
  page: RecordsPage;
  onMapping: (sheet: string, column: number, field: string | null) => void;
  onResolve: (resolution: Resolution) => void;
}) {
  const busy = BUSY.has(preview.status);
  const settled = !busy && preview.status !== 'failed';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <WorkProgress preview={preview} />
      {preview.message && <Alert type="error" showIcon title={preview.message} />}
      {settled && (
        <Alert
          type={preview.status === 'ready' ? 'success' : 'warning'}
          showIcon
          title={
            preview.status === 'ready'
              ? `核对通过：${preview.recordCount} 条记录可以导入。`
              : `还有 ${preview.errorCount} 处需要改正${preview.ambiguities.length ? `、${preview.ambiguities.length} 个重名待确认` : ''}。改正前不会写入任何数据。`
          }
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Statistic title="识别出的记录" value={preview.recordCount} suffix="条" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="跳过的空行" value={preview.skipped.blank} suffix="行" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="跳过的合计行" value={preview.skipped.total} suffix="行" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title="需要改正"
            value={preview.errorCount}
            suffix="处"
            styles={{ content: preview.errorCount ? { color: '#cf1322' } : undefined }}
          />
        </Col>
      </Row>
      {preview.sheets.map((s) => (
        <SheetMapping
          key={s.name}
          sheet={s}
          fields={preview.fields}
          disabled={busy}
          onChange={(column, field) => onMapping(s.name, column, field)}
        />
      ))}
      <AmbiguityList ambiguities={preview.ambiguities} disabled={busy} onResolve={onResolve} />
      <RecordsView preview={preview} loading={loading} page={page} />
    </Space>
  );
}
