import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { api } from '../../lib/api.ts';
import { showError } from '../../lib/form-errors.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { useDemandCategories, useDemandWrite } from './api/demands-api.ts';

const CHANNELS = [
  { value: 'hotline', label: '12345热线' },
  { value: 'online', label: '网上留言' },
  { value: 'letter', label: '来信来访' },
  { value: 'visit', label: '走访发现' },
];
const KINDS = [
  { value: 'consult', label: '咨询' },
  { value: 'help', label: '求助' },
  { value: 'complaint', label: '投诉' },
  { value: 'report', label: '举报' },
  { value: 'suggestion', label: '建议' },
];

/** 登记诉求: staff intake from the hotline, letters and visits. */
export function DemandForm({ open, campaignId, onClose }: { open: boolean; campaignId?: number; onClose: () => void }) {
  const [form] = Form.useForm();
  const categories = useDemandCategories();
  const create = useDemandWrite((body: Record<string, unknown>) => api('/demands', { method: 'POST', body }));
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await create.mutateAsync({ ...values, campaignId, confidential: !!values.confidential });
      form.resetFields();
      onClose();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal
      open={open}
      title="登记群众诉求"
      onOk={submit}
      onCancel={onClose}
      okText="登记"
      cancelText="取消"
      width={640}
      destroyOnHidden
      confirmLoading={create.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ channel: 'hotline', kind: 'complaint' }}>
        <Form.Item name="orgId" label="受理单位" rules={[{ required: true, message: '请选择受理单位' }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="channel" label="渠道">
          <Select options={CHANNELS} />
        </Form.Item>
        <Form.Item name="kind" label="诉求类型">
          <Select options={KINDS} />
        </Form.Item>
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select
            options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.group} / ${c.name}` }))}
          />
        </Form.Item>
        <Form.Item name="address" label="地点" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="description"
          label="诉求内容"
          rules={[{ required: true, message: '请填写诉求内容' }, { max: 4000 }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="name" label="诉求人姓名" rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="phone"
          label="联系电话"
          rules={[{ pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: '请填写有效电话' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="confidential" valuePropName="checked">
          <Checkbox>诉求人要求保密</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
