import { Card, Table } from 'antd';
import { useNavigate } from 'react-router';
import { useHotspots, type DemandQuery, type Hotspot } from './api/demands-api.ts';

/** 高频诉求 of the chosen subtree: places where one category keeps coming back; a row opens those demands. */
export function Hotspots({ query }: { query: DemandQuery }) {
  const navigate = useNavigate();
  const spots = useHotspots(query, !!query.campaignId);
  const items = spots.data?.items ?? [];
  return (
    <Card
      size="small"
      title={`高频诉求（近 90 天同一地点同类 3 次以上，${items.length} 处）`}
      loading={spots.isLoading}
    >
      <Table<Hotspot>
        rowKey={(r) => `${r.category}:${r.cell}`}
        size="small"
        dataSource={items}
        pagination={false}
        scroll={{ y: 240 }}
        onRow={(r) => ({ onClick: () => navigate(r.link), style: { cursor: 'pointer' } })}
        locale={{ emptyText: '暂无反复出现的诉求' }}
        columns={[
          { title: '类别', dataIndex: 'categoryName', width: 140 },
          { title: '地点', dataIndex: 'address', render: (v: string | null) => v || '（地图网格）' },
          { title: '次数', dataIndex: 'count', width: 70 },
          { title: '最近', dataIndex: 'lastAt', width: 120, render: (v: string | null) => v?.slice(0, 10) ?? '' },
        ]}
      />
    </Card>
  );
}
