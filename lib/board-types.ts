import type { Category, Currency, LeadStage, Light, Stage } from '@/lib/rules/enums';

// The data the board renders. Generic over the kind of card so the project board and the leads
// board are one implementation; only the card body and the move callback differ by kind.

export type BoardKind = 'projects' | 'leads';

export interface CellSums {
  count: number;
  /** Projects: 总投资; leads: 意向投资. */
  totalInvestment: number;
  plannedInvestmentThisYear?: number;
  completedInvestment?: number;
  red?: number;
  yellow?: number;
  /** Suspended or terminated (暂缓/终止): neither lit nor green. */
  grey?: number;
  /** Leads whose next follow-up date has passed. */
  overdue?: number;
}

export interface ProjectCardData {
  kind: 'projects';
  id: number;
  stage: Stage;
  version: number;
  name: string;
  unitName: string;
  category: Category;
  shuangshi: boolean;
  totalInvestment: number;
  plannedInvestmentThisYear: number;
  completedInvestment: number;
  daysInStage: number;
  leaderName: string | null;
  light: Light;
  lightReasons: string[];
  /** 未批先建: past 前期手续 with checklist items still open. */
  approvalsOverridden: boolean;
  openSupervisions: number;
  movable: boolean;
}

export interface LeadCardData {
  kind: 'leads';
  id: number;
  stage: LeadStage;
  version: number;
  company: string;
  origin: string | null;
  industryName: string | null;
  intendedInvestment: number;
  /** The pledge's currency and original amount (issue 16); intendedInvestment is its 万元. */
  currency: Currency;
  amountOriginal: number | null;
  ownerName: string;
  daysInStage: number;
  nextFollowUpDate: string | null;
  overdue: boolean;
  movable: boolean;
}

export type CardData = ProjectCardData | LeadCardData;

export interface BoardCell {
  stage: string;
  sums: CellSums;
  cards: CardData[];
}

export interface BoardLane {
  /** `all` when there are no swimlanes. */
  key: string;
  label: string | null;
  /** The lane's own filter for 加载更多, e.g. `lane=unit&laneValue=3`. */
  laneQuery: string;
  cells: BoardCell[];
  /** A swimlane sent with its sums only: it starts closed and loads its cards when opened. */
  deferred?: boolean;
}

export interface BoardData {
  kind: BoardKind;
  stages: Array<{ key: string; label: string }>;
  lanes: BoardLane[];
  /** Per-stage totals over all lanes. */
  columns: Array<{ stage: string; sums: CellSums }>;
  /** The filters as a query string, sent back with 加载更多. */
  filterQuery: string;
  pageSize: number;
}
