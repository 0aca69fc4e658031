-- Change counters (see db/schema.ts dataChanges / projectChanges). Triggers run inside the writer's own
-- transaction, whichever process or script writes, so every server process sees the same counter.
-- Sessions, login failures, API tokens, notifications, saved views, import batches, webhook deliveries
-- and the audit log do not move it: nothing a cache shares is computed from them.
INSERT INTO `data_changes` (`id`, `seq`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `units_insert_seq` AFTER INSERT ON `units` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `units_update_seq` AFTER UPDATE ON `units` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `units_delete_seq` AFTER DELETE ON `units` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `industries_insert_seq` AFTER INSERT ON `industries` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `industries_update_seq` AFTER UPDATE ON `industries` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `industries_delete_seq` AFTER DELETE ON `industries` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `users_insert_seq` AFTER INSERT ON `users` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `users_update_seq` AFTER UPDATE ON `users` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `users_delete_seq` AFTER DELETE ON `users` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_insert_seq` AFTER INSERT ON `settings` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_update_seq` AFTER UPDATE ON `settings` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_delete_seq` AFTER DELETE ON `settings` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `projects_insert_seq` AFTER INSERT ON `projects` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `projects_update_seq` AFTER UPDATE ON `projects` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `projects_delete_seq` AFTER DELETE ON `projects` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `project_stage_plans_insert_seq` AFTER INSERT ON `project_stage_plans` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `project_stage_plans_update_seq` AFTER UPDATE ON `project_stage_plans` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `project_stage_plans_delete_seq` AFTER DELETE ON `project_stage_plans` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `project_year_plans_insert_seq` AFTER INSERT ON `project_year_plans` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `project_year_plans_update_seq` AFTER UPDATE ON `project_year_plans` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `project_year_plans_delete_seq` AFTER DELETE ON `project_year_plans` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `project_adjustments_insert_seq` AFTER INSERT ON `project_adjustments` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `project_adjustments_update_seq` AFTER UPDATE ON `project_adjustments` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `project_adjustments_delete_seq` AFTER DELETE ON `project_adjustments` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `packages_insert_seq` AFTER INSERT ON `packages` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `packages_update_seq` AFTER UPDATE ON `packages` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `packages_delete_seq` AFTER DELETE ON `packages` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `package_projects_insert_seq` AFTER INSERT ON `package_projects` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `package_projects_update_seq` AFTER UPDATE ON `package_projects` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `package_projects_delete_seq` AFTER DELETE ON `package_projects` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `funding_applications_insert_seq` AFTER INSERT ON `funding_applications` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `funding_applications_update_seq` AFTER UPDATE ON `funding_applications` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `funding_applications_delete_seq` AFTER DELETE ON `funding_applications` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `light_snapshots_insert_seq` AFTER INSERT ON `light_snapshots` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `light_snapshots_update_seq` AFTER UPDATE ON `light_snapshots` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `light_snapshots_delete_seq` AFTER DELETE ON `light_snapshots` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `light_snapshot_projects_insert_seq` AFTER INSERT ON `light_snapshot_projects` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `light_snapshot_projects_update_seq` AFTER UPDATE ON `light_snapshot_projects` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `light_snapshot_projects_delete_seq` AFTER DELETE ON `light_snapshot_projects` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `project_members_insert_seq` AFTER INSERT ON `project_members` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `project_members_update_seq` AFTER UPDATE ON `project_members` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `project_members_delete_seq` AFTER DELETE ON `project_members` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `stage_history_insert_seq` AFTER INSERT ON `stage_history` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `stage_history_update_seq` AFTER UPDATE ON `stage_history` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `stage_history_delete_seq` AFTER DELETE ON `stage_history` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `approval_items_insert_seq` AFTER INSERT ON `approval_items` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `approval_items_update_seq` AFTER UPDATE ON `approval_items` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `approval_items_delete_seq` AFTER DELETE ON `approval_items` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tasks_insert_seq` AFTER INSERT ON `tasks` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tasks_update_seq` AFTER UPDATE ON `tasks` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tasks_delete_seq` AFTER DELETE ON `tasks` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `monthly_reports_insert_seq` AFTER INSERT ON `monthly_reports` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `monthly_reports_update_seq` AFTER UPDATE ON `monthly_reports` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `monthly_reports_delete_seq` AFTER DELETE ON `monthly_reports` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `report_corrections_insert_seq` AFTER INSERT ON `report_corrections` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `report_corrections_update_seq` AFTER UPDATE ON `report_corrections` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `report_corrections_delete_seq` AFTER DELETE ON `report_corrections` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `report_photos_insert_seq` AFTER INSERT ON `report_photos` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `report_photos_update_seq` AFTER UPDATE ON `report_photos` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `report_photos_delete_seq` AFTER DELETE ON `report_photos` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `problems_insert_seq` AFTER INSERT ON `problems` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `problems_update_seq` AFTER UPDATE ON `problems` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `problems_delete_seq` AFTER DELETE ON `problems` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `problem_events_insert_seq` AFTER INSERT ON `problem_events` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `problem_events_update_seq` AFTER UPDATE ON `problem_events` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `problem_events_delete_seq` AFTER DELETE ON `problem_events` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `supervisions_insert_seq` AFTER INSERT ON `supervisions` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `supervisions_update_seq` AFTER UPDATE ON `supervisions` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `supervisions_delete_seq` AFTER DELETE ON `supervisions` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `supervision_replies_insert_seq` AFTER INSERT ON `supervision_replies` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `supervision_replies_update_seq` AFTER UPDATE ON `supervision_replies` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `supervision_replies_delete_seq` AFTER DELETE ON `supervision_replies` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `enterprises_insert_seq` AFTER INSERT ON `enterprises` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `enterprises_update_seq` AFTER UPDATE ON `enterprises` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `enterprises_delete_seq` AFTER DELETE ON `enterprises` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `industry_chains_insert_seq` AFTER INSERT ON `industry_chains` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `industry_chains_update_seq` AFTER UPDATE ON `industry_chains` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `industry_chains_delete_seq` AFTER DELETE ON `industry_chains` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `chain_links_insert_seq` AFTER INSERT ON `chain_links` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `chain_links_update_seq` AFTER UPDATE ON `chain_links` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `chain_links_delete_seq` AFTER DELETE ON `chain_links` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `campaigns_insert_seq` AFTER INSERT ON `campaigns` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `campaigns_update_seq` AFTER UPDATE ON `campaigns` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `campaigns_delete_seq` AFTER DELETE ON `campaigns` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `campaign_leaders_insert_seq` AFTER INSERT ON `campaign_leaders` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `campaign_leaders_update_seq` AFTER UPDATE ON `campaign_leaders` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `campaign_leaders_delete_seq` AFTER DELETE ON `campaign_leaders` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `leads_insert_seq` AFTER INSERT ON `leads` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `leads_update_seq` AFTER UPDATE ON `leads` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `leads_delete_seq` AFTER DELETE ON `leads` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `lead_partners_insert_seq` AFTER INSERT ON `lead_partners` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `lead_partners_update_seq` AFTER UPDATE ON `lead_partners` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `lead_partners_delete_seq` AFTER DELETE ON `lead_partners` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `lead_stage_history_insert_seq` AFTER INSERT ON `lead_stage_history` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `lead_stage_history_update_seq` AFTER UPDATE ON `lead_stage_history` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `lead_stage_history_delete_seq` AFTER DELETE ON `lead_stage_history` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `lead_followups_insert_seq` AFTER INSERT ON `lead_followups` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `lead_followups_update_seq` AFTER UPDATE ON `lead_followups` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `lead_followups_delete_seq` AFTER DELETE ON `lead_followups` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `annual_targets_insert_seq` AFTER INSERT ON `annual_targets` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `annual_targets_update_seq` AFTER UPDATE ON `annual_targets` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `annual_targets_delete_seq` AFTER DELETE ON `annual_targets` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `meetings_insert_seq` AFTER INSERT ON `meetings` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `meetings_update_seq` AFTER UPDATE ON `meetings` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `meetings_delete_seq` AFTER DELETE ON `meetings` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `meeting_items_insert_seq` AFTER INSERT ON `meeting_items` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `meeting_items_update_seq` AFTER UPDATE ON `meeting_items` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `meeting_items_delete_seq` AFTER DELETE ON `meeting_items` BEGIN UPDATE `data_changes` SET `seq` = `seq` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `projects_insert_log` AFTER INSERT ON `projects` BEGIN INSERT INTO `project_changes` (`project_id`) VALUES (new.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `projects_delete_log` AFTER DELETE ON `projects` BEGIN INSERT INTO `project_changes` (`project_id`) VALUES (old.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `projects_update_log` AFTER UPDATE OF `light`, `light_signals`, `light_reasons`, `name`, `unit_id`, `owner_id` ON `projects` BEGIN INSERT INTO `project_changes` (`project_id`) VALUES (new.`id`); END;
