/** 公示 and 异议: opening a 公示, a unit's objection to its own score, the office's answer (维持 / 调整). */
import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { StrictDatePicker } from '../../components/strict-date-picker.tsx';
import { FileUpload, useUploadCheck } from '../../components/file-upload.tsx';
import { showError } from '../../lib/form-errors.ts';
import {
  answerObjection,
  lodgeObjection,
  transition,
  useAssessmentMutation,
  useObjections,
  type Assessment,
  type Objection,
} from './api/assessments.ts';

/** 公示: the office picks the day the 公示 ends (objections are taken through that day). */
export function OpenPublicityButton({ assessment }: { assessment: Assessment }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const run = useAssessmentMutation((until: string) => transition(assessment, 'open_publicity', until));
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await run.mutateAsync((v.publicityUntil as Dayjs).format('YYYY-MM-DD'));
      setOpen(false);
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>公示</Button>
      <Modal
        title="公示考核结果"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText="开始公示"
        cancelText="取消"
        confirmLoading={run.isPending}
        destroyOnHidden
      >
        <p>公示期间各参评单位可查看排名，并可对本单位得分提出异议；公示期满且异议全部答复后方可确认最终结果。</p>
        <Form form={form} layout="vertical">
          <Form.Item
            name="publicityUntil"
            label="公示截止日期"
            rules={[{ required: true, message: '请选择公示截止日期' }]}
          >
            <StrictDatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The office answers an objection: 维持 with a reason, or 调整 the indicator's points with a reason. */
function AnswerModal({
  assessment,
  objection,
  onClose,
}: {
  assessment: Assessment;
  objection: Objection | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const decision = Form.useWatch('decision', form);
  const run = useAssessmentMutation((body: { decision: 'uphold' | 'adjust'; reason: string; points?: number }) =>
    answerObjection(assessment.id, objection!, body),
  );
  const max = assessment.areas.flatMap((a) => a.indicators).find((i) => i.id === objection?.indicatorId)?.maxPoints;
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await run.mutateAsync(v);
      onClose();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal
      title={objection ? `答复异议：${objection.orgName} · ${objection.indicatorName}` : ''}
      open={!!objection}
      onCancel={onClose}
      onOk={submit}
      okText="答复"
      cancelText="取消"
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      {objection && (
        <Form form={form} layout="vertical" initialValues={{ decision: 'uphold', points: objection.pointsBefore }}>
          <p>异议理由：{objection.reason}</p>
          <Form.Item name="decision" label="答复结果">
            <Radio.Group
              options={[
                { value: 'uphold', label: '维持原结果' },
                { value: 'adjust', label: '调整得分' },
              ]}
            />
          </Form.Item>
          {decision === 'adjust' && (
            <Form.Item
              name="points"
              label={`调整后得分（满分 ${max ?? ''} 分）`}
              rules={[{ required: true, message: '请填写调整后得分' }]}
            >
              <InputNumber min={0} max={max} />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label="答复理由"
            rules={[{ required: true, message: '请填写答复理由' }, { max: 1000 }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** The objections of an assessment (the office's whole subtree, a unit its own), answered from here. */
export function ObjectionsTable({ assessment, orgId }: { assessment: Assessment; orgId?: number }) {
  const list = useObjections(assessment.id, orgId);
  const [answering, setAnswering] = useState<Objection | null>(null);
  return (
    <>
      {assessment.phase === 'publicity' && !orgId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`公示中：${assessment.publicityFrom} 至 ${assessment.publicityUntil}，各单位可对本单位得分提出异议。`}
        />
      )}
      <Table<Objection>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isLoading}
        locale={{ emptyText: '暂无异议' }}
        dataSource={list.data?.items ?? []}
        columns={[
          ...(orgId ? [] : [{ title: '单位', dataIndex: 'orgName' }]),
          { title: '指标', dataIndex: 'indicatorName' },
          { title: '异议理由', dataIndex: 'reason' },
          {
            title: '佐证',
            render: (_v, o) =>
              o.attachmentIds.map((id) => (
                <a key={id} href={`/api/v1/attachments/${id}`}>
                  附件{id}{' '}
                </a>
              )),
          },
          {
            title: '状态',
            width: 100,
            render: (_v, o) => <Tag color={o.status === 'open' ? 'gold' : 'green'}>{o.statusLabel}</Tag>,
          },
          {
            title: '答复',
            render: (_v, o) =>
              o.status === 'open'
                ? assessment.abilities.answer && <a onClick={() => setAnswering(o)}>答复</a>
                : `${o.answer}${o.status === 'adjusted' ? `（${o.pointsBefore} → ${o.pointsAfter} 分）` : ''}`,
          },
        ]}
      />
      <AnswerModal assessment={assessment} objection={answering} onClose={() => setAnswering(null)} />
    </>
  );
}

/** A unit's objection to its own score on one indicator, with a reason and evidence (during the 公示). */
export function ObjectionForm({ assessment, orgId }: { assessment: Assessment; orgId: number }) {
  const [form] = Form.useForm();
  const [files, setFiles] = useState<number[]>([]);
  const uploads = useUploadCheck();
  const save = useAssessmentMutation((body: unknown) => lodgeObjection(assessment.id, body));
  const indicators = assessment.areas.flatMap((a) => a.indicators);
  const submit = async () => {
    const v = await form.validateFields();
    if (!(await uploads.ready())) return;
    try {
      await save.mutateAsync({ ...v, orgId, attachmentIds: files });
      form.resetFields();
      setFiles([]);
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
      <Space align="start" wrap>
        <Form.Item name="indicatorId" label="异议指标" rules={[{ required: true, message: '请选择指标' }]}>
          <Select style={{ width: 200 }} options={indicators.map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="异议理由"
          rules={[{ required: true, message: '请填写异议理由' }, { max: 1000 }]}
        >
          <Input style={{ width: 320 }} />
        </Form.Item>
      </Space>
      <Form.Item label="异议佐证">
        <FileUpload onChange={setFiles} onStateChange={uploads.onStateChange} />
      </Form.Item>
      <Button onClick={submit} loading={save.isPending}>
        提出异议
      </Button>
    </Form>
  );
}
