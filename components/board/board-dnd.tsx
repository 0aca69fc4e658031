'use client';

import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import type { CellProps, ItemProps, ShellProps } from './dnd-slots';

// The drag-and-drop layer, loaded after the board is interactive so @dnd-kit is not part of the
// board's first download. Until it arrives the board renders the static slots in ./dnd-slots,
// and cards already move from the keyboard through 移动到….

const DND_ACCESSIBILITY = {
  screenReaderInstructions: { draggable: '按住卡片拖到另一列即可移动；也可以使用卡片上的“移动到…”按钮。' },
  announcements: {
    onDragStart: () => '已拿起卡片',
    onDragOver: () => undefined,
    onDragEnd: () => undefined,
    onDragCancel: () => '已取消移动',
  },
};

export function DndShell({ children, overlay, onDragStart, onDragEnd, onDragCancel }: ShellProps) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  return (
    <DndContext
      sensors={sensors}
      onDragStart={(event: DragStartEvent) => onDragStart(event.active.data.current as never)}
      onDragEnd={(event: DragEndEvent) =>
        onDragEnd(event.active.data.current as never, event.over?.data.current as never)
      }
      onDragCancel={onDragCancel}
      accessibility={DND_ACCESSIBILITY}
    >
      {children}
      <DragOverlay>{overlay}</DragOverlay>
    </DndContext>
  );
}

export function DroppableCell({ laneKey, stage, label, refuses = false, children }: CellProps) {
  const { setNodeRef, isOver } = useDroppable({
    id: `${laneKey}|${stage}`,
    data: { laneKey, stage },
    disabled: refuses,
  });
  return (
    <div
      ref={setNodeRef}
      aria-label={label}
      role="group"
      aria-disabled={refuses || undefined}
      data-refuses={refuses ? 'true' : undefined}
      className={`min-h-24 rounded-b-lg p-2 transition-[opacity,background-color] ${
        refuses ? 'bg-slate-200 opacity-50' : isOver ? 'bg-brand-50 ring-2 ring-brand-500' : 'bg-slate-100'
      }`}
    >
      {children}
    </div>
  );
}

export function DraggableItem({ id, data, draggable, className, children, ...rest }: ItemProps) {
  const { listeners, setNodeRef, isDragging } = useDraggable({ id, data, disabled: !draggable });
  return (
    <li
      ref={setNodeRef}
      {...(draggable ? listeners : {})}
      {...rest}
      className={`${className} ${draggable ? 'cursor-grab touch-none' : ''} ${isDragging ? 'opacity-40' : ''}`}
    >
      {children}
    </li>
  );
}
