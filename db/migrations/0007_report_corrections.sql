CREATE TABLE `report_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`at` text NOT NULL,
	`by_user_id` integer,
	`reason` text,
	`before` text NOT NULL,
	`after` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `monthly_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_corrections_report_idx` ON `report_corrections` (`report_id`,`at`);--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `version` integer DEFAULT 1 NOT NULL;