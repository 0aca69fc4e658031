import { asClient } from './client-ip';
// Stand-ins for next/headers and next/cache, so server actions run in vitest as they would in a
// request: the test sets the cookie and headers, and reads back the cookies the action set.
//
//   vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersModule);
//   vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheModule);

export interface SetCookieCall {
  name: string;
  value: string;
  options: Record<string, unknown>;
}

export const nextRequest = {
  cookies: new Map<string, string>(),
  headers: new Headers({ ...asClient('10.9.0.1') }),
  setCookies: [] as SetCookieCall[],
  /** Sets the request's session cookie (null for none) and forgets cookies set before. */
  reset(sessionToken: string | null, headers: Record<string, string> = {}) {
    this.cookies.clear();
    if (sessionToken) this.cookies.set('jkp_session', sessionToken);
    this.headers = new Headers({ ...asClient('10.9.0.1'), ...headers });
    this.setCookies = [];
  },
};

function cookieStore() {
  return {
    get: (name: string) =>
      nextRequest.cookies.has(name) ? { name, value: nextRequest.cookies.get(name)! } : undefined,
    getAll: () => [...nextRequest.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => nextRequest.cookies.has(name),
    set: (name: string, value: string, options: Record<string, unknown> = {}) => {
      nextRequest.setCookies.push({ name, value, options });
      nextRequest.cookies.set(name, value);
    },
    delete: (name: string) => {
      nextRequest.setCookies.push({ name, value: '', options: { maxAge: 0 } });
      nextRequest.cookies.delete(name);
    },
  };
}

export const headersModule = {
  cookies: async () => cookieStore(),
  headers: async () => nextRequest.headers,
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};

const noop = () => {};
export const cacheModule = {
  revalidatePath: noop,
  revalidateTag: noop,
  updateTag: noop,
  refresh: noop,
  unstable_noStore: noop,
  unstable_cache: <T>(fn: T) => fn,
};

/** The session token inside a `jkp_session=<token>` cookie header. */
export const tokenOf = (cookieHeader: string) => cookieHeader.split('=').slice(1).join('=');
