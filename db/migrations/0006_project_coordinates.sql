ALTER TABLE `projects` ADD `longitude` real;--> statement-breakpoint
ALTER TABLE `projects` ADD `latitude` real;