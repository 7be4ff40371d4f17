export interface Measure {
  id: number;
  content: string;
  leaderId: number | null;
  leaderName: string | null;
  ownerOrgId: number;
  ownerOrgName: string;
  ownerId: number | null;
  ownerName: string | null;
  deadline: string;
  status: 'open' | 'done';
  overdue: boolean;
  version: number;
}

export interface Problem {
  id: number;
  campaignId: number;
  orgId: number;
  orgName: string;
  personName: string | null;
  title: string;
  description: string;
  source: string;
  sourceLabel: string;
  category: string;
  rootCauses: string[];
  rootCauseAnalysis: string;
  kind: string;
  kindLabel: string;
  status: string;
  statusLabel: string;
  effect: string;
  returnReason: string;
  escalatedFromId: number | null;
  dueDate: string | null;
  overdue: boolean;
  colour: 'red' | 'yellow' | 'green' | 'blue' | 'none';
  version: number;
  measures: Measure[];
  abilities: Record<string, boolean>;
}

export interface ProblemDetail extends Problem {
  progress: Array<{ id: number; measureId: number; date: string; note: string; authorName: string }>;
  evidence: Array<{ id: number; measureId: number | null; attachmentId: number; name: string; size: number }>;
  extensions: Array<{
    id: number;
    measureId: number;
    currentDeadline: string;
    requestedDeadline: string;
    reason: string;
    status: string;
    requestedBy: string;
    decidedBy: string | null;
    decisionReason: string | null;
  }>;
  escalatedTo: Array<{ id: number; status: string; orgName: string }>;
  escalatedFrom: { id: number; status: string; orgName: string } | null;
}

export const COLOUR_TAGS: Record<Problem['colour'], { color: string; label: string }> = {
  red: { color: 'red', label: '红·逾期' },
  yellow: { color: 'gold', label: '黄·临期/待验收' },
  green: { color: 'green', label: '绿·已完成' },
  blue: { color: 'blue', label: '蓝·长期坚持' },
  none: { color: 'default', label: '正常推进' },
};
