import { Card } from '@/components/ui/page';
import type { LeadDetail } from '@/db/queries/leads';
import { FOLLOWUP_KIND_LABELS } from '@/lib/rules/enums';
import type { FormAction } from '@/lib/auth/action-state';
import { FollowupForm } from './followup-form';

/** 跟进记录: the form for a new follow-up (when allowed) above the lead's follow-ups, newest first. */
export function LeadFollowupsCard({
  lead,
  today,
  canAdd,
  addAction,
}: {
  lead: LeadDetail;
  today: string;
  canAdd: boolean;
  addAction: FormAction;
}) {
  return (
    <Card title="跟进记录">
      <div className="space-y-4">
        {canAdd ? <FollowupForm leadId={lead.id} today={today} action={addAction} /> : null}
        {lead.followups.length ? (
          <ol className="space-y-3 text-sm" aria-label="跟进记录列表">
            {lead.followups.map((followup) => (
              <li key={followup.id} className="rounded-md border border-slate-200 p-2">
                <p className="text-xs text-slate-500">
                  <time dateTime={followup.date}>{followup.date}</time> · {FOLLOWUP_KIND_LABELS[followup.kind]} ·{' '}
                  {followup.byName ?? '—'}
                </p>
                <p className="whitespace-pre-wrap text-slate-800">{followup.note}</p>
                {followup.nextFollowUpDate ? (
                  <p className="text-xs text-slate-600">下次跟进：{followup.nextFollowUpDate}</p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-500">暂无跟进记录</p>
        )}
      </div>
    </Card>
  );
}
