import { useEffect } from 'react';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useSaveOrg } from './api/orgs.ts';
import type { Org } from '../../lib/org-types.ts';
import { ORG_TYPES } from '../../../shared/org-types.ts';
import { PersonSelect } from '../../components/person-select.tsx';

const typeOptions = Object.entries(ORG_TYPES).map(([value, label]) => ({ value, label }));

/** Create a child unit (parent given) or edit a unit (org given). */
export function OrgFormModal(props: {
  open: boolean;
  parent?: Org;
  org?: Org;
  onClose: () => void;
  onSaved: (org: Org) => void;
}) {
  const [form] = Form.useForm();
  const save = useSaveOrg();
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      if (props.org)
        form.setFieldsValue({
          name: props.org.name,
          type: props.org.type,
          sortOrder: props.org.sortOrder,
          secretaryId: props.org.secretaryId,
        });
      else form.setFieldsValue({ type: 'branch' });
    }
  }, [props.open, props.org, form]);
  const submit = async () => {
    const values = await form.validateFields();
    const saved = await save.run({ org: props.org, parent: props.parent, values }, form);
    if (saved.ok) props.onSaved(saved.data);
  };
  return (
    <Modal
      open={props.open}
      title={props.org ? '编辑单位' : `新建下级单位（上级：${props.parent?.name ?? ''}）`}
      onOk={submit}
      confirmLoading={save.isPending}
      onCancel={props.onClose}
      okText="保存"
      cancelText="取消"
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label="单位名称"
          rules={[
            { required: true, message: '请输入单位名称' },
            { max: 60, message: '单位名称不能超过 60 个字符' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="type" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
          <Select options={typeOptions} />
        </Form.Item>
        {props.org && (
          <Form.Item name="secretaryId" label="第一责任人">
            <PersonSelect orgId={props.org.id} />
          </Form.Item>
        )}
        <Form.Item name="sortOrder" label="排序号">
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
