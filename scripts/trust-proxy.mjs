// Which forwarding headers to believe (TRUST_PROXY), used by scripts/serve.mjs on every request
// before Next.js sees it. Plain JavaScript because the server script runs without a build.
//
//   TRUST_PROXY unset or 0   no proxy: the client is the socket's peer; X-Forwarded-* and X-Real-IP
//                            from the client are dropped (Next.js then fills them from the socket)
//   TRUST_PROXY=1 (a number) that many proxies in front: the client is that many hops from the right
//   TRUST_PROXY=10.0.0.5,10.1.0.0/16,loopback   the proxies' addresses: their headers are believed
import { BlockList, isIP } from 'node:net';

/** The header serve.mjs writes with the client's address; any copy sent by the client is replaced. */
export const CLIENT_IP_HEADER = 'x-jkp-client-ip';
const FORWARDING_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'forwarded',
];

/** @param {string | undefined} value */
export function parseTrustProxy(value) {
  const text = (value ?? '').trim();
  if (!text || text === '0' || text.toLowerCase() === 'false') return { kind: 'none' };
  if (/^\d+$/.test(text)) return { kind: 'hops', hops: Number(text) };
  const list = new BlockList();
  for (const part of text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    if (part === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, bits] = part.split('/');
    const family = isIP(address);
    if (!family || (bits !== undefined && !/^\d+$/.test(bits))) throw new Error(`TRUST_PROXY 中的地址无效：${part}`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return { kind: 'list', list };
}

/** @param {string | null | undefined} address */
const normalise = (address) => {
  const text = (address ?? '').trim();
  return text.startsWith('::ffff:') && isIP(text.slice(7)) === 4 ? text.slice(7) : text;
};

/** Whether hop `index` (0 = the socket's peer) is a proxy we trust. */
function trusted(trust, address, index) {
  if (trust.kind === 'hops') return index < trust.hops;
  if (trust.kind === 'list') {
    const family = isIP(address);
    return family !== 0 && trust.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
  return false;
}

/**
 * The client's address: the socket's peer, or, walking X-Forwarded-For from the right, the first
 * hop that is not a trusted proxy. A hop that is not an IP address ends the walk at the last good one.
 */
export function clientAddress(peer, forwardedFor, trust) {
  const chain = [
    normalise(peer),
    ...String(forwardedFor ?? '')
      .split(',')
      .map(normalise)
      .filter(Boolean)
      .reverse(),
  ];
  let index = 0;
  while (index < chain.length - 1 && trusted(trust, chain[index], index) && isIP(chain[index + 1])) index += 1;
  return isIP(chain[index]) ? chain[index] : null;
}

/**
 * Rewrites a Node request's headers in place: forwarding headers survive only from a trusted
 * proxy, and CLIENT_IP_HEADER carries `<key> <address>` (the key proves serve.mjs wrote it).
 */
export function annotateRequest(request, trust, key) {
  const peer = normalise(request.socket?.remoteAddress);
  const fromProxy = trusted(trust, peer, 0);
  const address = clientAddress(peer, fromProxy ? request.headers['x-forwarded-for'] : undefined, trust);
  if (!fromProxy) for (const name of FORWARDING_HEADERS) delete request.headers[name];
  request.headers[CLIENT_IP_HEADER] = `${key} ${address ?? ''}`.trim();
}
