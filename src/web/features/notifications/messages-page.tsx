import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Card, Segmented, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMarkAllRead, useMarkRead, useMessages } from './api/notifications.ts';

/** 站内消息: every message, unread first to the eye; opening one marks it read and goes to its record. */
export function MessagesPage() {
  const navigate = useNavigate();
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useMessages(unread, page.page, page.pageSize);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  return (
    <Card
      title="站内消息"
      extra={
        <Space>
          <Segmented
            value={unread ? 'unread' : 'all'}
            onChange={(v) => {
              setUnread(v === 'unread');
              setPage((p) => ({ ...p, page: 1 }));
            }}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unread', label: `未读 ${list.data?.unread ?? 0}` },
            ]}
          />
          <Button onClick={() => markAll.mutate()} disabled={!list.data?.unread}>
            全部标为已读
          </Button>
        </Space>
      }
    >
      <Table
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          {
            title: '',
            dataIndex: 'read',
            width: 30,
            render: (read: boolean) => (read ? null : <Badge status="error" />),
          },
          { title: '类别', dataIndex: 'eventLabel', width: 130, render: (l: string) => <Tag>{l}</Tag> },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '内容', dataIndex: 'body', ellipsis: true },
          {
            title: '时间',
            dataIndex: 'createdAt',
            width: 170,
            render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: '',
            width: 150,
            render: (_: unknown, m) => (
              <Space>
                {m.link && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => {
                      markRead.mutate(m.id);
                      navigate(m.link);
                    }}
                  >
                    查看
                  </Button>
                )}
                {!m.read && (
                  <Button size="small" type="link" onClick={() => markRead.mutate(m.id)}>
                    标为已读
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
