import { describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db';
import { seedDemo } from '@/db/seed';

function tableCounts(): Record<string, number> {
  const sqlite = getSqlite();
  const tables = sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
    )
    .all() as Array<{ name: string }>;
  return Object.fromEntries(
    tables.map(({ name }) => [name, (sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]),
  );
}

describe('seedDemo', () => {
  it('is idempotent: a second run leaves every table with the same number of rows', async () => {
    const first = await seedDemo(getDb());
    expect(first.seededDemo).toBe(true);
    const afterFirst = tableCounts();
    expect(afterFirst.projects).toBeGreaterThanOrEqual(140);
    expect(afterFirst.leads).toBeGreaterThanOrEqual(50);
    expect(afterFirst.users).toBeGreaterThanOrEqual(5);

    const second = await seedDemo(getDb());
    expect(second.seededDemo).toBe(false);
    expect(tableCounts()).toEqual(afterFirst);
  });
});
