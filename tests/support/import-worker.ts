import { spawn, type ChildProcess } from 'node:child_process';
import { workerCommand } from '@/domain/import-jobs';
import { writeSheet } from '@/lib/excel/writer';

// Runs the real import worker (the process the web server spawns) from tests, and builds the
// large generated files they feed it.

export interface WorkerRun {
  child: ChildProcess;
  /** Every JSON line the worker printed. */
  lines: Array<Record<string, any>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once a progress line satisfies `test`. */
  waitFor: (test: (line: Record<string, any>) => boolean) => Promise<Record<string, any>>;
}

export function startWorker(args: string[]): WorkerRun {
  const root = process.cwd();
  // The command the web server runs, with its heap cap.
  const { command, args: base } = workerCommand();
  const child = spawn(command, [...base, ...args], {
    cwd: root,
    env: { ...process.env, SQLITE_BUSY_TIMEOUT_MS: '60000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: WorkerRun['lines'] = [];
  const waiters: Array<{ test: (line: Record<string, any>) => boolean; resolve: (line: Record<string, any>) => void }> =
    [];
  let buffered = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const text = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text);
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (test: (line: Record<string, any>) => boolean) =>
    new Promise<Record<string, any>>((resolve, reject) => {
      const seen = lines.find(test);
      if (seen) return resolve(seen);
      waiters.push({ test, resolve });
      exited.then(() =>
        reject(new Error(`worker exited before the awaited line; lines: ${JSON.stringify(lines.slice(-3))}`)),
      );
    });
  return { child, lines, exited, waitFor };
}

/** A project ledger of `rows` new projects, names prefixed so a test can count its own. */
export function projectLedger(rows: number, prefix: string): Promise<Buffer> {
  return writeSheet({
    title: '生成的台账',
    columns: [
      { header: '项目名称', key: 'name' },
      { header: '项目类别', key: 'category' },
      { header: '责任单位', key: 'unit' },
      { header: '总投资(万元)', key: 'total', type: 'money' },
      { header: '年度计划投资', key: 'year', type: 'money' },
    ],
    rows: Array.from({ length: rows }, (_, i) => ({
      name: `${prefix} ${String(i + 1).padStart(5, '0')}`,
      category: i % 2 ? '政府投资' : '招商引资',
      unit: i % 2 ? '昌邑区' : '船营区',
      total: 1000 + i,
      year: 100 + (i % 500),
    })),
  });
}
