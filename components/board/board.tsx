'use client';

import { useEffect, useId, useMemo, useOptimistic, useRef, useState, useTransition, type CSSProperties } from 'react';
import dynamic from 'next/dynamic';
import type { MovedProject, MoveProjectAction } from '@/components/projects/stage-move-dialog';
import type { ActionState } from '@/lib/auth/action-state';
import type { Stage } from '@/lib/rules/enums';
import { BoardCard, cardTitle } from './board-card';
import { applyMove, appendCards, findCard, type BoardState, type CardMove } from './board-state';
import { ColumnHeader, SumsLine } from './column-header';
import { STATIC_SLOTS, type DndSlots, type DragSource, type DropTarget } from './dnd-slots';
import { createMover, refusesDrop, type BoardMoveAction } from './movers';
import { MoveToast, useMoveToast } from './move-toast';
import { useCollapsedLanes, useIsPhone, useStickyTop } from './board-layout';
import { StageTabs, stageTabId } from './stage-tabs';
import type { BoardData, BoardLane, CardData } from '@/lib/board-types';

// Loaded when a move first needs it, keeping the board's first load small.
const StageMoveDialog = dynamic(
  () => import('@/components/projects/stage-move-dialog').then((m) => m.StageMoveDialog),
  { ssr: false },
);

interface DialogState {
  card: CardData;
  laneKey: string;
  to: string;
  refusal: ActionState<MovedProject> | null;
}

// Drag and drop arrives just after first paint: the request starts as soon as this module runs
// in the browser, in parallel with hydration, so @dnd-kit is not part of the board's first download.
const dndModule = typeof window === 'undefined' ? null : import('./board-dnd');

/** The static slots until the drag-and-drop layer has loaded, then its slots. */
function useDndSlots(): DndSlots {
  const [slots, setSlots] = useState<DndSlots>(STATIC_SLOTS);
  const [restoreFocus, setRestoreFocus] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void dndModule?.then((module) => {
      if (cancelled) return;
      // Swapping the slots remounts the cards; remember which card control had focus so a
      // keyboard user who was already on the board keeps their place.
      const active = document.activeElement as HTMLElement | null;
      const cardId = active?.closest('[data-card-id]')?.getAttribute('data-card-id');
      const label = active?.getAttribute('aria-label') ?? active?.textContent ?? '';
      setRestoreFocus(cardId ? `${cardId}\u0000${label}` : null);
      setSlots({ DndShell: module.DndShell, DroppableCell: module.DroppableCell, DraggableItem: module.DraggableItem });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  useEffect(() => {
    if (!restoreFocus) return;
    const [cardId, label] = restoreFocus.split('\u0000');
    const controls = document.querySelectorAll<HTMLElement>(
      `[data-card-id="${cardId}"] a, [data-card-id="${cardId}"] button`,
    );
    [...controls].find((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '') === label)?.focus();
  }, [restoreFocus]);
  return slots;
}

export function Board({ data, moveAction }: { data: BoardData; moveAction: BoardMoveAction }) {
  const mover = useMemo(() => createMover(data.kind, moveAction), [data.kind, moveAction]);
  const [source, setSource] = useState(data);
  const [base, setBase] = useState<BoardState>({ lanes: data.lanes, columns: data.columns });
  // A fresh server render (filters changed, or a refresh after a move) replaces local state.
  if (source !== data) {
    setSource(data);
    setBase({ lanes: data.lanes, columns: data.columns });
  }
  const baseRef = useRef(base);
  useEffect(() => {
    baseRef.current = base;
  }, [base]);
  const [board, addOptimistic] = useOptimistic(base, (state: BoardState, move: CardMove) => applyMove(state, move));
  const [, startTransition] = useTransition();
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [dragging, setDragging] = useState<{ card: CardData; laneKey: string } | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [pages, setPages] = useState<Record<string, number>>({});
  const moveToast = useMoveToast();
  // The card whose 撤销 is under way: its move back confirms without offering another undo.
  const undoing = useRef<number | null>(null);
  const slots = useDndSlots();
  const { DndShell, DroppableCell } = slots;
  const [chosenStage, setChosenStage] = useState<string | null>(null);
  const isPhone = useIsPhone();
  const stickyTop = useStickyTop();
  const headerScroller = useRef<HTMLDivElement>(null);
  const { collapsed, toggle: toggleLane } = useCollapsedLanes(`board-collapsed-lanes:${data.kind}`);
  const idPrefix = useId().replace(/:/g, '');
  const panelId = `${idPrefix}-panel`;
  const stageLabel = (stage: string) => data.stages.find((s) => s.key === stage)?.label ?? stage;

  function moved(card: CardData, laneKey: string, to: string, patch: Partial<CardData>) {
    setBase((state) => applyMove(state, { laneKey, cardId: card.id, to, patch }));
    setError(null);
    setAnnouncement(`已将 ${cardTitle(card)} 移动到 ${stageLabel(to)}`);
    if (undoing.current === card.id) {
      undoing.current = null;
      moveToast.show(`已撤销：${cardTitle(card)} 已移回 ${stageLabel(to)}`);
      return;
    }
    const from = card.stage;
    // 撤销 only where the board itself may move the card back (a lead goes back on its own page).
    const canUndo = mover.targets({ ...card, stage: to } as CardData).some((target) => target.stage === from);
    if (!canUndo) return moveToast.show(`已移至 ${stageLabel(to)}`);
    moveToast.show(`已移至 ${stageLabel(to)}`, () => {
      // Back through the same rules as any move, from the card as it is now (its new version).
      // A refreshed board may no longer list it (beyond the column's first page): use the moved card then.
      const current = findCard(baseRef.current, laneKey, card.id) ?? ({ ...card, ...patch, stage: to } as CardData);
      undoing.current = card.id;
      void move(current, laneKey, from);
    });
  }

  async function move(card: CardData, laneKey: string, to: string) {
    if (to === card.stage || !card.movable) return;
    if (await mover.needsDialog(card, to)) {
      setDialog({ card, laneKey, to, refusal: null });
      return;
    }
    setError(null);
    startTransition(async () => {
      addOptimistic({ laneKey, cardId: card.id, to });
      const result = await mover.send(card, to);
      if (result.ok && result.data) return moved(card, laneKey, to, result.data);
      if (result.code === 'approvals_incomplete' || result.code === 'reason_required') {
        setDialog({ card, laneKey, to, refusal: result as ActionState<MovedProject> });
        return;
      }
      if (undoing.current === card.id) undoing.current = null;
      const message = result.message ?? '移动失败';
      setError(`“${cardTitle(card)}”未能移动：${message}`);
      setAnnouncement(`移动失败，${cardTitle(card)} 仍在 ${stageLabel(card.stage)}：${message}`);
    });
  }

  function onDragEnd(from: DragSource | undefined, over: DropTarget | undefined) {
    setDragging(null);
    if (!from || !over || over.laneKey !== from.laneKey) return;
    void move(from.card, from.laneKey, over.stage);
  }

  async function loadMore(lane: BoardLane, stage: string) {
    const key = `${lane.key}|${stage}`;
    const page = (pages[key] ?? 1) + 1;
    setLoading(key);
    try {
      const query = [
        `kind=${data.kind}`,
        `stage=${stage}`,
        `page=${page}`,
        `pageSize=${data.pageSize}`,
        data.filterQuery,
        lane.laneQuery,
      ]
        .filter(Boolean)
        .join('&');
      const response = await fetch(`/api/v1/board/cards?${query}`);
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? '加载失败');
      setBase((state) => appendCards(state, lane.key, stage, body.items as CardData[]));
      setPages((p) => ({ ...p, [key]: page }));
    } catch (e) {
      setError(e instanceof Error ? e.message : '加载失败，请重试');
    } finally {
      setLoading(null);
    }
  }

  const ledgerBase = data.kind === 'leads' ? '/leads' : '/projects';
  const swimlanes = board.lanes.length > 1 || board.lanes[0]?.label !== null;
  // From `sm` up every stage is a column; below it one stage at a time (the tabs choose which).
  const gridClass = 'grid grid-cols-1 gap-3 sm:grid-cols-[repeat(var(--board-stages),minmax(13rem,1fr))]';
  const gridStyle = { '--board-stages': data.stages.length } as CSSProperties;
  const activeStage =
    chosenStage ?? board.columns.find((column) => column.sums.count > 0)?.stage ?? data.stages[0]?.key;
  const phoneHidden = (stage: string) => (stage === activeStage ? '' : 'max-sm:hidden');
  const laneKeyOf = (lane: BoardLane) => lane.laneQuery || lane.key;

  return (
    <div>
      <p aria-live="polite" role="status" className="sr-only" data-testid="board-announcer">
        {announcement}
      </p>
      {error ? (
        <div
          role="alert"
          className="mb-3 flex items-start justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          <span>{error}</span>
          <button type="button" onClick={() => setError(null)} className="shrink-0 text-xs underline">
            关闭
          </button>
        </div>
      ) : null}
      <StageTabs
        tabs={board.columns.map((column) => ({
          key: column.stage,
          label: stageLabel(column.stage),
          count: column.sums.count,
        }))}
        active={activeStage}
        onSelect={setChosenStage}
        panelId={panelId}
        idPrefix={idPrefix}
      />
      <DndShell
        onDragStart={(source) => setDragging(source ?? null)}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        overlay={
          dragging ? (
            <ul>
              <BoardCard
                card={dragging.card}
                laneKey={dragging.laneKey}
                mover={mover}
                slots={slots}
                onMove={(card, laneKey, to) => void move(card, laneKey, to)}
                overlay
              />
            </ul>
          ) : null
        }
      >
        <div
          id={panelId}
          role={isPhone ? 'tabpanel' : undefined}
          aria-labelledby={isPhone ? stageTabId(idPrefix, activeStage) : undefined}
          style={gridStyle}
        >
          {/* The column headers stay below the app header while the page scrolls; they scroll
              sideways with the columns (a sticky row cannot sit inside the sideways scroller). */}
          <div
            ref={headerScroller}
            className="sticky z-20 -mx-1 overflow-hidden bg-slate-50 px-1 pt-1"
            style={{ top: stickyTop ?? 0 }}
            data-testid="column-headers"
          >
            <div className={gridClass}>
              {board.columns.map((column) => (
                <ColumnHeader
                  key={column.stage}
                  kind={data.kind}
                  label={stageLabel(column.stage)}
                  sums={column.sums}
                  ledgerHref={`${ledgerBase}?${[data.filterQuery, `stage=${column.stage}`].filter(Boolean).join('&')}`}
                  className={phoneHidden(column.stage)}
                />
              ))}
            </div>
          </div>
          {/* data-board-ready: the drag-and-drop layer has replaced the first-paint cards (tests wait for it). */}
          <div
            className="overflow-x-auto pb-4"
            data-board-ready={slots === STATIC_SLOTS ? undefined : 'true'}
            onScroll={(event) => {
              if (headerScroller.current) headerScroller.current.scrollLeft = event.currentTarget.scrollLeft;
            }}
          >
            {board.lanes.map((lane) => {
              const laneId = `${idPrefix}-lane-${lane.key}`;
              const open = !swimlanes || !collapsed.has(laneKeyOf(lane));
              const laneCount = lane.cells.reduce((sum, cell) => sum + cell.sums.count, 0);
              return (
                <section
                  key={lane.key}
                  aria-label={lane.label ?? '全部'}
                  className={swimlanes ? 'mt-4' : ''}
                  data-testid="swimlane"
                >
                  {swimlanes ? (
                    <h3 className="mb-1 text-sm font-semibold text-slate-800">
                      <button
                        type="button"
                        aria-expanded={open}
                        aria-controls={laneId}
                        onClick={() => toggleLane(laneKeyOf(lane))}
                        className="inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-200/60"
                      >
                        <span aria-hidden="true" className="inline-block w-3 text-slate-500">
                          {open ? '▾' : '▸'}
                        </span>
                        {lane.label}
                        <span className="font-normal text-slate-600">（{laneCount} 项）</span>
                      </button>
                    </h3>
                  ) : null}
                  <div id={laneId} className={gridClass} hidden={!open}>
                    {lane.cells.map((cell) => {
                      const key = `${lane.key}|${cell.stage}`;
                      const label = `${lane.label ? `${lane.label} · ` : ''}${stageLabel(cell.stage)}`;
                      return (
                        // The wrapper hides the other stages on a phone and lets the cell fill its row.
                        <div key={cell.stage} className={`grid ${phoneHidden(cell.stage)}`}>
                          <DroppableCell
                            laneKey={lane.key}
                            stage={cell.stage}
                            label={label}
                            refuses={refusesDrop(mover, dragging, lane.key, cell.stage)}
                          >
                            {swimlanes ? (
                              <div className="mb-2 rounded bg-white/70 px-2 py-1" data-testid="lane-cell-sums">
                                <p className="text-xs font-medium text-slate-700">
                                  {/* The column header names the stage on wide screens; on a phone the cell does. */}
                                  <span className="sm:sr-only">{stageLabel(cell.stage)} · </span>
                                  {cell.sums.count} 项
                                </p>
                                <SumsLine kind={data.kind} sums={cell.sums} compact />
                              </div>
                            ) : null}
                            <ul className="space-y-2">
                              {cell.cards.map((card) => (
                                <BoardCard
                                  key={card.id}
                                  card={card}
                                  laneKey={lane.key}
                                  mover={mover}
                                  slots={slots}
                                  onMove={(card, laneKey, to) => void move(card, laneKey, to)}
                                />
                              ))}
                            </ul>
                            {cell.cards.length === 0 && cell.sums.count === 0 ? (
                              <p className="py-4 text-center text-xs text-slate-500">暂无</p>
                            ) : null}
                            {cell.cards.length < cell.sums.count ? (
                              <button
                                type="button"
                                onClick={() => loadMore(lane, cell.stage)}
                                disabled={loading === key}
                                aria-label={`加载更多：${label}（已显示 ${cell.cards.length} / ${cell.sums.count}）`}
                                className="mt-2 w-full rounded-md border border-slate-300 bg-white py-1.5 text-xs text-slate-700 hover:bg-slate-50 disabled:text-slate-400"
                              >
                                {loading === key ? '加载中…' : `加载更多（${cell.cards.length}/${cell.sums.count}）`}
                              </button>
                            ) : null}
                          </DroppableCell>
                        </div>
                      );
                    })}
                  </div>
                </section>
              );
            })}
          </div>
        </div>
      </DndShell>
      {dialog && dialog.card.kind === 'projects' ? (
        <StageMoveDialog
          project={{
            id: dialog.card.id,
            name: dialog.card.name,
            stage: dialog.card.stage,
            version: dialog.card.version,
          }}
          moveAction={moveAction as MoveProjectAction}
          to={dialog.to as Stage}
          initialRefusal={dialog.refusal}
          onClose={() => {
            undoing.current = null;
            setDialog(null);
          }}
          onMoved={(result) => {
            const { card, laneKey, to } = dialog;
            setDialog(null);
            moved(card, laneKey, to, result as Partial<CardData>);
          }}
        />
      ) : null}
      <MoveToast toast={moveToast.toast} onDismiss={moveToast.dismiss} />
    </div>
  );
}
