import { like } from 'drizzle-orm';
import JSZip from 'jszip';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { call, loginAs, seedOnce } from '../support/api';
import { nextRequest } from '../support/next-mocks';
import { actorOf, workbookBuffer } from '../support/xlsx';
import { getDb } from '@/db';
import { leads, projects } from '@/db/schema';
import { POST as createLead } from '@/app/api/v1/leads/route';
import { previewLeadImport } from '@/domain/lead-imports';
import { nestingDepth, proxy } from '@/proxy';

vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersModule);
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheModule);

// Issue 14 findings 8 and 12: broken text stored and shown as ���; a foreign Origin or a deeply
// nested body on a server action gave 500; action responses echoed passwords.

beforeAll(() => seedOnce());

const sessionFor = async (username: string) => nextRequest.reset((await loginAs(username)).split('=')[1]);

describe('finding 8: text no one could type is refused', () => {
  it.each([
    ['a lone high surrogate', '坏数据\ud800企业'],
    ['a lone low surrogate', '坏数据\udc00企业'],
    ['a control character', '坏数据\u0007企业'],
    ['a NUL', '坏数据\u0000企业'],
  ])('the API refuses %s with 400 naming the field, and stores nothing', async (_label, company) => {
    const result = await call(createLead, {
      method: 'POST',
      cookie: await loginAs('investment'),
      rawBody: JSON.stringify({ company, proposedProject: '项目' }),
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields.company[0]).toMatch(/无法保存的字符/);
    expect(getDb().select().from(leads).where(like(leads.company, '坏数据%')).all()).toEqual([]);
  });

  it('tabs and line breaks are kept', async () => {
    const result = await call(createLead, {
      method: 'POST',
      cookie: await loginAs('investment'),
      body: { company: '换行企业', proposedProject: '第一行\r\n第二行\t备注' },
    });
    expect(result.status).toBe(201);
  });

  it('a form refuses it with the field named', async () => {
    await sessionFor('admin');
    const { createProjectAction } = await import('@/app/(app)/projects/actions');
    const form = new FormData();
    form.set('name', '控制字符\u001b项目');
    form.set('category', 'government');
    const result = await createProjectAction(undefined, form);
    expect(result).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(result.ok === false && result.errors?.name?.[0]).toMatch(/无法保存的字符/);
    expect(getDb().select().from(projects).where(like(projects.name, '控制字符%')).all()).toEqual([]);
  });

  it('the import reports it at its row and column', async () => {
    // Excel writes a control character as _x0007_ in the sheet XML; readers decode it.
    const plain = await workbookBuffer([
      ['企业名称', '拟建项目'],
      ['导入MARK企业', '项目'],
    ]);
    const zip = await JSZip.loadAsync(plain);
    for (const name of Object.keys(zip.files).filter((file) => file.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string');
      if (xml.includes('MARK')) zip.file(name, xml.replace('MARK', '_x0007_'));
    }
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const preview = await previewLeadImport(actorOf('investment'), { name: '线索.xlsx', bytes });
    expect(preview.errors).toContainEqual(expect.objectContaining({ row: 2, column: '企业名称' }));
    expect(preview.errors[0].message).toMatch(/无法保存的字符/);
  });
});

describe('finding 12: server action requests', () => {
  const actionRequest = (body: string, headers: Record<string, string> = {}) =>
    new NextRequest('http://localhost/projects', {
      method: 'POST',
      headers: { 'next-action': 'abc123', host: 'localhost', 'content-type': 'text/plain;charset=UTF-8', ...headers },
      body,
    });

  it('a foreign Origin is 403, not 500', async () => {
    const response = await proxy(actionRequest('[]', { origin: 'https://evil.example', cookie: 'jkp_session=x' }));
    expect(response.status).toBe(403);
  });

  it('a 200,000-deep nested body is 400, not a stack overflow', async () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const response = await proxy(actionRequest(deep, { origin: 'http://localhost', cookie: 'jkp_session=x' }));
    expect(response.status).toBe(400);
    expect(nestingDepth('{"a":"[[[[[[[[","b":[[1]]}')).toBe(3);
  });

  it('an ordinary same-origin action passes through', async () => {
    const response = await proxy(
      actionRequest('[{"id":1,"name":"项目"}]', { origin: 'http://localhost', cookie: 'jkp_session=x' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it('an action answer never echoes a password back', async () => {
    await sessionFor('officer');
    const { changePasswordAction } = await import('@/app/(app)/account/actions');
    const form = new FormData();
    form.set('currentPassword', 'Secret-typed-1');
    form.set('newPassword', 'Secret-typed-2');
    form.set('confirmPassword', 'Secret-typed-2');
    const result = await changePasswordAction(undefined, form);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('Secret-typed');
  });
});
