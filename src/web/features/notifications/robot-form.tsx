import { useEffect } from 'react';
import { Checkbox, Form, Input, Modal, Radio } from 'antd';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { showError } from '../../lib/form-errors.ts';
import { NOTIFICATION_EVENTS, ROBOT_EVENTS } from '../../../shared/notification-events.ts';
import { useSaveRobot, type Robot } from './api/webhooks.ts';

/** Connects or changes a robot. The address and secret are write-only: left empty on edit, they stay as they are. */
export function RobotForm({ robot, open, onClose }: { robot: Robot | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useSaveRobot();
  const kind = Form.useWatch('kind', form);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      robot
        ? { orgId: robot.orgId, kind: robot.kind, name: robot.name, events: robot.events }
        : { kind: 'dingtalk', events: ['reminder', 'returned', 'approved'] },
    );
  }, [open, robot, form]);
  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = { name: v.name, events: v.events };
    if (v.url) body.url = v.url;
    if (v.secret) body.secret = v.secret;
    if (robot) body.version = robot.version;
    else Object.assign(body, { orgId: v.orgId, kind: v.kind });
    save.mutate({ id: robot?.id, body }, { onSuccess: onClose, onError: (e) => showError(e, form) });
  };
  return (
    <Modal
      title={robot ? '修改群机器人' : '接入群机器人'}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="orgId"
          label="所属单位（推送本单位及下级的消息）"
          rules={[{ required: true, message: '请选择单位' }]}
        >
          <OrgTreeSelect disabled={!!robot} />
        </Form.Item>
        <Form.Item name="kind" label="机器人类型">
          <Radio.Group
            disabled={!!robot}
            options={[
              { value: 'dingtalk', label: '钉钉' },
              { value: 'wecom', label: '企业微信' },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }, { max: 100 }]}>
          <Input placeholder="如：整改工作群" />
        </Form.Item>
        <Form.Item
          name="url"
          label="Webhook 地址"
          extra={robot ? `当前：${robot.urlHint}（出于安全不再显示，留空则不修改）` : '保存后加密存放，不再显示'}
          rules={robot ? [] : [{ required: true, message: '请填写机器人的 Webhook 地址' }]}
        >
          <Input.Password placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" autoComplete="off" />
        </Form.Item>
        {kind === 'dingtalk' && (
          <Form.Item
            name="secret"
            label="加签密钥（SEC 开头）"
            extra={robot?.hasSecret ? '已设置（留空则不修改）' : '钉钉机器人安全设置选择“加签”时填写'}
          >
            <Input.Password autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="events" label="推送事件" rules={[{ required: true, message: '至少选择一类事件' }]}>
          <Checkbox.Group options={ROBOT_EVENTS.map((e) => ({ value: e, label: NOTIFICATION_EVENTS[e] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
