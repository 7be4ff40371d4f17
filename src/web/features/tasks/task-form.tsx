import { Button, Col, Form, Input, InputNumber, Modal, Row, Space, message } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { PersonSelect } from '../../components/person-select.tsx';
import { showError } from '../../lib/form-errors.ts';
import { createTask, useTaskMutation } from './api/tasks.ts';
import { OrderedRangePicker, StrictDatePicker } from '../../components/strict-date-picker.tsx';
import { dateRules, rangeRules } from '../../lib/date-rules.ts';

interface Values {
  title: string;
  orgId: number;
  leaderId?: number;
  responsibleOrgId?: number;
  cooperatingOrgId?: number;
  dates: [Dayjs, Dayjs];
  description?: string;
  metricName?: string;
  metricUnit?: string;
  metricTarget?: number;
  milestones?: Array<{ title: string; plannedDate: Dayjs; weight: number; criteria?: string }>;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 新建重点任务 (or a sub-task of `parentId`): the plan with its 时序进度 nodes; status is derived afterwards. */
export function TaskForm({
  campaignId,
  parentId,
  onClose,
  onCreated,
}: {
  campaignId: number;
  parentId?: number;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useTaskMutation(createTask);
  const submit = async (v: Values) => {
    try {
      const created = await save.mutateAsync({
        campaignId,
        parentId,
        orgId: v.orgId,
        leaderId: v.leaderId ?? null,
        title: v.title,
        description: v.description,
        startDate: day(v.dates[0]),
        endDate: day(v.dates[1]),
        responsibleOrgIds: v.responsibleOrgId ? [v.responsibleOrgId] : [],
        cooperatingOrgIds: v.cooperatingOrgId ? [v.cooperatingOrgId] : [],
        metric: v.metricName ? { name: v.metricName, unit: v.metricUnit ?? '', target: v.metricTarget ?? 0 } : null,
        milestones: parentId ? undefined : (v.milestones ?? []).map((m) => ({ ...m, plannedDate: day(m.plannedDate) })),
      });
      void message.success('已记录重点任务');
      onCreated(created.id);
      onClose();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal
      open
      width={760}
      title={parentId ? '分解子任务' : '新建重点任务'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ milestones: parentId ? [] : [{ weight: 1 }] }}
      >
        <Form.Item name="title" label="任务名称" rules={[{ required: true, message: '请填写任务名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="orgId" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]}>
              <OrgTreeSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leaderId" label="牵头领导">
              <PersonSelect placeholder="选择牵头领导" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="responsibleOrgId" label="责任单位">
              <OrgTreeSelect placeholder="负责周调度填报的单位" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="cooperatingOrgId" label="配合单位">
              <OrgTreeSelect />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="dates" label="起止日期" rules={rangeRules('开始日期', '完成时限')}>
          <OrderedRangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label="任务内容">
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="metricName" label="年度目标指标">
              <Input maxLength={60} placeholder="如：背街小巷整治" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="metricUnit" label="计量单位">
              <Input maxLength={20} placeholder="条" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="metricTarget" label="目标值">
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {!parentId && (
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <>
                <div style={{ marginBottom: 8, fontWeight: 500 }}>时序进度节点</div>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '请填写节点名称' }]}>
                      <Input placeholder={`节点${i + 1}名称`} aria-label={`节点${i + 1}名称`} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'plannedDate']} rules={dateRules('计划完成日期', { required: true })}>
                      <StrictDatePicker placeholder="计划完成日期" aria-label={`节点${i + 1}日期`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: '请填写权重' }]}>
                      <InputNumber min={0.1} placeholder="权重" aria-label={`节点${i + 1}权重`} style={{ width: 90 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'criteria']}>
                      <Input placeholder="完成标准" style={{ width: 160 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ weight: 1 })} block>
                  添加节点
                </Button>
              </>
            )}
          </Form.List>
        )}
      </Form>
    </Modal>
  );
}
