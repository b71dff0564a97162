CREATE TABLE `evaluation_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evaluation_id` integer NOT NULL,
	`author_id` integer,
	`kind` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `evaluation_entries_evaluation_idx` ON `evaluation_entries` (`evaluation_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `evaluation_entries_author_idx` ON `evaluation_entries` (`author_id`);--> statement-breakpoint
CREATE TABLE `evaluation_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evaluation_id` integer NOT NULL,
	`source` text NOT NULL,
	`responsibility_key` text NOT NULL,
	`criterion_key` text NOT NULL,
	`level_id` integer,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`level_id`) REFERENCES `rating_levels`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_ratings_uq` ON `evaluation_ratings` (`evaluation_id`,`source`,`criterion_key`);--> statement-breakpoint
CREATE INDEX `evaluation_ratings_level_idx` ON `evaluation_ratings` (`level_id`);--> statement-breakpoint
CREATE INDEX `evaluation_ratings_criterion_idx` ON `evaluation_ratings` (`criterion_key`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`author_id` integer,
	`job_role_id` integer,
	`role_version_id` integer,
	`kind` text DEFAULT 'periodic' NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`criteria` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`strengths` text DEFAULT '[]' NOT NULL,
	`improvements` text DEFAULT '[]' NOT NULL,
	`private_note` text DEFAULT '' NOT NULL,
	`self_requested_at` text,
	`self_submitted_at` text,
	`self_summary` text DEFAULT '' NOT NULL,
	`released_at` text,
	`escalated_to_id` integer,
	`escalated_at` text,
	`closed_at` text,
	`outcome` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`role_version_id`) REFERENCES `role_versions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`escalated_to_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `evaluations_person_idx` ON `evaluations` (`person_id`,`period_end`);--> statement-breakpoint
CREATE INDEX `evaluations_author_idx` ON `evaluations` (`author_id`);--> statement-breakpoint
CREATE INDEX `evaluations_job_role_idx` ON `evaluations` (`job_role_id`);--> statement-breakpoint
CREATE INDEX `evaluations_role_version_idx` ON `evaluations` (`role_version_id`);--> statement-breakpoint
CREATE INDEX `evaluations_status_idx` ON `evaluations` (`status`);--> statement-breakpoint
CREATE INDEX `evaluations_escalated_to_idx` ON `evaluations` (`escalated_to_id`);--> statement-breakpoint
CREATE TABLE `rating_levels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`position` integer NOT NULL,
	`code` text,
	`labels` text DEFAULT '{}' NOT NULL,
	`meanings` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rating_levels_position_idx` ON `rating_levels` (`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `rating_levels_code_uq` ON `rating_levels` (`code`);--> statement-breakpoint
ALTER TABLE `organisation` ADD `probation_days` integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation` ADD `evaluation_interval_months` integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation` ADD `scale_revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- The default scale: four levels, named and explained in every language by messages (evaluations.level.<code>).
INSERT INTO `rating_levels` (`position`, `code`) VALUES (1, 'needs_improvement'), (2, 'meets'), (3, 'exceeds'), (4, 'outstanding');
