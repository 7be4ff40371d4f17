import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart } from '../../components/echart.tsx';
import type { TaskDetail } from './types.ts';
import { dateOf } from '../../lib/format.ts';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** Planned (序时进度) against done on one time axis: a step line from the nodes' dates, and the nodes as they were done. */
export function MilestoneChart({ task, today }: { task: TaskDetail; today: string }) {
  const option = useMemo(() => {
    const total = task.milestones.reduce((s, m) => s + m.weight, 0) || 1;
    let planned = 0;
    const plannedPoints: Array<[string, number]> = [[task.startDate, 0]];
    for (const m of [...task.milestones].sort((a, b) => a.plannedDate.localeCompare(b.plannedDate))) {
      planned += m.weight / total;
      plannedPoints.push([m.plannedDate, Math.round(planned * 100)]);
    }
    if (!task.milestones.length) plannedPoints.push([task.endDate, 100]);
    let done = 0;
    const donePoints: Array<[string, number]> = [[task.startDate, 0]];
    for (const m of task.milestones.filter((x) => x.doneAt).sort((a, b) => a.doneAt!.localeCompare(b.doneAt!))) {
      done += m.weight / total;
      donePoints.push([dateOf(m.doneAt), Math.round(done * 100)]);
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['序时进度', '实际完成'] },
      grid: { left: 40, right: 20, top: 36, bottom: 28 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: '序时进度',
          type: 'line',
          step: 'end',
          data: plannedPoints,
          markLine: { symbol: 'none', data: [{ xAxis: today, label: { formatter: '今天' } }] },
        },
        { name: '实际完成', type: 'line', step: 'end', data: donePoints, lineStyle: { width: 3 } },
      ],
    };
  }, [task, today]);
  return <EChart option={option} height={220} />;
}
