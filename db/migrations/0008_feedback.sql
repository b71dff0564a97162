CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_by_id` integer,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	`revoked_by_id` integer,
	`refused_calls` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_uq` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_created_by_idx` ON `api_keys` (`created_by_id`);--> statement-breakpoint
CREATE INDEX `api_keys_revoked_by_idx` ON `api_keys` (`revoked_by_id`);--> statement-breakpoint
CREATE INDEX `api_keys_created_idx` ON `api_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `api_refusals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reason` text NOT NULL,
	`api_key_id` integer,
	`address` text,
	`at` text NOT NULL,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `api_refusals_at_idx` ON `api_refusals` (`at`);--> statement-breakpoint
CREATE INDEX `api_refusals_key_idx` ON `api_refusals` (`api_key_id`);--> statement-breakpoint
CREATE INDEX `api_refusals_address_idx` ON `api_refusals` (`address`,`at`);--> statement-breakpoint
CREATE TABLE `feedback_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`from_id` integer NOT NULL,
	`to_id` integer NOT NULL,
	`visibility` text DEFAULT 'recipient' NOT NULL,
	`job_role_id` integer,
	`team_id` integer,
	`responsibility_key` text,
	`standard_category` text,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`from_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `feedback_notes_to_idx` ON `feedback_notes` (`to_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `feedback_notes_from_idx` ON `feedback_notes` (`from_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `feedback_notes_team_idx` ON `feedback_notes` (`team_id`,`visibility`,`created_at`);--> statement-breakpoint
CREATE INDEX `feedback_notes_role_idx` ON `feedback_notes` (`job_role_id`);--> statement-breakpoint
CREATE TABLE `rating_codes` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_codes_code_uq` ON `rating_codes` (`code`);--> statement-breakpoint
CREATE TABLE `rating_followups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rating_id` integer NOT NULL,
	`owner_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`what_happened` text DEFAULT '' NOT NULL,
	`handed_to_id` integer,
	`handover_note` text DEFAULT '' NOT NULL,
	`contact_note` text DEFAULT '' NOT NULL,
	`contacted_at` text,
	`solved_at` text,
	`solved_by_id` integer,
	`due_on` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`rating_id`) REFERENCES `ratings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`handed_to_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`solved_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_followups_rating_uq` ON `rating_followups` (`rating_id`);--> statement-breakpoint
CREATE INDEX `rating_followups_owner_idx` ON `rating_followups` (`owner_id`,`status`);--> statement-breakpoint
CREATE INDEX `rating_followups_handed_to_idx` ON `rating_followups` (`handed_to_id`);--> statement-breakpoint
CREATE INDEX `rating_followups_solved_by_idx` ON `rating_followups` (`solved_by_id`);--> statement-breakpoint
CREATE INDEX `rating_followups_due_idx` ON `rating_followups` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `rating_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`person_id` integer NOT NULL,
	`made_by` text NOT NULL,
	`created_by_id` integer,
	`api_key_id` integer,
	`reference` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_links_token_uq` ON `rating_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `rating_links_person_idx` ON `rating_links` (`person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `rating_links_created_by_idx` ON `rating_links` (`created_by_id`);--> statement-breakpoint
CREATE INDEX `rating_links_api_key_idx` ON `rating_links` (`api_key_id`);--> statement-breakpoint
CREATE TABLE `rating_tags` (
	`rating_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`rating_id`, `tag`),
	FOREIGN KEY (`rating_id`) REFERENCES `ratings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `rating_tags_tag_idx` ON `rating_tags` (`tag`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`job_role_id` integer,
	`team_id` integer,
	`source` text NOT NULL,
	`link_id` integer,
	`stars` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`locale` text NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`contact_email` text,
	`created_at` text NOT NULL,
	`created_on` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`link_id`) REFERENCES `rating_links`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_link_uq` ON `ratings` (`link_id`);--> statement-breakpoint
CREATE INDEX `ratings_person_idx` ON `ratings` (`person_id`,`created_on`);--> statement-breakpoint
CREATE INDEX `ratings_role_idx` ON `ratings` (`job_role_id`,`created_on`);--> statement-breakpoint
CREATE INDEX `ratings_team_idx` ON `ratings` (`team_id`,`created_on`);--> statement-breakpoint
CREATE INDEX `ratings_day_idx` ON `ratings` (`created_on`);--> statement-breakpoint
CREATE TABLE `upward_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`leader_id` integer NOT NULL,
	`period` text NOT NULL,
	`created_on` text NOT NULL,
	`greets` integer NOT NULL,
	`listens` integer NOT NULL,
	`recognises` integer NOT NULL,
	`approachable` integer NOT NULL,
	`expectations` integer NOT NULL,
	`explains` integer NOT NULL,
	`feedback` integer NOT NULL,
	FOREIGN KEY (`leader_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `upward_answers_leader_idx` ON `upward_answers` (`leader_id`,`period`);--> statement-breakpoint
CREATE TABLE `upward_given` (
	`person_id` integer NOT NULL,
	`leader_id` integer NOT NULL,
	`period` text NOT NULL,
	PRIMARY KEY(`person_id`, `leader_id`, `period`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`leader_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `upward_given_leader_idx` ON `upward_given` (`leader_id`,`period`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`webhook_id` integer NOT NULL,
	`event` text NOT NULL,
	`event_key` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`lease_until` text,
	`last_error` text,
	`last_status` integer,
	`delivered_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_event_uq` ON `webhook_deliveries` (`webhook_id`,`event_key`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`created_by_id` integer,
	`created_at` text NOT NULL,
	`removed_at` text,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `webhooks_created_by_idx` ON `webhooks` (`created_by_id`);--> statement-breakpoint
CREATE INDEX `webhooks_removed_idx` ON `webhooks` (`removed_at`);--> statement-breakpoint
ALTER TABLE `job_roles` ADD `customer_facing` integer DEFAULT false NOT NULL;