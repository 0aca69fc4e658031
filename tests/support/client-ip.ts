// The client address header as scripts/serve.mjs writes it, with the key tests/support/setup.ts sets.
export const TEST_CLIENT_IP_KEY = 'test-client-ip-key';

export function asClient(ip: string): Record<string, string> {
  return { 'x-jkp-client-ip': `${TEST_CLIENT_IP_KEY} ${ip}` };
}
