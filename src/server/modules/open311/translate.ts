/** Pure translation between GeoReport v2 records and the demands module's public shapes. */
import type { PublicDemand } from '../demands/public.ts';

export interface Open311Request {
  service_request_id: string;
  token: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** Our five states fold into open/closed; the detail goes to status_notes (in Chinese, with the answer). */
export function toRequest(d: PublicDemand): Open311Request {
  const notes = d.answer ? `${d.statusLabel}：${d.answer}` : d.statusLabel;
  return {
    service_request_id: String(d.id),
    token: d.trackingCode,
    status: d.status === 'closed' ? 'closed' : 'open',
    status_notes: notes.slice(0, 4000),
    service_name: d.categoryName,
    service_code: d.category,
    description: d.description.slice(0, 4000),
    agency_responsible: d.agency,
    service_notice: null,
    requested_datetime: d.receivedAt,
    updated_datetime: d.updatedAt,
    expected_datetime: d.dueAt,
    address: d.address || null,
    address_id: null,
    zipcode: null,
    lat: d.lat,
    long: d.long,
    media_url: null,
  };
}

export function toService(c: { code: string; name: string; group: string }) {
  return {
    service_code: c.code,
    service_name: c.name,
    description: `${c.group}：${c.name}`,
    metadata: false,
    type: 'realtime' as const,
    keywords: c.group,
    group: c.group,
  };
}

/** Form fields of POST requests → the intake input; null fields left out. Strips any HTML from the text. */
export function fromPost(body: Record<string, string>) {
  const text = (s: string | undefined) => (s ?? '').replace(/<[^>]*>/g, '').trim();
  const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));
  const name = `${text(body.last_name)}${text(body.first_name)}`;
  return {
    category: text(body.service_code),
    description: text(body.description),
    address: text(body.address_string) || text(body.address_id),
    lat: num(body.lat),
    long: num(body.long),
    name,
    phone: text(body.phone).replace(/[\s-]/g, ''),
  };
}
