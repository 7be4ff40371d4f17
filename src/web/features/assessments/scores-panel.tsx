import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Rate,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart } from '../../components/echart.tsx';
import { FileUpload, useUploadCheck } from '../../components/file-upload.tsx';
import { showError } from '../../lib/form-errors.ts';
import { ObjectionForm, ObjectionsTable } from './publicity-panel.tsx';
import {
  addEntry,
  reviewEntry,
  useAssessmentMutation,
  useEntries,
  useScores,
  type Assessment,
  type Entry,
  type ScoreItem,
} from './api/assessments.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const fmt = (v: number | null, rate: boolean) =>
  v === null ? '无数据' : rate ? `${Math.round(v * 1000) / 10}%` : String(v);

/** 得分排名: a bar per unit of the picked group, the ranked table, and units without data listed apart. */
export function ScoresPanel({ assessment }: { assessment: Assessment }) {
  const [group, setGroup] = useState<string>(assessment.groups[0]?.key);
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const scores = useScores(assessment.id, group, page.page, page.pageSize);
  const [open, setOpen] = useState<ScoreItem | null>(null);
  const rows = (scores.data?.items ?? []).filter((i) => i.group === group);
  const option = useMemo(
    () => ({
      tooltip: {},
      grid: { left: 40, right: 10, top: 10, bottom: 90 },
      xAxis: { type: 'category', data: rows.map((r) => r.orgName), axisLabel: { rotate: 45, fontSize: 11 } },
      yAxis: { type: 'value', name: '得分' },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => ({
            value: r.score,
            itemStyle: { color: r.vetoed ? '#bbb' : r.stars === 5 ? '#d4380d' : '#1677ff' },
          })),
        },
      ],
    }),
    [rows],
  );
  return (
    <>
      {assessment.status === 'draft' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="草稿：得分随台账数据实时计算，定稿后冻结。" />
      )}
      <Space style={{ marginBottom: 8 }}>
        分组：
        <Select
          value={group}
          onChange={(g) => {
            setGroup(g);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: 160 }}
          options={assessment.groups.map((g) => ({ value: g.key, label: g.label }))}
        />
      </Space>
      {rows.length > 1 && <EChart option={option} height={260} onClick={(e) => setOpen(rows[e.dataIndex] ?? null)} />}
      <Table<ScoreItem>
        rowKey="orgId"
        size="small"
        loading={scores.isLoading}
        dataSource={rows}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: scores.data?.total ?? 0,
          showTotal: (t) => `本组共 ${t} 个单位参与排名`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
          hideOnSinglePage: true,
        }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        columns={[
          { title: '组内排名', dataIndex: 'rank', width: 90 },
          { title: '单位', dataIndex: 'orgName' },
          { title: '得分', dataIndex: 'score', width: 90 },
          { title: '组内单位数', dataIndex: 'groupSize', width: 100 },
          {
            title: '星级',
            width: 170,
            render: (_v, r) =>
              r.vetoed ? <Tag color="red">一票否决</Tag> : r.stars ? <Rate disabled count={5} value={r.stars} /> : '—',
          },
        ]}
      />
      {!!scores.data?.unscored.length && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          title={`无数据的单位（不参与排名）：${scores.data.unscored.map((u) => u.orgName).join('、')}`}
        />
      )}
      <UnitDrawer assessment={assessment} item={open} onClose={() => setOpen(null)} />
    </>
  );
}

/** One unit's points, each opening its evidence, with its 加分/扣分 entries and (while a draft) a form to add one. */
function UnitDrawer({
  assessment,
  item,
  onClose,
}: {
  assessment: Assessment;
  item: ScoreItem | null;
  onClose: () => void;
}) {
  const entries = useEntries(item ? assessment.id : undefined, item?.orgId);
  const indicators = assessment.areas.flatMap((a) => a.indicators);
  const manual = indicators.filter((i) => i.kind !== 'auto');
  const [form] = Form.useForm();
  const [files, setFiles] = useState<number[]>([]);
  const save = useAssessmentMutation((body: unknown) => addEntry(assessment.id, body));
  const review = useAssessmentMutation(
    ({ e, accept, adjust }: { e: Entry; accept: boolean; adjust?: { points: number; note: string } }) =>
      reviewEntry(assessment.id, e, accept, adjust),
  );
  const [adjusting, setAdjusting] = useState<Entry | null>(null);
  const [adjustForm] = Form.useForm();
  const saveAdjusted = async () => {
    const v = await adjustForm.validateFields();
    try {
      await review.mutateAsync({ e: adjusting!, accept: true, adjust: v });
      setAdjusting(null);
    } catch (e) {
      showError(e, adjustForm);
    }
  };
  const uploads = useUploadCheck();
  const submit = async () => {
    const v = await form.validateFields();
    if (!(await uploads.ready())) return;
    try {
      await save.mutateAsync({ ...v, orgId: item!.orgId, attachmentIds: files });
      form.resetFields();
      setFiles([]);
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Drawer
      open={!!item}
      onClose={onClose}
      size="large"
      title={item ? `${item.orgName}：${item.score ?? '无数据'} 分` : ''}
    >
      {item && (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="组内排名">
              {item.rank ? `${item.rank} / ${item.groupSize}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="星级">{item.vetoed ? '一票否决' : (item.stars ?? '—')}</Descriptions.Item>
            <Descriptions.Item label="分组">{item.groupLabel}</Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="indicatorId"
            size="small"
            pagination={false}
            dataSource={item.parts}
            columns={[
              { title: '指标', render: (_v, p) => indicators.find((i) => i.id === p.indicatorId)?.name },
              {
                title: '数据',
                render: (_v, p) => {
                  const ind = indicators.find((i) => i.id === p.indicatorId);
                  return fmt(p.value, !!ind?.source && !!ind?.sourceLabel?.includes('率'));
                },
              },
              { title: '得分', dataIndex: 'points', render: (v: number | null) => v ?? '—' },
              { title: '依据', render: (_v, p) => <a href={p.evidence}>查看记录</a> },
            ]}
          />
          <h4 style={{ marginTop: 16 }}>加分、扣分与否决</h4>
          <Table<Entry>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={entries.data?.items ?? []}
            columns={[
              { title: '指标', render: (_v, e) => indicators.find((i) => i.id === e.indicatorId)?.name },
              {
                title: '分值',
                width: 90,
                render: (_v, e) => (e.claimedPoints === null ? e.points : `${e.points}（申报 ${e.claimedPoints}）`),
              },
              { title: '理由', dataIndex: 'reason' },
              {
                title: '佐证',
                render: (_v, e) =>
                  e.attachmentIds.map((id) => (
                    <a key={id} href={`/api/v1/attachments/${id}`}>
                      附件{id}{' '}
                    </a>
                  )),
              },
              {
                title: '状态',
                width: 80,
                render: (_v, e) => (e.reviewNote ? <span title={e.reviewNote}>{e.statusLabel}</span> : e.statusLabel),
              },
              {
                title: '审核',
                width: 170,
                render: (_v, e) =>
                  e.status === 'pending' &&
                  assessment.abilities.review && (
                    <Space size="small">
                      <a onClick={() => review.mutateAsync({ e, accept: true }).catch(showError)}>认定</a>
                      <a
                        onClick={() => {
                          adjustForm.setFieldsValue({ points: e.points, note: '' });
                          setAdjusting(e);
                        }}
                      >
                        调整后认定
                      </a>
                      <a onClick={() => review.mutateAsync({ e, accept: false }).catch(showError)}>不认定</a>
                    </Space>
                  ),
              },
            ]}
          />
          {assessment.status === 'draft' && manual.length > 0 && (
            <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
              <Space align="start" wrap>
                <Form.Item name="indicatorId" label="指标" rules={[{ required: true, message: '请选择指标' }]}>
                  <Select
                    style={{ width: 200 }}
                    options={manual.map((i) => ({ value: i.id, label: `${i.name}（${i.kindLabel}）` }))}
                  />
                </Form.Item>
                <Form.Item
                  name="points"
                  label="分值"
                  rules={[{ required: true, message: '请填写分值' }]}
                  initialValue={0}
                >
                  <InputNumber min={0} max={1000} />
                </Form.Item>
                <Form.Item
                  name="reason"
                  label="理由"
                  rules={[{ required: true, message: '请填写理由' }, { max: 1000 }]}
                >
                  <Input style={{ width: 300 }} />
                </Form.Item>
              </Space>
              <Form.Item label="佐证材料">
                <FileUpload onChange={setFiles} onStateChange={uploads.onStateChange} />
              </Form.Item>
              <Button type="primary" onClick={submit} loading={save.isPending}>
                录入
              </Button>
            </Form>
          )}
          {assessment.publicityUntil && (
            <>
              <h4 style={{ marginTop: 16 }}>公示异议</h4>
              <ObjectionsTable assessment={assessment} orgId={item.orgId} />
              {assessment.abilities.object && item.parts.length > 0 && (
                <ObjectionForm assessment={assessment} orgId={item.orgId} />
              )}
            </>
          )}
          <Modal
            title="调整分值后认定"
            open={!!adjusting}
            onCancel={() => setAdjusting(null)}
            onOk={saveAdjusted}
            okText="认定"
            cancelText="取消"
            confirmLoading={review.isPending}
            forceRender
          >
            <Form form={adjustForm} layout="vertical">
              <p>{adjusting ? `申报分值 ${adjusting.points} 分：${adjusting.reason}` : ''}</p>
              <Form.Item name="points" label="认定分值" rules={[{ required: true, message: '请填写认定分值' }]}>
                <InputNumber min={0} max={1000} />
              </Form.Item>
              <Form.Item
                name="note"
                label="调整理由"
                rules={[{ required: true, message: '请填写调整理由' }, { max: 1000 }]}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </Drawer>
  );
}
