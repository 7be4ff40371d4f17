import { useState } from 'react';
import { Alert, Progress, Space, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError } from '../../lib/api.ts';
import { IMPORT_LEDGER_LABELS } from '../../../shared/vocabulary.ts';
import { useUploadPreview, type ImportPreview, type LedgerKey } from './api/imports.ts';

/** Why an upload was refused, in words for the user; a 404 means this ledger's import is not there yet. */
function refusal(error: unknown, ledger: LedgerKey): string {
  // The route of a ledger whose import is not built yet answers 404; say so rather than "接口不存在".
  if (error instanceof ApiError && error.status === 404)
    return `暂不能导入${IMPORT_LEDGER_LABELS[ledger]}：系统尚未开通该台账的导入，请稍后再试或联系管理员。`;
  if (error instanceof ApiError) return error.message;
  return '上传失败，请稍后重试';
}

/**
 * 上传文件: the office's own ledger as it is (.xlsx or .csv); the server answers at once and reads it in the
 * background, so the bar here is only the bytes sent.
 */
export function UploadStep({
  ledger,
  fields,
  onUploaded,
}: {
  ledger: LedgerKey;
  fields: Record<string, string>;
  onUploaded: (preview: ImportPreview) => void;
}) {
  const upload = useUploadPreview();
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = IMPORT_LEDGER_LABELS[ledger];
  const start = async (file: File) => {
    setError(null);
    setSent(0);
    try {
      const preview = await upload.mutateAsync({ ledger, file, fields, onProgress: setSent });
      setSent(1);
      onUploaded(preview);
    } catch (e) {
      setSent(null);
      setError(refusal(e, ledger));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        直接上传本单位现有的{label}（.xlsx 或
        .csv），不必改成模板格式：系统会自动找到表头、对应各列，并在写入前列出每一处需要核对的地方。旧版 .xls 或 WPS .et
        文件请先另存为 .xlsx。
        <a href={`/api/v1/exports/${ledger}-template.xlsx`} style={{ marginLeft: 4 }}>
          下载{label}模板
        </a>
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          void start(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或将文件拖到此处上传</p>
        <p className="ant-upload-hint">支持 .xlsx、.csv（UTF-8 或 GBK 编码）</p>
      </Upload.Dragger>
      {sent !== null && (
        <Progress
          percent={Math.round(sent * 100)}
          status={sent < 1 ? 'active' : 'success'}
          format={(p) => (p === 100 ? '已上传' : `${p}%`)}
        />
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}
