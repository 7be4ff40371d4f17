import { Alert, Button, Popconfirm, Space, Tooltip } from 'antd';
import { PROBLEM_ACTION_LABELS, PROBLEM_ACTION_HINTS } from '../../../shared/vocabulary.ts';
import type { ActionDialog } from './action-modal.tsx';
import type { ProblemDetail, TransitionAction } from './api/problems.ts';

/**
 * The problem's moves as buttons. A move the caller's role could take but the record's state does not allow yet
 * (open measures, their own submission) shows disabled with the server's reason, before anyone fills a dialog.
 */
export function ProblemActions({
  p,
  onAction,
  onDialog,
  onDelete,
}: {
  p: ProblemDetail;
  onAction: (action: TransitionAction, content: string) => void;
  onDialog: (d: ActionDialog) => void;
  onDelete: () => void;
}) {
  const blocked = (action: string) => p.blockers[action];
  const move = (action: 'submit' | 'approve', onClick: () => void) => {
    const reason = blocked(action);
    if (!p.abilities[action] && !reason) return null;
    return (
      <Tooltip title={reason}>
        <Button type="primary" disabled={!!reason} onClick={onClick}>
          {PROBLEM_ACTION_LABELS[action]}
        </Button>
      </Tooltip>
    );
  };
  return (
    <Space wrap>
      {p.abilities.confirm && (
        <Tooltip title={PROBLEM_ACTION_HINTS.confirm}>
          <Button type="primary" onClick={() => onAction('confirm', PROBLEM_ACTION_HINTS.confirm)}>
            {PROBLEM_ACTION_LABELS.confirm}
          </Button>
        </Tooltip>
      )}
      {move('submit', () => onDialog({ kind: 'submit' }))}
      {move('approve', () => onAction('approve', PROBLEM_ACTION_HINTS.approve))}
      {p.abilities.reject && (
        <Button danger onClick={() => onDialog({ kind: 'reject' })}>
          {PROBLEM_ACTION_LABELS.reject}
        </Button>
      )}
      {p.abilities.escalate && p.escalatedTo.length === 0 && (
        <Button onClick={() => onAction('escalate', PROBLEM_ACTION_HINTS.escalate)}>
          {PROBLEM_ACTION_LABELS.escalate}
        </Button>
      )}
      {p.abilities.delete && (
        <Popconfirm
          title="确定删除该问题？"
          description="删除后不可恢复"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={onDelete}
        >
          <Button danger>删除</Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** What the current step is for, said where it appears (the 确认 step puzzles officers otherwise). */
export function StepHint({ p }: { p: ProblemDetail }) {
  if (p.status === 'draft')
    return (
      <Alert
        type="info"
        showIcon
        title={p.abilities.confirm ? PROBLEM_ACTION_HINTS.confirm : `待审核：${PROBLEM_ACTION_HINTS.confirm}`}
      />
    );
  if (p.status === 'submitted')
    return <Alert type="warning" showIcon title={`已申请销号：${PROBLEM_ACTION_HINTS.approve}`} />;
  return null;
}
