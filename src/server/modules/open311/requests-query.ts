import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { open311Error } from '../../errors.ts';
import { publicCategories, type PublicFilter } from '../demands/public.ts';

const DAY = 86400000;
const MAX_ROWS = 1000;

function date(value: unknown, field: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const d = new Date(String(value));
  if (typeof value !== 'string' || Number.isNaN(d.getTime()))
    throw open311Error(400, `${field} 不是有效的 ISO 8601 时间`);
  return d;
}

const list = (value: unknown) =>
  typeof value === 'string' && value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .slice(0, 100)
    : undefined;

/**
 * GET requests' standard filters: service_request_id (a list, overriding all others), service_code,
 * start_date and end_date (at most 90 days apart; by default the last 90 days), status open/closed.
 */
export function parseRequestsQuery(q: Record<string, unknown>): PublicFilter {
  const ids = list(q.service_request_id);
  if (ids) {
    if (ids.some((i) => !/^\d{1,10}$/.test(i) || Number(i) >= 2 ** 31))
      throw open311Error(400, 'service_request_id 须为数字编号');
    return { ids: ids.map(Number), limit: MAX_ROWS };
  }
  let start = date(q.start_date, 'start_date');
  let end = date(q.end_date, 'end_date');
  if (start && end && end.getTime() - start.getTime() > 90 * DAY)
    throw open311Error(400, 'start_date 与 end_date 相隔不能超过 90 天');
  if (start && end && end < start) throw open311Error(400, 'end_date 不能早于 start_date');
  if (!start && !end) start = new Date(Date.now() - 90 * DAY);
  else if (!start) start = new Date(end!.getTime() - 90 * DAY);
  else if (!end) end = new Date(start.getTime() + 90 * DAY);
  const statuses = list(q.status);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw open311Error(400, 'status 只能是 open 或 closed');
  const wanted = statuses ? new Set(statuses) : null;
  return {
    category: list(q.service_code),
    from: start.toISOString(),
    to: end?.toISOString(),
    statuses: wanted
      ? [
          ...(wanted.has('open') ? ['received', 'dispatched', 'accepted', 'answered'] : []),
          ...(wanted.has('closed') ? ['closed'] : []),
        ]
      : undefined,
    limit: MAX_ROWS,
  };
}

/** The checks a POST gets before intake, as Open311 errors (field names are the standard's). */
export async function validatePost(
  db: Kysely<Database>,
  input: { category: string; description: string; address: string; lat?: number; long?: number; phone: string },
) {
  if (!input.category) throw open311Error(400, 'service_code 必填');
  if (!(await publicCategories(db)).some((c) => c.code === input.category))
    throw open311Error(400, `service_code 不存在：${input.category.slice(0, 40)}`);
  const hasPoint = input.lat !== undefined && input.long !== undefined;
  if (
    hasPoint &&
    (!Number.isFinite(input.lat) ||
      !Number.isFinite(input.long) ||
      Math.abs(input.lat!) > 90 ||
      Math.abs(input.long!) > 180)
  )
    throw open311Error(400, 'lat/long 不是有效的经纬度');
  if (!hasPoint && !input.address) throw open311Error(400, '须提供 lat 与 long、address_string 或 address_id 之一');
  if (!input.description) throw open311Error(400, 'description 必填');
  if (input.description.length > 4000) throw open311Error(400, 'description 不能超过 4000 个字符');
  if (input.address.length > 200) throw open311Error(400, 'address_string 不能超过 200 个字符');
  if (input.phone && !/^\+?\d{7,15}$/.test(input.phone)) throw open311Error(400, 'phone 不是有效的电话号码');
}
