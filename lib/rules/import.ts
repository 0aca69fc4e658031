import type { Role } from './enums';

/** Roles that see the 导入 page; canImport in permissions.ts is the check on the server. */
export const IMPORT_ROLES: readonly Role[] = ['admin', 'leader', 'officer'];
