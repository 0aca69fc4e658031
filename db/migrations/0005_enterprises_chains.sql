CREATE TABLE `chain_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chain_id` integer NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`chain_id`) REFERENCES `industry_chains`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chain_links_name_idx` ON `chain_links` (`chain_id`,`name`);--> statement-breakpoint
CREATE TABLE `enterprises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`credit_code` text,
	`region` text,
	`industry_id` integer,
	`contacts` text DEFAULT '[]' NOT NULL,
	`created_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`industry_id`) REFERENCES `industries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enterprises_credit_code_unique` ON `enterprises` (`credit_code`);--> statement-breakpoint
CREATE INDEX `enterprises_name_key_idx` ON `enterprises` (`name_key`);--> statement-breakpoint
CREATE TABLE `industry_chains` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`industry_id` integer NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`industry_id`) REFERENCES `industries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `industry_chains_name_idx` ON `industry_chains` (`industry_id`,`name`);--> statement-breakpoint
CREATE TABLE `lead_partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`team` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`note` text,
	`requested_by` integer NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lead_partners_lead_team_idx` ON `lead_partners` (`lead_id`,`team`);--> statement-breakpoint
CREATE INDEX `lead_partners_team_idx` ON `lead_partners` (`team`,`status`);--> statement-breakpoint
ALTER TABLE `leads` ADD `enterprise_id` integer REFERENCES enterprises(id);--> statement-breakpoint
ALTER TABLE `leads` ADD `currency` text DEFAULT 'CNY' NOT NULL;--> statement-breakpoint
ALTER TABLE `leads` ADD `amount_original` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `exchange_rate` real;--> statement-breakpoint
ALTER TABLE `leads` ADD `rate_date` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `chain_link_id` integer REFERENCES chain_links(id);--> statement-breakpoint
ALTER TABLE `leads` ADD `last_followup_date` text;--> statement-breakpoint
CREATE INDEX `leads_enterprise_idx` ON `leads` (`enterprise_id`,`stage`);--> statement-breakpoint
CREATE INDEX `leads_chain_link_idx` ON `leads` (`chain_link_id`);--> statement-breakpoint
ALTER TABLE `projects` ADD `investor_enterprise_id` integer REFERENCES enterprises(id);--> statement-breakpoint
ALTER TABLE `projects` ADD `builder_enterprise_id` integer REFERENCES enterprises(id);--> statement-breakpoint
ALTER TABLE `projects` ADD `chain_link_id` integer REFERENCES chain_links(id);--> statement-breakpoint
ALTER TABLE `projects` ADD `contract_amount` integer;--> statement-breakpoint
ALTER TABLE `projects` ADD `contract_date` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `promised_start_date` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `promised_funds` integer;--> statement-breakpoint
CREATE INDEX `projects_investor_idx` ON `projects` (`investor_enterprise_id`);--> statement-breakpoint
CREATE INDEX `projects_builder_idx` ON `projects` (`builder_enterprise_id`);--> statement-breakpoint
CREATE INDEX `projects_chain_link_idx` ON `projects` (`chain_link_id`);--> statement-breakpoint
-- Data: every lead's company becomes an enterprise of the registry, one per name once the words of
-- lib/rules/enterprise.ts NAME_KEY_REMOVALS are ignored (the same sequence, kept equal by
-- tests/integration/migration-0005.test.ts); the earliest lead gives its region, industry and contact.
INSERT INTO `enterprises` (`name`, `name_key`, `region`, `industry_id`, `contacts`, `created_by`, `created_at`, `updated_at`)
SELECT `company`, `k`, `origin`, `industry_id`,
  CASE WHEN coalesce(trim(`contact_name`), '') = '' AND `contact_phone` IS NULL AND `contact_email` IS NULL THEN '[]'
    ELSE json_array(json_object('name', coalesce(`contact_name`, ''), 'title', `contact_title`, 'phone', `contact_phone`, 'email', `contact_email`)) END,
  `owner_id`, `created_at`, `created_at`
FROM (
  SELECT *, row_number() OVER (PARTITION BY `k` ORDER BY `id`) AS `rn`
  FROM (
    SELECT `leads`.*, lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(`company`, '（', '('), '）', ')'), '股份有限公司', ''), '有限责任公司', ''), '有限公司', ''), '集团', ''), '(中国)', ''), ' ', ''), '　', '')) AS `k`
    FROM `leads`
  )
)
WHERE `rn` = 1
ORDER BY `id`;
--> statement-breakpoint
UPDATE `leads` SET `enterprise_id` = (
  SELECT `e`.`id` FROM `enterprises` `e`
  WHERE `e`.`name_key` = lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(`leads`.`company`, '（', '('), '）', ')'), '股份有限公司', ''), '有限责任公司', ''), '有限公司', ''), '集团', ''), '(中国)', ''), ' ', ''), '　', ''))
  ORDER BY `e`.`id` LIMIT 1
);
--> statement-breakpoint
-- The latest follow-up, or the lead's creation day, starts the 30/60-day no-follow-up clock.
UPDATE `leads` SET `last_followup_date` = coalesce(
  (SELECT max(`f`.`date`) FROM `lead_followups` `f` WHERE `f`.`lead_id` = `leads`.`id`),
  substr(`leads`.`created_at`, 1, 10)
);
--> statement-breakpoint
-- A converted lead's investor is its project's investor.
UPDATE `projects` SET `investor_enterprise_id` = (
  SELECT `l`.`enterprise_id` FROM `leads` `l` WHERE `l`.`id` = `projects`.`lead_id`
) WHERE `lead_id` IS NOT NULL;
--> statement-breakpoint
-- The report's chains (碳纤维 downstream, the chemical chain, 汽车), where the industry exists.
INSERT INTO `industry_chains` (`industry_id`, `name`, `sort_order`)
SELECT `i`.`id`, `c`.`name`, `c`.`sort_order` FROM `industries` `i`
JOIN (
  SELECT '碳纤维及新材料' AS `industry`, '碳纤维产业链' AS `name`, 1 AS `sort_order`
  UNION ALL SELECT '化工', '化工产业链', 2
  UNION ALL SELECT '汽车', '汽车产业链', 3
) `c` ON `c`.`industry` = `i`.`name`;
--> statement-breakpoint
INSERT INTO `chain_links` (`chain_id`, `name`, `sort_order`)
SELECT `ch`.`id`, `l`.`name`, `l`.`sort_order` FROM `industry_chains` `ch`
JOIN (
  SELECT '碳纤维产业链' AS `chain`, '原丝' AS `name`, 1 AS `sort_order`
  UNION ALL SELECT '碳纤维产业链', '碳丝', 2
  UNION ALL SELECT '碳纤维产业链', '复合材料', 3
  UNION ALL SELECT '碳纤维产业链', '下游制品', 4
  UNION ALL SELECT '化工产业链', '石油炼化', 1
  UNION ALL SELECT '化工产业链', '基础化工原料', 2
  UNION ALL SELECT '化工产业链', '精细化工', 3
  UNION ALL SELECT '化工产业链', '化工新材料', 4
  UNION ALL SELECT '汽车产业链', '汽车零部件', 1
  UNION ALL SELECT '汽车产业链', '汽车电子', 2
  UNION ALL SELECT '汽车产业链', '整车制造', 3
  UNION ALL SELECT '汽车产业链', '汽车后市场', 4
) `l` ON `l`.`chain` = `ch`.`name`;
