-- Hand-edited: concerns, concern_messages and pulse_answers are WITHOUT ROWID (anonymity: no hidden insertion order). See db/schema/confidence.ts.
CREATE TABLE `concern_addressees` (
	`concern_id` text NOT NULL,
	`person_id` integer NOT NULL,
	`added_on` text NOT NULL,
	`forwarded_by_id` integer,
	PRIMARY KEY(`concern_id`, `person_id`),
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`forwarded_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `concern_addressees_person_idx` ON `concern_addressees` (`person_id`);--> statement-breakpoint
CREATE INDEX `concern_addressees_forwarded_by_idx` ON `concern_addressees` (`forwarded_by_id`);--> statement-breakpoint
CREATE TABLE `concern_authors` (
	`concern_id` text PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `concern_authors_person_idx` ON `concern_authors` (`person_id`);--> statement-breakpoint
CREATE TABLE `concern_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`concern_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text DEFAULT 'message' NOT NULL,
	`from_author` integer NOT NULL,
	`person_id` integer,
	`forwarded_to_id` integer,
	`body` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`forwarded_to_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
) WITHOUT ROWID;
--> statement-breakpoint
CREATE UNIQUE INDEX `concern_messages_seq_uq` ON `concern_messages` (`concern_id`,`seq`);--> statement-breakpoint
CREATE INDEX `concern_messages_person_idx` ON `concern_messages` (`person_id`);--> statement-breakpoint
CREATE INDEX `concern_messages_forwarded_to_idx` ON `concern_messages` (`forwarded_to_id`);--> statement-breakpoint
CREATE TABLE `concerns` (
	`id` text PRIMARY KEY NOT NULL,
	`anonymous` integer NOT NULL,
	`audience` text NOT NULL,
	`audience_team_id` integer,
	`job_role_id` integer,
	`responsibility_key` text,
	`task_key` text,
	`body` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`close_reason` text,
	`receipt_hash` text,
	`created_on` text NOT NULL,
	`waiting_since` text,
	`reminded_on` text,
	`revision` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`audience_team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE set null
) WITHOUT ROWID;
--> statement-breakpoint
CREATE UNIQUE INDEX `concerns_receipt_uq` ON `concerns` (`receipt_hash`);--> statement-breakpoint
CREATE INDEX `concerns_status_idx` ON `concerns` (`status`,`created_on`);--> statement-breakpoint
CREATE INDEX `concerns_waiting_idx` ON `concerns` (`waiting_since`);--> statement-breakpoint
CREATE INDEX `concerns_audience_team_idx` ON `concerns` (`audience_team_id`);--> statement-breakpoint
CREATE INDEX `concerns_job_role_idx` ON `concerns` (`job_role_id`,`responsibility_key`);--> statement-breakpoint
CREATE TABLE `faq_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_role_id` integer NOT NULL,
	`responsibility_key` text NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`source_concern_id` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by_id` integer,
	`published_by_id` integer,
	`published_at` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`published_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `faq_entries_role_idx` ON `faq_entries` (`job_role_id`,`responsibility_key`,`status`);--> statement-breakpoint
CREATE INDEX `faq_entries_source_idx` ON `faq_entries` (`source_concern_id`);--> statement-breakpoint
CREATE INDEX `faq_entries_created_by_idx` ON `faq_entries` (`created_by_id`);--> statement-breakpoint
CREATE INDEX `faq_entries_published_by_idx` ON `faq_entries` (`published_by_id`);--> statement-breakpoint
CREATE INDEX `faq_entries_status_idx` ON `faq_entries` (`status`);--> statement-breakpoint
CREATE TABLE `pulse_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`job_role_id` integer,
	`team_id` integer,
	`month` text NOT NULL,
	`expected` integer NOT NULL,
	`how` integer NOT NULL,
	`wrong` integer NOT NULL,
	`judged` integer NOT NULL,
	`resources` integer NOT NULL,
	`least_clear_key` text,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `pulse_answers_role_idx` ON `pulse_answers` (`job_role_id`,`month`);--> statement-breakpoint
CREATE INDEX `pulse_answers_team_idx` ON `pulse_answers` (`team_id`,`month`);--> statement-breakpoint
CREATE TABLE `pulse_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer,
	`job_role_id` integer,
	`recipients` integer DEFAULT 0 NOT NULL,
	`created_by_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `pulse_rounds_team_idx` ON `pulse_rounds` (`team_id`);--> statement-breakpoint
CREATE INDEX `pulse_rounds_role_idx` ON `pulse_rounds` (`job_role_id`);--> statement-breakpoint
CREATE INDEX `pulse_rounds_created_by_idx` ON `pulse_rounds` (`created_by_id`);--> statement-breakpoint
CREATE TABLE `pulse_sends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`occasion` text NOT NULL,
	`occasion_key` text NOT NULL,
	`round_id` integer,
	`job_role_id` integer,
	`team_id` integer,
	`sent_on` text NOT NULL,
	`answered_on` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `pulse_rounds`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pulse_sends_occasion_uq` ON `pulse_sends` (`person_id`,`occasion_key`);--> statement-breakpoint
CREATE INDEX `pulse_sends_person_open_idx` ON `pulse_sends` (`person_id`,`answered_on`);--> statement-breakpoint
CREATE INDEX `pulse_sends_round_idx` ON `pulse_sends` (`round_id`);--> statement-breakpoint
CREATE INDEX `pulse_sends_role_idx` ON `pulse_sends` (`job_role_id`);--> statement-breakpoint
CREATE INDEX `pulse_sends_team_idx` ON `pulse_sends` (`team_id`);--> statement-breakpoint
CREATE TABLE `task_thread_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`thread_id` integer NOT NULL,
	`author_id` integer,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `task_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `task_thread_posts_thread_idx` ON `task_thread_posts` (`thread_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `task_thread_posts_author_idx` ON `task_thread_posts` (`author_id`);--> statement-breakpoint
CREATE TABLE `task_threads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_role_id` integer NOT NULL,
	`task_key` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`author_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`solution_post_id` integer,
	`solved_by_id` integer,
	`proposed_at` text,
	`proposed_by_id` integer,
	`proposal_handled_at` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`solution_post_id`) REFERENCES `task_thread_posts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`solved_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`proposed_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `task_threads_role_task_idx` ON `task_threads` (`job_role_id`,`task_key`);--> statement-breakpoint
CREATE INDEX `task_threads_author_idx` ON `task_threads` (`author_id`);--> statement-breakpoint
CREATE INDEX `task_threads_solution_idx` ON `task_threads` (`solution_post_id`);--> statement-breakpoint
CREATE INDEX `task_threads_solved_by_idx` ON `task_threads` (`solved_by_id`);--> statement-breakpoint
CREATE INDEX `task_threads_proposed_by_idx` ON `task_threads` (`proposed_by_id`);--> statement-breakpoint
CREATE INDEX `task_threads_proposal_idx` ON `task_threads` (`job_role_id`,`proposed_at`);--> statement-breakpoint
ALTER TABLE `organisation` ADD `pulse_min_group` integer DEFAULT 5 NOT NULL;