import { useEffect } from 'react';
import { App, Button, Descriptions, Drawer, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../lib/api.ts';
import { showError } from '../../lib/form-errors.ts';
import { StrictDatePicker } from '../../components/strict-date-picker.tsx';
import { dateRules } from '../../lib/date-rules.ts';

interface Visit {
  id: number;
  date: string;
  place: string;
  method: string;
  met: string;
  findings: string;
  problemId: number | null;
}
interface Topic {
  id: number;
  title: string;
  plan: string;
  leaderName: string;
  orgName: string;
  status: string;
  statusLabel: string;
  recommended: boolean;
  reviewNote: string;
  report: { situation: string; problems: string; analysis: string; measures: string };
  visits: Visit[];
  version: number;
  abilities: Record<string, boolean>;
}

const METHODS = ['四不两直', '座谈', '走访', '蹲点', '问卷', '其他'];

/** A research topic: its visits (each finding one click from the problem list), the four-part report, review. */
export function TopicDrawer({ topicId, onClose }: { topicId: number | null; onClose: () => void }) {
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const [visitForm] = Form.useForm();
  const [reportForm] = Form.useForm();
  const q = useQuery({
    queryKey: ['research', 'topic', topicId],
    queryFn: () => api<Topic>(`/research/topics/${topicId}`),
    enabled: topicId !== null,
  });
  const t = q.data;
  useEffect(() => {
    if (t) reportForm.setFieldsValue(t.report);
  }, [t, reportForm]);
  const refresh = () => qc.invalidateQueries({ queryKey: ['research'] });
  const run = async (fn: () => Promise<unknown>, done: string, form?: Parameters<typeof showError>[1]) => {
    try {
      await fn();
      void message.success(done);
      await refresh();
    } catch (e) {
      showError(e, form);
    }
  };
  const toProblem = (v: Visit) =>
    modal.confirm({
      title: '转为问题清单',
      content: `将“${v.findings.slice(0, 40)}”作为调研发现的问题记入问题清单？`,
      okText: '转为问题',
      cancelText: '取消',
      onOk: () =>
        run(
          () =>
            api(`/research/visits/${v.id}/to-problem`, {
              method: 'POST',
              body: { title: v.findings.slice(0, 60) || t!.title },
            }),
          '已记入问题清单',
        ),
    });
  return (
    <Drawer
      open={topicId !== null}
      onClose={onClose}
      size={900}
      title={t?.title ?? '调研课题'}
      destroyOnHidden
      extra={
        t?.abilities.review && (
          <Space>
            <Button
              type="primary"
              onClick={() =>
                run(
                  () =>
                    api(`/research/topics/${t.id}/review`, {
                      method: 'POST',
                      body: { version: t.version, accept: true, recommended: true },
                    }),
                  '已验收并择优推送',
                )
              }
            >
              验收并推送
            </Button>
            <Button
              onClick={() =>
                run(
                  () =>
                    api(`/research/topics/${t.id}/review`, {
                      method: 'POST',
                      body: { version: t.version, accept: true },
                    }),
                  '已验收',
                )
              }
            >
              验收
            </Button>
            <Button
              danger
              onClick={() =>
                run(
                  () =>
                    api(`/research/topics/${t.id}/review`, {
                      method: 'POST',
                      body: { version: t.version, accept: false, note: '请补充分析和举措' },
                    }),
                  '已退回',
                )
              }
            >
              退回
            </Button>
          </Space>
        )
      }
    >
      {t && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label="领题领导">{t.leaderName}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag>{t.statusLabel}</Tag>
              {t.recommended && <Tag color="red">择优推送</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="单位">{t.orgName}</Descriptions.Item>
            <Descriptions.Item label="审核意见">{t.reviewNote || '—'}</Descriptions.Item>
            <Descriptions.Item label="调研方案" span={2}>
              {t.plan || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Table<Visit>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={t.visits}
            title={() => '走访记录'}
            columns={[
              { title: '日期', dataIndex: 'date', width: 110 },
              { title: '地点', dataIndex: 'place', width: 140 },
              { title: '方式', dataIndex: 'method', width: 90 },
              { title: '走访对象', dataIndex: 'met', width: 120 },
              { title: '发现', dataIndex: 'findings' },
              {
                title: '',
                width: 110,
                render: (_v, v) =>
                  v.problemId ? (
                    <Tag color="blue">已转为问题</Tag>
                  ) : (
                    t.abilities.toProblem && <a onClick={() => toProblem(v)}>转为问题</a>
                  ),
              },
            ]}
          />
          {t.abilities.update && (
            <Form
              form={visitForm}
              layout="inline"
              style={{ rowGap: 8 }}
              initialValues={{ method: '四不两直', date: dayjs() }}
              onFinish={(v) =>
                run(
                  async () => {
                    await api(`/research/topics/${t.id}/visits`, {
                      method: 'POST',
                      body: { ...v, date: v.date.format('YYYY-MM-DD') },
                    });
                    visitForm.resetFields();
                  },
                  '已记录走访',
                  visitForm,
                )
              }
            >
              <Form.Item name="date" rules={dateRules('走访日期', { required: true, happened: true })}>
                <StrictDatePicker placeholder="走访日期" />
              </Form.Item>
              <Form.Item name="place" rules={[{ required: true, message: '请填写地点' }]}>
                <Input placeholder="地点" />
              </Form.Item>
              <Form.Item name="method">
                <Select options={METHODS.map((m) => ({ value: m, label: m }))} style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name="met">
                <Input placeholder="走访对象" />
              </Form.Item>
              <Form.Item name="findings" style={{ width: 260 }}>
                <Input placeholder="发现的问题或好做法" />
              </Form.Item>
              <Button htmlType="submit">记录走访</Button>
            </Form>
          )}
          <Form
            form={reportForm}
            layout="vertical"
            disabled={!t.abilities.report}
            onFinish={(v) =>
              run(
                () => api(`/research/topics/${t.id}/report`, { method: 'PUT', body: { ...v, version: t.version } }),
                '调研报告已提交',
                reportForm,
              )
            }
          >
            {(
              [
                ['situation', '一、基本情况'],
                ['problems', '二、存在问题'],
                ['analysis', '三、原因分析'],
                ['measures', '四、对策举措'],
              ] as const
            ).map(([name, label]) => (
              <Form.Item
                key={name}
                name={name}
                label={label}
                rules={[{ required: true, message: `请填写${label.slice(2)}` }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            ))}
            {t.abilities.report && (
              <Button type="primary" htmlType="submit">
                提交调研报告
              </Button>
            )}
          </Form>
        </Space>
      )}
    </Drawer>
  );
}
