/** The one table the benchmark prints: a pipe table that reads in a terminal and renders in Markdown. */

export interface Row {
  label: string;
  connections?: number;
  count?: number;
  p50?: string;
  p95?: string;
  throughput?: string;
  /** The honest limit's throughput (median of rounds, spread). */
  limit?: string;
  ratio?: string;
  /** CPU per request, server / limit. */
  cpu?: string;
  inProcess?: string;
  live?: string;
  rssMb?: number;
  target?: string;
  verdict?: string;
}

const COLUMNS: Array<[keyof Row, string]> = [
  ['label', '指标'],
  ['connections', '并发'],
  ['count', '请求数'],
  ['p50', '服务 p50'],
  ['p95', '服务 p95'],
  ['throughput', '服务吞吐（中位，范围）'],
  ['limit', '极限吞吐（中位，范围）'],
  ['ratio', '服务/极限'],
  ['cpu', 'CPU ms/请求 服务/极限'],
  ['inProcess', '进程内同 SQL p50'],
  ['live', '实时计数 p50（不用维护数字）'],
  ['rssMb', '服务峰值 RSS MB'],
  ['target', '目标'],
  ['verdict', '结果'],
];

export const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : '—');
export const perSecond = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v)}/s` : '—');
export const seconds = (v: number) => `${v.toFixed(2)} s`;
export const verdict = (met: boolean) => (met ? '达标' : '未达标');

/** Columns a CJK character takes in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

export function renderTable(rows: Row[]): string {
  const cells = [
    COLUMNS.map(([, h]) => h),
    ...rows.map((r) => COLUMNS.map(([k]) => (r[k] === undefined || r[k] === '' ? '—' : String(r[k])))),
  ];
  const widths = COLUMNS.map((_, c) => Math.max(...cells.map((line) => width(line[c]))));
  const line = (cols: string[]) =>
    `| ${cols.map((text, c) => text + ' '.repeat(widths[c] - width(text))).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join(
    '\n',
  );
}
