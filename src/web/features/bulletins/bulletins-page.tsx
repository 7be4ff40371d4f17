import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useAuth, inGroup } from '../../lib/auth.tsx';
import { showError } from '../../lib/form-errors.ts';
import { CampaignSelect, usePickedCampaign } from '../../components/campaign-select.tsx';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { BULLETIN_KINDS } from '../../../shared/check-enums.ts';
import { useBulletins, useCompileBulletin, type BulletinView } from './api/bulletins.ts';
import { BulletinDrawer } from './bulletin-drawer.tsx';
import { OrderedRangePicker } from '../../components/strict-date-picker.tsx';
import { rangeRules } from '../../lib/date-rules.ts';
import { today } from '../../lib/today.ts';

/** 简报: the office starts 第N期 for a period, Taizhang fills it from the records; everyone downloads what was issued. */
export function BulletinsPage() {
  const { me } = useAuth();
  const [campaignId, setPicked] = usePickedCampaign();
  const list = useBulletins(campaignId);
  const compile = useCompileBulletin();
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const isOffice = inGroup(me, 'managers');
  const create = async () => {
    const v = await form.validateFields();
    try {
      const b = await compile.mutateAsync({
        campaignId,
        orgId: v.orgId,
        kind: v.kind,
        title: v.title,
        periodFrom: v.period[0].format('YYYY-MM-DD'),
        periodTo: v.period[1].format('YYYY-MM-DD'),
      });
      setCreating(false);
      form.resetFields();
      setOpenId(b.id);
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Card
      title="工作简报"
      extra={
        <Space>
          <CampaignSelect value={campaignId} onChange={setPicked} />
          {isOffice && (
            <Button type="primary" onClick={() => setCreating(true)} disabled={!campaignId}>
              新建一期
            </Button>
          )}
        </Space>
      }
    >
      <Table<BulletinView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '暂无简报' }}
        onRow={(b) => ({ onClick: () => setOpenId(b.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '期号', dataIndex: 'numberLabel', width: 130 },
          { title: '标题', dataIndex: 'title' },
          { title: '期间', width: 200, render: (_, b) => `${b.periodFrom} 至 ${b.periodTo}` },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            width: 90,
            render: (s: string, b) => <Tag color={b.status === 'issued' ? 'green' : 'orange'}>{s}</Tag>,
          },
          {
            title: '下载',
            width: 100,
            render: (_, b) => (
              <a href={b.docxUrl} download onClick={(e) => e.stopPropagation()}>
                Word 文档
              </a>
            ),
          },
        ]}
      />
      <BulletinDrawer id={openId} onClose={() => setOpenId(null)} />
      <Modal
        open={creating}
        title="新建一期简报"
        okText="汇总生成"
        cancelText="取消"
        onOk={create}
        onCancel={() => setCreating(false)}
        okButtonProps={{ loading: compile.isPending }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'regular', period: [today().subtract(6, 'day'), today()] }}
        >
          <Form.Item name="period" label="汇总期间" rules={rangeRules('起始日期', '截止日期')}>
            <OrderedRangePicker />
          </Form.Item>
          <Form.Item name="kind" label="类别">
            <Select options={Object.entries(BULLETIN_KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="orgId" label="编发单位（不选则为您工作范围的最上级单位）">
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="title" label="标题（不填则按主题教育名称）" rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
