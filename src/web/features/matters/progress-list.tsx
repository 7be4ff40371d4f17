import { useState } from 'react';
import { List, Modal } from 'antd';
import { useMatterProgress, type Matter, type ProgressNote } from './api/matters-api.ts';

const Note = ({ p }: { p: ProgressNote }) => (
  <>
    {p.date} {p.note}（{p.authorName}）{p.attachmentId && <a href={`/api/v1/attachments/${p.attachmentId}`}> 佐证</a>}
  </>
);

/** A matter's newest notes under its row; when it has more, says how many and opens all of them, paged. */
export function MatterProgress({ matter }: { matter: Matter }) {
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const all = useMatterProgress(open ? matter.id : null, page, 20);
  return (
    <>
      <ul style={{ margin: 0 }}>
        {matter.progress.map((p) => (
          <li key={p.id}>
            <Note p={p} />
          </li>
        ))}
        {!matter.progress.length && <li>暂无进展</li>}
      </ul>
      {matter.progressTotal > matter.progress.length && (
        <a onClick={() => setOpen(true)}>
          共 {matter.progressTotal} 条进展，此处列最近 {matter.progress.length} 条 · 查看全部
        </a>
      )}
      <Modal open={open} title={`${matter.title} · 全部进展`} footer={null} onCancel={() => setOpen(false)} width={720}>
        <List<ProgressNote>
          size="small"
          loading={all.isLoading}
          dataSource={all.data?.items ?? []}
          renderItem={(p) => (
            <List.Item>
              <Note p={p} />
            </List.Item>
          )}
          pagination={{
            current: page,
            pageSize: 20,
            total: all.data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => `共 ${n} 条`,
          }}
        />
      </Modal>
    </>
  );
}
