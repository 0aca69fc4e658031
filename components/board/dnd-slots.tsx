import type { ReactNode } from 'react';
import type { CardData } from '@/lib/board-types';

// The places where drag and drop plugs into the board, with their static stand-ins. The board
// renders these until ./board-dnd (which holds @dnd-kit) has loaded, then swaps in its versions.

export interface DragSource {
  card: CardData;
  laneKey: string;
}
export interface DropTarget {
  laneKey: string;
  stage: string;
}

export interface ShellProps {
  children: ReactNode;
  overlay: ReactNode;
  onDragStart: (source: DragSource | undefined) => void;
  onDragEnd: (source: DragSource | undefined, target: DropTarget | undefined) => void;
  onDragCancel: () => void;
}

export interface CellProps {
  laneKey: string;
  stage: string;
  label: string;
  /** During a drag: this cell would refuse the card (dimmed, aria-disabled, data-refuses). */
  refuses?: boolean;
  children: ReactNode;
}

export interface ItemProps {
  id: string;
  data: DragSource;
  draggable: boolean;
  className: string;
  children: ReactNode;
  'data-card-id': number;
  'data-movable': 'true' | 'false';
  'data-density'?: 'standard' | 'compact';
}

export interface DndSlots {
  DndShell: (props: ShellProps) => ReactNode;
  DroppableCell: (props: CellProps) => ReactNode;
  DraggableItem: (props: ItemProps) => ReactNode;
}

export const STATIC_SLOTS: DndSlots = {
  DndShell: ({ children }) => children,
  DroppableCell: ({ label, children }) => (
    <div aria-label={label} role="group" className="min-h-24 rounded-b-lg bg-slate-100 p-2">
      {children}
    </div>
  ),
  DraggableItem: ({ id: _id, data: _data, draggable: _draggable, className, children, ...rest }) => (
    <li {...rest} className={className}>
      {children}
    </li>
  ),
};
