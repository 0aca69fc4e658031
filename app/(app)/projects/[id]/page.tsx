import { Card } from '@/components/ui/page';
import { ProjectForm } from '@/components/projects/project-form';
import { ProjectSummary } from '@/components/projects/project-summary';
import { OverviewEditToggle } from '@/components/projects/overview-edit-toggle';
import { FundingSums } from '@/components/funding/funding-sums';
import { listUnits } from '@/db/queries/reference';
import { loadProjectFormOptions } from '@/db/queries/project-options';
import { requireUser } from '@/lib/auth/next';
import { canEditProject, canEditProjectContract, canManagePackages } from '@/lib/rules/permissions';
import { ContractForm } from '@/components/projects/contract-card';
import { ContractSummary } from '@/components/projects/contract-summary';
import { startedOnOf } from '@/domain/attraction';
import { leadOwnerOf } from '@/domain/projects';
import { today } from '@/lib/rules/dates';
import { updateProjectContractAction } from './contract/actions';
import { listPackageRows } from '@/db/queries/packages';
import { currentYear, hasReports, listYearPlans, reportedTotal } from '@/domain/year-plans';
import { getDb } from '@/db';
import { updateProjectAction } from '../actions';
import { loadProject } from './load';
import { ProjectEnterprises } from '@/components/enterprises/project-enterprises';
import { projectEnterprises } from '@/domain/enterprise-registry';

export default async function ProjectOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const view = await loadProject(params);
  const { project } = view;
  const contract = contractCard(user, project);
  const { investor, builder } = projectEnterprises(project);
  const enterpriseLinks = <ProjectEnterprises investor={investor} builder={builder} />;
  if (!canEditProject(user, project)) {
    return (
      <div className="space-y-4">
        <Card title="概况">
          {enterpriseLinks}
          <ProjectSummary view={view} />
          <FundingSums projectId={project.id} sums={project} />
        </Card>
        {contract}
      </div>
    );
  }
  const text = (value: string | number | null | undefined) => (value == null ? '' : String(value));
  const initial: Record<string, string> = {
    projectId: String(project.id),
    version: String(project.version),
    name: project.name,
    code: text(project.code),
    category: project.category,
    packageId: text(project.packageId),
    packageName: text(project.packageName),
    nature: project.nature,
    status: project.status,
    unitId: String(project.unitId),
    industryId: text(project.industryId),
    chainLinkId: text(project.chainLinkId),
    leaderId: text(project.leaderId),
    ownerId: text(project.ownerId),
    location: text(project.location),
    longitude: text(project.longitude),
    latitude: text(project.latitude),
    description: text(project.description),
    totalInvestment: String(project.totalInvestment),
    plannedInvestmentThisYear: String(project.plannedInvestmentThisYear),
    openingInvestment: String(project.openingInvestment),
    fundsInPlace: text(project.fundsInPlace),
    plannedStartDate: text(project.plannedStartDate),
    plannedCompletionDate: text(project.plannedCompletionDate),
    stageDueDate: text(project.stageDueDate),
    investorEnterpriseId: text(investor?.id),
    investorName: text(investor?.name),
    investorCreditCode: text(investor?.creditCode),
    builderEnterpriseId: text(builder?.id),
    builderName: text(builder?.name),
    builderCreditCode: text(builder?.creditCode),
  };
  const year = currentYear();
  const reported = reportedTotal(getDb(), project.id);
  const money = {
    opening: project.openingInvestment,
    reported,
    completed: project.completedInvestment,
    hasReports: hasReports(getDb(), project.id),
  };
  const otherYearPlans = listYearPlans(project.id)
    .filter((plan) => plan.year !== year)
    .reverse();
  // Officers may not hand a project to another unit; leaders and admins may.
  const units = listUnits().filter(
    (unit) => user.role !== 'officer' || unit.id === project.unitId || unit.id === user.unitId,
  );
  return (
    <div className="space-y-4">
      <Card title="概况">
        {enterpriseLinks}
        <OverviewEditToggle summary={<ProjectSummary view={view} />}>
          <ProjectForm
            mode="edit"
            currentYear={year}
            money={money}
            otherYearPlans={otherYearPlans}
            action={updateProjectAction}
            initial={initial}
            units={units}
            packages={listPackageRows(year).map((pkg) => ({ id: pkg.id, name: pkg.name }))}
            canManagePackages={canManagePackages(user)}
            {...loadProjectFormOptions(project.chainLinkId)}
          />
        </OverviewEditToggle>
        <FundingSums projectId={project.id} sums={project} />
      </Card>
      {contract}
    </div>
  );
}

type PageUser = Awaited<ReturnType<typeof requireUser>>;
type PageProject = Awaited<ReturnType<typeof loadProject>>['project'];

/**
 * 履约 (issue 16): shown for 招商引资 projects and any project that carries a contract; the form for
 * those who may keep it (the project's editors and the owner of the lead it came from).
 */
function contractCard(user: PageUser, project: PageProject) {
  const hasContract =
    project.contractAmount != null ||
    project.contractDate != null ||
    project.promisedStartDate != null ||
    project.promisedFunds != null;
  if (project.category !== 'attraction' && project.leadId == null && !hasContract) return null;
  const text = (value: string | number | null) => (value == null ? '' : String(value));
  const editable = canEditProjectContract(user, project, leadOwnerOf(getDb(), project));
  return (
    <Card title="合同履约">
      <ContractSummary project={project} startedOn={startedOnOf(project.id)} today={today()} />
      {editable ? (
        <ContractForm
          action={updateProjectContractAction}
          initial={{
            projectId: String(project.id),
            version: String(project.version),
            contractAmount: text(project.contractAmount),
            contractDate: text(project.contractDate),
            promisedStartDate: text(project.promisedStartDate),
            promisedFunds: text(project.promisedFunds),
          }}
        />
      ) : null}
    </Card>
  );
}
