/** The classes a just-created item wears while highlighted (data-highlight="true"). */
export const HIGHLIGHT_CLASSES =
  'data-[highlight=true]:bg-amber-50 data-[highlight=true]:ring-2 data-[highlight=true]:ring-amber-400';

/**
 * Scrolls a just-created item (a filed report, a raised problem) into view and marks it
 * data-highlight="true". The page re-renders with the new item after the action's revalidation, so
 * the element may appear a few frames after the action's answer: look for it once per frame, for a while.
 */
export function scrollToAndHighlight(elementId: string, framesLeft = 120): void {
  const element = document.getElementById(elementId);
  if (!element) {
    if (framesLeft > 0) requestAnimationFrame(() => scrollToAndHighlight(elementId, framesLeft - 1));
    return;
  }
  document.querySelectorAll('[data-highlight="true"]').forEach((other) => other.removeAttribute('data-highlight'));
  element.setAttribute('data-highlight', 'true');
  element.scrollIntoView({ block: 'center' });
}
