import { useNavigate } from 'react-router';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMarkAllRead, useMarkRead, useMessages, useUnreadCount, type Message } from './api/notifications.ts';

/** The bell in the title bar: unread count, the latest unread messages, mark read by opening one. */
export function NotificationBell() {
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const latest = useMessages(true, 1, 8);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const open = (m: Message) => {
    markRead.mutate(m.id);
    if (m.link) navigate(m.link);
  };
  const content = (
    <div style={{ width: 360 }}>
      <List
        size="small"
        dataSource={latest.data?.items ?? []}
        locale={{ emptyText: <Empty description="没有未读消息" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(m) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => open(m)}>
            <List.Item.Meta
              title={<Typography.Text strong>{m.title}</Typography.Text>}
              description={
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                  【{m.eventLabel}】{m.body}
                </Typography.Paragraph>
              }
            />
          </List.Item>
        )}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 }}>
        <Button size="small" onClick={() => markAll.mutate()} disabled={!unread.data?.unread}>
          全部标为已读
        </Button>
        <Button size="small" type="link" onClick={() => navigate('/notifications')}>
          查看全部消息
        </Button>
      </div>
    </div>
  );
  return (
    <Popover content={content} title="站内消息" trigger="click" placement="bottomRight">
      <Badge count={unread.data?.unread ?? 0} size="small" overflowCount={99}>
        <Button
          shape="circle"
          icon={<BellOutlined />}
          aria-label={`站内消息，${unread.data?.unread ?? 0} 条未读`}
          data-testid="bell"
        />
      </Badge>
    </Popover>
  );
}
