import { Alert, Button, Result, Space, Table } from 'antd';
import type { ImportPreview } from './api/imports.ts';
import { WorkProgress } from './check-step.tsx';

/**
 * 导入: the bar while the server writes (one transaction), then what was written — or, when the write found
 * a row it could not take, the errors and the word that nothing was written.
 */
export function ResultStep({
  preview,
  listLabel,
  onBack,
  onClose,
}: {
  preview: ImportPreview;
  listLabel: string;
  onBack: () => void;
  onClose: () => void;
}) {
  if (preview.status === 'writing') return <WorkProgress preview={preview} />;
  if (preview.status === 'done' && preview.result)
    return (
      <Result
        status="success"
        title={`新增 ${preview.result.created} 条，更新 ${preview.result.updated} 条`}
        subTitle={`${preview.fileName} 已全部导入。`}
        extra={
          <Button type="primary" onClick={onClose}>
            查看{listLabel}
          </Button>
        }
      />
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="error"
        showIcon
        title={preview.message ?? `导入未完成：有 ${preview.errorCount} 处需要改正，没有写入任何数据。`}
      />
      {preview.errors.length > 0 && (
        <Table
          rowKey={(e) => `${e.sheet ?? ''}-${e.row}-${e.column}`}
          size="small"
          dataSource={preview.errors}
          pagination={{ pageSize: 10, size: 'small' }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '行', dataIndex: 'row', width: 70 },
            { title: '列', dataIndex: 'column', width: 100 },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      )}
      <Button onClick={onBack}>返回核对</Button>
    </Space>
  );
}
