import { describe, expect, it } from 'vitest';
import {
  checkConvertible,
  checkLeadTransition,
  daysPerStage,
  isLeadOverdue,
  leadAging,
  leadFollowupStale,
  leadLight,
  leadMoveOptions,
} from '@/lib/rules/leads';
import { canCreateLead, canEditLead, canManageCampaigns } from '@/lib/rules/permissions';

const USUAL = { prospect: 30, contacting: 45, negotiating: 90, signed: 90, landed: null, dropped: null };

const FOLLOWED = { lastFollowupDate: '2026-01-09', createdAt: '2025-09-01T00:00:00.000Z' };

describe('checkLeadTransition', () => {
  it('moves forward without a reason, skipping stages up to 签约', () => {
    expect(checkLeadTransition({ from: 'prospect', to: 'contacting' })).toEqual({ ok: true, kind: 'forward' });
    expect(checkLeadTransition({ from: 'prospect', to: 'negotiating' })).toEqual({ ok: true, kind: 'forward' });
    expect(checkLeadTransition({ from: 'negotiating', to: 'signed' })).toEqual({ ok: true, kind: 'forward' });
  });
  it('refuses 落地 except through conversion', () => {
    const check = checkLeadTransition({ from: 'signed', to: 'landed', reason: 'x' });
    expect(check).toMatchObject({ ok: false, code: 'invalid_transition' });
  });
  it('needs a reason to move backward', () => {
    expect(checkLeadTransition({ from: 'negotiating', to: 'contacting' })).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
    expect(checkLeadTransition({ from: 'negotiating', to: 'contacting', reason: '   ' })).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
    expect(checkLeadTransition({ from: 'signed', to: 'prospect', reason: '协议未生效' })).toEqual({
      ok: true,
      kind: 'backward',
    });
  });
  it('drops from any open stage with a reason only', () => {
    for (const from of ['prospect', 'contacting', 'negotiating', 'signed'] as const) {
      expect(checkLeadTransition({ from, to: 'dropped' })).toMatchObject({ ok: false, code: 'reason_required' });
      expect(checkLeadTransition({ from, to: 'dropped', reason: '企业放弃' })).toEqual({ ok: true, kind: 'drop' });
    }
  });
  it('reopens a dropped lead to a chosen open stage with a reason', () => {
    expect(checkLeadTransition({ from: 'dropped', to: 'negotiating' })).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
    expect(checkLeadTransition({ from: 'dropped', to: 'negotiating', reason: '企业重启投资' })).toEqual({
      ok: true,
      kind: 'reopen',
    });
    expect(checkLeadTransition({ from: 'dropped', to: 'landed', reason: 'x' })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });
  it('refuses staying put and moving a landed lead', () => {
    expect(checkLeadTransition({ from: 'contacting', to: 'contacting' })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    expect(checkLeadTransition({ from: 'landed', to: 'signed', reason: 'x' })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    expect(checkLeadTransition({ from: 'landed', to: 'dropped', reason: 'x' })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });
  it('offers the moves the rules allow', () => {
    expect(leadMoveOptions('landed')).toEqual([]);
    const fromContacting = leadMoveOptions('contacting');
    expect(fromContacting.map((o) => o.to)).toEqual(['negotiating', 'signed', 'prospect', 'dropped']);
    expect(fromContacting.filter((o) => o.needsReason).map((o) => o.to)).toEqual(['prospect', 'dropped']);
    for (const option of leadMoveOptions('dropped'))
      expect(checkLeadTransition({ from: 'dropped', to: option.to, reason: 'r' }).ok).toBe(true);
  });
});

describe('overdue and aging', () => {
  it('is overdue only when open and the next follow-up date has passed', () => {
    expect(isLeadOverdue({ stage: 'contacting', nextFollowUpDate: '2026-03-09' }, '2026-03-10')).toBe(true);
    expect(isLeadOverdue({ stage: 'contacting', nextFollowUpDate: '2026-03-10' }, '2026-03-10')).toBe(false);
    expect(isLeadOverdue({ stage: 'signed', nextFollowUpDate: '2026-01-01' }, '2026-03-10')).toBe(true);
    expect(isLeadOverdue({ stage: 'dropped', nextFollowUpDate: '2026-01-01' }, '2026-03-10')).toBe(false);
    expect(isLeadOverdue({ stage: 'landed', nextFollowUpDate: '2026-01-01' }, '2026-03-10')).toBe(false);
    expect(isLeadOverdue({ stage: 'prospect', nextFollowUpDate: null }, '2026-03-10')).toBe(false);
  });
  it('ages a lead held longer than the usual days of its stage', () => {
    expect(
      leadAging({ stage: 'prospect', stageEnteredAt: '2026-01-01T02:00:00.000Z' }, '2026-01-31', USUAL),
    ).toMatchObject({ daysInStage: 30, aging: false });
    expect(
      leadAging({ stage: 'prospect', stageEnteredAt: '2026-01-01T02:00:00.000Z' }, '2026-02-01', USUAL),
    ).toMatchObject({ daysInStage: 31, aging: true, agingFrom: '2026-02-01' });
    expect(leadAging({ stage: 'dropped', stageEnteredAt: '2020-01-01' }, '2026-02-01', USUAL).aging).toBe(false);
    expect(
      leadAging({ stage: 'negotiating', stageEnteredAt: '2026-01-01' }, '2026-02-01', { ...USUAL, negotiating: 10 })
        .aging,
    ).toBe(true);
  });
  it('lights red when overdue, yellow when aging, green otherwise', () => {
    expect(
      leadLight(
        { stage: 'prospect', stageEnteredAt: '2026-01-01', nextFollowUpDate: '2026-01-05', ...FOLLOWED },
        '2026-01-10',
        USUAL,
      ),
    ).toMatchObject({ light: 'red' });
    const yellow = leadLight(
      { stage: 'prospect', stageEnteredAt: '2025-10-01', nextFollowUpDate: '2026-02-01', ...FOLLOWED },
      '2026-01-10',
      USUAL,
    );
    expect(yellow.light).toBe('yellow');
    expect(yellow.reasons[0]).toContain('超过通常的 30 天');
    expect(
      leadLight(
        { stage: 'prospect', stageEnteredAt: '2026-01-01', nextFollowUpDate: null, ...FOLLOWED },
        '2026-01-10',
        USUAL,
      ),
    ).toEqual({ light: 'green', reasons: [] });
  });
  it('lights yellow after the yellow number of days without a follow-up, red after the red number', () => {
    const STALE = { yellow: 30, red: 60 };
    const lead = (lastFollowupDate: string | null, stage: 'prospect' | 'dropped' = 'prospect') => ({
      stage,
      stageEnteredAt: '2026-01-01',
      nextFollowUpDate: null,
      lastFollowupDate,
      createdAt: '2025-12-01T03:00:00.000Z',
    });
    // Usual days off, so only 跟进停滞 can light.
    const off = { prospect: null };
    expect(leadLight(lead('2026-01-01'), '2026-01-30', off, STALE).light).toBe('green');
    const yellow = leadLight(lead('2026-01-01'), '2026-01-31', off, STALE);
    expect(yellow).toEqual({ light: 'yellow', reasons: ['已 30 天没有跟进（最近跟进 2026-01-01）'] });
    expect(leadLight(lead('2026-01-01'), '2026-03-01', off, STALE).light).toBe('yellow');
    expect(leadLight(lead('2026-01-01'), '2026-03-02', off, STALE).light).toBe('red');
    // No follow-up recorded: counted from the day the lead was logged.
    expect(leadFollowupStale(lead(null), '2026-01-30', STALE)).toEqual({
      last: '2025-12-01',
      days: 60,
      severity: 'red',
    });
    // The settings move the thresholds; a closed lead never goes stale.
    expect(leadLight(lead('2026-01-01'), '2026-01-11', off, { yellow: 10, red: 20 }).light).toBe('yellow');
    expect(leadLight(lead('2020-01-01', 'dropped'), '2026-01-11', off, STALE).light).toBe('green');
  });
  it('counts days per stage from the history', () => {
    const days = daysPerStage(
      [
        { toStage: 'prospect', at: '2026-01-01T01:00:00Z' },
        { toStage: 'contacting', at: '2026-01-11T01:00:00Z' },
      ],
      '2026-01-20',
    );
    expect(days.map((d) => d.days)).toEqual([10, 9]);
    expect(days[1].leftAt).toBeNull();
  });
});

describe('conversion rules', () => {
  it('converts only a signed lead with no project', () => {
    expect(checkConvertible({ stage: 'signed', projectId: null })).toEqual({ ok: true });
    expect(checkConvertible({ stage: 'negotiating', projectId: null }).ok).toBe(false);
    expect(checkConvertible({ stage: 'landed', projectId: 7 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('重复'),
    });
    expect(checkConvertible({ stage: 'signed', projectId: 7 }).ok).toBe(false);
  });
});

describe('lead permissions', () => {
  const own = { ownerId: 5, team: '招商一组' };
  it('lets investment staff edit their own and their team’s leads, admin all, others none', () => {
    expect(canEditLead({ id: 5, role: 'investment', unitId: null, team: '招商二组' }, own)).toBe(true);
    expect(canEditLead({ id: 6, role: 'investment', unitId: null, team: '招商一组' }, own)).toBe(true);
    expect(canEditLead({ id: 7, role: 'investment', unitId: null, team: '招商二组' }, own)).toBe(false);
    expect(canEditLead({ id: 1, role: 'admin', unitId: null }, own)).toBe(true);
    expect(canEditLead({ id: 2, role: 'leader', unitId: null }, own)).toBe(false);
    expect(canEditLead({ id: 5, role: 'officer', unitId: 1 }, own)).toBe(false);
    expect(canCreateLead({ id: 3, role: 'officer', unitId: 1 })).toBe(false);
    expect(canCreateLead({ id: 3, role: 'investment', unitId: 1 })).toBe(true);
    expect(canManageCampaigns({ id: 2, role: 'leader', unitId: null })).toBe(false);
  });
});
