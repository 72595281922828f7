import type { ViteUserConfig } from 'vitest/config';

export declare const sumeruVitestConfig: (options?: { database?: boolean }) => ViteUserConfig;
