import { useEffect } from 'react';
import { App, Button, Descriptions, Drawer, Form, Input, Select, Space, Table, Tag } from 'antd';
import { StrictDatePicker } from '../../components/strict-date-picker.tsx';
import { dateRules } from '../../lib/date-rules.ts';
import {
  useRecordVisit,
  useReviewTopic,
  useSubmitReport,
  useTopic,
  useVisitToProblem,
  type Visit,
} from './api/research.ts';
import { today } from '../../lib/today.ts';

const METHODS = ['四不两直', '座谈', '走访', '蹲点', '问卷', '其他'];

/** A research topic: its visits (each finding one click from the problem list), the four-part report, review. */
export function TopicDrawer({ topicId, onClose }: { topicId: number | null; onClose: () => void }) {
  const { modal } = App.useApp();
  const [visitForm] = Form.useForm();
  const [reportForm] = Form.useForm();
  const q = useTopic(topicId);
  const review = useReviewTopic();
  const recordVisit = useRecordVisit();
  const submitReport = useSubmitReport();
  const visitToProblem = useVisitToProblem();
  const t = q.data;
  useEffect(() => {
    if (t) reportForm.setFieldsValue(t.report);
  }, [t, reportForm]);
  const toProblem = (v: Visit) =>
    modal.confirm({
      title: '转为问题清单',
      content: `将“${v.findings.slice(0, 40)}”作为调研发现的问题记入问题清单？`,
      okText: '转为问题',
      cancelText: '取消',
      onOk: () => visitToProblem.run({ visit: v, title: v.findings.slice(0, 60) || t!.title }),
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
              loading={review.isPending}
              onClick={() => review.run({ topic: t, accept: true, recommended: true })}
            >
              验收并推送
            </Button>
            <Button loading={review.isPending} onClick={() => review.run({ topic: t, accept: true })}>
              验收
            </Button>
            <Button
              danger
              loading={review.isPending}
              onClick={() => review.run({ topic: t, accept: false, note: '请补充分析和举措' })}
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
              initialValues={{ method: '四不两直', date: today() }}
              onFinish={async (v) => {
                const saved = await recordVisit.run(
                  { ...v, topicId: t.id, date: v.date.format('YYYY-MM-DD') },
                  visitForm,
                );
                if (saved.ok) visitForm.resetFields();
              }}
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
            onFinish={(v) => submitReport.run({ topic: t, report: v }, reportForm)}
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
