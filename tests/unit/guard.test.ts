import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { guard } from '@/lib/auth/guard';
import { apiRoute } from '@/lib/auth/api';
import { AppError } from '@/lib/errors';
import { call, loginAs, seedOnce } from '../support/api';

// The one guard refuses before any handler code runs: no caller → 401, wrong role → 403,
// and only then is the input parsed.

beforeAll(() => seedOnce());

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('guard()', () => {
  const schema = z.object({ name: z.string().min(1) });

  it('refuses a call without credentials as unauthenticated', () => {
    const error = refusal(() => guard({ schema }, { sessionToken: null }, { name: 'x' }));
    expect(error.code).toBe('unauthenticated');
    expect(error.status).toBe(401);
  });

  it('refuses an unknown session token and an unknown bearer token', () => {
    expect(refusal(() => guard({}, { sessionToken: 'not-a-real-session' }, undefined)).code).toBe('unauthenticated');
    expect(refusal(() => guard({}, { bearerToken: 'jkp_not-a-real-token' }, undefined)).code).toBe('unauthenticated');
  });

  it('refuses a wrong role as forbidden, before validating the input', async () => {
    const cookie = await loginAs('officer');
    const sessionToken = cookie.split('=')[1];
    // Invalid input on purpose: the role check must come first, so this is 403 and not 400.
    const error = refusal(() => guard({ roles: ['admin'], schema }, { sessionToken }, { name: '' }));
    expect(error.code).toBe('forbidden');
    expect(error.status).toBe(403);
  });

  it('lets the right role through and returns the parsed input', async () => {
    const sessionToken = (await loginAs('admin')).split('=')[1];
    const { caller, input } = guard({ roles: ['admin'], schema }, { sessionToken }, { name: '测试' });
    expect(caller.user.username).toBe('admin');
    expect(input).toEqual({ name: '测试' });
  });
});

describe('apiRoute()', () => {
  it('does not run the handler for an unauthenticated call', async () => {
    const handler = vi.fn(() => ({ ok: true }));
    const route = apiRoute({ roles: ['admin'] }, handler);
    const result = await call(route, { method: 'POST', body: {} });
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('unauthenticated');
    expect(handler).not.toHaveBeenCalled();
  });

  it('does not run the handler for a wrong role', async () => {
    const handler = vi.fn(() => ({ ok: true }));
    const route = apiRoute({ roles: ['admin'], body: z.object({ name: z.string() }) }, handler);
    for (const username of ['leader', 'officer', 'investment']) {
      const result = await call(route, { method: 'POST', body: {}, cookie: await loginAs(username) });
      expect(result.status).toBe(403);
      expect(result.body.error.code).toBe('forbidden');
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('runs the handler for the right role', async () => {
    const handler = vi.fn(() => ({ ok: true }));
    const route = apiRoute({ roles: ['admin'] }, handler);
    const result = await call(route, { cookie: await loginAs('admin') });
    expect(result.status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
