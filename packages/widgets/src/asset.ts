import { fileURLToPath } from 'node:url';

/** Absolute path of the built browser bundle, for the API to serve as `/widgets.js`. */
export const widgetsScriptPath = fileURLToPath(new URL('../dist/widgets.js', import.meta.url));

/** Gzip budget of dist/widgets.js in bytes; the build and a test both enforce it. */
export const WIDGETS_GZIP_BUDGET = 15 * 1024;
