import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESTRICTED_PAGES, pageAccessFor } from '@/lib/page-access';
import type { Role } from '@/lib/rules/enums';
import { IMPORT_ROLES } from '@/lib/rules/import';
import { SCREEN_ROLES } from '@/lib/rules/screen';

// The 403 page names the roles of lib/page-access.ts; the pages refuse with requireUser(roles). This keeps
// the two the same: every page that passes roles has its entry with those roles, and no entry is stale.

const NAMED: Record<string, readonly Role[]> = { IMPORT_ROLES, SCREEN_ROLES };

function pageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pageFiles(path);
    return name === 'page.tsx' ? [path] : [];
  });
}

/** app/(app)/enterprises/[id]/edit/page.tsx → /enterprises/1/edit */
function samplePath(file: string): string {
  const route = relative('app', file)
    .replace(/\/?page\.tsx$/, '')
    .split('/')
    .filter((segment) => !segment.startsWith('('))
    .map((segment) => (segment.startsWith('[') ? '1' : segment))
    .join('/');
  return `/${route}`;
}

function rolesOf(source: string): readonly Role[] | null | undefined {
  const call = source.match(/requireUser\(([^)]*)\)/);
  if (!call) return undefined;
  const argument = call[1]!.trim();
  if (!argument) return null;
  if (argument in NAMED) return NAMED[argument]!;
  const literal = argument.match(/^\[([^\]]*)\]$/);
  if (!literal) throw new Error(`requireUser(${argument}): unknown roles`);
  return literal[1]!.split(',').map((role) => role.trim().replace(/'/g, '') as Role);
}

describe('the 403 page knows which roles may open each page', () => {
  const pages = pageFiles('app').map((file) => ({
    file,
    path: samplePath(file),
    roles: rolesOf(readFileSync(file, 'utf8')),
  }));

  it('finds the restricted pages', () => {
    expect(pages.filter((page) => page.roles).length).toBeGreaterThanOrEqual(20);
  });

  for (const page of pages.filter((p) => p.roles)) {
    it(`${page.path} (${page.file})`, () => {
      const access = pageAccessFor(page.path);
      expect(access, `no entry in lib/page-access.ts for ${page.path}`).not.toBeNull();
      expect([...access!.roles].sort()).toEqual([...page.roles!].sort());
    });
  }

  it('every entry matches a page that refuses someone', () => {
    for (const entry of RESTRICTED_PAGES) {
      expect(
        pages.some((page) => page.roles && entry.pattern.test(page.path)),
        `${entry.name} matches no page`,
      ).toBe(true);
    }
  });

  it('open pages have no entry, so the 403 page never names roles for them', () => {
    for (const page of pages.filter((p) => p.roles === null)) expect(pageAccessFor(page.path), page.path).toBeNull();
    expect(pageAccessFor('/leads/board')).toBeNull();
  });
});
