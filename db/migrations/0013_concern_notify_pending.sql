ALTER TABLE `concerns` ADD `notify_pending` text;--> statement-breakpoint
CREATE INDEX `concerns_notify_pending_idx` ON `concerns` (`notify_pending`);