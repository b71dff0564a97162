ALTER TABLE `people` ADD `role_since` text;--> statement-breakpoint
CREATE INDEX `people_role_since_idx` ON `people` (`role_since`);