import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Space, Switch, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { CampaignSelect, usePickedCampaign } from '../../components/campaign-select.tsx';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { PersonSelect } from '../../components/person-select.tsx';
import { FileUpload, useUploadCheck } from '../../components/file-upload.tsx';
import { showError } from '../../lib/form-errors.ts';
import { useMatters, useMatterWrite, type Matter } from './api/matters-api.ts';
import { MatterProgress } from './progress-list.tsx';
import { StrictDatePicker } from '../../components/strict-date-picker.tsx';
import { dateRules } from '../../lib/date-rules.ts';

const COLOURS: Record<string, string> = { red: 'red', yellow: 'gold', green: 'green', blue: 'blue' };
type Dialog = { kind: 'create' } | { kind: 'progress' | 'finish'; matter: Matter };

/** 民生实事清单: matters promised to the public, their progress with evidence, results, and publication. */
export function MattersPage() {
  const [campaignId, setPicked] = usePickedCampaign();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [fileId, setFileId] = useState<number | null>(null);
  const [form] = Form.useForm();
  const [page, setPage] = useState(1);
  const list = useMatters({ campaignId, page, pageSize: 50 }, !!campaignId);
  const write = useMatterWrite();
  const uploads = useUploadCheck();
  const submit = async () => {
    const v = await form.validateFields();
    if (!(await uploads.ready())) return;
    try {
      if (dialog?.kind === 'create')
        await write.mutateAsync({
          path: '/matters',
          method: 'POST',
          body: { ...v, campaignId, dueDate: (v.dueDate as Dayjs).format('YYYY-MM-DD') },
        });
      else if (dialog?.kind === 'progress')
        await write.mutateAsync({
          path: `/matters/${dialog.matter.id}/progress`,
          method: 'POST',
          body: {
            note: v.note,
            date: (v.date as Dayjs).format('YYYY-MM-DD'),
            ...(fileId ? { attachmentId: fileId } : {}),
          },
        });
      else if (dialog?.kind === 'finish')
        await write.mutateAsync({
          path: `/matters/${dialog.matter.id}`,
          method: 'PATCH',
          body: { version: dialog.matter.version, action: 'finish', result: v.result },
        });
      setDialog(null);
      setFileId(null);
      form.resetFields();
    } catch (e) {
      showError(e, form);
    }
  };
  const publish = async (m: Matter, published: boolean) => {
    try {
      await write.mutateAsync({ path: `/matters/${m.id}`, method: 'PATCH', body: { version: m.version, published } });
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Card
      title="民生实事清单"
      extra={
        <Space>
          <CampaignSelect
            value={campaignId}
            onChange={(v) => {
              setPicked(v);
              setPage(1);
            }}
          />
          <Button
            icon={<DownloadOutlined />}
            disabled={!campaignId}
            href={campaignId ? `/api/v1/exports/matters.xlsx?campaignId=${campaignId}` : undefined}
          >
            导出清单
          </Button>
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
            新增实事
          </Button>
        </Space>
      }
    >
      <Table<Matter>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 50,
          total: list.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          showTotal: (n) => `共 ${n} 项`,
        }}
        expandable={{
          expandedRowRender: (m) => <MatterProgress matter={m} />,
        }}
        columns={[
          { title: '实事名称', dataIndex: 'title' },
          { title: '目标', dataIndex: 'target', ellipsis: true },
          { title: '责任单位', dataIndex: 'orgName', width: 140 },
          { title: '责任人', dataIndex: 'ownerName', width: 80 },
          { title: '时限', dataIndex: 'dueDate', width: 100 },
          {
            title: '状态',
            width: 110,
            render: (_v, m) => <Tag color={COLOURS[m.colour]}>{m.overdue ? '逾期' : m.statusLabel}</Tag>,
          },
          { title: '结果', dataIndex: 'result', ellipsis: true },
          {
            title: '公开',
            width: 70,
            render: (_v, m) => (
              <Switch
                size="small"
                checked={m.published}
                disabled={!m.abilities.publish}
                onChange={(v) => publish(m, v)}
              />
            ),
          },
          {
            title: '操作',
            width: 130,
            render: (_v, m) => (
              <Space size="small">
                {m.abilities.progress && <a onClick={() => setDialog({ kind: 'progress', matter: m })}>填报进展</a>}
                {m.abilities.progress && <a onClick={() => setDialog({ kind: 'finish', matter: m })}>完成</a>}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!dialog}
        title={dialog?.kind === 'create' ? '新增民生实事' : dialog?.kind === 'progress' ? '填报进展' : '办结实事'}
        onOk={submit}
        onCancel={() => setDialog(null)}
        okText="保存"
        cancelText="取消"
        destroyOnHidden
        confirmLoading={write.isPending}
      >
        <Form form={form} layout="vertical">
          {dialog?.kind === 'create' && (
            <>
              <Form.Item
                name="title"
                label="实事名称"
                rules={[{ required: true, message: '请填写名称' }, { max: 200 }]}
              >
                <Input />
              </Form.Item>
              <Form.Item name="orgId" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
                <OrgTreeSelect />
              </Form.Item>
              <Form.Item name="ownerId" label="责任人">
                <PersonSelect />
              </Form.Item>
              <Form.Item name="target" label="目标" rules={[{ max: 2000 }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="dueDate" label="完成时限" rules={dateRules('完成时限', { required: true })}>
                <StrictDatePicker />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'progress' && (
            <>
              <Form.Item name="date" label="日期" rules={dateRules('日期', { required: true, happened: true })}>
                <StrictDatePicker />
              </Form.Item>
              <Form.Item
                name="note"
                label="进展情况"
                rules={[{ required: true, message: '请填写进展' }, { max: 2000 }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item label="佐证材料">
                <FileUpload
                  multiple={false}
                  label="上传佐证"
                  onChange={(ids) => setFileId(ids[0] ?? null)}
                  onStateChange={uploads.onStateChange}
                />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'finish' && (
            <Form.Item
              name="result"
              label="办理结果"
              rules={[{ required: true, message: '请填写结果' }, { max: 4000 }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
