import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { showError } from '../../lib/form-errors.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { PersonSelect } from '../../components/person-select.tsx';
import { useDraw, useGroups, usePool, type DrawView } from './api/checks.ts';

/** 双随机抽取: pick the pool (a subtree, minus units checked lately), the count, a public value and the roster. */
export function DrawModal(props: {
  campaignId: number;
  open: boolean;
  onClose: () => void;
  onDrawn: (d: DrawView) => void;
}) {
  const [form] = Form.useForm();
  const groups = useGroups();
  const pool = usePool();
  const draw = useDraw();
  const [poolIds, setPoolIds] = useState<number[]>([]);
  const preview = async () => {
    const { rootId, excludeRecentDays } = form.getFieldsValue();
    if (!rootId) return;
    const res = await pool.mutateAsync({ campaignId: props.campaignId, orgId: rootId, excludeRecentDays });
    setPoolIds(res.items.map((u) => u.id));
  };
  const submit = async () => {
    const v = await form.validateFields();
    const group = groups.data?.items.find((g) => g.id === v.groupId);
    try {
      const d = await draw.mutateAsync({
        campaignId: props.campaignId,
        poolOrgIds: poolIds,
        count: v.count,
        publicValue: v.publicValue,
        groupId: v.groupId,
        orgId: v.groupId ? undefined : v.rootId,
        rosterIds: v.rosterIds?.length ? v.rosterIds : group?.members.map((m) => m.personId),
        inspectorsPerUnit: v.inspectorsPerUnit,
        rule: { orgId: v.rootId, excludeRecentDays: v.excludeRecentDays },
      });
      form.resetFields();
      setPoolIds([]);
      props.onDrawn(d);
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal
      open={props.open}
      title="双随机抽取"
      okText="抽取"
      cancelText="取消"
      onOk={submit}
      onCancel={props.onClose}
      okButtonProps={{ disabled: poolIds.length === 0, loading: draw.isPending }}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ count: 3, inspectorsPerUnit: 2, excludeRecentDays: 30 }}
        onValuesChange={(changed) => {
          if ('rootId' in changed || 'excludeRecentDays' in changed) void preview();
        }}
      >
        <Form.Item name="groupId" label="督导组（不选则以所选单位名义组织）">
          <Select
            allowClear
            placeholder="选择督导组"
            options={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item
            name="rootId"
            label="抽取范围（单位及下级）"
            rules={[{ required: true, message: '请选择范围' }]}
            style={{ width: 280 }}
          >
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="excludeRecentDays" label="排除近N天已检查">
            <InputNumber min={0} max={3650} />
          </Form.Item>
        </Space>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`抽取池：${poolIds.length} 个单位${pool.data?.excluded ? `（已排除近期检查过的 ${pool.data.excluded} 个）` : ''}`}
          description={
            <Space wrap size={[4, 4]}>
              {(pool.data?.items ?? []).slice(0, 40).map((u) => (
                <Tag key={u.id}>{u.name}</Tag>
              ))}
            </Space>
          }
        />
        <Space align="start" wrap>
          <Form.Item name="count" label="抽取单位数" rules={[{ required: true, message: '请填写数量' }]}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="inspectorsPerUnit" label="每单位检查人员">
            <InputNumber min={0} max={10} />
          </Form.Item>
        </Space>
        <Form.Item
          name="publicValue"
          label="公开随机数（种子，如当期福彩开奖号码）"
          extra="服务器先生成保密种子并公布其哈希，再与此公开值合成抽取种子：任何一方都无法单独决定结果。"
          rules={[{ max: 200 }]}
        >
          <Input placeholder="例如：福彩3D 第2026325期 518" />
        </Form.Item>
        <Form.Item name="rosterIds" label="检查人员名单（不选则为督导组成员）">
          <PersonSelect multiple />
        </Form.Item>
      </Form>
    </Modal>
  );
}
