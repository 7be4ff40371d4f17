import { useState } from 'react';
import { Button, Card, Form, Input, List, Modal, Space, Table, Tag } from 'antd';
import { useAuth, inGroup } from '../../lib/auth.tsx';
import { CampaignSelect, usePickedCampaign } from '../../components/campaign-select.tsx';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { PersonSelect } from '../../components/person-select.tsx';
import { TopicDrawer } from './topic-drawer.tsx';
import { useCreateTopic, useLeadersWithoutReport, useTopics, type TopicRow } from './api/research.ts';

/** 调查研究: topics led by leaders, the office's view of who has no report yet, the 成果交流会 list. */
export function ResearchPage() {
  const { me } = useAuth();
  const [campaignId, setPicked] = usePickedCampaign();
  // ?open=ID (from 我的待办) opens that topic with its review ready.
  const [openId, setOpenId] = useState<number | null>(
    () => Number(new URLSearchParams(window.location.search).get('open')) || null,
  );
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const topics = useTopics(campaignId);
  const isOffice = inGroup(me, 'reviewers');
  const missing = useLeadersWithoutReport(campaignId, isOffice);
  const createTopic = useCreateTopic();
  const create = async () => {
    const v = await form.validateFields();
    const saved = await createTopic.run({ ...v, campaignId }, form);
    if (!saved.ok) return;
    setCreating(false);
    form.resetFields();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title="调查研究"
        extra={
          <Space>
            <CampaignSelect value={campaignId} onChange={setPicked} />
            <Button type="primary" onClick={() => setCreating(true)}>
              领题调研
            </Button>
          </Space>
        }
      >
        <Table<TopicRow>
          rowKey="id"
          size="small"
          loading={topics.isLoading}
          dataSource={topics.data?.items ?? []}
          pagination={false}
          onRow={(t) => ({ onClick: () => setOpenId(t.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: '课题', dataIndex: 'title' },
            { title: '领题领导', dataIndex: 'leaderName', width: 100 },
            { title: '单位', dataIndex: 'orgName', width: 180 },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              width: 100,
              render: (s: string, t) => (
                <Space>
                  <Tag>{s}</Tag>
                  {t.recommended && <Tag color="red">择优推送</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {isOffice && (
        <Card title={`尚未形成调研报告的领导（${missing.data?.items.length ?? 0} 人）`} size="small">
          <List
            size="small"
            dataSource={missing.data?.items ?? []}
            locale={{ emptyText: '领导班子成员均已形成调研报告' }}
            renderItem={(p) => (
              <List.Item>
                {p.name}（{p.orgName} {p.position}）
              </List.Item>
            )}
          />
        </Card>
      )}
      <TopicDrawer topicId={openId} onClose={() => setOpenId(null)} />
      <Modal
        open={creating}
        title="领题调研"
        onOk={create}
        onCancel={() => setCreating(false)}
        okText="领题"
        cancelText="取消"
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="orgId" label="调研单位" rules={[{ required: true, message: '请选择单位' }]}>
            <OrgTreeSelect />
          </Form.Item>
          {isOffice && (
            <Form.Item name="leaderId" label="领题领导（本人领题可不选）">
              <PersonSelect />
            </Form.Item>
          )}
          <Form.Item
            name="title"
            label="课题名称"
            rules={[{ required: true, message: '请填写课题名称' }, { max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="plan" label="调研方案" rules={[{ max: 4000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
