import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { CampaignSelect, usePickedCampaign } from '../../components/campaign-select.tsx';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { FileUpload, useUploadCheck } from '../../components/file-upload.tsx';
import { StrictDatePicker } from '../../components/strict-date-picker.tsx';
import { dateRules } from '../../lib/date-rules.ts';
import {
  useCreateInstitution,
  useInstitutions,
  useProblemsToAnswer,
  useTransitionInstitution,
  type Institution,
} from './api/institutions.ts';

const STATUS_COLOURS: Record<string, string> = { draft: 'default', review: 'gold', issued: 'green', abolished: 'red' };

/** 制度清单 (建章立制): 立/改/废 with their lifecycle and the problems they answer. */
export function InstitutionsPage() {
  const { modal } = App.useApp();
  const uploads = useUploadCheck();
  const [campaignId, setPicked] = usePickedCampaign();
  const [status, setStatus] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [fileId, setFileId] = useState<number | null>(null);
  const [issuing, setIssuing] = useState<Institution | null>(null);
  const [form] = Form.useForm();
  const [issueForm] = Form.useForm();
  const list = useInstitutions({ campaignId, status, pageSize: 100 }, !!campaignId);
  const problems = useProblemsToAnswer(campaignId, creating);
  const createInstitution = useCreateInstitution();
  const transition = useTransitionInstitution();
  const act = (i: Institution, action: string, label: string, extra: { issuedDate?: string } = {}) =>
    modal.confirm({
      title: label,
      content: `确定对“${i.title}”${label}吗？`,
      okText: '确定',
      cancelText: '取消',
      onOk: () => transition.run({ institution: i, action, ...extra }),
    });
  const create = async () => {
    const values = await form.validateFields();
    if (!(await uploads.ready())) return;
    const saved = await createInstitution.run({ ...values, campaignId, attachmentId: fileId }, form);
    if (!saved.ok) return;
    setCreating(false);
    form.resetFields();
  };
  const issue = async () => {
    const { issuedDate } = (await issueForm.validateFields()) as { issuedDate: Dayjs };
    const done = await transition.run(
      { institution: issuing!, action: 'issue', issuedDate: issuedDate.format('YYYY-MM-DD') },
      issueForm,
    );
    if (done.ok) setIssuing(null);
  };
  return (
    <Card
      title="制度清单（建章立制）"
      extra={
        <Space>
          <CampaignSelect value={campaignId} onChange={setPicked} />
          <Button type="primary" onClick={() => setCreating(true)}>
            起草制度
          </Button>
        </Space>
      }
    >
      <Radio.Group
        style={{ marginBottom: 12 }}
        value={status ?? ''}
        onChange={(e) => setStatus(e.target.value || undefined)}
        options={[
          { value: '', label: '全部' },
          { value: 'draft', label: '起草' },
          { value: 'review', label: '审议' },
          { value: 'issued', label: '印发' },
          { value: 'abolished', label: '废止' },
        ]}
        optionType="button"
      />
      <Table<Institution>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '制度名称', dataIndex: 'title' },
          { title: '类型', dataIndex: 'actionLabel', width: 60 },
          { title: '单位', dataIndex: 'orgName', width: 180 },
          { title: '理由', dataIndex: 'reason' },
          {
            title: '关联问题',
            dataIndex: 'problems',
            render: (ps: Institution['problems']) => ps.map((p) => p.title).join('；'),
          },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            width: 80,
            render: (l: string, i) => <Tag color={STATUS_COLOURS[i.status]}>{l}</Tag>,
          },
          { title: '印发日期', dataIndex: 'issuedDate', width: 110 },
          {
            title: '文件',
            width: 70,
            render: (_v, i) => i.attachmentId && <a href={`/api/v1/attachments/${i.attachmentId}`}>下载</a>,
          },
          {
            title: '操作',
            width: 160,
            render: (_v, i) => (
              <Space size="small">
                {i.status === 'draft' && i.abilities.submit_review && (
                  <a onClick={() => act(i, 'submit_review', '提交审议')}>提交审议</a>
                )}
                {i.status === 'review' && i.abilities.issue && (
                  <a
                    onClick={() => {
                      setIssuing(i);
                      issueForm.resetFields();
                    }}
                  >
                    印发
                  </a>
                )}
                {i.status !== 'abolished' && i.abilities.abolish && (
                  <a onClick={() => act(i, 'abolish', '废止')}>废止</a>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title="起草制度"
        onOk={create}
        onCancel={() => setCreating(false)}
        okText="保存"
        cancelText="取消"
        width={640}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ action: 'create' }}>
          <Form.Item name="orgId" label="制定单位" rules={[{ required: true, message: '请选择单位' }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item
            name="title"
            label="制度名称"
            rules={[{ required: true, message: '请填写制度名称' }, { max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="action" label="类型">
            <Radio.Group
              options={[
                { value: 'create', label: '立' },
                { value: 'revise', label: '改' },
                { value: 'abolish', label: '废' },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label="理由" rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label="制度文件">
            <FileUpload
              multiple={false}
              label="上传制度文件"
              onChange={(ids) => setFileId(ids[0] ?? null)}
              onStateChange={uploads.onStateChange}
            />
          </Form.Item>
          <Form.Item name="problemIds" label="关联问题（发现一个问题、解决一类问题）">
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              loading={problems.isLoading}
              options={(problems.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.title}（${p.orgName}）` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!issuing}
        title="印发制度"
        onOk={issue}
        onCancel={() => setIssuing(null)}
        okText="印发"
        cancelText="取消"
        destroyOnHidden
      >
        <Form form={issueForm} layout="vertical">
          <Form.Item name="issuedDate" label="印发日期" rules={dateRules('印发日期', { required: true })}>
            <StrictDatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
