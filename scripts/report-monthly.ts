// `npm run report:monthly -- --month YYYY-MM [--scope shuangshi|all] --out FILE`
// Writes the 月度调度通报 for the month: a workbook when FILE ends in .xlsx, the API's JSON when it
// ends in .json. Prints a summary of the headline figures either way.
import fs from 'node:fs';
import path from 'node:path';
import { closeDb } from '../db';
import { headlineFigures, monthLabel, monthlyReport, redSourceText } from '../domain/monthly-report';
import { monthlyReportWorkbook } from '../domain/monthly-report-sheets';
import { isAppError } from '../lib/errors';
import { monthOf, previousMonth, today } from '../lib/rules/dates';
import { formatWan } from '../lib/rules/money';
import { RANKING_GROUP_LABELS, RANKING_GROUPS } from '../lib/rules/stats';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index >= 0) return process.argv[index + 1];
  const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

const usage = '用法：npm run report:monthly -- --month YYYY-MM [--scope shuangshi|all] --out 文件.xlsx|文件.json';

async function main(): Promise<number> {
  const month = flag('month') ?? previousMonth(monthOf(today()));
  const out = flag('out');
  if (!out || !/\.(xlsx|json)$/i.test(out)) {
    console.error(`请用 --out 指定 .xlsx 或 .json 输出文件。\n${usage}`);
    return 2;
  }
  const scope = flag('scope') ?? 'all';
  if (scope !== 'all' && scope !== 'shuangshi') {
    console.error(`--scope 应为 shuangshi（双十项目）或 all（全部项目）。\n${usage}`);
    return 2;
  }
  const report = monthlyReport({ month, scope });
  const file = path.resolve(out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (/\.xlsx$/i.test(file)) fs.writeFileSync(file, await monthlyReportWorkbook(report));
  else fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  const headline = headlineFigures(report);
  const pct = (value: number | null) => (value === null ? '无数据' : `${value}%`);
  console.log(
    [
      `吉林市重点项目月度调度通报（${monthLabel(report.month)}，${report.scopeLabel}）`,
      `本月开工 ${headline.startedThisMonth} 个，年度累计 ${headline.startedYearToDate} 个，开工目标完成率 ${pct(headline.startedRate)}`,
      `本月完成投资 ${formatWan(headline.investmentThisMonth)}，年度累计 ${formatWan(headline.investmentYearToDate)}，投资目标完成率 ${pct(headline.investmentRate)}`,
      `本月竣工 ${headline.completed} 个，投产 ${headline.operating} 个；红灯项目 ${headline.red === null ? '无快照' : `${headline.red} 个`}；缺报月报 ${headline.missing} 个`,
      `（${redSourceText(report.redSource, report.month)}）`,
      `上报市级问题 ${report.problemsEscalated.length} 个，销号问题 ${report.problemsClosed.length} 个，未办结督办 ${report.openSupervisions.length} 件`,
      `考核排名（${report.rankingPeriod.label}）各组第一名：${RANKING_GROUPS.map(
        (group) =>
          `${RANKING_GROUP_LABELS[group]} ${report.ranking.find((row) => row.group === group && row.rank === 1)?.unitName ?? '无'}`,
      ).join('；')}`,
      `本月调整记录 ${report.adjustments.length} 条${
        report.adjustments.length
          ? `：${report.adjustments
              .slice(0, 5)
              .map(
                (adjustment) =>
                  `${adjustment.date} ${adjustment.projectName} ${adjustment.fieldLabel} ${adjustment.fromText}→${adjustment.toText}（${adjustment.reason}）`,
              )
              .join('；')}${report.adjustments.length > 5 ? ' 等' : ''}`
          : ''
      }`,
      `已写入 ${file}`,
    ].join('\n'),
  );
  return 0;
}

main()
  .then((code) => {
    closeDb();
    process.exit(code);
  })
  .catch((error) => {
    closeDb();
    if (isAppError(error)) {
      console.error(
        `${error.message}：${Object.values(error.fields ?? {})
          .flat()
          .join('；')}\n${usage}`,
      );
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  });
