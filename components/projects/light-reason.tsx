import type { Light } from '@/lib/rules/enums';

/**
 * The first reason of a red or yellow light, as plain text: touch users never hover, so the reason
 * a project is red must be readable where the light is. Green and grey lights say nothing here.
 */
export function LightReason({
  light,
  reasons,
  className = '',
}: {
  light: Light;
  reasons: string[];
  className?: string;
}) {
  if ((light !== 'red' && light !== 'yellow') || reasons.length === 0) return null;
  const more = reasons.length - 1;
  return (
    <>
      <span className="sr-only">{light === 'red' ? '亮红灯原因' : '亮黄灯原因'}：</span>
      <p
        data-testid="light-reason"
        className={`text-xs break-words ${light === 'red' ? 'text-red-800' : 'text-amber-900'} ${className}`}
      >
        {reasons[0]}
        {more > 0 ? <span className="text-slate-600">（另有 {more} 条）</span> : null}
      </p>
    </>
  );
}
