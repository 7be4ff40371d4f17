import { useState } from 'react';
import { App, Button, Card, Drawer, Form, Input, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { CampaignSelect, useCampaigns, usePickedCampaign } from '../../components/campaign-select.tsx';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { PersonSelect } from '../../components/person-select.tsx';
import { FileUpload, useUploadCheck } from '../../components/file-upload.tsx';
import { StrictDatePicker } from '../../components/strict-date-picker.tsx';
import { dateRules, outsideCampaign } from '../../lib/date-rules.ts';
import {
  useAddMeetingItem,
  useItemToProblem,
  useMeeting,
  useMeetings,
  useRecordMeeting,
  type Meeting,
  type MeetingItem as Item,
} from './api/meetings.ts';
import { today } from '../../lib/today.ts';

/** 专题民主生活会 / 组织生活会: the meeting and its criticism items, each one click from the problem list. */
export function MeetingsPage() {
  const { modal } = App.useApp();
  const [campaignId, setPicked] = usePickedCampaign();
  const campaign = useCampaigns().data?.items.find((c) => c.id === campaignId);
  const [creating, setCreating] = useState(false);
  const [materialId, setMaterialId] = useState<number | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [form] = Form.useForm();
  const [itemForm] = Form.useForm();
  const list = useMeetings(campaignId);
  const detail = useMeeting(openId);
  const record = useRecordMeeting();
  const addMeetingItem = useAddMeetingItem();
  const itemToProblem = useItemToProblem();
  const uploads = useUploadCheck();
  const create = async () => {
    const v = await form.validateFields();
    if (!campaignId || !(await uploads.ready())) return;
    const date = v.date.format('YYYY-MM-DD');
    const outside = outsideCampaign(date, campaign, '该会议日期');
    if (outside && !(await modal.confirm(outside))) return;
    const saved = await record.run(
      { ...v, campaignId, date, attendeeIds: v.attendeeIds ?? [], materialAttachmentId: materialId },
      form,
    );
    if (!saved.ok) return;
    setCreating(false);
    form.resetFields();
  };
  const addItem = async () => {
    const v = await itemForm.validateFields();
    if (openId === null) return;
    if ((await addMeetingItem.run({ meetingId: openId, ...v }, itemForm)).ok) itemForm.resetFields();
  };
  const toProblem = (item: Item) =>
    modal.confirm({
      title: '转为问题清单',
      content: `将“${item.content}”记入问题清单（来源：民主生活会）？`,
      okText: '转为问题',
      cancelText: '取消',
      onOk: async () => {
        if (openId !== null) await itemToProblem.run({ meetingId: openId, item });
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
        confirmLoading={record.isPending}
        onCancel={() => setCreating(false)}
        okText="保存"
        cancelText="取消"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'democratic_life', date: today() }}>
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
          <Form.Item name="date" label="会议日期" rules={dateRules('会议日期', { required: true, happened: true })}>
            <StrictDatePicker disabledDate={(d) => d.isAfter(today(), 'day')} />
          </Form.Item>
          <Form.Item name="attendeeIds" label="参会人员">
            <PersonSelect multiple />
          </Form.Item>
          <Form.Item label="对照检查材料">
            <FileUpload
              multiple={false}
              label="上传对照检查材料"
              onChange={(ids) => setMaterialId(ids[0] ?? null)}
              onStateChange={uploads.onStateChange}
            />
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
          <Button loading={addMeetingItem.isPending} onClick={addItem}>
            添加事项
          </Button>
        </Form>
      </Drawer>
    </Card>
  );
}
