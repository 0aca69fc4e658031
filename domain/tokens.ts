import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { writeAudit } from '@/db/audit';
import { apiTokens, users, type ApiToken } from '@/db/schema';
import { newToken, sha256 } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { nowIso } from '@/lib/rules/dates';
import type { ActorContext } from '@/lib/rules/permissions';
import { assertAdmin } from './users';

// API tokens for other systems. The token is returned once, at creation; only its SHA-256 and
// a short prefix (to tell tokens apart in the list) are stored.

const TOKEN_PREFIX = 'jkp_';
const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

export function toApiTokenDto(token: ApiToken) {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    userId: token.userId,
    createdBy: token.createdBy,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  };
}
export type ApiTokenDto = ReturnType<typeof toApiTokenDto>;

export function createApiToken(
  actor: ActorContext,
  input: { name: string; userId: number },
): { token: string; apiToken: ApiTokenDto } {
  assertAdmin(actor);
  const token = newToken(TOKEN_PREFIX);
  return getDb().transaction((tx) => {
    const user = tx.select({ active: users.active }).from(users).where(eq(users.id, input.userId)).get();
    if (!user) throw new AppError('validation_failed', undefined, { userId: ['用户不存在'] });
    if (!user.active) throw new AppError('validation_failed', undefined, { userId: ['该用户已停用'] });
    const row = tx
      .insert(apiTokens)
      .values({
        name: input.name,
        tokenHash: sha256(token),
        prefix: token.slice(0, DISPLAY_PREFIX_LENGTH),
        userId: input.userId,
        createdBy: actor.id,
      })
      .returning()
      .get();
    const apiToken = toApiTokenDto(row);
    writeAudit(tx, {
      userId: actor.id,
      action: 'create',
      entityType: 'api_token',
      entityId: row.id,
      after: { name: row.name, userId: row.userId, prefix: row.prefix },
      ip: actor.ip,
    });
    return { token, apiToken };
  });
}

/** Revoking is final and idempotent: a revoked token stays revoked with its first date. */
export function revokeApiToken(actor: ActorContext, tokenId: number): ApiTokenDto {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    const current = tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).get();
    if (!current) throw new AppError('not_found', '令牌不存在');
    if (current.revokedAt) return toApiTokenDto(current);
    const updated = tx
      .update(apiTokens)
      .set({ revokedAt: nowIso() })
      .where(eq(apiTokens.id, tokenId))
      .returning()
      .get();
    writeAudit(tx, {
      userId: actor.id,
      action: 'revoke',
      entityType: 'api_token',
      entityId: tokenId,
      before: { revokedAt: null },
      after: { revokedAt: updated.revokedAt },
      ip: actor.ip,
    });
    return toApiTokenDto(updated);
  });
}
