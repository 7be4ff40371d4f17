import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Card, Empty, Segmented, Table, Tag, Typography } from 'antd';
import { useTodos } from './api/todos.ts';

/** 我的待办: what waits for me, derived from the records; each row opens the record with its action ready. */
export function TodoCard() {
  const navigate = useNavigate();
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const all = useTodos(undefined, 1, 1);
  const list = useTodos(kind, page.page, page.pageSize);
  const counts = all.data?.counts.filter((c) => c.count > 0) ?? [];
  const total = all.data?.total ?? 0;
  return (
    <Card
      title={
        <span>
          我的待办 <Badge count={total} showZero color={total ? '#c8161d' : '#bbb'} overflowCount={999} />
        </span>
      }
      data-testid="todo-card"
    >
      {counts.length > 0 && (
        <Segmented
          style={{ marginBottom: 12 }}
          value={kind ?? 'all'}
          onChange={(v) => {
            setKind(v === 'all' ? undefined : String(v));
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: 'all', label: `全部 ${total}` },
            ...counts.map((c) => ({ value: c.kind, label: `${c.label} ${c.count}` })),
          ]}
        />
      )}
      <Table
        rowKey={(r) => `${r.kind}:${r.id}`}
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无待办事项，工作都已处理完毕" /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 项`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        onRow={(r) => ({ onClick: () => navigate(r.link), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '类别',
            dataIndex: 'kind',
            width: 150,
            render: (k: string) => <Tag color="red">{all.data?.counts.find((c) => c.kind === k)?.label ?? k}</Tag>,
          },
          { title: '事项', dataIndex: 'title', ellipsis: true },
          { title: '单位', dataIndex: 'orgName', width: 160, ellipsis: true },
          {
            title: '日期',
            dataIndex: 'date',
            width: 130,
            render: (d: string | null, r) =>
              r.overdue ? <Typography.Text type="danger">{d}（已逾期）</Typography.Text> : d,
          },
          {
            title: '',
            width: 80,
            render: (_: unknown, r) => (
              <Button size="small" type="link" onClick={() => navigate(r.link)}>
                去处理
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
