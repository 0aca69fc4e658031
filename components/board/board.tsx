'use client';

import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useOptimistic,
  useRef,
  useState,
  useTransition,
  type CSSProperties,
  type RefObject,
} from 'react';
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
import { useAppHeaderHeightVar, useLaneChoices, useLatest } from './board-layout';
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

// Drag and drop arrives on the first interaction with the board (a pointer over it, a touch, a key
// or focus inside it), or when the page has been idle a while: neither @dnd-kit's download nor the
// one remount of the cards that swapping the slots causes is part of the board's first load.
const DND_IDLE_MS = 5000;
const DND_TRIGGERS = ['pointerover', 'pointerdown', 'touchstart', 'keydown', 'focusin'] as const;
let dndModule: Promise<typeof import('./board-dnd')> | null = null;
/** The slots once loaded, so a board opened again in the same visit starts with them. */
let loadedSlots: DndSlots | null = null;
const loadDnd = () => (dndModule ??= import('./board-dnd'));

/** The static slots until the drag-and-drop layer has loaded, then its slots. */
function useDndSlots(rootRef: RefObject<HTMLDivElement | null>): DndSlots {
  const [slots, setSlots] = useState<DndSlots>(() => loadedSlots ?? STATIC_SLOTS);
  const [restoreFocus, setRestoreFocus] = useState<string | null>(null);
  useEffect(() => {
    const root = rootRef.current;
    if (slots !== STATIC_SLOTS || !root) return;
    let cancelled = false;
    let idle: number | undefined;
    const stop = () => {
      for (const type of DND_TRIGGERS) root.removeEventListener(type, start, true);
      window.clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback?.(idle);
    };
    function start() {
      stop();
      void loadDnd().then((module) => {
        if (cancelled) return;
        loadedSlots = {
          DndShell: module.DndShell,
          DroppableCell: module.DroppableCell,
          DraggableItem: module.DraggableItem,
        };
        // Swapping the slots remounts the cards; remember which card control had focus so a
        // keyboard user who was already on the board keeps their place.
        const active = document.activeElement as HTMLElement | null;
        const cardId = active?.closest('[data-card-id]')?.getAttribute('data-card-id');
        const label = active?.getAttribute('aria-label') ?? active?.textContent ?? '';
        setRestoreFocus(cardId ? `${cardId}\u0000${label}` : null);
        setSlots(loadedSlots);
      });
    }
    for (const type of DND_TRIGGERS) root.addEventListener(type, start, { capture: true, passive: true });
    const timer = window.setTimeout(() => {
      if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(start);
      else start();
    }, DND_IDLE_MS);
    return () => {
      cancelled = true;
      stop();
    };
  }, [rootRef, slots]);
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

/** One page of a cell's cards from GET /api/v1/board/cards, under the board's filters and the lane's value. */
async function fetchCardPage(
  data: { kind: string; pageSize: number; filterQuery: string },
  lane: { laneQuery: string },
  stage: string,
  page: number,
): Promise<CardData[]> {
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
  return body.items as CardData[];
}

export function Board({ data, moveAction }: { data: BoardData; moveAction: BoardMoveAction }) {
  const mover = useMemo(() => createMover(data.kind, moveAction), [data.kind, moveAction]);
  const [source, setSource] = useState(data);
  const [base, setBase] = useState<BoardState>({ lanes: data.lanes, columns: data.columns });
  // Deferred swimlanes whose first cards were asked for (or have arrived).
  const [laneLoads, setLaneLoads] = useState<ReadonlyMap<string, 'done' | 'failed'>>(new Map());
  // A fresh server render (filters changed, or a refresh after a move) replaces local state.
  if (source !== data) {
    setSource(data);
    setBase({ lanes: data.lanes, columns: data.columns });
    setLaneLoads(new Map());
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
  const rootRef = useRef<HTMLDivElement>(null);
  const slots = useDndSlots(rootRef);
  const { DndShell, DroppableCell } = slots;
  const [chosenStage, setChosenStage] = useState<string | null>(null);
  useAppHeaderHeightVar();
  const headerScroller = useRef<HTMLDivElement>(null);
  const swimlanes = data.lanes.length > 1 || data.lanes[0]?.label !== null;
  const { choices: laneChoices, choose: chooseLane } = useLaneChoices(`board-collapsed-lanes:${data.kind}`, swimlanes);
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
      const items = await fetchCardPage(data, lane, stage, page);
      setBase((state) => appendCards(state, lane.key, stage, items));
      setPages((p) => ({ ...p, [key]: page }));
    } catch (e) {
      setError(e instanceof Error ? e.message : '加载失败，请重试');
    } finally {
      setLoading(null);
    }
  }

  // One callback for every card, so memo(BoardCard) holds when the board re-renders.
  const latestMove = useLatest(move);
  const onMove = useCallback(
    (card: CardData, laneKey: string, to: string) => void latestMove.current(card, laneKey, to),
    [latestMove],
  );
  const onDragStart = useCallback((from: DragSource | undefined) => setDragging(from ?? null), []);
  const latestDragEnd = useLatest(onDragEnd);
  const onDragEndStable = useCallback(
    (from: DragSource | undefined, over: DropTarget | undefined) => latestDragEnd.current(from, over),
    [latestDragEnd],
  );
  const onDragCancel = useCallback(() => setDragging(null), []);

  const laneKeyOf = (lane: BoardLane) => lane.laneQuery || lane.key;
  const laneOpen = (lane: BoardLane) => !swimlanes || (laneChoices.get(laneKeyOf(lane)) ?? !lane.deferred);

  /** The first page of every cell of a deferred swimlane, when it is first opened. */
  const loadLane = useCallback(
    async (lane: BoardLane) => {
      try {
        const pages = await Promise.all(
          lane.cells
            .filter((cell) => cell.sums.count > 0)
            .map(async (cell) => ({
              stage: cell.stage,
              items: await fetchCardPage(
                { kind: data.kind, pageSize: data.pageSize, filterQuery: data.filterQuery },
                lane,
                cell.stage,
                1,
              ),
            })),
        );
        setBase((state) => pages.reduce((acc, page) => appendCards(acc, lane.key, page.stage, page.items), state));
        setLaneLoads((loads) => new Map(loads).set(lane.key, 'done'));
      } catch (e) {
        // Each cell's 加载更多 is still there to try again.
        setLaneLoads((loads) => new Map(loads).set(lane.key, 'failed'));
        setError(e instanceof Error ? e.message : '加载失败，请重试');
      }
    },
    [data.kind, data.pageSize, data.filterQuery],
  );
  // Which deferred lanes were asked for, for the board as the server last sent it.
  const requested = useRef<{ data: BoardData; lanes: Set<string> }>({ data, lanes: new Set() });
  const openDeferred = base.lanes.filter((lane) => lane.deferred && laneOpen(lane) && !laneLoads.has(lane.key));
  useEffect(() => {
    if (requested.current.data !== data) requested.current = { data, lanes: new Set() };
    for (const lane of openDeferred) {
      if (requested.current.lanes.has(lane.key)) continue;
      requested.current.lanes.add(lane.key);
      void loadLane(lane);
    }
  });

  const ledgerBase = data.kind === 'leads' ? '/leads' : '/projects';
  // From `sm` up every stage is a column; below it one stage at a time (the tabs choose which).
  const gridClass = 'grid grid-cols-1 gap-3 sm:grid-cols-[repeat(var(--board-stages),minmax(13rem,1fr))]';
  const gridStyle = { '--board-stages': data.stages.length } as CSSProperties;
  const activeStage =
    chosenStage ?? board.columns.find((column) => column.sums.count > 0)?.stage ?? data.stages[0]?.key;
  const phoneHidden = (stage: string) => (stage === activeStage ? '' : 'max-sm:hidden');

  return (
    <div ref={rootRef} data-testid="board">
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
        onDragStart={onDragStart}
        onDragEnd={onDragEndStable}
        onDragCancel={onDragCancel}
        overlay={
          dragging ? (
            <ul>
              <BoardCard
                card={dragging.card}
                laneKey={dragging.laneKey}
                mover={mover}
                slots={slots}
                onMove={onMove}
                overlay
              />
            </ul>
          ) : null
        }
      >
        {/* The stage tabs' panel; from `sm` up the tabs are hidden and every stage shows at once. */}
        <div id={panelId} role="tabpanel" aria-labelledby={stageTabId(idPrefix, activeStage)} style={gridStyle}>
          {/* The column headers stay below the app header while the page scrolls; they scroll
              sideways with the columns (a sticky row cannot sit inside the sideways scroller). */}
          <div
            ref={headerScroller}
            className="sticky top-[var(--app-header-h,0px)] z-20 -mx-1 overflow-hidden bg-slate-50 px-1 pt-1"
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
              const open = laneOpen(lane);
              const laneLoading = lane.deferred && !laneLoads.has(lane.key);
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
                        onClick={() => chooseLane(laneKeyOf(lane), !open)}
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
                  <div
                    id={laneId}
                    className={gridClass}
                    hidden={!open}
                    aria-busy={open && laneLoading ? true : undefined}
                  >
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
                                  onMove={onMove}
                                />
                              ))}
                            </ul>
                            {cell.cards.length === 0 && cell.sums.count === 0 ? (
                              <p className="py-4 text-center text-xs text-slate-500">暂无</p>
                            ) : null}
                            {laneLoading && cell.sums.count > 0 ? (
                              <p className="py-4 text-center text-xs text-slate-500">加载中…</p>
                            ) : cell.cards.length < cell.sums.count ? (
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
