import Link from 'next/link';
import { Card } from '@/components/ui/page';
import type { LeadDetail } from '@/db/queries/leads';
import { proposedProjectName } from '@/domain/leads';
import { formatWan } from '@/lib/rules/money';
import { ConvertDialog } from './convert-dialog';
import { LeadPipeline } from './lead-pipeline';
import { LeadStageControls, type MoveLeadAction } from './lead-stage-controls';
import type { FormAction } from '@/lib/auth/action-state';

/** The pickers and the action of 转为项目, given only when the lead can be converted by this user. */
export interface LeadConversion {
  units: Array<{ id: number; name: string }>;
  officers: Array<{ id: number; name: string; unitId: number | null }>;
  action: FormAction;
  /** 谋划储备/已签约 projects with no lead, and the action that links one. */
  projects: Array<{ id: number; name: string; stage: string }>;
  existingAction: FormAction;
}

/** 阶段: the pipeline, the project it became, and the stage moves and conversion this user may make. */
export function LeadStageCard({
  lead,
  today,
  canEdit,
  moveAction,
  conversion,
}: {
  lead: LeadDetail;
  today: string;
  canEdit: boolean;
  moveAction: MoveLeadAction;
  conversion: LeadConversion | null;
}) {
  return (
    <Card title="阶段">
      <div className="space-y-3">
        <LeadPipeline stage={lead.stage} history={lead.history} today={today} />
        {lead.stage === 'dropped' && lead.dropReason ? (
          <p className="text-sm text-slate-700">放弃原因：{lead.dropReason}</p>
        ) : null}
        {lead.projectId ? (
          <p className="text-sm" data-testid="linked-project">
            已转为项目：
            <Link href={`/projects/${lead.projectId}`} className="font-medium text-brand-700 underline">
              {lead.projectName ?? `项目 #${lead.projectId}`}（项目编号 {lead.projectId}）
            </Link>
          </p>
        ) : null}
        {canEdit ? (
          <LeadStageControls
            lead={{ id: lead.id, company: lead.company, stage: lead.stage, version: lead.version }}
            moveAction={moveAction}
          />
        ) : null}
        {conversion ? (
          <ConvertDialog
            lead={{
              id: lead.id,
              version: lead.version,
              locationUnitId: lead.locationUnitId,
              proposedName: proposedProjectName(lead),
              intendedInvestment: formatWan(lead.intendedInvestment),
            }}
            units={conversion.units}
            officers={conversion.officers}
            action={conversion.action}
            projects={conversion.projects}
            existingAction={conversion.existingAction}
          />
        ) : null}
        {!canEdit ? (
          <p className="text-sm text-slate-500">您可以查看此线索；只有负责人、同组招商专员和管理员可以修改。</p>
        ) : null}
      </div>
    </Card>
  );
}
