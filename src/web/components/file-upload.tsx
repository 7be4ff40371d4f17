import { Button, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { upload } from '../lib/api.ts';
import { showError } from '../lib/form-errors.ts';

/** Uploads files (佐证材料, 对照检查材料, 制度文件) as attachments and reports their ids. */
export function FileUpload({
  onChange,
  label = '上传佐证材料',
  multiple = true,
}: {
  onChange: (ids: number[]) => void;
  label?: string;
  multiple?: boolean;
}) {
  const ids = new Map<string, number>();
  return (
    <Upload
      multiple={multiple}
      accept=".pdf,.jpg,.jpeg,.png,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt"
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          const saved = await upload<{ id: number }>('/attachments', file as File);
          ids.set((file as File & { uid: string }).uid, saved.id);
          onChange([...ids.values()]);
          onSuccess?.(saved);
        } catch (e) {
          showError(e);
          onError?.(e as Error);
        }
      }}
      onRemove={(file) => {
        ids.delete(file.uid);
        onChange([...ids.values()]);
      }}
    >
      <Button icon={<UploadOutlined />}>{label}</Button>
    </Upload>
  );
}
