/** The 民主生活会 feature's data: meetings of a campaign, one meeting with its items, and their writes. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { useApiMutation } from '../../../lib/mutation.ts';

export interface Meeting {
  id: number;
  kindLabel: string;
  date: string;
  orgName: string;
}
export interface MeetingItem {
  id: number;
  kind: string;
  content: string;
  fromName: string;
  toName: string | null;
  problemId: number | null;
}
export type MeetingDetail = Meeting & { items: MeetingItem[]; materialAttachmentId: number | null };

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (campaignId: number | undefined) => ['meetings', 'list', campaignId] as const,
  detail: (id: number | null) => ['meetings', 'detail', id] as const,
};

export function useMeetings(campaignId: number | undefined) {
  return useQuery({
    queryKey: meetingKeys.list(campaignId),
    queryFn: () => api<{ items: Meeting[] }>('/meetings', { query: { campaignId } }),
    enabled: !!campaignId,
  });
}

export function useMeeting(id: number | null) {
  return useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: () => api<MeetingDetail>(`/meetings/${id}`),
    enabled: id !== null,
  });
}

export interface NewMeeting {
  campaignId: number;
  orgId: number;
  kind: string;
  date: string;
  attendeeIds: number[];
  materialAttachmentId: number | null;
}

export function useRecordMeeting() {
  return useApiMutation({
    mutationFn: (body: NewMeeting) => api('/meetings', { method: 'POST', body }),
    invalidates: [meetingKeys.all],
    success: '会议已记录',
  });
}

export function useAddMeetingItem() {
  return useApiMutation({
    mutationFn: ({ meetingId, ...body }: { meetingId: number; [field: string]: unknown }) =>
      api(`/meetings/${meetingId}/items`, { method: 'POST', body }),
    invalidates: [meetingKeys.all],
    success: '已添加事项',
  });
}

export function useItemToProblem() {
  return useApiMutation({
    mutationFn: ({ meetingId, item }: { meetingId: number; item: MeetingItem }) =>
      api(`/meetings/${meetingId}/items/${item.id}/to-problem`, {
        method: 'POST',
        body: { title: item.content.slice(0, 60) },
      }),
    invalidates: [meetingKeys.all],
    success: '已记入问题清单',
  });
}
