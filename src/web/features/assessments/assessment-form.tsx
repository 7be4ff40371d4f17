import { Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { ORG_TYPES } from '../../../shared/org-types.ts';
import { showError } from '../../lib/form-errors.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { createAssessment, useAssessmentMutation, useSources } from './api/assessments.ts';
import { OrderedRangePicker } from '../../components/strict-date-picker.tsx';
import { rangeRules } from '../../lib/date-rules.ts';

interface IndicatorRow {
  area: string;
  name: string;
  kind: string;
  maxPoints: number;
  source?: string;
  ruleType?: string;
  a?: number;
  b?: number;
}

const KINDS = [
  { value: 'auto', label: '自动计分' },
  { value: 'bonus', label: '加分项' },
  { value: 'deduct', label: '扣分项' },
  { value: 'veto', label: '一票否决' },
];
const RULES = [
  { value: 'linear', label: '线性（零分值 → 满分值）' },
  { value: 'deduct', label: '每项扣分（每少/每多1项扣）' },
];

/** Turns the form's flat rows into the API's 领域 → 指标 tree, with each rule's fields. */
function toAreas(rows: IndicatorRow[]) {
  const areas = new Map<string, unknown[]>();
  for (const r of rows) {
    const rule =
      r.kind === 'auto'
        ? r.ruleType === 'deduct'
          ? { type: 'deduct', per: r.a ?? 0 }
          : { type: 'linear', from: r.a ?? 0, to: r.b ?? 1 }
        : r.kind === 'veto' && r.source
          ? { type: 'veto', atLeast: r.a ?? 1 }
          : null;
    const list = areas.get(r.area) ?? [];
    list.push({
      name: r.name,
      kind: r.kind,
      maxPoints: r.maxPoints ?? 0,
      source: r.kind === 'auto' || r.kind === 'veto' ? (r.source ?? null) : null,
      rule,
    });
    areas.set(r.area, list);
  }
  return [...areas].map(([name, indicators]) => ({ name, indicators }));
}

/** 新建考核: the period, the peer groups and the indicators (领域 → 指标) with their sources and rules. */
export function AssessmentForm({
  campaignId,
  open,
  onClose,
}: {
  campaignId: number;
  open: boolean;
  onClose: (id?: number) => void;
}) {
  const [form] = Form.useForm();
  const sources = useSources();
  const save = useAssessmentMutation(createAssessment);
  const submit = async () => {
    const v = await form.validateFields();
    const [from, to] = v.range as [Dayjs, Dayjs];
    try {
      const a = await save.mutateAsync({
        campaignId,
        orgId: v.orgId,
        name: v.name,
        period: v.period,
        periodFrom: from.format('YYYY-MM-DD'),
        periodTo: to.format('YYYY-MM-DD'),
        groups: (v.groups as string[]).map((key) => ({ key })),
        starLevels: [
          { stars: 5, minScore: 90, quota: 0.1 },
          { stars: 4, minScore: 80, quota: 0.3 },
          { stars: 3, minScore: 70, quota: 0.4 },
          { stars: 2, minScore: 60 },
          { stars: 1, minScore: 0 },
        ],
        areas: toAreas(v.rows ?? []),
      });
      form.resetFields();
      onClose(a.id);
    } catch (e) {
      showError(e, form);
    }
  };
  const sourceOptions = (sources.data?.items ?? []).map((s) => ({ value: s.key, label: `${s.module}：${s.label}` }));
  return (
    <Modal
      open={open}
      title="新建考核"
      onOk={submit}
      onCancel={() => onClose()}
      okText="保存"
      cancelText="取消"
      width={980}
      destroyOnHidden
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          groups: ['branch'],
          rows: [{ area: '理论学习', kind: 'auto', maxPoints: 10, ruleType: 'linear', a: 0.6, b: 1 }],
        }}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="name"
              label="考核名称"
              rules={[{ required: true, message: '请填写考核名称' }, { max: 100 }]}
            >
              <Input placeholder="如：2023年度党支部考核" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="period" label="考核周期" rules={[{ required: true, message: '请填写周期' }, { max: 30 }]}>
              <Input placeholder="2023年度" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="range" label="统计时段" rules={rangeRules('起始日期', '截止日期')}>
              <OrderedRangePicker />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="orgId" label="考核范围（单位及下级）" rules={[{ required: true, message: '请选择单位' }]}>
              <OrgTreeSelect />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="groups"
          label="考核分组（按单位类型分组排名）"
          rules={[{ required: true, message: '请选择分组' }]}
        >
          <Select mode="multiple" options={Object.entries(ORG_TYPES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ marginBottom: 4 }}>
                  <Form.Item name={[f.name, 'area']} rules={[{ required: true, message: '领域' }]}>
                    <Input placeholder="领域" style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写指标名称' }]}>
                    <Input placeholder="指标名称" style={{ width: 150 }} aria-label="指标名称" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']}>
                    <Select options={KINDS} style={{ width: 110 }} aria-label="指标类型" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'maxPoints']} rules={[{ required: true, message: '分值' }]}>
                    <InputNumber min={0} max={1000} placeholder="分值" style={{ width: 80 }} aria-label="分值" />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const kind = form.getFieldValue(['rows', f.name, 'kind']);
                      if (kind !== 'auto' && kind !== 'veto') return null;
                      return (
                        <Space align="baseline">
                          <Form.Item
                            name={[f.name, 'source']}
                            rules={[{ required: kind === 'auto', message: '请选择数据来源' }]}
                          >
                            <Select
                              options={sourceOptions}
                              placeholder="数据来源"
                              style={{ width: 240 }}
                              aria-label="数据来源"
                            />
                          </Form.Item>
                          {kind === 'auto' && (
                            <Form.Item name={[f.name, 'ruleType']}>
                              <Select options={RULES} style={{ width: 200 }} aria-label="计分方式" />
                            </Form.Item>
                          )}
                          <Form.Item name={[f.name, 'a']}>
                            <InputNumber
                              placeholder={kind === 'veto' ? '达到即否决' : '零分值/每项扣分'}
                              style={{ width: 120 }}
                              aria-label="参数一"
                            />
                          </Form.Item>
                          {kind === 'auto' && (
                            <Form.Item name={[f.name, 'b']}>
                              <InputNumber placeholder="满分值" style={{ width: 90 }} aria-label="参数二" />
                            </Form.Item>
                          )}
                        </Space>
                      );
                    }}
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除指标" />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ area: '理论学习', kind: 'auto', maxPoints: 10, ruleType: 'linear' })}
              >
                添加指标
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
