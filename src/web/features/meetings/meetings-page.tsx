import { useState } from 'react';
import { App, Button, Card, DatePicker, Drawer, Form, Input, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../lib/api.ts';
import { showError } from '../../lib/form-errors.ts';
import { CampaignSelect, usePickedCampaign } from '../../components/campaign-select.tsx';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { PersonSelect } from '../../components/person-select.tsx';
import { FileUpload } from '../../components/file-upload.tsx';

interface Meeting {
  id: number;
  kindLabel: string;
  date: string;
  orgName: string;
}
interface Item {
  id: number;
  kind: string;
  content: string;
  fromName: string;
  toName: string | null;
  problemId: number | null;
}

/** 专题民主生活会 / 组织生活会: the meeting and its criticism items, each one click from the problem list. */
export function MeetingsPage() {
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const [campaignId, setPicked] = usePickedCampaign();
  const [creating, setCreating] = useState(false);
  const [materialId, setMaterialId] = useState<number | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [form] = Form.useForm();
  const [itemForm] = Form.useForm();
  const list = useQuery({
    queryKey: ['meetings', campaignId],
    queryFn: () => api<{ items: Meeting[] }>('/meetings', { query: { campaignId } }),
    enabled: !!campaignId,
  });
  const detail = useQuery({
    queryKey: ['meetings', 'detail', openId],
    queryFn: () => api<Meeting & { items: Item[]; materialAttachmentId: number | null }>(`/meetings/${openId}`),
    enabled: openId !== null,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['meetings'] });
  const create = async () => {
    const v = await form.validateFields();
    try {
      await api('/meetings', {
        method: 'POST',
        body: {
          ...v,
          campaignId,
          date: v.date.format('YYYY-MM-DD'),
          attendeeIds: v.attendeeIds ?? [],
          materialAttachmentId: materialId,
        },
      });
      setCreating(false);
      form.resetFields();
      await refresh();
    } catch (e) {
      showError(e, form);
    }
  };
  const addItem = async () => {
    const v = await itemForm.validateFields();
    try {
      await api(`/meetings/${openId}/items`, { method: 'POST', body: v });
      itemForm.resetFields();
      await refresh();
    } catch (e) {
      showError(e, itemForm);
    }
  };
  const toProblem = (item: Item) =>
    modal.confirm({
      title: '转为问题清单',
      content: `将“${item.content}”记入问题清单（来源：民主生活会）？`,
      okText: '转为问题',
      cancelText: '取消',
      onOk: async () => {
        try {
          await api(`/meetings/${openId}/items/${item.id}/to-problem`, {
            method: 'POST',
            body: { title: item.content.slice(0, 60) },
          });
          void message.success('已记入问题清单');
          await refresh();
        } catch (e) {
          showError(e);
        }
      },
    });
  return (
    <Card
      title="民主生活会 / 组织生活会"
      extra={
        <Space>
          <CampaignSelect value={campaignId} onChange={setPicked} />
          <Button type="primary" onClick={() => setCreating(true)}>
            记录会议
          </Button>
        </Space>
      }
    >
      <Table<Meeting>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        onRow={(m) => ({ onClick: () => setOpenId(m.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '日期', dataIndex: 'date', width: 120 },
          { title: '单位', dataIndex: 'orgName' },
          { title: '会议', dataIndex: 'kindLabel' },
        ]}
      />
      <Modal
        open={creating}
        title="记录会议"
        onOk={create}
        onCancel={() => setCreating(false)}
        okText="保存"
        cancelText="取消"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'democratic_life', date: dayjs() }}>
          <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="kind" label="会议类型">
            <Radio.Group
              options={[
                { value: 'democratic_life', label: '专题民主生活会' },
                { value: 'organisational_life', label: '组织生活会' },
              ]}
            />
          </Form.Item>
          <Form.Item name="date" label="日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="attendeeIds" label="参会人员">
            <PersonSelect multiple />
          </Form.Item>
          <Form.Item label="对照检查材料">
            <FileUpload multiple={false} label="上传对照检查材料" onChange={(ids) => setMaterialId(ids[0] ?? null)} />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        size={820}
        title={detail.data ? `${detail.data.orgName} ${detail.data.kindLabel}（${detail.data.date}）` : '会议'}
        destroyOnHidden
      >
        {detail.data?.materialAttachmentId && (
          <p>
            <a href={`/api/v1/attachments/${detail.data.materialAttachmentId}`}>下载对照检查材料</a>
          </p>
        )}
        <Table<Item>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={detail.data?.items ?? []}
          title={() => '批评与自我批评'}
          columns={[
            {
              title: '类型',
              dataIndex: 'kind',
              width: 90,
              render: (k: string) => (k === 'self' ? '自我批评' : '批评'),
            },
            { title: '发言人', dataIndex: 'fromName', width: 90 },
            { title: '对象', dataIndex: 'toName', width: 90 },
            { title: '内容', dataIndex: 'content' },
            {
              title: '',
              width: 110,
              render: (_v, i) =>
                i.problemId ? <Tag color="blue">已转为问题</Tag> : <a onClick={() => toProblem(i)}>转为问题</a>,
            },
          ]}
        />
        <Form form={itemForm} layout="vertical" style={{ marginTop: 16 }} initialValues={{ kind: 'criticism' }}>
          <Space wrap>
            <Form.Item name="kind" label="类型">
              <Select
                style={{ width: 120 }}
                options={[
                  { value: 'criticism', label: '批评' },
                  { value: 'self', label: '自我批评' },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="fromPersonId"
              label="发言人"
              rules={[{ required: true, message: '请选择发言人' }]}
              style={{ width: 220 }}
            >
              <PersonSelect />
            </Form.Item>
            <Form.Item name="toPersonId" label="被批评人" style={{ width: 220 }}>
              <PersonSelect />
            </Form.Item>
          </Space>
          <Form.Item name="content" label="内容" rules={[{ required: true, message: '请填写内容' }, { max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button onClick={addItem}>添加事项</Button>
        </Form>
      </Drawer>
    </Card>
  );
}
