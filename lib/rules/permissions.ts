import type { Role } from './enums';

// Who may do what, as pure predicates. Domain functions call these on the server; pages call
// the same ones only to hide controls.

export interface Actor {
  id: number;
  role: Role;
  unitId: number | null;
  team?: string | null;
}

/** The acting user as domain writes take it: the user, and the request's address for the audit row. */
export interface ActorContext extends Actor {
  ip?: string | null;
}

export interface ProjectScope {
  unitId: number;
  ownerId: number | null;
}

export interface LeadScope {
  ownerId: number;
  team: string | null;
  /** Teams whose 协同 request the owner accepted (首报首谈): they see contacts and log follow-ups. */
  partnerTeams?: readonly string[];
}

const isOfficerOf = (actor: Actor, project: ProjectScope) =>
  actor.role === 'officer' && (project.unitId === actor.unitId || project.ownerId === actor.id);

export function canCreateProjectIn(actor: Actor, unitId: number): boolean {
  if (actor.role === 'admin' || actor.role === 'leader') return true;
  return actor.role === 'officer' && actor.unitId === unitId;
}

export function canEditProject(actor: Actor, project: ProjectScope): boolean {
  return actor.role === 'admin' || actor.role === 'leader' || isOfficerOf(actor, project);
}

/** 上争 applications: admins, and the project's own officers; leaders read them (issue 13). */
/**
 * 履约 (issue 16): a project's contract fields are kept by whoever edits the project, and also by
 * the investment user who owns the lead it was converted from (they signed the contract).
 */
export function canEditProjectContract(
  actor: Actor,
  project: ProjectScope,
  leadOwnerId: number | null | undefined,
): boolean {
  if (canEditProject(actor, project)) return true;
  return actor.role === 'investment' && leadOwnerId != null && leadOwnerId === actor.id;
}

export function canEditFunding(actor: Actor, project: ProjectScope): boolean {
  return actor.role === 'admin' || isOfficerOf(actor, project);
}

export function canMoveProject(actor: Actor, project: ProjectScope): boolean {
  return canEditProject(actor, project);
}

export function canRaiseProblem(actor: Actor, project: ProjectScope): boolean {
  return actor.role === 'admin' || actor.role === 'leader' || isOfficerOf(actor, project);
}

export function canIssueSupervision(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'leader';
}

export function canCreateLead(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'investment';
}

export function canEditLead(actor: Actor, lead: LeadScope): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'investment') return false;
  return lead.ownerId === actor.id || (lead.team != null && lead.team === actor.team);
}

/**
 * An investor's phone and e-mail are seen by the lead's owner and team, leaders and admins only:
 * a leak of investor contacts is a real harm in 招商, and officers and other teams need neither.
 */
export function canSeeLeadContacts(actor: Actor, lead: LeadScope): boolean {
  if (actor.role === 'admin' || actor.role === 'leader') return true;
  return canEditLead(actor, lead) || isLeadPartner(actor, lead);
}

/** An investment user of an accepted 协同 team. */
export function isLeadPartner(actor: Actor, lead: LeadScope): boolean {
  return actor.role === 'investment' && actor.team != null && (lead.partnerTeams ?? []).includes(actor.team);
}

/** Follow-ups are logged by those who edit the lead and by its accepted partner teams. */
export function canLogLeadFollowup(actor: Actor, lead: LeadScope): boolean {
  return canEditLead(actor, lead) || isLeadPartner(actor, lead);
}

/** 申请协同: an investment user of another team than the lead's (the first reporter keeps the lead). */
export function canRequestLeadPartner(actor: Actor, lead: LeadScope): boolean {
  return actor.role === 'investment' && actor.team != null && actor.team !== lead.team && actor.id !== lead.ownerId;
}

/** A 协同 request is accepted or declined by the lead's owner or an admin, no one else. */
export function canDecideLeadPartner(actor: Actor, lead: LeadScope): boolean {
  return actor.role === 'admin' || (actor.role === 'investment' && actor.id === lead.ownerId);
}

/** 调度会: leaders and admins organise meetings and record their decisions; everyone reads. */
export function canManageMeetings(actor: Actor): boolean {
  return actor.role === 'leader' || actor.role === 'admin';
}

/** Saved views: leaders and admins may share one with everyone. */
export function canShareViews(actor: Actor): boolean {
  return actor.role === 'leader' || actor.role === 'admin';
}

export function canManageCampaigns(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'investment';
}

export function canAdminister(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function canImport(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'leader' || actor.role === 'officer';
}

/** Investment staff import leads they or their team will own (checked row by row with canEditLead). */
export function canImportLeads(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'investment';
}

/** 双十工程包: admins and leaders create and edit packages and move projects in and out (调入/调出). */
export function canManagePackages(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'leader';
}

/** 企业库 (issue 16): admins and investment staff keep the registry; leads and projects add to it as they name enterprises. */
export function canManageEnterprises(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'investment';
}

/** An enterprise's contacts' phone and e-mail: admins, leaders and investment staff only. */
export function canSeeEnterpriseContacts(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'leader' || actor.role === 'investment';
}
