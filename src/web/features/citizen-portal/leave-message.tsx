import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Result, Select, Typography, Upload } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { showError } from '../../lib/form-errors.ts';
import { uploadPhoto, useCategories, useLeaveMessage } from './api/portal-api.ts';

const MAX_PHOTOS = 3;

/** 我要留言: category, place, description, up to three photos; a tracking code comes back. */
export function LeaveMessage({ onTrack }: { onTrack: (code: string, phone4: string) => void }) {
  const categories = useCategories();
  const leave = useLeaveMessage();
  const [form] = Form.useForm();
  const [photos, setPhotos] = useState<Array<UploadFile & { photoId?: number }>>([]);
  const [done, setDone] = useState<{ code: string; phone4: string } | null>(null);
  const groups = [...new Set((categories.data ?? []).map((c) => c.group))];

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const photoIds = photos.map((p) => p.photoId).filter((id): id is number => !!id);
      const { trackingCode } = await leave.mutateAsync({ ...values, photoIds, confidential: !!values.confidential });
      setDone({ code: trackingCode, phone4: String(values.phone).slice(-4) });
    } catch (e) {
      showError(e, form);
    }
  };

  if (done)
    return (
      <Result
        status="success"
        title="留言成功"
        subTitle={
          <>
            您的查询码是
            <Typography.Title level={3} copyable data-testid="tracking-code" style={{ margin: '8px 0' }}>
              {done.code}
            </Typography.Title>
            请妥善保存，凭查询码和手机号后四位查看办理进度。
          </>
        }
        extra={[
          <Button key="track" type="primary" onClick={() => onTrack(done.code, done.phone4)}>
            查看进度
          </Button>,
          <Button
            key="again"
            onClick={() => {
              setDone(null);
              setPhotos([]);
              form.resetFields();
            }}
          >
            再留一条
          </Button>,
        ]}
      />
    );

  return (
    <Form form={form} layout="vertical" requiredMark="optional">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="您的姓名和电话只用于办理和回访，不会公开；勾选“保密”后，被反映的单位也看不到。"
      />
      <Form.Item name="category" label="反映类别" rules={[{ required: true, message: '请选择类别' }]}>
        <Select
          placeholder="请选择"
          loading={categories.isLoading}
          options={groups.map((g) => ({
            label: g,
            options: (categories.data ?? [])
              .filter((c) => c.group === g)
              .map((c) => ({ value: c.code, label: c.name })),
          }))}
        />
      </Form.Item>
      <Form.Item name="address" label="地点" rules={[{ required: true, message: '请填写地点' }, { max: 200 }]}>
        <Input placeholder="如：人民路 12 号小区门口" />
      </Form.Item>
      <Form.Item name="description" label="问题描述" rules={[{ required: true, message: '请描述问题' }, { max: 4000 }]}>
        <Input.TextArea rows={4} placeholder="请说明发生了什么、持续多久" showCount maxLength={4000} />
      </Form.Item>
      <Form.Item label={`照片（最多 ${MAX_PHOTOS} 张）`}>
        <Upload
          listType="picture-card"
          accept="image/jpeg,image/png,image/webp"
          fileList={photos}
          maxCount={MAX_PHOTOS}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              const res = await uploadPhoto(file as File);
              setPhotos((ps) =>
                ps.map((p) => (p.uid === (file as UploadFile).uid ? { ...p, status: 'done', photoId: res.id } : p)),
              );
              onSuccess?.(res);
            } catch (e) {
              showError(e);
              onError?.(e as Error);
            }
          }}
          onChange={({ fileList }) =>
            setPhotos((ps) => fileList.map((f) => ({ ...f, photoId: ps.find((p) => p.uid === f.uid)?.photoId })))
          }
        >
          {photos.length < MAX_PHOTOS && (
            <div>
              <PlusOutlined />
              <div style={{ marginTop: 8 }}>上传</div>
            </div>
          )}
        </Upload>
      </Form.Item>
      <Form.Item name="name" label="您的姓名" rules={[{ required: true, message: '请填写姓名' }, { max: 50 }]}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="phone"
        label="手机号码"
        rules={[
          { required: true, message: '请填写手机号码' },
          { pattern: /^1[3-9]\d{9}$/, message: '请填写 11 位手机号码' },
        ]}
      >
        <Input inputMode="numeric" autoComplete="tel" maxLength={11} />
      </Form.Item>
      {/* Hidden from people; bots fill it and their message is dropped. */}
      <Form.Item name="website" hidden>
        <Input tabIndex={-1} autoComplete="off" />
      </Form.Item>
      <Form.Item name="confidential" valuePropName="checked">
        <Checkbox>要求保密（不向被反映单位透露我的信息）</Checkbox>
      </Form.Item>
      <Button type="primary" block size="large" loading={leave.isPending} onClick={submit}>
        提交留言
      </Button>
    </Form>
  );
}
