import { defineConfig } from 'vitest/config';
import { sumeruVitestConfig } from '@sumeru/vitest-config';

export default defineConfig(sumeruVitestConfig());
