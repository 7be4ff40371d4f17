import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { FileUpload, useUploadCheck } from '../../components/file-upload.tsx';
import { useCampaigns } from '../../components/campaign-select.tsx';
import { PROBLEM_ACTION_LABELS } from '../../../shared/vocabulary.ts';
import { useReportProgress, useRequestExtension, useTransitionProblem } from './api/problems.ts';
import { StrictDatePicker } from '../../components/strict-date-picker.tsx';
import { dateRules, outsideCampaign } from '../../lib/date-rules.ts';
import { today, todayText } from '../../lib/today.ts';

export type ActionDialog =
  | { kind: 'submit' }
  | { kind: 'reject' }
  | { kind: 'progress'; measureId: number }
  | { kind: 'extension'; measureId: number; deadline: string };

const titles: Record<ActionDialog['kind'], string> = {
  submit: PROBLEM_ACTION_LABELS.submit,
  reject: PROBLEM_ACTION_LABELS.reject,
  progress: '填报整改进展',
  extension: '申请延期',
};

/** The small forms behind the problem's actions: 申请销号, 退回, 进展, 延期. */
export function ActionModal({
  problemId,
  campaignId,
  version,
  draftEffect,
  dialog,
  onClose,
}: {
  problemId: number;
  /** Its dates: progress dated outside them is asked about before saving. */
  campaignId?: number;
  version: number;
  /** The 整改成效 written before a 退回: the resubmission starts from it. */
  draftEffect: string;
  dialog: ActionDialog | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const [attachmentIds, setAttachmentIds] = useState<number[]>([]);
  const transition = useTransitionProblem();
  const progress = useReportProgress();
  const extension = useRequestExtension();
  const uploads = useUploadCheck();
  const { modal } = App.useApp();
  const campaign = useCampaigns().data?.items.find((c) => c.id === campaignId);
  if (!dialog) return null;
  const problem = { id: problemId, version };
  const submit = async () => {
    const v = await form.validateFields();
    if ((dialog.kind === 'submit' || dialog.kind === 'progress') && !(await uploads.ready())) return;
    const outside = dialog.kind === 'progress' && outsideCampaign(v.date.format('YYYY-MM-DD'), campaign, '该进展日期');
    if (outside && !(await modal.confirm(outside))) return;
    const done =
      dialog.kind === 'submit'
        ? await transition.run({ problem, action: 'submit', effect: v.effect, attachmentIds }, form)
        : dialog.kind === 'reject'
          ? await transition.run({ problem, action: 'reject', reason: v.reason }, form)
          : dialog.kind === 'progress'
            ? await progress.run(
                {
                  problemId,
                  measureId: dialog.measureId,
                  date: v.date.format('YYYY-MM-DD'),
                  note: v.note,
                  attachmentIds,
                },
                form,
              )
            : await extension.run(
                {
                  problemId,
                  measureId: dialog.measureId,
                  requestedDeadline: v.requestedDeadline.format('YYYY-MM-DD'),
                  reason: v.reason,
                },
                form,
              );
    if (!done.ok) return;
    form.resetFields();
    setAttachmentIds([]);
    onClose();
  };
  return (
    <Modal
      open
      title={titles[dialog.kind]}
      onOk={submit}
      confirmLoading={transition.isPending || progress.isPending || extension.isPending}
      onCancel={onClose}
      okText="提交"
      cancelText="取消"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ date: today(), effect: draftEffect }}>
        {dialog.kind === 'submit' && (
          <>
            <Form.Item
              name="effect"
              label="整改成效"
              rules={[{ required: true, message: '请填写整改成效' }, { max: 4000 }]}
            >
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item label="佐证材料（已上传的佐证也计入）">
              <FileUpload onChange={setAttachmentIds} onStateChange={uploads.onStateChange} />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'reject' && (
          <Form.Item
            name="reason"
            label="退回理由"
            rules={[{ required: true, message: '请填写退回理由' }, { max: 1000 }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {dialog.kind === 'progress' && (
          <>
            <Form.Item name="date" label="进展日期" rules={dateRules('进展日期', { required: true, happened: true })}>
              <StrictDatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > todayText()} />
            </Form.Item>
            <Form.Item
              name="note"
              label="进展情况"
              rules={[{ required: true, message: '请填写进展情况' }, { max: 2000 }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item label="佐证材料">
              <FileUpload onChange={setAttachmentIds} onStateChange={uploads.onStateChange} />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'extension' && (
          <>
            <Form.Item label="原整改时限">{dialog.deadline}</Form.Item>
            <Form.Item
              name="requestedDeadline"
              label="申请延期至"
              rules={dateRules('申请延期至', {
                required: true,
                notBefore: dayjs(dialog.deadline).add(1, 'day').format('YYYY-MM-DD'),
                notBeforeLabel: `原整改时限的次日（${dayjs(dialog.deadline).add(1, 'day').format('YYYY-MM-DD')}）`,
              })}
            >
              <StrictDatePicker disabledDate={(d) => d.format('YYYY-MM-DD') <= dialog.deadline} />
            </Form.Item>
            <Form.Item
              name="reason"
              label="延期理由"
              rules={[{ required: true, message: '请填写延期理由' }, { max: 1000 }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
