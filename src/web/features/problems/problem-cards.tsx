import { Card, List, Tag, Typography } from 'antd';
import type { PaginationProps } from 'antd';
import { COLOUR_TAGS } from './colour-tags.ts';
import type { Problem } from './api/problems.ts';

/** 问题清单 on a phone: one card a problem with the fields an officer looks for first. */
export function ProblemCards({
  items,
  loading,
  pagination,
  onOpen,
}: {
  items: Problem[];
  loading: boolean;
  pagination: PaginationProps;
  onOpen: (id: number) => void;
}) {
  return (
    <List
      loading={loading}
      dataSource={items}
      pagination={{ ...pagination, simple: true, align: 'center' }}
      renderItem={(p) => (
        <Card size="small" style={{ marginBottom: 8, cursor: 'pointer' }} onClick={() => onOpen(p.id)}>
          <Typography.Text strong>{p.title}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Tag color={COLOUR_TAGS[p.colour].color}>{COLOUR_TAGS[p.colour].label}</Tag>
            <Tag>{p.statusLabel}</Tag>
          </div>
          <Typography.Text type="secondary">
            {p.orgName} · 时限 {p.dueDate ?? '—'}
            {p.overdue && <Typography.Text type="danger"> 逾期</Typography.Text>}
          </Typography.Text>
        </Card>
      )}
    />
  );
}
