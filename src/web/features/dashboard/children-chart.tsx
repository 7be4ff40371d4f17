import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart } from '../../components/echart.tsx';
import { percent } from '../../lib/format.ts';
import { closingRate } from './balance.ts';
import { RED, STATUSES } from './palette.ts';
import type { Dashboard } from './use-dashboard.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/**
 * The direct child units side by side: problems stacked by status, with each unit's 销号率 against the upper
 * unit's own (the dashed line), so units far behind stand out. Clicking a unit drills into it.
 */
export function ChildrenChart({ data, onPick }: { data: Dashboard; onPick: (orgId: number) => void }) {
  const option = useMemo(() => {
    const names = data.children.map((c) => c.orgName);
    const own = percent(closingRate(data));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { top: 40, left: 44, right: 52, bottom: names.length > 6 ? 80 : 36 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
      yAxis: [
        { type: 'value', name: '问题数', minInterval: 1 },
        {
          type: 'value',
          name: '销号率',
          min: 0,
          max: 100,
          axisLabel: { formatter: '{value}%' },
          splitLine: { show: false },
        },
      ],
      series: [
        ...STATUSES.map((s) => ({
          type: 'bar',
          name: s.name,
          stack: 'status',
          barMaxWidth: 56,
          itemStyle: { color: s.hex },
          data: data.children.map((c) => c.problems.byStatus[s.key] ?? 0),
        })),
        {
          type: 'line',
          name: '销号率',
          yAxisIndex: 1,
          symbolSize: 8,
          itemStyle: { color: RED },
          tooltip: { valueFormatter: (v: number) => `${v}%` },
          data: data.children.map((c) => percent(closingRate(c))),
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'dashed', color: RED },
            label: { formatter: `本单位 ${own}%`, position: 'insideEndTop' },
            data: [{ yAxis: own }],
          },
        },
      ],
    };
  }, [data]);
  return (
    <EChart
      option={option}
      height={300}
      onClick={(e) => e.componentType === 'series' && onPick(data.children[e.dataIndex].orgId)}
    />
  );
}
