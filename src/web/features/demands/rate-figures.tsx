import { Button, Card, Col, Row, Statistic, Table, Tag } from 'antd';
import * as echarts from 'echarts/core';
import { GaugeChart } from 'echarts/charts';
import { CanvasRenderer } from 'echarts/renderers';
import { useNavigate } from 'react-router';
import { EChart } from '../../components/echart.tsx';
import { useDemandFigures, useUnitRates, type DemandQuery } from './api/demands-api.ts';

echarts.use([GaugeChart, CanvasRenderer]);

const pct = (r: number | null) => (r === null ? '无数据' : `${(r * 100).toFixed(1)}%`);

function Gauge({ name, value, onClick }: { name: string; value: number | null; onClick: () => void }) {
  return (
    <div onClick={onClick} style={{ cursor: 'pointer' }} data-testid={`rate-${name}`} title={pct(value)}>
      <EChart
        height={150}
        option={{
          series: [
            {
              type: 'gauge',
              min: 0,
              max: 100,
              progress: { show: true, width: 10 },
              axisLine: { lineStyle: { width: 10 } },
              splitLine: { show: false },
              axisTick: { show: false },
              axisLabel: { show: false },
              pointer: { show: false },
              title: { offsetCenter: [0, '70%'], fontSize: 13 },
              detail: { valueAnimation: false, offsetCenter: [0, '10%'], fontSize: 18, formatter: () => pct(value) },
              data: [{ value: value === null ? 0 : Math.round(value * 1000) / 10, name }],
            },
          ],
        }}
      />
    </div>
  );
}

/** 三率 for the chosen subtree and period (each opens the list it counts), and the ranking of its units. */
export function RateFigures({ query }: { query: DemandQuery }) {
  const navigate = useNavigate();
  const figures = useDemandFigures(query, !!query.campaignId);
  const units = useUnitRates(query, !!query.campaignId);
  const f = figures.data;
  const open = (key: string) => f && navigate(f.links[key]);
  // The ranking's own filters (campaign, unit, period) for its .xlsx.
  const rankingQs = new URLSearchParams(
    Object.entries({ campaignId: query.campaignId, orgId: query.orgId, from: f?.from, to: f?.to })
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return (
    <Card
      size="small"
      extra={
        <Button size="small" href={`/api/v1/exports/demand-ranking.xlsx?${rankingQs}`}>
          导出排名
        </Button>
      }
      title={f ? `三率（${f.from} 至 ${f.to}，按有效回访 ${f.valid} 件计）` : '三率'}
      loading={figures.isLoading}
    >
      <Row gutter={16}>
        <Col xs={24} md={4}>
          <Statistic title="受理" value={f?.received ?? 0} />
          <Statistic
            title="超时未办"
            value={f?.overdue ?? 0}
            valueStyle={{ color: f?.overdue ? '#cf1322' : undefined }}
          />
          <Statistic title="综合得分" value={f?.score ?? '无数据'} />
        </Col>
        <Col xs={8} md={4}>
          <Gauge name="响应率" value={f?.responseRate ?? null} onClick={() => open('contacted')} />
        </Col>
        <Col xs={8} md={4}>
          <Gauge name="解决率" value={f?.resolutionRate ?? null} onClick={() => open('solved')} />
        </Col>
        <Col xs={8} md={4}>
          <Gauge name="满意率" value={f?.satisfactionRate ?? null} onClick={() => open('satisfied')} />
        </Col>
        <Col xs={24} md={8}>
          <Table
            size="small"
            rowKey="orgId"
            pagination={false}
            scroll={{ y: 160 }}
            loading={units.isLoading}
            dataSource={units.data?.items ?? []}
            columns={[
              { title: '名次', dataIndex: 'rank', width: 56, render: (r: number | null) => r ?? <Tag>无数据</Tag> },
              { title: '单位', dataIndex: 'name' },
              { title: '得分', dataIndex: 'score', width: 64, render: (s: number | null) => s ?? '—' },
              { title: '满意率', dataIndex: 'satisfactionRate', width: 72, render: pct },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
