import { useMemo } from 'react';
import { Alert, Breadcrumb, Card, Flex, Skeleton, Space, Spin, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { CampaignSelect, defaultCampaign, useCampaigns } from '../../components/campaign-select.tsx';
import { OrgTreeSelect, useScopeTree } from '../../components/org-tree-select.tsx';
import type { OrgNode } from '../../lib/org-types.ts';
import { balanceOf } from './balance.ts';
import { BalanceAlerts } from './balance-alerts.tsx';
import { ChildrenChart } from './children-chart.tsx';
import { ChildrenTable } from './children-table.tsx';
import { DemandRates } from './demand-rates.tsx';
import { SummaryStats } from './summary-stats.tsx';
import { UnitCharts } from './unit-charts.tsx';
import { useDashboard } from './use-dashboard.ts';

type Unit = { id: number; name: string };

/** The units from a root of the caller's tree down to `id`, or null when `id` is not in it. */
function pathTo(nodes: OrgNode[], id: number): Unit[] | null {
  for (const n of nodes) {
    if (n.id === id) return [{ id: n.id, name: n.name }];
    const below = pathTo(n.children, id);
    if (below) return [{ id: n.id, name: n.name }, ...below];
  }
  return null;
}

/**
 * 工作看板 (F12): a unit's figures across the work lines and its direct child units side by side, so units
 * lagging behind their upper unit or their peers stand out. Campaign and unit live in the address bar, so
 * drilling into a child unit is one step back in the browser.
 */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const campaigns = useCampaigns();
  const campaignId = Number(params.get('campaignId')) || defaultCampaign(campaigns.data?.items)?.id;
  const orgId = Number(params.get('orgId')) || undefined;
  const q = useDashboard(campaignId, orgId, !campaigns.isPending);
  const tree = useScopeTree();
  const data = q.data;
  const balance = useMemo(() => data && balanceOf(data), [data]);
  const set = (key: string, value: number | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, String(value));
    else next.delete(key);
    setParams(next);
  };
  const drill = (id: number) => set('orgId', id);
  const path = data ? (pathTo(tree.data ?? [], data.unit.id) ?? [data.unit]) : [];

  let body;
  if (q.isError && !data) body = <Alert type="error" showIcon title={q.error.message} />;
  else if (!data || !balance) body = <Skeleton active paragraph={{ rows: 12 }} />;
  else
    body = (
      <Spin spinning={q.isFetching && q.isPlaceholderData} description="加载中…">
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Breadcrumb
              items={path.map((u, i) => ({
                title: i < path.length - 1 ? <a onClick={() => drill(u.id)}>{u.name}</a> : <b>{u.name}</b>,
              }))}
            />
            <Typography.Text type="secondary">数据截至 {data.asOf}</Typography.Text>
          </Flex>
          <SummaryStats data={data} />
          <DemandRates data={data} />
          <UnitCharts data={data} />
          <Card
            size="small"
            title={`直属单位对比（${data.children.length} 个）`}
            extra={<Typography.Text type="secondary">点击单位查看其工作看板</Typography.Text>}
          >
            <BalanceAlerts balance={balance} />
            {data.children.length > 0 && <ChildrenChart data={data} onPick={drill} />}
            <ChildrenTable data={data} lagging={balance.lagging} onPick={drill} />
          </Card>
        </Flex>
      </Spin>
    );
  return (
    <Card
      title="工作看板"
      extra={
        <Space>
          <CampaignSelect value={campaignId} onChange={(id) => set('campaignId', id)} />
          <div style={{ width: 240 }}>
            <OrgTreeSelect
              value={data?.unit.id ?? orgId ?? null}
              onChange={(id) => set('orgId', id)}
              placeholder="看板单位"
            />
          </div>
        </Space>
      }
    >
      {body}
    </Card>
  );
}
