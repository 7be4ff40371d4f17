import { Form, Input, InputNumber, Modal, Radio, Switch } from 'antd';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { showError } from '../../lib/form-errors.ts';
import { transition, useDemandWrite, type DemandDetail } from './api/demands-api.ts';

/** The workflow buttons: label, and the fields the step asks for (none: a confirmation). */
export const ACTIONS: Array<{
  action: string;
  label: string;
  fields?: 'org' | 'reason' | 'answer' | 'visit' | 'extension' | 'target';
  danger?: boolean;
}> = [
  { action: 'dispatch', label: '派单', fields: 'org' },
  { action: 'accept', label: '签收' },
  { action: 'return', label: '退单', fields: 'reason', danger: true },
  { action: 'request_extension', label: '申请延期', fields: 'extension' },
  { action: 'approve_extension', label: '同意延期' },
  { action: 'reject_extension', label: '驳回延期' },
  { action: 'answer', label: '答复', fields: 'answer' },
  { action: 'visit', label: '回访', fields: 'visit' },
  { action: 'close', label: '办结', fields: 'reason' },
  { action: 'reopen', label: '重办' },
  { action: 'merge', label: '并入重复件', fields: 'target' },
];

/** One step's dialog: asks for what the step needs and sends it with the version the drawer shows. */
export function ActionDialog({
  demand,
  action,
  onClose,
}: {
  demand: DemandDetail;
  action: string | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const write = useDemandWrite((body: Record<string, unknown>) => transition(demand.id, body));
  const def = ACTIONS.find((a) => a.action === action);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await write.mutateAsync({ action, version: demand.version, ...values });
      form.resetFields();
      onClose();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal
      open={!!def}
      title={def?.label}
      onOk={submit}
      onCancel={onClose}
      okText="确定"
      cancelText="取消"
      confirmLoading={write.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ contacted: true, solved: true }}>
        {def?.fields === 'org' && (
          <Form.Item name="orgId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
            <OrgTreeSelect />
          </Form.Item>
        )}
        {def?.fields === 'reason' && (
          <Form.Item
            name="reason"
            label={action === 'close' ? '说明（未回访或不满意时必填）' : '理由'}
            rules={action === 'return' ? [{ required: true, message: '请填写理由' }] : []}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {def?.fields === 'answer' && (
          <Form.Item name="answer" label="答复内容" rules={[{ required: true, message: '请填写答复内容' }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        )}
        {def?.fields === 'extension' && (
          <>
            <Form.Item name="days" label="延期工作日（1–10）" rules={[{ required: true, message: '请填写天数' }]}>
              <InputNumber min={1} max={10} />
            </Form.Item>
            <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {def?.fields === 'visit' && (
          <>
            <Form.Item name="satisfaction" label="满意度" rules={[{ required: true, message: '请选择满意度' }]}>
              <Radio.Group
                options={[
                  { value: 'satisfied', label: '满意' },
                  { value: 'basically', label: '基本满意' },
                  { value: 'unsatisfied', label: '不满意' },
                ]}
              />
            </Form.Item>
            <Form.Item name="contacted" label="承办单位是否先行联系" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
            <Form.Item name="solved" label="问题是否解决" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </>
        )}
        {def?.fields === 'target' && (
          <Form.Item
            name="targetId"
            label="并入的诉求编号"
            initialValue={demand.nearby?.id}
            rules={[{ required: true, message: '请填写编号' }]}
          >
            <InputNumber min={1} />
          </Form.Item>
        )}
        {!def?.fields && (
          <p>
            确定对诉求 {demand.trackingCode} 执行“{def?.label}”吗？
          </p>
        )}
      </Form>
    </Modal>
  );
}
