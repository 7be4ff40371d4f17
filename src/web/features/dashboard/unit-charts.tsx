import { useMemo } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import { useNavigate } from 'react-router';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart } from '../../components/echart.tsx';
import { problemsHref } from '../../lib/problem-links.ts';
import { COLOURS, STATUSES } from './palette.ts';
import type { Dashboard } from './use-dashboard.ts';

echarts.use([PieChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const HEIGHT = 260;

/** The unit's problems by 红黄绿蓝 and by status; a slice or bar opens those problems. */
export function UnitCharts({ data }: { data: Dashboard }) {
  const navigate = useNavigate();
  const { byColour, byStatus, total } = data.problems;
  const open = (filter: Record<string, string>) =>
    navigate(problemsHref({ campaignId: data.campaignId, orgId: data.unit.id, ...filter }));
  const pie = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
      legend: { orient: 'vertical', left: 0, top: 'middle' },
      series: [
        {
          type: 'pie',
          radius: ['45%', '72%'],
          center: ['62%', '50%'],
          label: { formatter: '{c}' },
          // Empty colours stay in the legend but get no label, so the ring is not crowded with zeros.
          data: COLOURS.map((c) => ({
            name: c.name,
            value: byColour[c.key] ?? 0,
            key: c.key,
            itemStyle: { color: c.hex },
            label: { show: !!byColour[c.key] },
            labelLine: { show: !!byColour[c.key] },
          })),
        },
      ],
    }),
    [byColour],
  );
  const bar = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { top: 24, left: 40, right: 16, bottom: 28 },
      xAxis: { type: 'category', data: STATUSES.map((s) => s.name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: '问题数',
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
          data: STATUSES.map((s) => ({ value: byStatus[s.key] ?? 0, key: s.key, itemStyle: { color: s.hex } })),
        },
      ],
    }),
    [byStatus],
  );
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description="本单位暂无问题"
      style={{ height: HEIGHT - 40, paddingTop: 60, margin: 0 }}
    />
  );
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card size="small" title="红黄绿蓝分布">
          {total ? (
            <EChart option={pie} height={HEIGHT} onClick={(e) => open({ colour: (e.data as { key: string }).key })} />
          ) : (
            empty
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="整改状态">
          {total ? (
            <EChart option={bar} height={HEIGHT} onClick={(e) => open({ status: (e.data as { key: string }).key })} />
          ) : (
            empty
          )}
        </Card>
      </Col>
    </Row>
  );
}
