import { eq, sql } from 'drizzle-orm';
import { getDb } from './index';
import { users } from './schema';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from './seed';
import { hashPassword } from '@/lib/auth/password';
import { ROLE_LABELS } from '@/lib/rules/enums';

/**
 * Runs at server start: migrate (on open), then seed demo data unless SEED_DEMO=0. Without demo
 * data, INITIAL_ADMIN_PASSWORD creates the first admin, who must change the password at sign-in.
 */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
  const db = getDb();
  if (process.env.SEED_DEMO !== '0') {
    await seedDemo(db, { log });
    const present = DEMO_LOGINS.filter((login) =>
      db.select({ id: users.id }).from(users).where(eq(users.username, login.username)).get(),
    );
    if (present.length) {
      log('');
      log('==================== 演示账号 DEMO LOGINS (demo mode only) ====================');
      for (const login of present) {
        log(
          `  ${login.username.padEnd(12)} 密码 ${DEMO_PASSWORD}   ${ROLE_LABELS[login.role]}${login.unit ? `（${login.unit}）` : ''} ${login.name}`,
        );
      }
      log('  These accounts exist because SEED_DEMO is not 0. Start with SEED_DEMO=0 for a real deployment.');
      log('================================================================================');
      log('');
    }
    return;
  }
  if (process.env.SEED_REFERENCE === '1') await seedDemo(db, { referenceOnly: true });
  const count =
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get()?.n ?? 0;
  const initialPassword = process.env.INITIAL_ADMIN_PASSWORD;
  if (count === 0 && initialPassword) {
    db.insert(users)
      .values({
        username: 'admin',
        name: '系统管理员',
        role: 'admin',
        passwordHash: await hashPassword(initialPassword),
        mustChangePassword: true,
      })
      .run();
    log('已创建初始管理员账号 admin（首次登录须修改密码）。');
  } else if (count === 0) {
    log('数据库中没有任何账号：请设置 INITIAL_ADMIN_PASSWORD 后重启以创建管理员 admin。');
  }
}
