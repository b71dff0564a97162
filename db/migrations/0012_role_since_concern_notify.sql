ALTER TABLE `people` ADD `role_since` text;--> statement-breakpoint
CREATE INDEX `people_role_since_idx` ON `people` (`role_since`);--> statement-breakpoint
ALTER TABLE `concerns` ADD `notify_pending` text;--> statement-breakpoint
CREATE INDEX `concerns_notify_pending_idx` ON `concerns` (`notify_pending`);