import { Form, Input, Modal } from 'antd';
import { StrictDatePicker } from '../../components/strict-date-picker.tsx';
import { dateRules } from '../../lib/date-rules.ts';
import { type Dayjs } from 'dayjs';
import { useCompleteMakeup, type Makeup } from './api/study.ts';
import { today } from '../../lib/today.ts';

/** 补学完成: when and how the absentee made the session up (the note is what a checker reads later). */
export function MakeupDialog({ makeup, onClose }: { makeup: Makeup; onClose: () => void }) {
  const [form] = Form.useForm<{ madeUpDate: Dayjs; note: string }>();
  const complete = useCompleteMakeup();
  const save = async () => {
    const v = await form.validateFields();
    const done = await complete.run({ makeup, madeUpDate: v.madeUpDate.format('YYYY-MM-DD'), note: v.note }, form);
    if (done.ok) onClose();
  };
  const outside = (d: Dayjs) => d.isAfter(today(), 'day') || d.format('YYYY-MM-DD') < makeup.date;
  return (
    <Modal
      open
      title={`补学完成：${makeup.personName}`}
      okText="补学完成"
      cancelText="取消"
      confirmLoading={complete.isPending}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>
        缺席的学习：{makeup.date} {makeup.topic}
      </p>
      <Form form={form} layout="vertical" initialValues={{ madeUpDate: today(), note: '' }}>
        <Form.Item
          name="madeUpDate"
          label="补学日期"
          rules={dateRules('补学日期', {
            required: true,
            happened: true,
            notBefore: makeup.date,
            notBeforeLabel: `缺席的学习（${makeup.date}）`,
          })}
        >
          <StrictDatePicker disabledDate={outside} />
        </Form.Item>
        <Form.Item
          name="note"
          label="补学方式"
          rules={[
            { required: true, whitespace: true, message: '请说明如何补学，如观看录像、自学篇目并提交心得' },
            { max: 500 },
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：观看会议录像，自学《……》并提交学习心得" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
