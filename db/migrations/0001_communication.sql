CREATE TABLE `job_postings` (
	`job_role_id` integer PRIMARY KEY NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`published_by_id` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `job_postings_published_idx` ON `job_postings` (`published`);--> statement-breakpoint
CREATE INDEX `job_postings_by_idx` ON `job_postings` (`published_by_id`);--> statement-breakpoint
CREATE TABLE `role_drafts` (
	`job_role_id` integer PRIMARY KEY NOT NULL,
	`content` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`base_version` integer DEFAULT 0 NOT NULL,
	`updated_by_id` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `role_drafts_updated_by_idx` ON `role_drafts` (`updated_by_id`);--> statement-breakpoint
CREATE TABLE `role_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_role_id` integer NOT NULL,
	`number` integer NOT NULL,
	`content` text NOT NULL,
	`summary` text NOT NULL,
	`kind` text NOT NULL,
	`author_id` integer,
	`announcement_id` integer,
	`published_at` text NOT NULL,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `role_versions_role_number_uq` ON `role_versions` (`job_role_id`,`number`);--> statement-breakpoint
CREATE INDEX `role_versions_author_idx` ON `role_versions` (`author_id`);--> statement-breakpoint
CREATE INDEX `role_versions_announcement_idx` ON `role_versions` (`announcement_id`);--> statement-breakpoint
CREATE INDEX `role_versions_kind_idx` ON `role_versions` (`kind`);--> statement-breakpoint
CREATE TABLE `ack_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`acknowledgement_id` integer NOT NULL,
	`author_id` integer,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`acknowledgement_id`) REFERENCES `acknowledgements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ack_messages_ack_idx` ON `ack_messages` (`acknowledgement_id`);--> statement-breakpoint
CREATE INDEX `ack_messages_author_idx` ON `ack_messages` (`author_id`);--> statement-breakpoint
CREATE TABLE `acknowledgements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`role_version_id` integer,
	`base_version_id` integer,
	`announcement_id` integer,
	`owner_id` integer,
	`state` text DEFAULT 'pending' NOT NULL,
	`created_at` text NOT NULL,
	`answered_at` text,
	`last_reminded_at` text,
	`reminders` integer DEFAULT 0 NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`role_version_id`) REFERENCES `role_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`base_version_id`) REFERENCES `role_versions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`announcement_id`) REFERENCES `announcements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ack_person_version_uq` ON `acknowledgements` (`person_id`,`role_version_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ack_person_announcement_uq` ON `acknowledgements` (`person_id`,`announcement_id`);--> statement-breakpoint
CREATE INDEX `ack_version_idx` ON `acknowledgements` (`role_version_id`);--> statement-breakpoint
CREATE INDEX `ack_base_version_idx` ON `acknowledgements` (`base_version_id`);--> statement-breakpoint
CREATE INDEX `ack_announcement_idx` ON `acknowledgements` (`announcement_id`);--> statement-breakpoint
CREATE INDEX `ack_owner_idx` ON `acknowledgements` (`owner_id`);--> statement-breakpoint
CREATE INDEX `ack_state_idx` ON `acknowledgements` (`person_id`,`state`);--> statement-breakpoint
CREATE TABLE `announcements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`effective_date` text NOT NULL,
	`author_id` integer,
	`audience` text NOT NULL,
	`published_at` text NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `announcements_author_idx` ON `announcements` (`author_id`);--> statement-breakpoint
CREATE INDEX `announcements_effective_idx` ON `announcements` (`effective_date`);--> statement-breakpoint
CREATE TABLE `notification_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notification_id` integer NOT NULL,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`attempted_at` text,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notification_deliveries_notification_idx` ON `notification_deliveries` (`notification_id`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_status_idx` ON `notification_deliveries` (`channel`,`status`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`link` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_person_read_idx` ON `notifications` (`person_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `notifications_created_idx` ON `notifications` (`created_at`);--> statement-breakpoint
CREATE TABLE `task_person_owners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_key` text NOT NULL,
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`transfer_id` integer,
	`since` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`transfer_id`) REFERENCES `task_transfers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_person_owners_uq` ON `task_person_owners` (`task_key`,`person_id`);--> statement-breakpoint
CREATE INDEX `task_person_owners_person_idx` ON `task_person_owners` (`person_id`);--> statement-breakpoint
CREATE INDEX `task_person_owners_transfer_idx` ON `task_person_owners` (`transfer_id`);--> statement-breakpoint
CREATE TABLE `task_transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`announcement_id` integer NOT NULL,
	`task_key` text NOT NULL,
	`task_title` text NOT NULL,
	`from_role_id` integer,
	`to_role_id` integer,
	`to_responsibility_key` text,
	`from_person_id` integer,
	`to_person_id` integer,
	`effective_date` text NOT NULL,
	`applied_at` text,
	FOREIGN KEY (`announcement_id`) REFERENCES `announcements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`to_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`from_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`to_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `task_transfers_announcement_idx` ON `task_transfers` (`announcement_id`);--> statement-breakpoint
CREATE INDEX `task_transfers_due_idx` ON `task_transfers` (`applied_at`,`effective_date`);--> statement-breakpoint
CREATE INDEX `task_transfers_from_role_idx` ON `task_transfers` (`from_role_id`);--> statement-breakpoint
CREATE INDEX `task_transfers_to_role_idx` ON `task_transfers` (`to_role_id`);--> statement-breakpoint
CREATE INDEX `task_transfers_from_person_idx` ON `task_transfers` (`from_person_id`);--> statement-breakpoint
CREATE INDEX `task_transfers_to_person_idx` ON `task_transfers` (`to_person_id`);--> statement-breakpoint
ALTER TABLE `job_roles` ADD `current_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `responsibilities` ADD `key` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `responsibilities` SET `key` = lower(hex(randomblob(16))) WHERE `key` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `responsibilities_key_uq` ON `responsibilities` (`key`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `key` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `tasks` SET `key` = lower(hex(randomblob(16))) WHERE `key` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_key_uq` ON `tasks` (`key`);--> statement-breakpoint
CREATE VIRTUAL TABLE `role_search` USING fts5(
	`kind` UNINDEXED,
	`ref_key` UNINDEXED,
	`role_id` UNINDEXED,
	`title`,
	`body`,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
