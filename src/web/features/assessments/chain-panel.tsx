import { useMemo, useState } from 'react';
import { Table, Tag } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart } from '../../components/echart.tsx';
import { useChain, useChainItems, type ChainItem, type ChainLeader } from './api/assessments.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const ROLES = [
  ['owner', '责任人'],
  ['leader', '分管领导'],
  ['first', '第一责任人'],
  ['upper', '上级第一责任人'],
] as const;

/** 责任链: overdue items counted by the people accountable for them; a person opens their items. */
export function ChainPanel({ campaignId, orgId }: { campaignId?: number; orgId?: number }) {
  const chain = useChain(campaignId, orgId);
  const [personId, setPersonId] = useState<number>();
  const [page, setPage] = useState(1);
  const items = useChainItems(campaignId, orgId, personId, page);
  const leaders = (chain.data?.leaders ?? []).slice(0, 15);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 80, right: 10, top: 30, bottom: 20 },
      yAxis: { type: 'category', data: leaders.map((l) => l.name), inverse: true },
      xAxis: { type: 'value', minInterval: 1 },
      series: ROLES.map(([k, label]) => ({ type: 'bar', stack: 'all', name: label, data: leaders.map((l) => l[k]) })),
    }),
    [leaders],
  );
  return (
    <>
      <p>逾期事项共 {chain.data?.total ?? 0} 项，按责任人、分管领导、第一责任人和上级第一责任人统计（上追一级）。</p>
      {leaders.length > 0 && (
        <EChart
          option={option}
          height={Math.max(160, leaders.length * 26 + 50)}
          onClick={(e) => setPersonId(leaders[e.dataIndex]?.personId)}
        />
      )}
      <Table<ChainLeader>
        rowKey="personId"
        size="small"
        loading={chain.isLoading}
        dataSource={chain.data?.leaders ?? []}
        pagination={false}
        onRow={(l) => ({
          onClick: () => {
            setPersonId(l.personId);
            setPage(1);
          },
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (n: string, l) => (l.personId === personId ? <Tag color="blue">{n}</Tag> : n),
          },
          { title: '职务', dataIndex: 'position' },
          { title: '单位', dataIndex: 'orgName' },
          ...ROLES.map(([k, label]) => ({ title: label, dataIndex: k, width: 110 })),
        ]}
      />
      <h4 style={{ marginTop: 16 }}>{personId ? '该人员责任链上的逾期事项' : '逾期事项'}</h4>
      <Table<ChainItem>
        rowKey={(i) => `${i.kind}-${i.refId}`}
        size="small"
        loading={items.isLoading}
        dataSource={items.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: items.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '类型', dataIndex: 'kindLabel', width: 90 },
          { title: '事项', dataIndex: 'title', render: (t: string, i) => <a href={i.link}>{t}</a> },
          { title: '时限', dataIndex: 'deadline', width: 110 },
          { title: '单位', dataIndex: 'orgName' },
          { title: '责任人', dataIndex: 'ownerName' },
          { title: '分管领导', dataIndex: 'leaderName' },
          { title: '第一责任人', dataIndex: 'firstName' },
          { title: '上级第一责任人', render: (_v, i) => (i.upperName ? `${i.upperName}（${i.upperOrgName}）` : '—') },
        ]}
      />
    </>
  );
}
