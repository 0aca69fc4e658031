'use client';

import Link from 'next/link';
import { memo, useId } from 'react';
import { ApprovalsOverriddenTag, LightBadge, ShuangshiTag, Tag } from '@/components/ui/badges';
import { CATEGORY_LABELS } from '@/lib/rules/enums';
import { formatWan } from '@/lib/rules/money';
import { formatPledge } from '@/lib/rules/currency';
import { LightReason } from '@/components/projects/light-reason';
import { MoveMenu } from './move-menu';
import { useBoardDensity } from './density';
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

export const cardTitle = (card: CardData) => (card.kind === 'projects' ? card.name : card.company);

function ProjectBody({ card, reasonsId }: { card: ProjectCardData; reasonsId: string }) {
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <Link
          prefetch={false}
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
      {/* Each figure wraps whole onto its own line when the card is narrow: the leader's name is never cut off. */}
      <dl className="mt-2 flex flex-wrap justify-between gap-x-3 gap-y-0.5 text-xs text-slate-600">
        <dt className="sr-only">总投资</dt>
        <dd className="whitespace-nowrap">总投资 {formatWan(card.totalInvestment)}</dd>
        <dt className="sr-only">本阶段天数</dt>
        <dd className="whitespace-nowrap">本阶段 {card.daysInStage} 天</dd>
        <dt className="sr-only">包保领导</dt>
        <dd className="min-w-0 break-words" data-testid="card-leader">
          包保领导：{card.leaderName ?? '未指定'}
        </dd>
      </dl>
      <div id={reasonsId}>
        <LightReason light={card.light} reasons={card.lightReasons} className="mt-2 rounded bg-slate-50 px-2 py-1" />
      </div>
    </>
  );
}

/** 紧凑: name and light on the first line, money and days on the second (a red card keeps its reason). */
function CompactProjectBody({ card, reasonsId }: { card: ProjectCardData; reasonsId: string }) {
  return (
    <>
      <div className="flex items-center justify-between gap-2">
        <Link
          prefetch={false}
          href={`/projects/${card.id}`}
          aria-describedby={card.lightReasons.length ? reasonsId : undefined}
          className="min-w-0 truncate leading-snug font-medium text-slate-900 hover:text-brand-700 hover:underline"
          title={card.name}
        >
          {card.name}
        </Link>
        <LightBadge light={card.light} />
      </div>
      <p className="mt-0.5 flex justify-between gap-2 text-xs text-slate-600">
        <span className="whitespace-nowrap">{formatWan(card.totalInvestment)}</span>
        <span className="whitespace-nowrap">本阶段 {card.daysInStage} 天</span>
      </p>
      <div id={reasonsId}>
        <LightReason light={card.light} reasons={card.lightReasons} className="mt-1 line-clamp-2" />
      </div>
    </>
  );
}

function LeadBody({ card }: { card: LeadCardData }) {
  if (useBoardDensity() === 'compact')
    return (
      <>
        <div className="flex items-center justify-between gap-2">
          <Link
            prefetch={false}
            href={`/leads/${card.id}`}
            title={card.company}
            className="min-w-0 truncate leading-snug font-medium text-slate-900 hover:text-brand-700 hover:underline"
          >
            {card.company}
          </Link>
          {card.overdue ? <Tag tone="red">跟进逾期</Tag> : null}
        </div>
        <p className="mt-0.5 flex justify-between gap-2 text-xs text-slate-600">
          <span className="whitespace-nowrap">意向 {formatPledge(card)}</span>
          <span className="whitespace-nowrap">本阶段 {card.daysInStage} 天</span>
        </p>
      </>
    );
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <Link
          prefetch={false}
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
  const compact = useBoardDensity() === 'compact';
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
      data-density={compact ? 'compact' : 'standard'}
      className={`group relative rounded-md border border-l-4 border-slate-200 bg-white text-sm shadow-sm ${compact ? 'px-2 py-1.5' : 'p-3'} ${tone} ${overlay ? 'rotate-1 shadow-xl' : ''}`}
    >
      {card.kind !== 'projects' ? (
        <LeadBody card={card} />
      ) : compact ? (
        <CompactProjectBody card={card} reasonsId={reasonsId} />
      ) : (
        <ProjectBody card={card} reasonsId={reasonsId} />
      )}
      {card.movable && !overlay ? (
        <div
          className={`flex justify-end border-t border-slate-100 ${compact ? 'mt-1 pt-0.5' : 'mt-2 pt-1'}`}
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
