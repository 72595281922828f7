import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; no database is contacted.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
  entities: { roles: { provider: '' } },
});
