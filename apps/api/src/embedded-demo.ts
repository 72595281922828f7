import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@sumeru/db';
import { seedDemo, type DemoResult } from '@sumeru/demo';

/**
 * Embedded default only: seeds the demo agency on an empty database and keeps its
 * credentials in .data/demo.json (mode 0600) so a restart can show them again; the database
 * itself holds only hashes.
 */
export const ensureDemo = async (db: Database, dataDir: string, platformSecret: string): Promise<DemoResult | null> => {
  const file = path.join(dataDir, 'demo.json');
  // The embedded server's user is a superuser: this existence check sees past RLS on purpose.
  const [row] = await db.$client`select exists (select 1 from agencies) as seeded`;
  if (row?.seeded) return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoResult) : null;
  const demo = await seedDemo(db, { platformSecret });
  writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return demo;
};

export const printWelcome = (url: string, demo: DemoResult): void => {
  const shop = demo.shops[0]!;
  const lines = [
    '',
    `  Sumeru is running at ${url}`,
    '',
    `  Demo agency      ${demo.agency.name} (${demo.agency.id})`,
    `  Operator login   ${demo.operator.email} / ${demo.operator.password}`,
    ...demo.shops.map((s) => `  Shop             ${s.name} (${s.id})`),
    `  Admin token      ${shop.admin_token}   (every scope, ${shop.name})`,
    '',
    `  Try: curl -H "Authorization: Bearer ${shop.admin_token}" "${url}/api/v1/customers?limit=2"`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
};
