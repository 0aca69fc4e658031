CREATE TABLE `funding_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`channel` text NOT NULL,
	`batch` text,
	`applied_amount` integer NOT NULL,
	`granted_amount` integer,
	`received_amount` integer,
	`applied_date` text NOT NULL,
	`granted_date` text,
	`status` text DEFAULT 'preparing' NOT NULL,
	`note` text,
	`created_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `funding_applications_project_idx` ON `funding_applications` (`project_id`);--> statement-breakpoint
CREATE INDEX `funding_applications_applied_date_idx` ON `funding_applications` (`applied_date`);--> statement-breakpoint
CREATE TABLE `package_projects` (
	`package_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`year` integer NOT NULL,
	`joined_at` text NOT NULL,
	PRIMARY KEY(`package_id`, `project_id`),
	FOREIGN KEY (`package_id`) REFERENCES `packages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `package_projects_year_project_idx` ON `package_projects` (`year`,`project_id`);--> statement-breakpoint
CREATE INDEX `package_projects_project_idx` ON `package_projects` (`project_id`);--> statement-breakpoint
CREATE TABLE `packages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`name` text NOT NULL,
	`unit_id` integer NOT NULL,
	`leader_id` integer,
	`note` text,
	`created_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `packages_year_name_idx` ON `packages` (`year`,`name`);--> statement-breakpoint
-- Data: the projects flagged 双十 before packages existed become one package of this (Beijing)
-- year, led by the unit holding most of them, so the year's 双十 list and its figures stay as
-- users saw them; leaders then split it into the year's packages (调入/调出 with a reason).
INSERT INTO `packages` (`year`, `name`, `unit_id`, `note`) SELECT CAST(strftime('%Y', 'now', '+8 hours') AS integer), '双十项目（原"双十"标记）', `unit_id`, '升级时由项目上的"双十"标记迁入，请拆分到本年度各工程包' FROM `projects` WHERE `shuangshi` = 1 GROUP BY `unit_id` ORDER BY count(*) DESC, `unit_id` LIMIT 1;--> statement-breakpoint
INSERT INTO `package_projects` (`package_id`, `project_id`, `year`, `joined_at`) SELECT (SELECT max(`id`) FROM `packages`), `id`, CAST(strftime('%Y', 'now', '+8 hours') AS integer), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `projects` WHERE `shuangshi` = 1;--> statement-breakpoint
-- Data: each project's 申请资金/获批资金/申报状态 becomes one 上争 application (channel 其他), so
-- every old amount is kept. A granted amount without an applied one was applied for in full.
INSERT INTO `funding_applications` (`project_id`, `channel`, `applied_amount`, `granted_amount`, `applied_date`, `status`, `note`, `created_by`, `created_at`, `updated_at`) SELECT `id`, 'other', coalesce(`applied_funds`, `granted_funds`, 0), `granted_funds`, date(`created_at`, '+8 hours'), CASE `application_status` WHEN 'planning' THEN 'preparing' WHEN 'applied' THEN 'submitted' WHEN 'approved' THEN 'granted' WHEN 'rejected' THEN 'rejected' ELSE CASE WHEN `granted_funds` IS NOT NULL THEN 'granted' ELSE 'submitted' END END, '升级时由项目上的申请资金、获批资金迁入', `created_by`, `updated_at`, `updated_at` FROM `projects` WHERE `applied_funds` IS NOT NULL OR `granted_funds` IS NOT NULL OR `application_status` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` DROP COLUMN `shuangshi`;--> statement-breakpoint
ALTER TABLE `projects` DROP COLUMN `application_status`;--> statement-breakpoint
ALTER TABLE `projects` DROP COLUMN `applied_funds`;--> statement-breakpoint
ALTER TABLE `projects` DROP COLUMN `granted_funds`;