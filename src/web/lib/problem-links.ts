type Filter = Record<string, string | number | boolean | null | undefined>;

/**
 * The 问题清单 address listing exactly the problems a figure counts: the list reads every filter from the
 * address bar (campaignId, orgId, unitOnly, status, colour, overdue, escalated …); empty values are left out.
 */
export function problemsHref(filter: Filter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter))
    if (v !== undefined && v !== null && v !== '' && v !== false) params.set(k, String(v));
  return `/problems?${params}`;
}
