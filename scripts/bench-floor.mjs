// The benchmark's floor: a bare node:http server running the board's SQL (the header GROUP BY and
// the first page of cards per column) with better-sqlite3 on the same database file, returning
// JSON. No framework, no auth, no rendering: what the board costs at the very least.
// WORKERS=n runs n processes sharing the port through node:cluster, as many as the app's server
// runs, so the ratio to the floor compares like with like (scripts/bench.ts sets it).
import cluster from 'node:cluster';
import http from 'node:http';
import Database from 'better-sqlite3';

const workers = Math.max(1, Number(process.env.WORKERS ?? 1));

if (workers > 1 && cluster.isPrimary) {
  let listening = 0;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('listening', () => {
    if (++listening === workers) process.send?.('ready');
  });
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
      process.exit(0);
    });
} else {
  serve();
}

function serve() {
  const db = new Database(process.env.DATABASE_PATH, { readonly: true });
  db.pragma('busy_timeout = 5000');
  const sums = db.prepare(`select stage, count(*) as count, coalesce(sum(total_investment), 0) as totalInvestment,
  coalesce(sum(planned_investment_this_year), 0) as plannedInvestmentThisYear, coalesce(sum(completed_investment), 0) as completedInvestment,
  coalesce(sum(case when light = 'red' then 1 else 0 end), 0) as red, coalesce(sum(case when light = 'yellow' then 1 else 0 end), 0) as yellow
  from projects group by stage`);
  // The board's card selection: per stage and light, an indexed range read; then the card details.
  const pageIds = db
    .prepare(`select id from projects where stage = ? and light = ? order by total_investment desc, id desc limit ?`)
    .pluck();
  const details =
    db.prepare(`select p.id, p.stage, p.version, p.name, p.unit_id, p.owner_id, u.name as unitName, p.category,
  exists (select 1 from package_projects pp where pp.project_id = p.id and pp.year = ?) as shuangshi, p.total_investment,
  p.planned_investment_this_year, p.completed_investment, p.stage_entered_at, l.name as leaderName, p.light, p.light_reasons,
  (select count(*) from supervisions s where s.project_id = p.id and s.status in ('open','replied','returned')) as openSupervisions
  from projects p join units u on u.id = p.unit_id left join users l on l.id = p.leader_id where p.id in (select value from json_each(?))`);
  // The 双十 flag of a card is membership of this year's package list, as the app's board reads it.
  const YEAR = Number((process.env.APP_TODAY || new Date(Date.now() + 8 * 3600_000).toISOString()).slice(0, 4));
  const STAGES = ['reserve', 'signed', 'approvals', 'construction', 'completed', 'operating'];
  const cards = () => {
    const ids = [];
    for (const stage of STAGES) {
      let taken = 0;
      for (const light of ['red', 'yellow', 'green']) {
        if (taken >= 30) break;
        const rows = pageIds.all(stage, light, 30 - taken);
        taken += rows.length;
        ids.push(...rows);
      }
    }
    return details.all(YEAR, JSON.stringify(ids));
  };

  const server = http.createServer((request, response) => {
    const body = JSON.stringify({ columns: sums.all(), cards: request.url === '/sums' ? [] : cards() });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  });
  server.listen(Number(process.env.PORT), '127.0.0.1', () => {
    if (cluster.isPrimary) process.send?.('ready');
  });
}
