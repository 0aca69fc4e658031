import type { Role } from './enums';

/** Roles that import projects; canImport in permissions.ts is the check on the server. */
export const PROJECT_IMPORT_ROLES: readonly Role[] = ['admin', 'leader', 'officer'];
/** Roles that import investment leads; canImportLeads in permissions.ts is the check on the server. */
export const LEAD_IMPORT_ROLES: readonly Role[] = ['admin', 'investment'];
/** Roles that see the 导入 page at all. */
export const IMPORT_ROLES: readonly Role[] = ['admin', 'leader', 'officer', 'investment'];
