import Link from 'next/link';
import type { EnterpriseChoice } from './enterprise-input';

/** 投资方 and 项目业主/建设单位 of a project, each linking to its page in the 企业库. */
export function ProjectEnterprises({
  investor,
  builder,
}: {
  investor: EnterpriseChoice | null;
  builder: EnterpriseChoice | null;
}) {
  const item = (label: string, enterprise: EnterpriseChoice | null, testId: string) => (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="break-words" data-testid={testId}>
        {enterprise ? (
          <Link href={`/enterprises/${enterprise.id}`} className="text-brand-700 underline">
            {enterprise.name}
          </Link>
        ) : (
          <span className="text-slate-500">未填写</span>
        )}
        {enterprise?.creditCode ? (
          <span className="ml-2 font-mono text-xs text-slate-500">{enterprise.creditCode}</span>
        ) : null}
      </dd>
    </div>
  );
  return (
    <dl className="mb-4 grid gap-3 rounded-md border border-slate-100 bg-slate-50 p-3 text-sm sm:grid-cols-2">
      {item('投资方', investor, 'project-investor')}
      {item('项目业主/建设单位', builder, 'project-builder')}
    </dl>
  );
}
