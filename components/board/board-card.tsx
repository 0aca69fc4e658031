'use client';

import Link from 'next/link';
import { memo, useId } from 'react';
import { ApprovalsOverriddenTag, LightBadge, ShuangshiTag, Tag } from '@/components/ui/badges';
import { CATEGORY_LABELS } from '@/lib/rules/enums';
import { formatWan } from '@/lib/rules/money';
import { formatPledge } from '@/lib/rules/currency';
import { MoveMenu } from './move-menu';
import { STATIC_SLOTS, type DndSlots } from './dnd-slots';
import type { Mover } from './movers';
import type { CardData, LeadCardData, ProjectCardData } from '@/lib/board-types';

interface Props {
  card: CardData;
  laneKey: string;
  mover: Mover;
  onMove: (card: CardData, laneKey: string, to: string) => void;
  slots: DndSlots;
  overlay?: boolean;
}

const STATIC_ITEM = STATIC_SLOTS.DraggableItem;

/** Reasons shown on the card itself; the project page lists them all. */
const VISIBLE_REASONS = 2;

export const cardTitle = (card: CardData) => (card.kind === 'projects' ? card.name : card.company);

function ProjectBody({ card, reasonsId }: { card: ProjectCardData; reasonsId: string }) {
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <Link
          href={`/projects/${card.id}`}
          aria-describedby={card.lightReasons.length ? reasonsId : undefined}
          className="leading-snug font-medium text-slate-900 hover:text-brand-700 hover:underline"
        >
          {card.name}
        </Link>
        <LightBadge light={card.light} />
      </div>
      <p className="mt-1 text-xs text-slate-600">{card.unitName}</p>
      <div className="mt-1 flex flex-wrap gap-1">
        <Tag>{CATEGORY_LABELS[card.category]}</Tag>
        {card.shuangshi ? <ShuangshiTag /> : null}
        {card.approvalsOverridden ? (
          <ApprovalsOverriddenTag detail={card.lightReasons.find((reason) => reason.startsWith('未批先建'))} />
        ) : null}
        {card.openSupervisions > 0 ? (
          <Tag tone="red">
            <span title={`${card.openSupervisions} 件督办未办结`}>督办 {card.openSupervisions}</span>
          </Tag>
        ) : null}
      </div>
      <dl className="mt-2 space-y-0.5 text-xs text-slate-600">
        <dt className="sr-only">总投资</dt>
        <dd>总投资 {formatWan(card.totalInvestment)}</dd>
        <dt className="sr-only">本阶段天数与包保领导</dt>
        <dd className="flex justify-between gap-2">
          <span className="min-w-0 truncate">包保领导：{card.leaderName ?? '未指定'}</span>
          <span className="shrink-0 whitespace-nowrap">本阶段 {card.daysInStage} 天</span>
        </dd>
      </dl>
      {card.lightReasons.length ? (
        // Read on a phone at a meeting: the first reasons are plain text, no hover needed.
        <div
          id={reasonsId}
          className={`mt-2 rounded px-2 py-1 text-xs ${card.light === 'red' ? 'bg-red-50 text-red-800' : 'bg-amber-50 text-amber-900'}`}
        >
          <p className="sr-only">{card.light === 'red' ? '亮红灯原因' : '亮黄灯原因'}：</p>
          <ul className="space-y-0.5">
            {card.lightReasons.slice(0, VISIBLE_REASONS).map((reason) => (
              <li key={reason} data-testid="card-reason">
                {reason}
              </li>
            ))}
          </ul>
          {card.lightReasons.length > VISIBLE_REASONS ? (
            <p className="mt-0.5 text-slate-600">另有 {card.lightReasons.length - VISIBLE_REASONS} 条原因</p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function LeadBody({ card }: { card: LeadCardData }) {
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <Link
          href={`/leads/${card.id}`}
          className="leading-snug font-medium text-slate-900 hover:text-brand-700 hover:underline"
        >
          {card.company}
        </Link>
        {card.overdue ? <Tag tone="red">跟进逾期</Tag> : null}
      </div>
      <p className="mt-1 text-xs text-slate-600">
        {card.origin ?? '来源地未填'} · {card.industryName ?? '产业未填'}
      </p>
      {/* Each figure stays whole on its line ("意向 50,000 万元", a date): a narrow card wraps between figures. */}
      <dl className="mt-2 flex flex-wrap justify-between gap-x-3 gap-y-0.5 text-xs text-slate-600">
        <dt className="sr-only">意向投资</dt>
        <dd className="whitespace-nowrap" data-testid="card-investment">
          意向 {formatPledge(card)}
        </dd>
        <dt className="sr-only">本阶段天数</dt>
        <dd className="whitespace-nowrap">本阶段 {card.daysInStage} 天</dd>
        <dt className="sr-only">招商专员</dt>
        <dd className="min-w-0 truncate">专员：{card.ownerName}</dd>
        <dt className="sr-only">下次跟进</dt>
        <dd
          className={`whitespace-nowrap tabular-nums ${card.overdue ? 'font-medium text-red-700' : ''}`}
          data-testid="card-followup"
        >
          {card.nextFollowUpDate ? `跟进 ${card.nextFollowUpDate}` : '无跟进计划'}
        </dd>
      </dl>
    </>
  );
}

function BoardCardInner({ card, laneKey, mover, onMove, slots, overlay = false }: Props) {
  const reasonsId = useId();
  const draggable = card.movable && !overlay;
  const Item = overlay ? STATIC_ITEM : slots.DraggableItem;
  const tone =
    card.kind !== 'projects'
      ? 'border-l-slate-200'
      : card.light === 'red'
        ? 'border-l-red-600'
        : card.light === 'yellow'
          ? 'border-l-amber-500'
          : card.light === 'grey'
            ? 'border-l-slate-400 bg-slate-50'
            : 'border-l-slate-200';
  return (
    <Item
      id={`${laneKey}:${card.id}`}
      data={{ card, laneKey }}
      draggable={draggable}
      data-card-id={card.id}
      data-movable={card.movable ? 'true' : 'false'}
      className={`group relative rounded-md border border-l-4 border-slate-200 bg-white p-3 text-sm shadow-sm ${tone} ${overlay ? 'rotate-1 shadow-xl' : ''}`}
    >
      {card.kind === 'projects' ? <ProjectBody card={card} reasonsId={reasonsId} /> : <LeadBody card={card} />}
      {card.movable && !overlay ? (
        <div
          className="mt-2 flex justify-end border-t border-slate-100 pt-1"
          onPointerDown={(e) => e.stopPropagation()}
        >
          <MoveMenu
            cardName={cardTitle(card)}
            targets={mover.targets(card)}
            onSelect={(to) => onMove(card, laneKey, to)}
          />
        </div>
      ) : null}
    </Item>
  );
}

/** Memoised: a move re-renders the two cells it touches, not every card on the board. */
export const BoardCard = memo(BoardCardInner);
