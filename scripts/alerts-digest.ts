// `npm run alerts:digest [-- --out data/digests/2026-11-30.json] [--quiet] [--no-webhook]`
// Prints each user's new and still-open alerts, writes them as JSON and text, and, when an admin
// has set a webhook URL, delivers the JSON there (retried with backoff, logged in webhook_deliveries).
import path from 'node:path';
import { closeDb, dataDirectory, getDb } from '../db';
import { buildDigest, digestText, readPreviousDigest, writeDigest } from '../domain/digest';
import { hasLightSnapshot } from '../db/queries/light-history';
import { ensureLightsFresh } from '../domain/light';
import { takeLightSnapshot } from '../domain/light-history';
import { deliverDue, queueDigestDelivery } from '../domain/webhook';
import { today } from '../lib/rules/dates';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index >= 0) return process.argv[index + 1];
  const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

async function main() {
  const date = today();
  // The digest also records the day's light history, when no request has done so yet today.
  const hadSnapshot = hasLightSnapshot(getDb(), date);
  ensureLightsFresh();
  const snapshot = takeLightSnapshot(getDb(), date);
  const out = path.resolve(flag('out') ?? path.join(dataDirectory(), 'digests', `${date}.json`));
  const previous = readPreviousDigest(path.dirname(out), date);
  const digest = buildDigest(date, previous);
  const files = writeDigest(digest, out);
  if (!process.argv.includes('--quiet')) console.log(digestText(digest));
  console.log(`已写入 ${files.json} 和 ${files.text}（${digest.users.length} 位用户）。`);
  console.log(
    !hadSnapshot
      ? `已记录 ${date} 的灯色快照（红灯 ${snapshot.counts.red} 个，黄灯 ${snapshot.counts.yellow} 个）。`
      : `${date} 的灯色快照此前已记录。`,
  );
  if (!process.argv.includes('--no-webhook')) {
    const queued = queueDigestDelivery(date, digest);
    if (queued === null) console.log('未设置推送地址（系统管理 → 预警推送），跳过推送。');
    for (const report of await deliverDue()) {
      console.log(
        report.status === 'delivered'
          ? `已推送至 ${report.url}`
          : `推送失败，已记录，稍后重试：${report.url}（${report.lastError}）`,
      );
    }
  }
}

main()
  .then(() => closeDb())
  .catch((error) => {
    console.error(error);
    closeDb();
    process.exit(1);
  });
