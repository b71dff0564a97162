CREATE TABLE `holidays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`name` text NOT NULL,
	`created_by_id` integer,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `holidays_date_uq` ON `holidays` (`date`);--> statement-breakpoint
CREATE INDEX `holidays_created_by_idx` ON `holidays` (`created_by_id`);--> statement-breakpoint
CREATE TABLE `organisation` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`time_zone` text DEFAULT '' NOT NULL,
	`apply_email` text DEFAULT '' NOT NULL,
	`apply_url` text DEFAULT '' NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`updated_by_id` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `organisation_updated_by_idx` ON `organisation` (`updated_by_id`);--> statement-breakpoint
ALTER TABLE `people` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `onboarding_items` ADD `gen_key` text;--> statement-breakpoint
ALTER TABLE `onboarding_items` ADD `gen_params` text;--> statement-breakpoint
ALTER TABLE `onboarding_items` ADD `edited` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `onboarding_items` ADD `last_reminded_at` text;--> statement-breakpoint
CREATE INDEX `onboarding_items_gen_idx` ON `onboarding_items` (`gen_key`);--> statement-breakpoint
ALTER TABLE `onboarding_template_items` ADD `gen_params` text;--> statement-breakpoint
INSERT INTO `organisation` (`id`, `updated_at`) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ','now'));--> statement-breakpoint
CREATE VIRTUAL TABLE `role_search_trigram` USING fts5(
	`kind` UNINDEXED,
	`ref_key` UNINDEXED,
	`role_id` UNINDEXED,
	`title`,
	`body`,
	tokenize = 'trigram remove_diacritics 1'
);--> statement-breakpoint
INSERT INTO `role_search_trigram` (`kind`, `ref_key`, `role_id`, `title`, `body`) SELECT `kind`, `ref_key`, `role_id`, `title`, `body` FROM `role_search`;
