import { Form, Input, Modal } from 'antd';
import { useCreateUser, useResetPassword } from './api/users.ts';

const passwordRules = [
  { required: true, message: '请输入密码' },
  { min: 8, message: '密码至少 8 个字符' },
  { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '密码需同时包含字母和数字' },
];

/** Create an account (optionally linked to a person by id). */
export function UserFormModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const create = useCreateUser();
  const save = async () => {
    const values = await form.validateFields();
    const body = { ...values, personId: values.personId ? Number(values.personId) : undefined };
    if (!(await create.run(body, form)).ok) return;
    form.resetFields();
    onSaved();
  };
  return (
    <Modal open={open} title="新建账号" onOk={save} onCancel={onClose} okText="创建" cancelText="取消" destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[a-zA-Z0-9_.-]{3,64}$/, message: '用户名为 3–64 位字母、数字、下划线、点或连字符' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="显示名称"
          rules={[{ required: true, message: '请输入显示名称' }, { max: 60 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="personId"
          label="关联人员编号（可选）"
          rules={[{ pattern: /^\d*$/, message: '请输入人员编号' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="password" label="初始密码" rules={passwordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Reset an account's password (admin). */
export function PasswordModal({ userId, open, onClose }: { userId: number; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const reset = useResetPassword();
  const save = async () => {
    const values = await form.validateFields();
    if (!(await reset.run({ userId, password: values.password }, form)).ok) return;
    form.resetFields();
    onClose();
  };
  return (
    <Modal open={open} title="重置密码" onOk={save} onCancel={onClose} okText="重置" cancelText="取消" destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
          label="新密码"
          rules={passwordRules}
          extra="重置后，该账号的所有登录会话将退出，其接口令牌将一并吊销（脚本需使用新令牌）。密码不能包含用户名，也不能是常见密码。"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
