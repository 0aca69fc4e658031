// `npm run lights:snapshot [-- --date YYYY-MM-DD]`
// Records today's light snapshot (light history) if the day has none yet: brings every stored light
// up to date, then writes one row per unit and one per red or yellow project. Safe to run from cron
// any number of times a day: a day's snapshot is written once and never rewritten. With --date of a
// past day it prints that day's snapshot; it cannot make one afterwards, because a day's lights
// depend on that day's data (tasks still open, reports not yet filed), which has since changed.
import { closeDb, getDb } from '../db';
import { hasLightSnapshot, listSnapshotProjects, listSnapshotUnitCounts } from '../db/queries/light-history';
import { listUnits } from '../db/queries/reference';
import { ensureLightsFresh } from '../domain/light';
import { takeLightSnapshot } from '../domain/light-history';
import { isIsoDate, today } from '../lib/rules/dates';

const usage = '用法：npm run lights:snapshot [-- --date YYYY-MM-DD]（默认今天）';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index >= 0) return process.argv[index + 1];
  const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

function main(): number {
  const day = today();
  const date = flag('date') ?? day;
  if (!isIsoDate(date)) {
    console.error(`日期“${date}”无效，格式应为 YYYY-MM-DD。\n${usage}`);
    return 2;
  }
  if (date > day) {
    console.error(`不能记录未来日期（${date}）的灯色：今天是 ${day}。\n${usage}`);
    return 2;
  }
  const db = getDb();
  if (date < day && !hasLightSnapshot(db, date)) {
    console.error(`${date} 没有灯色快照，也无法补录：灯色取决于当天的数据，按现在的数据推算会失真。`);
    return 2;
  }
  const had = hasLightSnapshot(db, date);
  // ensureLightsFresh records the day itself once the lights are current; takeLightSnapshot is the
  // same write, in case the lights had been brought up to date earlier in this process.
  if (date === day) ensureLightsFresh();
  const { counts } = takeLightSnapshot(db, date);
  const units = listSnapshotUnitCounts(db, date);
  const flagged = listSnapshotProjects(db, date);
  console.log(
    had
      ? `${date} 的灯色快照此前已记录，未作改动（${units.length} 个单位，${flagged.length} 个红灯、黄灯项目）。`
      : `已记录 ${date} 的灯色快照：${units.length} 个单位的灯数，${flagged.length} 个红灯、黄灯项目及其原因。`,
  );
  console.log(
    `全市：红灯 ${counts.red} 个，黄灯 ${counts.yellow} 个，绿灯 ${counts.green} 个，暂缓/终止 ${counts.grey} 个。`,
  );
  const names = new Map(listUnits({ includeInactive: true }).map((unit) => [unit.id, unit.name]));
  for (const row of units) {
    if (row.red + row.yellow + row.green + row.grey === 0) continue;
    console.log(
      `  ${names.get(row.unitId) ?? `单位 ${row.unitId}`}：红 ${row.red}，黄 ${row.yellow}，绿 ${row.green}，暂缓/终止 ${row.grey}`,
    );
  }
  return 0;
}

try {
  const code = main();
  closeDb();
  process.exit(code);
} catch (error) {
  closeDb();
  console.error(error);
  process.exit(1);
}
