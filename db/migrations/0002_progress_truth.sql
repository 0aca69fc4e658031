CREATE TABLE `light_snapshot_projects` (
	`date` text NOT NULL,
	`project_id` integer NOT NULL,
	`light` text NOT NULL,
	`reasons` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`date`, `project_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `light_snapshot_projects_light_idx` ON `light_snapshot_projects` (`date`,`light`);--> statement-breakpoint
CREATE TABLE `light_snapshots` (
	`date` text NOT NULL,
	`unit_id` integer NOT NULL,
	`red` integer DEFAULT 0 NOT NULL,
	`yellow` integer DEFAULT 0 NOT NULL,
	`green` integer DEFAULT 0 NOT NULL,
	`grey` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`date`, `unit_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `project_adjustments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`at` text NOT NULL,
	`by_user_id` integer,
	`field` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`reason` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_adjustments_project_idx` ON `project_adjustments` (`project_id`,`at`);--> statement-breakpoint
CREATE INDEX `project_adjustments_at_idx` ON `project_adjustments` (`at`);--> statement-breakpoint
CREATE TABLE `project_year_plans` (
	`project_id` integer NOT NULL,
	`year` integer NOT NULL,
	`planned_investment` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`project_id`, `year`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_year_plans_year_idx` ON `project_year_plans` (`year`);--> statement-breakpoint
ALTER TABLE `projects` ADD `opening_investment` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `light_signals` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `approvals_overridden` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Data: one source of completed investment. The opening figure is what the stored total holds
-- beyond the monthly reports, so opening + reports equals the figure users saw before.
UPDATE `projects` SET `opening_investment` = `completed_investment` - coalesce((SELECT sum(`investment_this_month`) FROM `monthly_reports` WHERE `monthly_reports`.`project_id` = `projects`.`id`), 0);--> statement-breakpoint
-- Data: this year's plan (Beijing calendar year) becomes the first year plan of each project.
INSERT INTO `project_year_plans` (`project_id`, `year`, `planned_investment`) SELECT `id`, CAST(strftime('%Y', 'now', '+8 hours') AS integer), `planned_investment_this_year` FROM `projects` WHERE `planned_investment_this_year` > 0;--> statement-breakpoint
-- Data: lights are recomputed under the new rules on the next start (see domain/light.ts).
UPDATE `projects` SET `light_recheck_on` = '0000-00-00';
