import { useState } from 'react';
import { Alert, Button, Dropdown, Modal, Progress, Space, Table, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useProblemsChanged } from './api/problems.ts';

interface CellError {
  row: number;
  column: string;
  message: string;
}

/**
 * Export the three ledgers for exactly the list's filters (the server names them in the title row), and import a
 * filled 整改台账 with upload progress and a cell-by-cell report.
 */
export function LedgerButtons({ filter }: { filter: Record<string, string | undefined> }) {
  const changed = useProblemsChanged();
  const campaignId = filter.campaignId;
  const [open, setOpen] = useState(false);
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<{ created?: number; errors?: CellError[]; message?: string } | null>(null);
  const qs = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1])).toString();
  const items = [
    { key: 'rectification', label: '整改台账' },
    { key: 'problems', label: '问题清单' },
    { key: 'results', label: '成果清单' },
  ];
  const upload = (file: File) => {
    const form = new FormData();
    form.append('campaignId', campaignId ?? '');
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/imports/rectification');
    xhr.upload.onprogress = (e) => e.lengthComputable && setPercent(Math.round((e.loaded / e.total) * 90));
    xhr.onload = async () => {
      setPercent(100);
      const body = JSON.parse(xhr.responseText || '{}');
      if (xhr.status === 200) {
        setResult({ created: body.created });
        await changed();
      } else setResult({ errors: body.errors, message: body.detail ?? '导入失败' });
    };
    xhr.onerror = () => setResult({ message: '网络错误，导入未完成' });
    setResult(null);
    setPercent(0);
    xhr.send(form);
    return false;
  };
  return (
    <Space>
      <Dropdown
        disabled={!campaignId}
        menu={{ items, onClick: ({ key }) => window.open(`/api/v1/exports/${key}.xlsx?${qs}`, '_blank') }}
      >
        <Button icon={<DownloadOutlined />}>导出</Button>
      </Dropdown>
      <Button
        icon={<UploadOutlined />}
        disabled={!campaignId}
        onClick={() => {
          setOpen(true);
          setResult(null);
          setPercent(null);
        }}
      >
        导入整改台账
      </Button>
      <Modal open={open} title="导入整改台账" footer={null} onCancel={() => setOpen(false)} width={760}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title="请使用模板填写：同一序号的多行表示同一问题的多条整改措施。单位和人员按名称在您的数据范围内匹配；任何一格有误，整个文件都不会写入。"
          />
          <Space>
            <Button href="/api/v1/exports/rectification-template.xlsx">下载模板</Button>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload}>
              <Button type="primary" icon={<UploadOutlined />}>
                选择文件并导入
              </Button>
            </Upload>
          </Space>
          {percent !== null && (
            <Progress
              percent={percent}
              status={result?.errors || result?.message ? 'exception' : percent === 100 ? 'success' : 'active'}
            />
          )}
          {result?.created !== undefined && (
            <Alert type="success" showIcon title={`导入成功：新增 ${result.created} 个问题`} />
          )}
          {result?.message && <Alert type="error" showIcon title={result.message} />}
          {result?.errors && (
            <Table
              rowKey={(e) => `${e.row}-${e.column}`}
              size="small"
              pagination={{ pageSize: 10 }}
              dataSource={result.errors}
              columns={[
                { title: '行', dataIndex: 'row', width: 60 },
                { title: '列', dataIndex: 'column', width: 100 },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          )}
        </Space>
      </Modal>
    </Space>
  );
}
