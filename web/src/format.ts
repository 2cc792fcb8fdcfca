/** Dates as the API gives them (ISO 8601, sometimes a bare day), shown in UTC so every reader sees the same time. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'date unknown';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return dayOnly
    ? date.toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })
    : `${date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
