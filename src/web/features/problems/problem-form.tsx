import { Button, Card, Drawer, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useIsPhone } from '../../lib/responsive.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { PersonSelect } from '../../components/person-select.tsx';
import { PROBLEM_KINDS, PROBLEM_SOURCES, ROOT_CAUSES } from '../../../shared/problem-enums.ts';
import { useCreateProblem, type ProblemDetail } from './api/problems.ts';
import { StrictDatePicker } from '../../components/strict-date-picker.tsx';
import { dateRules } from '../../lib/date-rules.ts';

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

interface MeasureValues {
  content: string;
  leaderId?: number;
  ownerId?: number;
  deadlineMode: 'date' | 'workingDays';
  deadlineDate?: Dayjs;
  workingDays?: number;
}

/** 记录问题: the problem, its analysis and one or more measures with deadlines as dates or working days. */
export function ProblemForm(props: {
  open: boolean;
  campaignId: number;
  focusAreas: string[];
  defaultOrgId?: number;
  onClose: () => void;
  onSaved: (p: ProblemDetail) => void;
}) {
  const [form] = Form.useForm();
  const phone = useIsPhone();
  const create = useCreateProblem();
  const save = async () => {
    const values = await form.validateFields();
    const measures = (values.measures as MeasureValues[]).map((m) => ({
      content: m.content,
      leaderId: m.leaderId ?? null,
      ownerId: m.ownerId ?? null,
      deadline:
        m.deadlineMode === 'workingDays' ? { workingDays: m.workingDays } : m.deadlineDate!.format('YYYY-MM-DD'),
    }));
    const saved = await create.run({ ...values, campaignId: props.campaignId, measures }, form);
    if (!saved.ok) return;
    form.resetFields();
    props.onSaved(saved.data);
  };
  return (
    <Drawer
      open={props.open}
      title="记录问题"
      size={phone ? '100%' : 760}
      onClose={props.onClose}
      destroyOnHidden
      extra={
        <Button type="primary" loading={create.isPending} onClick={save}>
          保存
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          orgId: props.defaultOrgId,
          kind: 'immediate',
          source: 'self_found',
          measures: [{ deadlineMode: 'workingDays', workingDays: 10 }],
        }}
      >
        <Form.Item name="orgId" label="责任单位" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item
          name="title"
          label="问题标题"
          rules={[
            { required: true, message: '请填写问题标题' },
            { max: 200, message: '不能超过 200 个字符' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="description" label="问题描述" rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="source" label="问题来源" rules={[{ required: true }]}>
            <Select options={options(PROBLEM_SOURCES)} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="category" label="问题领域">
            <Select allowClear options={props.focusAreas.map((f) => ({ value: f, label: f }))} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="kind" label="整改类型" rules={[{ required: true }]}>
            <Radio.Group options={options(PROBLEM_KINDS)} />
          </Form.Item>
        </Space>
        <Form.Item name="rootCauses" label="根源剖析">
          <Select mode="multiple" options={options(ROOT_CAUSES)} placeholder="政治、思想、能力、作风、纪律" />
        </Form.Item>
        <Form.Item name="rootCauseAnalysis" label="原因分析" rules={[{ max: 4000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="personId" label="个人问题所属人员（单位问题可不填）">
          <PersonSelect />
        </Form.Item>
        <Form.List
          name="measures"
          rules={[
            {
              validator: async (_r, v) => {
                if (!v?.length) throw new Error('至少制定一条整改措施');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  title={`整改措施 ${i + 1}`}
                  style={{ marginBottom: 8 }}
                  extra={fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                >
                  <Form.Item
                    name={[f.name, 'content']}
                    label="措施内容"
                    rules={[{ required: true, message: '请填写整改措施' }]}
                  >
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Space wrap>
                    <Form.Item name={[f.name, 'leaderId']} label="责任领导" style={{ width: 240 }}>
                      <PersonSelect />
                    </Form.Item>
                    <Form.Item name={[f.name, 'ownerId']} label="责任人" style={{ width: 240 }}>
                      <PersonSelect />
                    </Form.Item>
                  </Space>
                  <Space wrap align="end">
                    <Form.Item name={[f.name, 'deadlineMode']} label="整改时限">
                      <Radio.Group
                        options={[
                          { value: 'workingDays', label: '按工作日' },
                          { value: 'date', label: '指定日期' },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue(['measures', f.name, 'deadlineMode']) === 'date' ? (
                          <Form.Item name={[f.name, 'deadlineDate']} rules={dateRules('整改时限', { required: true })}>
                            <StrictDatePicker aria-label="整改时限" />
                          </Form.Item>
                        ) : (
                          <Form.Item
                            name={[f.name, 'workingDays']}
                            rules={[
                              { required: true, message: '请填写工作日数' },
                              // No min/max on the input: it would silently turn 0 or −1 into 1.
                              {
                                validator: async (_r, n) => {
                                  if (n != null && (!Number.isInteger(n) || n < 1 || n > 365))
                                    throw new Error('工作日数应为 1 到 365 之间的整数');
                                },
                              },
                            ]}
                          >
                            <InputNumber addonAfter="个工作日" />
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ deadlineMode: 'workingDays', workingDays: 10 })}
              >
                添加整改措施
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
