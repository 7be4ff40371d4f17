import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';

/**
 * One ECharts canvas: draws `option`, follows its box's size and reports clicks on data items. Callers
 * register the chart types they use (`echarts.use`) so each lazily loaded page bundles only those.
 */
export function EChart({
  option,
  height,
  onClick,
}: {
  option: EChartsCoreOption;
  height: number;
  onClick?: (e: ECElementEvent) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onClick);
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);
  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el);
    chart.current = c;
    c.on('click', (e) => click.current?.(e as ECElementEvent));
    // The box resizes with the window and when a menu or drawer changes the layout.
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={box} style={{ height }} />;
}
