// The publishable key and API origin, public by design (they are in every storefront page).
export const SUMERU_API = process.env.NEXT_PUBLIC_SUMERU_API ?? 'http://localhost:3000';
export const SUMERU_KEY = process.env.NEXT_PUBLIC_SUMERU_KEY ?? 'pk_live_REPLACE_ME';
