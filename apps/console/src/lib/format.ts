const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });
const integer = new Intl.NumberFormat('en-GB');

export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');
export const formatDate = (iso: string | null | undefined): string => (iso ? dateOnly.format(new Date(iso)) : '—');
export const formatCount = (n: number): string => integer.format(n);

/** Money arrives as an exact decimal string; it is only formatted, never computed with. */
export const formatMoney = (amount: string, currency: string): string => {
  const [whole = '0', fraction = ''] = amount.split('.');
  const grouped = integer.format(BigInt(whole.replace('-', ''))).toString();
  return `${amount.startsWith('-') ? '-' : ''}${grouped}.${fraction.padEnd(2, '0').slice(0, 2)} ${currency}`;
};

/** YYYY-MM-DD in UTC, as the usage counters store days. */
export const utcDay = (date: Date): string => date.toISOString().slice(0, 10);
export const daysAgo = (n: number, from = new Date()): string => utcDay(new Date(from.getTime() - n * 86_400_000));
