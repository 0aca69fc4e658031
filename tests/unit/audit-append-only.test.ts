import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

// The audit log is append-only: no code path may update or delete its rows.
const ROOTS = ['app', 'components', 'db', 'domain', 'lib', 'scripts'];
const FORBIDDEN = [
  /\.delete\(\s*auditLog\b/,
  /\.update\(\s*auditLog\b/,
  /\bdelete\s+from\s+["`]?audit_log\b/i,
  /\bupdate\s+["`]?audit_log\b/i,
];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'migrations' || entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs|js|sql)$/.test(entry.name) ? [full] : [];
  });
}

describe('audit log is append-only', () => {
  it('no source file updates or deletes audit rows', () => {
    const files = ROOTS.flatMap((root) => sourceFiles(path.resolve(root)));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return FORBIDDEN.filter((pattern) => pattern.test(text)).map(
        (pattern) => `${path.relative(process.cwd(), file)} matches ${pattern}`,
      );
    });
    expect(offenders).toEqual([]);
  });

  it('the scan would catch an offender', () => {
    expect(FORBIDDEN.some((pattern) => pattern.test('tx.delete(auditLog).where(x)'))).toBe(true);
    expect(FORBIDDEN.some((pattern) => pattern.test('db.update( auditLog ).set({})'))).toBe(true);
    expect(FORBIDDEN.some((pattern) => pattern.test('DELETE FROM audit_log'))).toBe(true);
  });
});
