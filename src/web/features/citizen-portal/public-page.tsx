import { useState } from 'react';
import { Card, Empty, List, Progress, Tabs, Tag, Typography } from 'antd';
import { LeaveMessage } from './leave-message.tsx';
import { TrackMessage } from './track-message.tsx';
import { usePublicMatters } from './api/portal-api.ts';

/** 民生实事 as promised to the public: progress and results, no personal data. */
function PublicMatters() {
  const [page, setPage] = useState(1);
  const matters = usePublicMatters(page, 20);
  const items = matters.data?.items ?? [];
  if (!matters.isLoading && !items.length) return <Empty description="暂无公开的民生实事" />;
  return (
    <List
      loading={matters.isLoading}
      dataSource={items}
      pagination={{
        current: page,
        pageSize: 20,
        total: matters.data?.total ?? 0,
        onChange: setPage,
        hideOnSinglePage: true,
        size: 'small',
        showTotal: (n) => `共 ${n} 项`,
      }}
      renderItem={(m) => (
        <List.Item>
          <List.Item.Meta
            title={
              <>
                {m.title} <Tag color={m.status === 'done' ? 'green' : 'blue'}>{m.statusLabel}</Tag>
              </>
            }
            description={
              <>
                <div>{m.target}</div>
                <div>
                  {m.orgName} · 时限 {m.dueDate}
                </div>
                {m.result && <div>结果：{m.result}</div>}
                {m.progress[0] && (
                  <div>
                    最新进展（{m.progress[0].date}）：{m.progress[0].note}
                    {m.progressTotal > 1 && (
                      <Typography.Text type="secondary">（共 {m.progressTotal} 条进展）</Typography.Text>
                    )}
                  </div>
                )}
                <Progress
                  percent={m.status === 'done' ? 100 : m.status === 'in_progress' ? 50 : 0}
                  size="small"
                  showInfo={false}
                />
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** 你留言我来办: the public page, phone-first, no login. */
export function PublicPage() {
  const [tab, setTab] = useState('leave');
  const [tracked, setTracked] = useState<{ code: string; phone4: string } | null>(null);
  return (
    <div style={{ maxWidth: 520, margin: '0 auto', padding: 12, minHeight: '100vh', background: '#f5f5f5' }}>
      <Typography.Title level={3} style={{ textAlign: 'center', margin: '12px 0' }}>
        你留言 我来办
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        让群众的困难一一有回音，群众的期盼件件有落实
      </Typography.Paragraph>
      <Card styles={{ body: { padding: 16 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          centered
          items={[
            {
              key: 'leave',
              label: '我要留言',
              children: (
                <LeaveMessage
                  onTrack={(code, phone4) => {
                    setTracked({ code, phone4 });
                    setTab('track');
                  }}
                />
              ),
            },
            { key: 'track', label: '查询进度', children: <TrackMessage key={tracked?.code ?? ''} initial={tracked} /> },
            { key: 'matters', label: '民生实事', children: <PublicMatters /> },
          ]}
        />
      </Card>
    </div>
  );
}
