import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { readSheet } from '../../io/xlsx-sheet.ts';
import { workbookOf, type Cell } from '../../testing/ledger-corpus.ts';
import { confirmed, importOneStep, previewOf, settled } from '../../testing/ledger-import.ts';

/** A 重点任务台账 as offices keep it: merged title, two-row header, a task over several node rows, a 合计 row. */
const messyTasks = (rows: Cell[][], merges: string[] = []) =>
  workbookOf({
    name: '重点任务',
    rows: [
      ['2026年度重点任务推进台账', null, null, null, null, null, null, null, null, null],
      ['填报单位：市局党委办公室', null, null, null, null, null, null, null, null, null],
      ['序号', '重点\n任务', '牵头领导', '牵头单位', '责任单位', '配合单位', '起止时间', '年度目标', '时序进度', null],
      [null, null, null, null, null, null, null, null, '节点', '计划时间'],
      ...rows,
      ['合计', '共2项', null, null, null, null, null, null, null, null],
    ],
    merges: ['A1:J1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4', 'H3:H4', 'I3:J3', ...merges],
  });

describeEachDb('tasks: 重点任务台账 import and export', (h) => {
  let campaignId = 0;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });
  const fields = () => ({ campaignId: String(campaignId) });
  const tasks = async () =>
    (await h().call('office', 'GET', `/api/v1/tasks?campaignId=${campaignId}&pageSize=200`)).json().items as Array<{
      id: number;
      title: string;
      orgId: number;
      leaderId: number | null;
      startDate: string;
      endDate: string;
      status: string;
    }>;

  it('reads a messy ledger: one task over its node rows, units and the leader by name, dates as written', async () => {
    const { fx, call } = h();
    const file = await messyTasks(
      [
        [
          1,
          '背街小巷环境整治',
          '张三维',
          '市局党委',
          '办公室党支部、市容科党支部',
          '执法支队党总支',
          '2026年3月—2026年12月',
          '整治背街小巷 120 条',
          '制定方案',
          '2026年4月底前',
        ],
        [null, null, null, null, null, null, null, null, '集中整治', '2026.9.30'],
        [2, '机关作风建设', null, '机关党委', '办公室党支部', null, '2026.6-2026.10', '作风明显好转', null, null],
      ],
      ['A5:A6', 'B5:B6', 'C5:C6', 'D5:D6', 'E5:E6', 'F5:F6', 'G5:G6', 'H5:H6'],
    );
    const res = await importOneStep(h(), 'office', 'tasks', file, fields());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0 });
    const list = await tasks();
    const street = list.find((t) => t.title === '背街小巷环境整治')!;
    expect(street).toMatchObject({
      orgId: fx.units.root.id,
      leaderId: fx.people.leader,
      startDate: '2026-03-01',
      endDate: '2026-12-31',
    });
    const detail = (await call('office', 'GET', `/api/v1/tasks/${street.id}`)).json();
    expect(detail.milestones.map((m: { title: string; plannedDate: string }) => `${m.title}@${m.plannedDate}`)).toEqual(
      ['制定方案@2026-04-30', '集中整治@2026-09-30'],
    );
    expect(detail.metric).toMatchObject({ name: '整治背街小巷', target: 120, unit: '条' });
    const ids = (units: Array<{ id: number }>) => units.map((u) => u.id).sort();
    expect(ids(detail.responsibleUnits)).toEqual([fx.units.branchA.id, fx.units.branchB.id].sort());
    expect(ids(detail.cooperatingUnits)).toEqual([fx.units.brigade.id]);
    const style = list.find((t) => t.title === '机关作风建设')!;
    expect(style).toMatchObject({ startDate: '2026-06-01', endDate: '2026-10-31' });
    expect((await call('office', 'GET', `/api/v1/tasks/${style.id}`)).json().description).toContain(
      '年度目标：作风明显好转',
    );
  });

  it('reports every bad cell and writes nothing: unknown unit, bad date, node outside the task, a task already there', async () => {
    const before = (await tasks()).length;
    const file = await messyTasks([
      [1, '背街小巷环境整治', null, '市局党委', null, null, '2026年3月—2026年12月', null, null, null],
      [2, '新任务甲', null, '不存在的单位', null, null, '2026.6-2026.10', null, null, null],
      [3, '新任务乙', null, '机关党委', '查无此单位', null, '明年再说', null, null, null],
      [4, '新任务丙', null, '机关党委', null, null, '2026.6-2026.8', null, '验收', '2026年12月1日'],
    ]);
    const res = await importOneStep(h(), 'office', 'tasks', file, fields());
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '5:重点任务',
      '6:牵头单位',
      '7:责任单位',
      '7:起止时间',
      '8:时序进度/计划时间',
    ]);
    expect((await tasks()).length).toBe(before);
  });

  it('a campaign-level task is the office’s: a secretary gets an error on the cell', async () => {
    const file = await messyTasks([[1, '全局任务', null, '市局党委', null, null, '2026.6-2026.10', null, null, null]]);
    const res = await importOneStep(h(), 'secretary', 'tasks', file, fields());
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ row: 5, column: '牵头单位' })]);
    expect((await importOneStep(h(), 'officer', 'tasks', file, fields())).statusCode).toBe(403);
  });

  it('asks which 牵头领导 is meant when two people share the name, then writes the pick', async () => {
    const { fx } = h();
    const twin = await fx.writer.person(fx.units.branchB, '张三维', '科员');
    const file = await messyTasks([
      [1, '文明城市创建', '张三维', '机关党委', null, null, '2026.6-2026.10', null, null, null],
    ]);
    const preview = await previewOf(h(), 'office', 'tasks', file, fields());
    expect(preview.ambiguities).toEqual([
      expect.objectContaining({
        field: 'leader',
        text: '张三维',
        rows: [5],
        candidates: expect.arrayContaining([
          { id: fx.people.leader, label: '张三维（市局党委）' },
          { id: twin, label: '张三维（市容科党支部）' },
        ]),
      }),
    ]);
    await h().call('office', 'PATCH', `/api/v1/imports/previews/${preview.id}`, {
      resolutions: [{ field: 'leader', text: '张三维', id: twin }],
    });
    expect(await settled(h(), 'office', preview.id)).toMatchObject({ status: 'ready' });
    expect(await confirmed(h(), 'office', preview.id)).toMatchObject({ status: 'done', result: { created: 1 } });
    expect((await tasks()).find((t) => t.title === '文明城市创建')).toMatchObject({ leaderId: twin });
  });

  it('exports the list on screen: its filters applied and named; the template has the import’s columns', async () => {
    const { app, cookie, call } = h();
    const query = `campaignId=${campaignId}&q=${encodeURIComponent('整治')}`;
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/exports/tasks.xlsx?${query}`,
      headers: { cookie: await cookie('office') },
    });
    expect(res.statusCode).toBe(200);
    const { rows } = await readSheet(res.rawPayload, ['序号', '重点任务', '时序进度节点']);
    const list = (await call('office', 'GET', `/api/v1/tasks?${query}&pageSize=200`)).json().items;
    expect(new Set(rows.map((r) => r.cells.重点任务.text))).toEqual(
      new Set(list.map((t: { title: string }) => t.title)),
    );
    expect(list.length).toBe(1);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getCell('A1').text).toContain('筛选：关键词：整治');
    const template = await app.inject({
      method: 'GET',
      url: '/api/v1/exports/tasks-template.xlsx',
      headers: { cookie: await cookie('office') },
    });
    const t = await readSheet(template.rawPayload, [
      '重点任务',
      '牵头单位',
      '完成时限',
      '时序进度节点',
      '计划完成日期',
    ]);
    expect(t.missing).toEqual([]);
  });
});
