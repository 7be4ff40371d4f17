import { useState } from 'react';
import { Button, Card, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { CampaignSelect, usePickedCampaign } from '../../components/campaign-select.tsx';
import { dateOf } from '../../lib/format.ts';
import { ProblemDrawer } from './problem-drawer.tsx';
import { useProblems } from './api/problems.ts';

/** 成果清单: closed problems with the effect achieved — the problem list turned into a results list. */
export function ResultsPage() {
  const [campaignId, setPicked] = usePickedCampaign();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<number | null>(null);
  const query = { campaignId, status: 'closed', sort: '-createdAt', ...page };
  const list = useProblems(query, !!campaignId);
  return (
    <Card
      title="成果清单"
      extra={
        <Space>
          <CampaignSelect value={campaignId} onChange={setPicked} />
          <Button
            icon={<DownloadOutlined />}
            disabled={!campaignId}
            href={`/api/v1/exports/results.xlsx?campaignId=${campaignId}`}
          >
            导出
          </Button>
        </Space>
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        onRow={(p) => ({ onClick: () => setOpenId(p.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 项成果`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: '单位', dataIndex: 'orgName', width: 180 },
          { title: '问题', dataIndex: 'title' },
          { title: '整改成效', dataIndex: 'effect' },
          { title: '销号日期', dataIndex: 'closedAt', width: 110, render: (d: string | null) => dateOf(d) },
          {
            title: '建章立制',
            dataIndex: 'institutionId',
            width: 100,
            render: (i: number | null) => (i ? '已关联制度' : ''),
          },
        ]}
      />
      <ProblemDrawer problemId={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
