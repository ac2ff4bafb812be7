// Regional monthly totals of per-country indicator points. A month's total and target add up the
// countries that reported it; its change on the previous month counts only the countries that
// reported both months, so a missing report never shows as a fall.

export interface Point {
  country_code: string;
  indicator_id: string;
  period: string;
  value: number | null;
  target: number | null;
}

export interface Total {
  indicator_id: string;
  period: string;
  value: number | null;
  target: number | null;
  change: number | null;
  countries: number;
}

/** Regional totals per indicator and month from per-country monthly points. Pure. */
export function regionalTotals(points: Point[]): Total[] {
  const byKey = new Map<string, Point>();
  for (const p of points) byKey.set(`${p.indicator_id}|${p.country_code}|${p.period}`, p);
  const totals = new Map<string, Total>();
  for (const p of points) {
    const key = `${p.indicator_id}|${p.period}`;
    const total = totals.get(key) ?? { indicator_id: p.indicator_id, period: p.period, value: null, target: null, change: null, countries: 0 };
    totals.set(key, total);
    if (p.value == null) continue;
    total.value = (total.value ?? 0) + p.value;
    total.countries += 1;
    if (p.target != null) total.target = (total.target ?? 0) + p.target;
    const previous = byKey.get(`${p.indicator_id}|${p.country_code}|${previousMonth(p.period)}`);
    if (previous?.value != null) total.change = (total.change ?? 0) + p.value - previous.value;
  }
  return [...totals.values()].sort((a, b) => a.indicator_id.localeCompare(b.indicator_id) || a.period.localeCompare(b.period));
}

function previousMonth(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}
