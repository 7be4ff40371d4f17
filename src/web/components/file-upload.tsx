import { useRef, useState } from 'react';
import { App, Button, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ApiError, upload } from '../lib/api.ts';

/** What a form needs to know at submit: the uploaded ids, the files refused (with why), those still going. */
export interface UploadState {
  ids: number[];
  failed: Array<{ name: string; reason: string }>;
  pending: number;
}

const reasonOf = (error: unknown) => (error instanceof ApiError ? error.message : '网络错误，请重新上传');

/**
 * Uploads files (佐证材料, 对照检查材料, 制度文件) as attachments and reports their ids. A refused file stays in
 * the list, in red, with the server's reason beside it, until it is removed; `onStateChange` lets the form
 * say at submit which files will not go with it (useUploadCheck).
 */
export function FileUpload({
  onChange,
  onStateChange,
  label = '上传佐证材料',
  multiple = true,
}: {
  onChange: (ids: number[]) => void;
  onStateChange?: (state: UploadState) => void;
  label?: string;
  multiple?: boolean;
}) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  // Kept across renders: a map made in the render body would forget earlier uploads.
  const ids = useRef(new Map<string, number>());
  const update = (list: UploadFile[]) => {
    setFiles(list);
    const uploaded = list.flatMap((f) =>
      f.status === 'done' && ids.current.has(f.uid) ? [ids.current.get(f.uid)!] : [],
    );
    onChange(uploaded);
    onStateChange?.({
      ids: uploaded,
      failed: list.filter((f) => f.status === 'error').map((f) => ({ name: f.name, reason: String(f.response ?? '') })),
      pending: list.filter((f) => f.status === 'uploading').length,
    });
  };
  const failed = files.filter((f) => f.status === 'error');
  return (
    <>
      <Upload
        multiple={multiple}
        maxCount={multiple ? undefined : 1}
        fileList={files}
        accept=".pdf,.jpg,.jpeg,.png,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt"
        onChange={({ fileList }) => update(fileList)}
        customRequest={async ({ file, onSuccess, onError }) => {
          const uid = (file as File & { uid: string }).uid;
          try {
            const saved = await upload<{ id: number }>('/attachments', file as File);
            ids.current.set(uid, saved.id);
            onSuccess?.(saved);
          } catch (e) {
            const reason = reasonOf(e);
            onError?.(Object.assign(new Error(reason), { status: e instanceof ApiError ? e.status : 0 }), reason);
          }
        }}
      >
        <Button icon={<UploadOutlined />}>{label}</Button>
      </Upload>
      {failed.map((f) => (
        <div key={f.uid}>
          <Typography.Text type="danger">
            “{f.name}”未上传：{String(f.response ?? '')}（请删除或换一个文件）
          </Typography.Text>
        </div>
      ))}
    </>
  );
}

/**
 * The submit-time check beside a FileUpload: files still uploading make the form wait; refused files are
 * named with their reasons and the user chooses to submit the rest or go back — never dropped in silence.
 */
export function useUploadCheck() {
  const { modal, message } = App.useApp();
  const [state, setState] = useState<UploadState>({ ids: [], failed: [], pending: 0 });
  const ready = async (): Promise<boolean> => {
    if (state.pending) {
      void message.warning('还有文件正在上传，请等上传完成后再提交');
      return false;
    }
    if (!state.failed.length) return true;
    return !!(await modal.confirm({
      title: `${state.failed.length} 个文件未能上传`,
      content: (
        <>
          {state.failed.map((f) => (
            <p key={f.name}>
              “{f.name}”：{f.reason}
            </p>
          ))}
          <p>这些文件不会随本次提交{state.ids.length ? `，已上传的 ${state.ids.length} 个文件照常提交` : ''}。</p>
        </>
      ),
      okText: '提交其余内容',
      cancelText: '返回处理',
    }));
  };
  return { state, onStateChange: setState, ready };
}
