// The publishable key and API origin, public by design (they are in every storefront page).
export const SUMERU_API: string = import.meta.env.VITE_SUMERU_API ?? 'http://localhost:3000';
export const SUMERU_KEY: string = import.meta.env.VITE_SUMERU_KEY ?? 'pk_live_REPLACE_ME';

type Sumeru = (...args: unknown[]) => void;

/** Calls the pixel from client code; before pixel.js has loaded the stub queues the call. */
export const sumeru = (...args: unknown[]): void => {
  (window as unknown as { sumeru?: Sumeru }).sumeru?.(...args);
};
