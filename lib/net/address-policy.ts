import { BlockList, isIP } from 'node:net';

// Where the platform may send its own requests (the digest webhook). A webhook URL is typed by an
// admin, so a stolen admin session or a careless entry must not turn the server into a proxy for
// the cloud metadata service, the database port on localhost or the intranet (SSRF).

export type AddressClass = 'public' | 'private' | 'forbidden';

/** Never reachable: loopback, link-local (cloud metadata), unspecified, multicast, reserved, broadcast. */
const forbidden = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  forbidden.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const)
  forbidden.addSubnet(net, prefix, 'ipv6');

/** Intranet: allowed only with WEBHOOK_ALLOW_PRIVATE=1 (private, carrier-grade NAT, unique-local). */
const privateNets = new BlockList();
for (const [net, prefix] of [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
] as const)
  privateNets.addSubnet(net, prefix, 'ipv4');
privateNets.addSubnet('fc00::', 7, 'ipv6');

/** The IPv4 address inside an IPv4-mapped, -compatible or NAT64 IPv6 address, if any. */
function embeddedIpv4(ipv6: string): string | null {
  const lower = ipv6.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const high = parseInt(hex[1], 16);
  const low = parseInt(hex[2], 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** Classifies an IP address (v4 or v6, without brackets); anything unparsable is forbidden. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 0) return 'forbidden';
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4) return classifyAddress(v4);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (forbidden.check(address, type)) return 'forbidden';
  if (privateNets.check(address, type)) return 'private';
  return 'public';
}

export interface AddressPolicy {
  /** WEBHOOK_ALLOW_PRIVATE=1: intranet addresses are allowed (loopback and link-local never are). */
  allowPrivate: boolean;
  /** Tests only: loopback too, so a local test receiver can be reached. */
  allowLoopback?: boolean;
}

export function addressPolicyFromEnv(): AddressPolicy {
  return { allowPrivate: process.env.WEBHOOK_ALLOW_PRIVATE === '1' };
}

/** Why the address may not be contacted, in Chinese, or null when it may. */
export function addressRefusal(address: string, policy: AddressPolicy): string | null {
  const kind = classifyAddress(address);
  if (kind === 'public') return null;
  if (kind === 'private')
    return policy.allowPrivate ? null : '不能推送到内网地址（如需内网推送，请设置 WEBHOOK_ALLOW_PRIVATE=1）';
  if (policy.allowLoopback && (address === '::1' || address.startsWith('127.'))) return null;
  return '不能推送到本机、链路本地或保留地址';
}

/** The hostname of a URL without IPv6 brackets. */
export const bareHostname = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Checks a webhook URL as typed: http(s) only, no user name or password, and an IP-literal host
 * must be allowed. Host names are checked again, resolved, at every delivery.
 */
export function webhookUrlRefusal(value: string, policy: AddressPolicy): string | null {
  if (!URL.canParse(value)) return '地址格式无效';
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '请输入以 http:// 或 https:// 开头的地址';
  if (url.username || url.password) return '地址中不能包含用户名或密码';
  // The URL parser has already normalised 0x7f000001, 2130706433 and 127.1 to dotted form.
  const host = bareHostname(url);
  if (isIP(host)) return addressRefusal(host, policy);
  const lower = host.toLowerCase();
  if (lower === 'localhost' || lower.endsWith('.localhost')) return '不能推送到本机地址';
  return null;
}
