import type { SessionUser } from './session';

/** The API's User object. */
export function toUserDto(user: SessionUser) {
  return { id: user.id, username: user.username, name: user.name, role: user.role, unitId: user.unitId };
}
