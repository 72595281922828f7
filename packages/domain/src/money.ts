/**
 * Money is stored exactly (PostgreSQL numeric(14,2)) and travels between the database and
 * the API as a decimal string; it becomes a JSON number only at the edge, as the seeds show
 * (`"total_spent": 487.20`). No arithmetic happens on floats.
 */
const DECIMAL = /^-?\d{1,12}(\.\d{1,2})?$/;

export const isMoneyString = (value: string): boolean => DECIMAL.test(value);

export const moneyToJson = (value: string | null): number | null => (value === null ? null : Number(value));

/** Minor units (cents) to a two-decimal string, exact for any safe integer. */
export const minorToMoney = (minor: number): string => {
  if (!Number.isSafeInteger(minor)) throw new RangeError('minor units must be a safe integer');
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

export const moneyToMinor = (value: string): number => {
  if (!isMoneyString(value)) throw new RangeError(`not a money amount: ${value}`);
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -minor : minor;
};

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'CAD', 'AUD'] as const;
export type Currency = (typeof CURRENCIES)[number];
