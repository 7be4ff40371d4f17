import { useMemo, useState } from 'react';
import { Card, Space, Table } from 'antd';
import { useNavigate } from 'react-router';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useProblemFigures, type FigureRow } from './api/problems.ts';
import { CampaignSelect, usePickedCampaign } from '../../components/campaign-select.tsx';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { EChart } from '../../components/echart.tsx';
import { problemsHref } from '../../lib/problem-links.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** 整改统计: per-unit figures as a table and a chart; every number opens the list it counts. */
export function ProblemFiguresPage() {
  const navigate = useNavigate();
  const [campaignId, setCampaignId] = usePickedCampaign();
  const [orgId, setOrgId] = useState<number | null>(null);
  const q = useProblemFigures(campaignId, orgId);
  const option = useMemo(() => {
    if (!q.data) return null;
    const keys = ['closed', 'overdue', 'total'];
    const label = (k: string) => q.data.figures.find((f) => f.key === k)!.label;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: keys.map(label) },
      grid: { top: 40, left: 40, right: 20, bottom: 90 },
      xAxis: { type: 'category', data: q.data.rows.map((r) => r.orgName), axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: keys.map((k) => ({
        name: label(k),
        type: 'bar',
        data: q.data.rows.map((r) => r.figures[k]),
        color: k === 'overdue' ? '#cf1322' : k === 'closed' ? '#389e0d' : '#8c8c8c',
      })),
    };
  }, [q.data]);

  const open = (row: FigureRow, filter: Record<string, string | number | boolean>) =>
    navigate(problemsHref({ campaignId, orgId: row.orgId, unitOnly: row.own, ...filter }));
  const columns = [
    { title: '单位', dataIndex: 'orgName' },
    ...(q.data?.figures ?? []).map((f) => ({
      title: f.label,
      key: f.key,
      render: (_: unknown, row: FigureRow) => <a onClick={() => open(row, f.filter)}>{row.figures[f.key]}</a>,
    })),
  ];
  return (
    <Card
      title="整改情况统计"
      extra={
        <Space>
          <CampaignSelect value={campaignId} onChange={setCampaignId} />
          <div style={{ width: 240 }}>
            <OrgTreeSelect value={orgId} onChange={setOrgId} placeholder="统计单位" />
          </div>
        </Space>
      }
    >
      {option ? <EChart option={option} height={320} /> : <div style={{ height: 320 }} />}
      <Table<FigureRow>
        rowKey={(r) => `${r.orgId}-${r.own}`}
        size="small"
        loading={q.isLoading}
        pagination={false}
        dataSource={q.data?.rows ?? []}
        columns={columns}
        summary={() =>
          q.data && (
            <Table.Summary.Row>
              {columns.map((c, i) => (
                <Table.Summary.Cell key={'key' in c ? c.key : c.dataIndex} index={i}>
                  {i === 0 ? (
                    <b>合计（{q.data.unit.name}）</b>
                  ) : (
                    <a onClick={() => open(q.data.total, q.data.figures[i - 1].filter)}>
                      <b>{q.data.total.figures[q.data.figures[i - 1].key]}</b>
                    </a>
                  )}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
}
