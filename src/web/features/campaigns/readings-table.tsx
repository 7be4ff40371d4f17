import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Space, Table } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { showError } from '../../lib/form-errors.ts';
import type { Campaign, Reading } from './types.ts';
import type { ReadingListT } from '../../../shared/views/campaigns.ts';

/** 必学篇目 of a campaign: add, edit, remove. */
export function ReadingsTable({ campaign }: { campaign: Campaign }) {
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<Reading | 'new' | null>(null);
  const key = ['campaigns', campaign.id, 'readings'];
  const list = useQuery({
    queryKey: key,
    queryFn: () => api<ReadingListT>(`/campaigns/${campaign.id}/readings`),
  });
  const canEdit = campaign.abilities.update;
  const open = (r: Reading | 'new') => {
    setEditing(r);
    form.resetFields();
    if (r !== 'new') form.setFieldsValue(r);
  };
  const save = async () => {
    const values = await form.validateFields();
    try {
      if (editing === 'new') await api(`/campaigns/${campaign.id}/readings`, { method: 'POST', body: values });
      else if (editing)
        await api(`/campaigns/${campaign.id}/readings/${editing.id}`, {
          method: 'PATCH',
          body: { ...values, version: editing.version },
        });
      setEditing(null);
      await qc.invalidateQueries({ queryKey: key });
    } catch (e) {
      showError(e, form);
    }
  };
  const remove = (r: Reading) =>
    modal.confirm({
      title: '删除必学篇目',
      content: `确定删除“${r.title}”？`,
      okText: '删除',
      cancelText: '取消',
      onOk: async () => {
        try {
          await api(`/campaigns/${campaign.id}/readings/${r.id}`, { method: 'DELETE' });
          await qc.invalidateQueries({ queryKey: key });
        } catch (e) {
          showError(e);
        }
      },
    });
  return (
    <>
      {canEdit && (
        <Button type="primary" onClick={() => open('new')} style={{ marginBottom: 8 }}>
          添加必学篇目
        </Button>
      )}
      <Table<Reading>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: '序号', render: (_v, _r, i) => i + 1, width: 60 },
          { title: '篇目', dataIndex: 'title' },
          { title: '出处', dataIndex: 'source' },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  width: 120,
                  render: (_: unknown, r: Reading) => (
                    <Space>
                      <a onClick={() => open(r)}>编辑</a>
                      <a onClick={() => remove(r)}>删除</a>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? '添加必学篇目' : '编辑必学篇目'}
        onOk={save}
        onCancel={() => setEditing(null)}
        okText="保存"
        cancelText="取消"
      >
        <Form form={form} layout="vertical">
          <Form.Item name="title" label="篇目" rules={[{ required: true, message: '请输入篇目' }, { max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="source" label="出处" rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="sortOrder" label="排序号">
            <InputNumber min={0} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
