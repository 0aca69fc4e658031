CREATE TABLE `data_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `project_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `projects_unit_stage_idx`;--> statement-breakpoint
DROP INDEX `projects_category_idx`;--> statement-breakpoint
DROP INDEX `projects_leader_idx`;--> statement-breakpoint
CREATE INDEX `projects_unit_lane_idx` ON `projects` (`unit_id`,`stage`,`light`,`total_investment`,`id`);--> statement-breakpoint
CREATE INDEX `projects_category_lane_idx` ON `projects` (`category`,`stage`,`light`,`total_investment`,`id`);--> statement-breakpoint
CREATE INDEX `projects_leader_lane_idx` ON `projects` (`leader_id`,`stage`,`light`,`total_investment`,`id`);--> statement-breakpoint
CREATE INDEX `projects_ledger_light_idx` ON `projects` ((CASE "light" WHEN 'red' THEN 1 WHEN 'yellow' THEN 2 WHEN 'green' THEN 3 ELSE 4 END),`id`);--> statement-breakpoint
CREATE INDEX `projects_investment_idx` ON `projects` (`total_investment`,`id`);--> statement-breakpoint
CREATE INDEX `projects_stage_entered_idx` ON `projects` (`stage_entered_at`);--> statement-breakpoint
CREATE INDEX `projects_located_idx` ON `projects` (`unit_id`) WHERE "projects"."longitude" IS NOT NULL AND "projects"."latitude" IS NOT NULL;--> statement-breakpoint
DROP INDEX `stage_history_to_at_idx`;--> statement-breakpoint
CREATE INDEX `stage_history_to_at_idx` ON `stage_history` (`to_stage`,`at`,`project_id`);