import { formatWan } from '@/lib/rules/money';
import { contractStartStatus } from '@/lib/rules/attraction';
import { fraction, percentText } from '@/lib/rules/stats';

interface Props {
  project: {
    contractAmount: number | null;
    contractDate: string | null;
    promisedStartDate: string | null;
    promisedFunds: number | null;
    fundsInPlace: number | null;
  };
  startedOn: string | null;
  today: string;
}

const TONES = {
  ok: 'text-emerald-700',
  late: 'text-red-700 font-medium',
  pending: 'text-slate-700',
  none: 'text-slate-500',
} as const;

/** 履约 figures of a project: the contract, the start against the promise, and 资金到位率. */
export function ContractSummary({ project, startedOn, today }: Props) {
  const start = contractStartStatus({ promisedStartDate: project.promisedStartDate, startedOn }, today);
  const fundsRate = project.promisedFunds != null ? fraction(project.fundsInPlace ?? 0, project.promisedFunds) : null;
  const items: Array<[string, string]> = [
    ['签约金额', formatWan(project.contractAmount)],
    ['签约日期', project.contractDate ?? '—'],
    ['承诺开工日期', project.promisedStartDate ?? '—'],
    ['承诺到位资金', formatWan(project.promisedFunds)],
    ['实际到位资金', formatWan(project.fundsInPlace ?? 0)],
    ['资金到位率', project.promisedFunds != null ? percentText(fundsRate) : '—'],
  ];
  return (
    <div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="text-slate-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className={`mt-3 text-sm ${TONES[start.tone]}`} data-testid="contract-start">
        {start.text}
      </p>
    </div>
  );
}
