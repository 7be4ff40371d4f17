import { Button, Form, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useGrantRole, useRevokeGrant } from './api/users.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { DEFAULT_SCOPE, ROLE_LABELS, SCOPE_LABELS, type Role } from '../../../shared/roles.ts';
import type { GrantView, UserView } from './types.ts';

const roleOptions = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));
const scopeOptions = Object.entries(SCOPE_LABELS).map(([value, label]) => ({ value, label }));

/** Roles of one account, each with its data scope; grant and revoke. */
export function GrantsPanel({ user }: { user: UserView }) {
  const [form] = Form.useForm();
  const grantRole = useGrantRole();
  const revokeGrant = useRevokeGrant();
  const scopeKind = Form.useWatch('scopeKind', form);
  const grant = async () => {
    const values = await form.validateFields();
    if ((await grantRole.run({ user, values }, form)).ok) form.resetFields();
  };
  const revoke = (g: GrantView) => revokeGrant.run({ user, grant: g });
  return (
    <>
      <Table<GrantView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={user.grants}
        columns={[
          { title: '角色', dataIndex: 'role', render: (r: Role) => <Tag color="red">{ROLE_LABELS[r] ?? r}</Tag> },
          { title: '数据范围', dataIndex: 'scopeKind', render: (s: keyof typeof SCOPE_LABELS) => SCOPE_LABELS[s] ?? s },
          { title: '单位', dataIndex: 'orgName' },
          {
            title: '操作',
            render: (_v, g) => (
              <Popconfirm title="撤销该角色？" okText="撤销" cancelText="取消" onConfirm={() => revoke(g)}>
                <a>撤销</a>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Form
        form={form}
        layout="inline"
        style={{ marginTop: 12, rowGap: 8 }}
        onValuesChange={(c) => c.role && form.setFieldValue('scopeKind', DEFAULT_SCOPE[c.role as Role])}
      >
        <Form.Item name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select placeholder="角色" options={roleOptions} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="scopeKind" rules={[{ required: true, message: '请选择数据范围' }]}>
          <Select placeholder="数据范围" options={scopeOptions} style={{ width: 160 }} />
        </Form.Item>
        {(scopeKind === 'subtree' || scopeKind === 'assigned') && (
          <Form.Item
            name="orgId"
            rules={[{ required: scopeKind === 'subtree', message: '请选择单位' }]}
            style={{ minWidth: 240 }}
          >
            <OrgTreeSelect placeholder="单位" />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" onClick={grant}>
            授予
          </Button>
        </Space>
      </Form>
    </>
  );
}
