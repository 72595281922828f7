'use client';

type Sumeru = (...args: unknown[]) => void;

/** Calls the pixel from client code; safe before pixel.js has loaded, since the stub queues. */
export const sumeru = (...args: unknown[]): void => {
  (window as unknown as { sumeru?: Sumeru }).sumeru?.(...args);
};
