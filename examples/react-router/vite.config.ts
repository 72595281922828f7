import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  // @sumeru/widgets ships TypeScript source: bundle it into the server build instead of
  // importing it from node_modules at run time.
  ssr: { noExternal: ['@sumeru/widgets'] },
  build: {
    rollupOptions: {
      // The wrappers' 'use client' marker is for React Server Components bundlers; Vite ignores it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
