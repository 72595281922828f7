// Display helpers shared by the widgets; amounts arrive as decimal strings ("49.90").
const locale = (): string | undefined => (typeof document === 'undefined' ? undefined : document.documentElement.lang || undefined);

export const formatMoney = (amount: unknown, currency: unknown): string => {
  const value = Number(amount);
  if (!Number.isFinite(value)) return '';
  try {
    return new Intl.NumberFormat(locale(), { style: 'currency', currency: String(currency || 'EUR') }).format(value);
  } catch {
    return `${value.toFixed(2)} ${String(currency ?? '')}`.trim();
  }
};

export const formatDate = (iso: unknown): string => {
  const date = new Date(String(iso));
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(date);
};

/** "★★★★☆" for a 0–5 rating; purely visual, callers add text for assistive technology. */
export const stars = (rating: number): string => {
  const full = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(full) + '☆'.repeat(5 - full);
};
