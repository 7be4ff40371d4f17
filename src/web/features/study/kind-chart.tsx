import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { PieChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart } from '../../components/echart.tsx';
import { SESSION_KINDS, type SessionKind } from '../../../shared/study-enums.ts';

echarts.use([PieChart, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Sessions by kind as a pie; clicking a slice opens the sessions of that kind. */
export function KindChart({ counts, onPick }: { counts: Record<string, number>; onPick: (kind: string) => void }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c} 场（{d}%）' },
      legend: { orient: 'vertical', left: 0, top: 'middle' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          center: ['60%', '50%'],
          data: Object.entries(counts).map(([k, v]) => ({
            name: SESSION_KINDS[k as SessionKind] ?? k,
            value: v,
            kind: k,
          })),
        },
      ],
    }),
    [counts],
  );
  return (
    <div style={{ marginTop: 16 }}>
      <EChart option={option} height={220} onClick={(p) => onPick((p.data as { kind: string }).kind)} />
    </div>
  );
}
