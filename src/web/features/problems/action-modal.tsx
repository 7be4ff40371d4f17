import { useState } from 'react';
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../lib/api.ts';
import { showError } from '../../lib/form-errors.ts';
import { FileUpload } from '../../components/file-upload.tsx';

export type ActionDialog =
  | { kind: 'submit' }
  | { kind: 'reject' }
  | { kind: 'progress'; measureId: number }
  | { kind: 'extension'; measureId: number; deadline: string };

const titles: Record<ActionDialog['kind'], string> = {
  submit: '申请销号',
  reject: '退回整改',
  progress: '填报整改进展',
  extension: '申请延期',
};

/** The small forms behind the problem's actions: 申请销号, 退回, 进展, 延期. */
export function ActionModal({
  problemId,
  version,
  dialog,
  onClose,
  onDone,
}: {
  problemId: number;
  version: number;
  dialog: ActionDialog | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const [attachmentIds, setAttachmentIds] = useState<number[]>([]);
  if (!dialog) return null;
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (dialog.kind === 'submit')
        await api(`/problems/${problemId}/transitions`, {
          method: 'POST',
          body: { action: 'submit', version, effect: v.effect, attachmentIds },
        });
      if (dialog.kind === 'reject')
        await api(`/problems/${problemId}/transitions`, {
          method: 'POST',
          body: { action: 'reject', version, reason: v.reason },
        });
      if (dialog.kind === 'progress')
        await api(`/problems/${problemId}/measures/${dialog.measureId}/progress`, {
          method: 'POST',
          body: { date: v.date.format('YYYY-MM-DD'), note: v.note, attachmentIds },
        });
      if (dialog.kind === 'extension')
        await api(`/problems/${problemId}/measures/${dialog.measureId}/extensions`, {
          method: 'POST',
          body: { requestedDeadline: v.requestedDeadline.format('YYYY-MM-DD'), reason: v.reason },
        });
      form.resetFields();
      setAttachmentIds([]);
      onDone();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal
      open
      title={titles[dialog.kind]}
      onOk={submit}
      onCancel={onClose}
      okText="提交"
      cancelText="取消"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }}>
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
              <FileUpload onChange={setAttachmentIds} />
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
            <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="note"
              label="进展情况"
              rules={[{ required: true, message: '请填写进展情况' }, { max: 2000 }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item label="佐证材料">
              <FileUpload onChange={setAttachmentIds} />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'extension' && (
          <>
            <Form.Item label="原整改时限">{dialog.deadline}</Form.Item>
            <Form.Item name="requestedDeadline" label="申请延期至" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') <= dialog.deadline} />
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
