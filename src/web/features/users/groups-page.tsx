import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { OrgTreeSelect, useScopeTree } from '../../components/org-tree-select.tsx';
import { PersonSelect } from '../../components/person-select.tsx';
import {
  useAssignLeader,
  useAssignments,
  useDeleteGroup,
  useGroups,
  useSaveGroup,
  useUnassignLeader,
  type Assignment,
  type Group,
} from './api/groups.ts';

type TreeNode = { id: number; name: string; children: TreeNode[] };

const KINDS: Record<string, string> = { supervision: '督导组', liaison: '联络组' };

function UnitsSelect(props: { value?: number[]; onChange?: (v: number[]) => void }) {
  const tree = useScopeTree();
  const flat: Array<{ value: number; label: string }> = [];
  const walk = (n: TreeNode) => {
    flat.push({ value: n.id, label: n.name });
    n.children.forEach(walk);
  };
  (tree.data ?? []).forEach(walk);
  return (
    <Select
      mode="multiple"
      value={props.value}
      onChange={props.onChange}
      options={flat}
      showSearch
      optionFilterProp="label"
      placeholder="选择联系单位"
    />
  );
}

/** 督导组 with members and assigned units, and 分管 assignments. */
export function GroupsPage() {
  const groups = useGroups();
  const assignments = useAssignments();
  const saveGroup = useSaveGroup();
  const deleteGroup = useDeleteGroup();
  const assignLeader = useAssignLeader();
  const unassignLeader = useUnassignLeader();
  const [editing, setEditing] = useState<Group | 'new' | null>(null);
  const [form] = Form.useForm();
  const [assignForm] = Form.useForm();
  const open = (g: Group | 'new') => {
    setEditing(g);
    form.resetFields();
    if (g !== 'new')
      form.setFieldsValue({
        name: g.name,
        kind: g.kind,
        orgId: g.orgId,
        memberIds: g.members.map((m) => m.personId),
        unitIds: g.units.map((u) => u.orgId),
      });
    else form.setFieldsValue({ kind: 'supervision', memberIds: [], unitIds: [] });
  };
  const save = async () => {
    const values = await form.validateFields();
    if (editing && (await saveGroup.run({ group: editing, values }, form)).ok) setEditing(null);
  };
  const assign = async () => {
    const values = await assignForm.validateFields();
    if ((await assignLeader.run(values, assignForm)).ok) assignForm.resetFields();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title="督导组 / 联络组"
        extra={
          <Button type="primary" onClick={() => open('new')}>
            新建督导组
          </Button>
        }
      >
        <Table<Group>
          rowKey="id"
          size="small"
          pagination={false}
          loading={groups.isLoading}
          dataSource={groups.data?.items ?? []}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'kind', render: (k: string) => <Tag>{KINDS[k] ?? k}</Tag> },
            { title: '组员', dataIndex: 'members', render: (ms: Group['members']) => ms.map((m) => m.name).join('、') },
            { title: '联系单位', dataIndex: 'units', render: (us: Group['units']) => us.map((u) => u.name).join('、') },
            {
              title: '操作',
              render: (_v, g) =>
                g.abilities.update && (
                  <Space>
                    <a onClick={() => open(g)}>编辑</a>
                    <Popconfirm
                      title="撤销该督导组？"
                      okText="撤销"
                      cancelText="取消"
                      onConfirm={() => deleteGroup.run(g.id)}
                    >
                      <a>撤销</a>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card title="分管关系（班子成员一岗双责）">
        <Form form={assignForm} layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="personId" rules={[{ required: true, message: '请选择班子成员' }]} style={{ width: 280 }}>
            <PersonSelect placeholder="班子成员" />
          </Form.Item>
          <Form.Item name="orgId" rules={[{ required: true, message: '请选择分管单位' }]} style={{ width: 280 }}>
            <OrgTreeSelect placeholder="分管单位" />
          </Form.Item>
          <Button type="primary" onClick={assign}>
            添加分管
          </Button>
        </Form>
        <Table<Assignment>
          rowKey="id"
          size="small"
          pagination={false}
          loading={assignments.isLoading}
          dataSource={assignments.data?.items ?? []}
          columns={[
            { title: '班子成员', dataIndex: 'personName' },
            { title: '分管单位', dataIndex: 'orgName' },
            {
              title: '操作',
              render: (_v, a) => (
                <Popconfirm
                  title="取消该分管关系？"
                  okText="取消分管"
                  cancelText="返回"
                  onConfirm={() => unassignLeader.run(a.id)}
                >
                  <a>取消分管</a>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!editing}
        title={editing === 'new' ? '新建督导组' : '编辑督导组'}
        onOk={save}
        confirmLoading={saveGroup.isPending}
        onCancel={() => setEditing(null)}
        okText="保存"
        cancelText="取消"
        width={640}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }, { max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Select options={Object.entries(KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {editing === 'new' && (
            <Form.Item name="orgId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
              <OrgTreeSelect />
            </Form.Item>
          )}
          <Form.Item name="memberIds" label="组员">
            <PersonSelect multiple />
          </Form.Item>
          <Form.Item name="unitIds" label="联系单位（组员据此获得数据范围）">
            <UnitsSelect />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
