'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Card, Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type ActionState, type FormAction } from '@/lib/auth/action-state';
import { PARTNER_STATUS_LABELS, type PartnerStatus } from '@/lib/rules/enums';

interface Partner {
  id: number;
  team: string;
  status: PartnerStatus;
  note: string | null;
  requestedByName: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  version: number;
  createdAt: string;
}

const STATUS_TONE: Record<PartnerStatus, string> = {
  pending: 'bg-amber-50 text-amber-800',
  accepted: 'bg-emerald-50 text-emerald-800',
  declined: 'bg-slate-100 text-slate-600',
};

/** 协同招商 (首报首谈): the lead's partner teams, the request form for another team, accept/decline for the owner. */
export function LeadPartnersCard({
  leadId,
  partners,
  canRequest,
  canDecide,
  requestAction,
  decideAction,
}: {
  leadId: number;
  partners: Partner[];
  canRequest: boolean;
  canDecide: boolean;
  requestAction: FormAction;
  decideAction: FormAction;
}) {
  const [requested, request] = useActionState<ActionState, FormData>(requestAction, initialActionState);
  const [decided, decide] = useActionState<ActionState, FormData>(decideAction, initialActionState);
  if (!partners.length && !canRequest) return null;
  return (
    <Card title="协同招商">
      <div id="partners" className="space-y-3">
        <p className="text-sm text-slate-600">
          首报首谈：首报小组负责本线索；其他小组可申请协同，经负责人同意后可查看联系方式并添加跟进。
        </p>
        {decided.message && !decided.ok ? <Notice tone="error">{decided.message}</Notice> : null}
        {partners.length ? (
          <ul className="space-y-2 text-sm" aria-label="协同小组">
            {partners.map((partner) => (
              <li key={partner.id} className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 p-2">
                <span className="font-medium">{partner.team}</span>
                <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_TONE[partner.status]}`}>
                  {PARTNER_STATUS_LABELS[partner.status]}
                </span>
                <span className="text-xs text-slate-500">
                  申请人 {partner.requestedByName ?? '—'}
                  {partner.decidedByName ? ` · 处理人 ${partner.decidedByName}` : ''}
                </span>
                {partner.note ? <span className="w-full text-slate-700">{partner.note}</span> : null}
                {canDecide && partner.status !== 'declined' ? (
                  <form action={decide} className="ml-auto flex gap-2">
                    <input type="hidden" name="leadId" value={leadId} />
                    <input type="hidden" name="partnerId" value={partner.id} />
                    <input type="hidden" name="version" value={partner.version} />
                    {partner.status === 'pending' ? (
                      <Button type="submit" name="status" value="accepted" size="sm">
                        同意协同
                      </Button>
                    ) : null}
                    <Button type="submit" name="status" value="declined" size="sm" variant="secondary">
                      {partner.status === 'pending' ? '拒绝' : '取消协同'}
                    </Button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">暂无协同小组</p>
        )}
        {canRequest ? (
          requested.ok ? (
            <Notice tone="success">已申请协同，等待线索负责人处理</Notice>
          ) : (
            <form action={request} className="space-y-2" noValidate>
              <input type="hidden" name="leadId" value={leadId} />
              {requested.message ? <Notice tone="error">{requested.message}</Notice> : null}
              <TextField
                name="note"
                id="f-partner-note"
                label="协同说明（可选）"
                defaultValue={requested.values?.note ?? ''}
                error={requested.errors?.note}
              />
              <SubmitButton pendingText="提交中…">申请协同</SubmitButton>
            </form>
          )
        ) : null}
      </div>
    </Card>
  );
}
