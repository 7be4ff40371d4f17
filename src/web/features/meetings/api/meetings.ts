/** The 民主生活会 feature's data: meetings of a campaign, one meeting with its items, and their writes. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { MeetingItemT, MeetingListT, MeetingSummaryT, MeetingViewT } from '../../../../shared/views/meetings.ts';
import { useApiMutation } from '../../../lib/mutation.ts';

// As the server answers them (their response schemas in src/shared/views/meetings.ts).
export type Meeting = MeetingSummaryT;
export type MeetingItem = MeetingItemT;
export type MeetingDetail = MeetingViewT;

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (campaignId: number | undefined) => ['meetings', 'list', campaignId] as const,
  detail: (id: number | null) => ['meetings', 'detail', id] as const,
};

export function useMeetings(campaignId: number | undefined) {
  return useQuery({
    queryKey: meetingKeys.list(campaignId),
    queryFn: () => api<MeetingListT>('/meetings', { query: { campaignId } }),
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
