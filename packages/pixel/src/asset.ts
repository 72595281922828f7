import { fileURLToPath } from 'node:url';

/** Absolute path of the built browser script, for the API to serve as `/pixel.js`. */
export const pixelScriptPath = fileURLToPath(new URL('../dist/pixel.js', import.meta.url));

/** Gzip budget of dist/pixel.js in bytes; the build and a test both enforce it. */
export const PIXEL_GZIP_BUDGET = 2048;
