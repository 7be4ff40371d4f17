import { useEffect, useState } from 'react';
import { App, Button, Drawer, Form, Input, Select, Space, Switch, Tabs } from 'antd';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { AuditTimeline } from '../../components/audit-timeline.tsx';
import { useSavePerson, useTogglePersonActive, useTransferPerson } from './api/people.ts';
import { GENDERS, LEADERSHIP_LEVELS, PHONE_MESSAGE, PHONE_PATTERN, type Person } from './types.ts';

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/** Add or edit a person; transfer and deactivate from the same drawer. */
export function PersonDrawer(props: {
  open: boolean;
  person?: Person;
  orgId?: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const { modal } = App.useApp();
  const savePerson = useSavePerson();
  const transferPerson = useTransferPerson();
  const toggleActive = useTogglePersonActive();
  const [transferTo, setTransferTo] = useState<number | null>(null);
  const person = props.person;
  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (person) form.setFieldsValue({ ...person, phone: person.phone ?? '' });
    else form.setFieldsValue({ orgId: props.orgId, isPartyMember: true });
    setTransferTo(null);
  }, [props.open, person, props.orgId, form]);

  const save = async () => {
    const values = await form.validateFields();
    const body = {
      ...values,
      phone: values.phone ? values.phone : null,
      gender: values.gender ?? null,
      leadershipLevel: values.leadershipLevel ?? null,
    };
    if (person) delete body.orgId;
    if ((await savePerson.run({ person, body }, form)).ok) props.onSaved();
  };
  const transfer = async () => {
    if (!person || !transferTo) return;
    if ((await transferPerson.run({ person, orgId: transferTo })).ok) props.onSaved();
  };
  const confirmToggle = () =>
    person &&
    modal.confirm({
      title: person.active ? '停用人员' : '启用人员',
      content: person.active ? `停用后“${person.name}”不再出现在名册中，历史记录保留。` : `重新启用“${person.name}”？`,
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        if ((await toggleActive.run(person)).ok) props.onSaved();
      },
    });

  const formPane = (
    <Form form={form} layout="vertical" disabled={!!person && !person.abilities.update}>
      {!person && (
        <Form.Item name="orgId" label="所在单位" rules={[{ required: true, message: '请选择所在单位' }]}>
          <OrgTreeSelect />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label="姓名"
        rules={[
          { required: true, message: '请输入姓名' },
          { max: 30, message: '姓名不能超过 30 个字符' },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="gender" label="性别">
        <Select allowClear options={options(GENDERS)} />
      </Form.Item>
      <Form.Item name="position" label="职务" rules={[{ max: 60, message: '职务不能超过 60 个字符' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="isPartyMember" label="中共党员" valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      <Form.Item name="leadershipLevel" label="领导职务层级">
        <Select allowClear options={options(LEADERSHIP_LEVELS)} />
      </Form.Item>
      <Form.Item
        name="phone"
        label="联系电话"
        rules={[{ pattern: PHONE_PATTERN, message: PHONE_MESSAGE }]}
        validateTrigger={['onBlur', 'onChange']}
      >
        <Input placeholder="手机号或带区号的固定电话" />
      </Form.Item>
    </Form>
  );

  return (
    <Drawer
      open={props.open}
      title={person ? `人员：${person.name}` : '新增人员'}
      size={520}
      onClose={props.onClose}
      destroyOnHidden
      extra={
        <Space>
          {person?.abilities.deactivate && <Button onClick={confirmToggle}>{person.active ? '停用' : '启用'}</Button>}
          {(!person || person.abilities.update) && (
            <Button type="primary" onClick={save}>
              保存
            </Button>
          )}
        </Space>
      }
    >
      {person ? (
        <Tabs
          items={[
            { key: 'info', label: '基本信息', children: formPane },
            {
              key: 'transfer',
              label: '调动',
              disabled: !person.abilities.transfer,
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <div>当前单位：{person.orgName}</div>
                  <OrgTreeSelect value={transferTo} onChange={setTransferTo} placeholder="选择调入单位" />
                  <Button type="primary" disabled={!transferTo} onClick={transfer}>
                    确认调动
                  </Button>
                </Space>
              ),
            },
            { key: 'history', label: '变更记录', children: <AuditTimeline entityType="person" entityId={person.id} /> },
          ]}
        />
      ) : (
        formPane
      )}
    </Drawer>
  );
}
