import { Card, List, Table, Tabs, Tooltip, Typography } from 'antd';
import type { ImportPreview } from './api/imports.ts';
import { errorOfCell } from './wizard-state.ts';
import { useIsPhone } from '../../lib/responsive.ts';

type RecordRow = ImportPreview['records'][number];
type Field = ImportPreview['fields'][number];

export interface RecordsPage {
  current: number;
  pageSize: number;
  onChange: (page: number, pageSize: number) => void;
}

const ERROR_CELL = { background: '#fff1f0', color: '#cf1322' } as const;

/** The header texts mapped to a field in any sheet (errors may name the column by what the file says). */
function headersOf(preview: ImportPreview): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of preview.sheets)
    for (const c of s.columns) if (c.field) out.set(c.field, [...(out.get(c.field) ?? []), c.header]);
  return out;
}

function rowLabel(r: Pick<RecordRow, 'sheet' | 'row'>, sheets: number): string {
  return sheets > 1 ? `${r.sheet} 第 ${r.row} 行` : `第 ${r.row} 行`;
}

/**
 * The records the server made of the rows (one page at a time, from the server) with every cell it could not
 * accept highlighted, and the list of all errors. A phone gets cards instead of a wide table.
 */
export function RecordsView({
  preview,
  loading,
  page,
}: {
  preview: ImportPreview;
  loading: boolean;
  page: RecordsPage;
}) {
  const phone = useIsPhone();
  const headers = headersOf(preview);
  const shown = preview.fields.filter((f) => headers.has(f.key));
  const sheets = preview.sheets.length;
  const cellError = (r: RecordRow, f: Field) => errorOfCell(r.errors, f, headers.get(f.key) ?? []);
  const rows = preview.progress.rowsTotal ?? preview.recordCount;
  // One problem with several measures is one record over several rows: say both when they differ.
  const countText = rows === preview.recordCount ? `${rows}` : `${preview.recordCount} 条，${rows} 行`;
  const pagination = {
    ...page,
    // The server pages rows, not records; rowsTotal counts them.
    total: rows,
    size: 'small' as const,
    showSizeChanger: !phone,
    showTotal: (t: number) => `共 ${t} 行`,
  };
  const records = phone ? (
    <List<RecordRow>
      loading={loading}
      dataSource={preview.records}
      pagination={{ ...pagination, simple: true, align: 'center' }}
      renderItem={(r) => {
        const cells = shown.map((f) => ({ f, error: cellError(r, f) }));
        const placed = new Set(cells.flatMap((c) => (c.error ? c.error.split('；') : [])));
        return (
          <Card size="small" style={{ marginBottom: 8 }} title={rowLabel(r, sheets)} data-testid="record-card">
            {cells.map(({ f, error }) => (
              <div key={f.key} style={{ wordBreak: 'break-all', ...(error ? ERROR_CELL : {}) }}>
                <Typography.Text type="secondary">{f.label}：</Typography.Text>
                {r.values[f.key] || '—'}
                {error && <div>⚠ {error}</div>}
              </div>
            ))}
            {r.errors
              .filter((e) => !placed.has(e.message))
              .map((e) => (
                <div key={`${e.column}-${e.message}`} style={ERROR_CELL}>
                  ⚠ {e.column}：{e.message}
                </div>
              ))}
          </Card>
        );
      }}
    />
  ) : (
    <Table<RecordRow>
      rowKey={(r) => `${r.sheet}-${r.row}`}
      size="small"
      loading={loading}
      dataSource={preview.records}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '行', width: 90, fixed: 'left', render: (_v, r) => rowLabel(r, sheets) },
        ...shown.map((f) => ({
          title: f.label,
          key: f.key,
          onCell: (r: RecordRow) => ({ style: cellError(r, f) ? ERROR_CELL : undefined }),
          render: (_v: unknown, r: RecordRow) => {
            const error = cellError(r, f);
            const text = <span style={{ whiteSpace: 'pre-wrap' }}>{r.values[f.key] || '—'}</span>;
            return error ? <Tooltip title={error}>{text}</Tooltip> : text;
          },
        })),
        {
          title: '需要改正',
          key: 'errors',
          render: (_v, r) => r.errors.map((e) => `${e.column}：${e.message}`).join('；') || '—',
        },
      ]}
    />
  );
  const errors = (
    <>
      {preview.errorCount > preview.errors.length && (
        <Typography.Paragraph type="secondary">
          共 {preview.errorCount} 处，这里列出前 {preview.errors.length} 处；改正后重新上传即可看到其余的。
        </Typography.Paragraph>
      )}
      <Table
        rowKey={(e) => `${e.sheet ?? ''}-${e.row}-${e.column}`}
        size="small"
        dataSource={preview.errors}
        pagination={{ pageSize: 10, size: 'small', simple: phone }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '行', width: 90, render: (_v, e) => rowLabel({ sheet: e.sheet ?? '', row: e.row }, sheets) },
          { title: '列', dataIndex: 'column', width: 100 },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </>
  );
  return (
    <Tabs
      items={[
        { key: 'records', label: `识别出的记录（${countText}）`, children: records },
        { key: 'errors', label: `需要改正（${preview.errorCount}）`, children: errors, disabled: !preview.errorCount },
      ]}
    />
  );
}
