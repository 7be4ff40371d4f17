import { useEffect } from 'react';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../lib/api.ts';
import { showError } from '../../lib/form-errors.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { WORK_LINES } from '../../../shared/work-lines.ts';
import type { Campaign } from './types.ts';
import { OrderedRangePicker } from '../../components/strict-date-picker.tsx';
import { rangeRules } from '../../lib/date-rules.ts';

const workLineOptions = Object.entries(WORK_LINES).map(([value, label]) => ({ value, label: `${label}（${value}）` }));

function StringList({ name, label, placeholder }: { name: string; label: string; placeholder: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={label}>
          {fields.map((f) => (
            <Space key={f.key} style={{ display: 'flex', marginBottom: 4 }} align="baseline">
              <Form.Item
                name={f.name}
                rules={[
                  { required: true, message: '不能为空' },
                  { max: 200, message: '不能超过 200 个字符' },
                ]}
                noStyle
              >
                <Input placeholder={placeholder} style={{ width: 480 }} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button type="dashed" onClick={() => add('')} icon={<PlusOutlined />}>
            添加
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

/** Everything a campaign is, as data the office edits. */
export function CampaignForm({ campaign, onSaved }: { campaign?: Campaign; onSaved: (c: Campaign) => void }) {
  const [form] = Form.useForm();
  useEffect(() => {
    form.resetFields();
    if (campaign) form.setFieldsValue({ ...campaign, dates: [dayjs(campaign.startDate), dayjs(campaign.endDate)] });
    else
      form.setFieldsValue({
        minStudyHours: 32,
        warningDays: 7,
        status: 'active',
        targets: [],
        focusAreas: [],
        workLines: [],
      });
  }, [campaign, form]);
  const save = async () => {
    const { dates, ...values } = await form.validateFields();
    const body = { ...values, startDate: dates[0].format('YYYY-MM-DD'), endDate: dates[1].format('YYYY-MM-DD') };
    try {
      const saved = campaign
        ? await api<Campaign>(`/campaigns/${campaign.id}`, {
            method: 'PATCH',
            body: { ...body, orgId: undefined, version: campaign.version },
          })
        : await api<Campaign>('/campaigns', { method: 'POST', body });
      onSaved(saved);
    } catch (e) {
      showError(e, form);
    }
  };
  const readOnly = !!campaign && !campaign.abilities.update;
  return (
    <Form form={form} layout="vertical" disabled={readOnly}>
      <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }, { max: 100 }]}>
        <Input />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item name="batch" label="批次">
          <Input placeholder="如：第二批" />
        </Form.Item>
        <Form.Item name="dates" label="起止日期" rules={rangeRules('开始日期', '结束日期')}>
          <OrderedRangePicker />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select
            style={{ width: 120 }}
            options={[
              { value: 'active', label: '进行中' },
              { value: 'finished', label: '已结束' },
            ]}
          />
        </Form.Item>
      </Space>
      {!campaign && (
        <Form.Item name="orgId" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]}>
          <OrgTreeSelect />
        </Form.Item>
      )}
      <Form.Item name="generalRequirement" label="总要求" rules={[{ max: 200 }]}>
        <Input placeholder="如：学思想、强党性、重实践、建新功" />
      </Form.Item>
      <StringList name="targets" label="目标任务" placeholder="一条目标" />
      <Form.List name="workLines">
        {(fields, { add, remove }) => (
          <Form.Item label="重点措施（工作线）">
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item name={[f.name, 'key']} rules={[{ required: true, message: '请选择类型' }]} noStyle>
                  <Select options={workLineOptions} style={{ width: 200 }} placeholder="类型" />
                </Form.Item>
                <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '请输入名称' }]} noStyle>
                  <Input placeholder="本次主题教育中的名称" style={{ width: 260 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
              添加工作线
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <StringList name="focusAreas" label="重点检视问题领域" placeholder="如：理论学习" />
      <Space size="large">
        <Form.Item name="minStudyHours" label="最低学时" rules={[{ required: true }]}>
          <InputNumber min={0} max={1000} addonAfter="学时" />
        </Form.Item>
        <Form.Item name="warningDays" label="临期预警天数" rules={[{ required: true }]}>
          <InputNumber min={0} max={90} addonAfter="天" />
        </Form.Item>
      </Space>
      {!readOnly && (
        <Button type="primary" onClick={save}>
          保存
        </Button>
      )}
    </Form>
  );
}
