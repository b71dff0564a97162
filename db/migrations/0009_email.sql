CREATE TABLE `email_bounces` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`address` text NOT NULL,
	`reason` text NOT NULL,
	`bounced_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `email_bounces_at_idx` ON `email_bounces` (`bounced_at`);--> statement-breakpoint
CREATE TABLE `email_preferences` (
	`person_id` integer NOT NULL,
	`group` text NOT NULL,
	`mode` text NOT NULL,
	PRIMARY KEY(`person_id`, `group`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `email_settings` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`digest_time` text DEFAULT '08:00' NOT NULL,
	`last_digest_on` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `email_settings_digest_idx` ON `email_settings` (`digest_time`,`last_digest_on`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_by_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_uq` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_person_idx` ON `invitations` (`person_id`);--> statement-breakpoint
CREATE INDEX `invitations_created_by_idx` ON `invitations` (`created_by_id`);--> statement-breakpoint
CREATE TABLE `reminder_log` (
	`key` text NOT NULL,
	`person_id` integer NOT NULL,
	`sent_at` text NOT NULL,
	PRIMARY KEY(`key`, `person_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reminder_log_person_idx` ON `reminder_log` (`person_id`);--> statement-breakpoint
CREATE TABLE `scheduled_jobs` (
	`name` text PRIMARY KEY NOT NULL,
	`last_period` text,
	`lease_until` text,
	`lease_owner` text,
	`last_started_at` text,
	`last_finished_at` text,
	`last_status` text,
	`last_result` text,
	`runs` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_notification_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notification_id` integer,
	`person_id` integer,
	`channel` text NOT NULL,
	`kind` text DEFAULT 'notification' NOT NULL,
	`status` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`lease_until` text,
	`last_error` text,
	`attempted_at` text,
	`sent_at` text,
	`message_key` text,
	`to_address` text,
	`subject` text,
	`digest_id` integer,
	`created_at` text,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`digest_id`) REFERENCES `notification_deliveries`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_notification_deliveries`("id", "notification_id", "channel", "status", "attempted_at", "created_at") SELECT "id", "notification_id", "channel", "status", "attempted_at", "attempted_at" FROM `notification_deliveries`;--> statement-breakpoint
DROP TABLE `notification_deliveries`;--> statement-breakpoint
ALTER TABLE `__new_notification_deliveries` RENAME TO `notification_deliveries`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `notification_deliveries_notification_idx` ON `notification_deliveries` (`notification_id`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_status_idx` ON `notification_deliveries` (`channel`,`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_person_idx` ON `notification_deliveries` (`person_id`,`status`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_digest_idx` ON `notification_deliveries` (`digest_id`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_sent_idx` ON `notification_deliveries` (`channel`,`sent_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `notification_deliveries_message_key_uq` ON `notification_deliveries` (`message_key`);--> statement-breakpoint
ALTER TABLE `organisation` ADD `reminder_working_days` integer DEFAULT 3 NOT NULL;