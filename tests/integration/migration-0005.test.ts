import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAtMigration } from '../support/old-release';
import { closeDb, getDb, getSqlite } from '@/db';
import { enterpriseNameKey } from '@/lib/rules/enterprise';

// The 0005 data migration on data written the way the previous release wrote it: leads carry their
// investor only as a company name. After 0005 every company is one enterprise of the registry (name
// variants of one investor share it, with the key the app computes), every lead points at it, a
// converted lead's project names it as investor, and the report's 产业链 exist for their industries.

const OLD_LEADS: Array<{ company: string; origin: string | null; contact: string | null; followups: string[] }> = [
  { company: '巴斯夫（中国）有限公司', origin: '德国', contact: '施密特', followups: ['2026-10-08', '2026-11-02'] },
  { company: '巴斯夫 (中国) 有限公司', origin: '德国', contact: null, followups: [] },
  { company: '吉林化纤集团', origin: '吉林', contact: '王经理', followups: ['2026-09-30'] },
  { company: '吉林化纤集团有限责任公司', origin: '吉林', contact: null, followups: [] },
  { company: 'Toray Industries', origin: '日本', contact: 'Tanaka', followups: [] },
  { company: 'TORAY INDUSTRIES', origin: '日本', contact: null, followups: [] },
  { company: '比亚迪股份有限公司', origin: '广东深圳', contact: null, followups: [] },
];

let cleanup = () => {};
const leadIds: number[] = [];
let projectId = 0;

beforeAll(() => {
  const old = databaseAtMigration(4);
  cleanup = old.cleanup;
  const sqlite = old.sqlite;

  const unitId = Number(
    sqlite.prepare(`insert into units (name, code, kind) values ('昌邑区', '220202', 'district')`).run()
      .lastInsertRowid,
  );
  for (const name of ['碳纤维及新材料', '化工', '汽车', '医药健康'])
    sqlite.prepare('insert into industries (name) values (?)').run(name);
  const userId = Number(
    sqlite
      .prepare(
        `insert into users (username, name, role, team, password_hash) values ('old_inv', '旧版招商', 'investment', '一组', 'x')`,
      )
      .run().lastInsertRowid,
  );
  const insertLead = sqlite.prepare(
    `insert into leads (company, origin, contact_name, contact_phone, owner_id, team, stage, stage_entered_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, '一组', 'contacting', '2026-08-01T00:00:00.000Z', '2026-08-01T02:00:00.000Z', '2026-08-01T02:00:00.000Z')`,
  );
  const insertFollowup = sqlite.prepare(
    `insert into lead_followups (lead_id, date, kind, note, by_user_id) values (?, ?, 'phone', '电话沟通', ?)`,
  );
  for (const lead of OLD_LEADS) {
    const id = Number(
      insertLead.run(lead.company, lead.origin, lead.contact, lead.contact ? '13900001111' : null, userId)
        .lastInsertRowid,
    );
    leadIds.push(id);
    for (const date of lead.followups) insertFollowup.run(id, date, userId);
  }
  projectId = Number(
    sqlite
      .prepare(
        `insert into projects (name, category, stage, unit_id, stage_entered_at, lead_id, created_by) values ('比亚迪项目', 'attraction', 'signed', ?, '2026-09-01T00:00:00.000Z', ?, ?)`,
      )
      .run(unitId, leadIds[6], userId).lastInsertRowid,
  );
  sqlite.prepare(`update leads set stage = 'landed', project_id = ? where id = ?`).run(projectId, leadIds[6]);
  sqlite.close();
});

afterAll(() => {
  closeDb();
  cleanup();
});

describe('migration 0005 (enterprises, 产业链, 履约) on the previous release data', () => {
  it('makes one enterprise per investor, keyed as the app keys names, and links every lead to it', () => {
    getDb();
    const sqlite = getSqlite();
    const enterprises = sqlite.prepare('select * from enterprises order by id').all() as Array<{
      id: number;
      name: string;
      name_key: string;
      region: string | null;
      contacts: string;
    }>;
    const keys = new Set(OLD_LEADS.map((lead) => enterpriseNameKey(lead.company)));
    expect(keys.size).toBe(4);
    expect(enterprises).toHaveLength(keys.size);
    // The SQL key equals the app's key for every stored name.
    for (const enterprise of enterprises) expect(enterprise.name_key).toBe(enterpriseNameKey(enterprise.name));
    const leads = sqlite.prepare('select id, company, enterprise_id from leads order by id').all() as Array<{
      id: number;
      company: string;
      enterprise_id: number | null;
    }>;
    for (const lead of leads) {
      const enterprise = enterprises.find((e) => e.id === lead.enterprise_id);
      expect(enterprise, lead.company).toBeDefined();
      expect(enterprise!.name_key).toBe(enterpriseNameKey(lead.company));
      // The lead keeps the name as it was reported.
      expect(lead.company).toBe(OLD_LEADS[leadIds.indexOf(lead.id)]!.company);
    }
    // The earliest lead names the enterprise and gives its contact.
    const basf = enterprises.find((e) => e.name === '巴斯夫（中国）有限公司')!;
    expect(basf.region).toBe('德国');
    expect(JSON.parse(basf.contacts)).toEqual([{ name: '施密特', title: null, phone: '13900001111', email: null }]);
    const toray = enterprises.find((e) => e.name === 'Toray Industries')!;
    expect(JSON.parse(toray.contacts)).toHaveLength(1);
    expect(enterprises.find((e) => e.name === '比亚迪股份有限公司')!.contacts).toBe('[]');
  });

  it('starts each lead’s no-follow-up clock at its latest follow-up, else its creation day', () => {
    const rows = getSqlite()
      .prepare('select id, last_followup_date d, currency from leads order by id')
      .all() as Array<{
      id: number;
      d: string;
      currency: string;
    }>;
    expect(rows.map((row) => row.d)).toEqual([
      '2026-11-02',
      '2026-08-01',
      '2026-09-30',
      '2026-08-01',
      '2026-08-01',
      '2026-08-01',
      '2026-08-01',
    ]);
    expect(new Set(rows.map((row) => row.currency))).toEqual(new Set(['CNY']));
  });

  it('names a converted lead’s investor on its project', () => {
    const sqlite = getSqlite();
    const project = sqlite.prepare('select investor_enterprise_id i from projects where id = ?').get(projectId) as {
      i: number;
    };
    const lead = sqlite.prepare('select enterprise_id e from leads where id = ?').get(leadIds[6]) as { e: number };
    expect(project.i).toBe(lead.e);
  });

  it('adds the report’s chains for the industries that exist, links upstream first', () => {
    const links = getSqlite()
      .prepare(
        `select i.name industry, c.name chain, l.name link from industry_chains c
         join industries i on i.id = c.industry_id join chain_links l on l.chain_id = c.id
         order by c.sort_order, l.sort_order`,
      )
      .all() as Array<{ industry: string; chain: string; link: string }>;
    const rows: Array<{ industry: string; chain: string; links: string }> = [];
    for (const row of links) {
      const last = rows.at(-1);
      if (last?.chain === row.chain) last.links += `→${row.link}`;
      else rows.push({ industry: row.industry, chain: row.chain, links: row.link });
    }
    expect(rows).toEqual([
      { industry: '碳纤维及新材料', chain: '碳纤维产业链', links: '原丝→碳丝→复合材料→下游制品' },
      { industry: '化工', chain: '化工产业链', links: '石油炼化→基础化工原料→精细化工→化工新材料' },
      { industry: '汽车', chain: '汽车产业链', links: '汽车零部件→汽车电子→整车制造→汽车后市场' },
    ]);
  });
});
