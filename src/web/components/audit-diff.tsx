import { Table, Typography } from 'antd';
import { diffRows, type DiffRow } from './audit-labels.ts';

/** Before/after of one recorded change as a table; changed fields first and marked. */
export function AuditDiff({
  before,
  after,
  entityType,
}: {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  entityType?: string;
}) {
  const rows = diffRows(before, after, entityType);
  if (!rows.length) return <Typography.Text type="secondary">未记录字段变化</Typography.Text>;
  const cell = (changed: boolean, text: string, tone: 'danger' | 'success') =>
    changed ? (
      <Typography.Text type={tone}>{text}</Typography.Text>
    ) : (
      <Typography.Text type="secondary">{text}</Typography.Text>
    );
  return (
    <Table<DiffRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: '字段',
          dataIndex: 'label',
          width: 130,
          render: (v: string, r) => (r.changed ? <Typography.Text strong>{v}</Typography.Text> : v),
        },
        { title: '变更前', dataIndex: 'before', render: (v: string, r) => cell(r.changed && !!before, v, 'danger') },
        { title: '变更后', dataIndex: 'after', render: (v: string, r) => cell(r.changed && !!after, v, 'success') },
      ]}
    />
  );
}
