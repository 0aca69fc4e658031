import type { BlockList } from 'node:net';
import type { IncomingMessage } from 'node:http';

export type Trust = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; list: BlockList };
export const CLIENT_IP_HEADER: 'x-jkp-client-ip';
export function parseTrustProxy(value: string | undefined): Trust;
export function clientAddress(
  peer: string | null | undefined,
  forwardedFor: string | undefined,
  trust: Trust,
): string | null;
export function annotateRequest(
  request: Pick<IncomingMessage, 'headers'> & { socket?: { remoteAddress?: string } },
  trust: Trust,
  key: string,
): void;
