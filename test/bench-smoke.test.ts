/**
 * The benchmark runs end to end at the tiny scale on SQLite and prints its table with a row for every
 * figure. Before timing anything it checks that the honest limit's JSON equals the served route's for every
 * read figure (scripts/bench/same-answer.ts; a difference fails the run). No timing is asserted: CI machines
 * vary, and the numbers belong in docs/benchmark.md.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const LABELS = [
  '工作台统计（全市）',
  '工作台统计（区）',
  '工作台统计（支部）',
  '整改统计（全市）',
  '整改统计（区）',
  '整改统计（支部）',
  '问题清单',
  '人员查询',
  '重点任务数字',
  '重点任务清单',
  '预警（全市',
  '考核排名页',
  '考核实时计分',
  '问题状态流转',
  '整改台账导出',
  '整改台账导入',
  '整改台账导入预览',
  '整改台账预览确认',
  '三率（全市',
  '三率（区',
  '群众诉求清单',
  '重复诉求核查',
  '群众留言受理',
];

it('runs the benchmark at the tiny scale and prints one table with every figure', { timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-bench-'));
  try {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/bench/main.ts', '--scale', 'tiny', '--seconds', '0.2', '--dir', dir],
      { cwd: root, env, maxBuffer: 16 * 1024 * 1024 },
    );
    const table = stdout.split('\n').filter((line) => line.startsWith('| '));
    expect(table[0]).toContain('服务峰值 RSS MB');
    expect(table[0]).toContain('极限吞吐');
    expect(stdout).toContain('同答案核对：15 项读取指标，极限路由的 JSON 与服务逐字段相同');
    for (const label of LABELS)
      expect(
        table.some((line) => line.startsWith(`| ${label}`)),
        label,
      ).toBe(true);
    expect(table).toHaveLength(1 + LABELS.length);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
