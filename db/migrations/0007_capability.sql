CREATE TABLE `access_grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`tool` text NOT NULL,
	`tool_key` text NOT NULL,
	`status` text NOT NULL,
	`flag_reason` text,
	`job_role_id` integer,
	`granted_by_id` integer,
	`granted_at` text,
	`revoked_by_id` integer,
	`revoked_at` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`granted_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_grants_person_tool_uq` ON `access_grants` (`person_id`,`tool_key`);--> statement-breakpoint
CREATE INDEX `access_grants_status_idx` ON `access_grants` (`status`);--> statement-breakpoint
CREATE INDEX `access_grants_role_idx` ON `access_grants` (`job_role_id`);--> statement-breakpoint
CREATE INDEX `access_grants_granted_by_idx` ON `access_grants` (`granted_by_id`);--> statement-breakpoint
CREATE INDEX `access_grants_revoked_by_idx` ON `access_grants` (`revoked_by_id`);--> statement-breakpoint
CREATE TABLE `capabilities` (
	`key` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`validity_months` integer,
	`merged_into_key` text,
	`search_name` text DEFAULT '' NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`merged_into_key`) REFERENCES `capabilities`(`key`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `capabilities_merged_idx` ON `capabilities` (`merged_into_key`);--> statement-breakpoint
CREATE INDEX `capabilities_search_idx` ON `capabilities` (`search_name`);--> statement-breakpoint
CREATE INDEX `capabilities_kind_idx` ON `capabilities` (`kind`);--> statement-breakpoint
CREATE TABLE `capability_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`capability_key` text NOT NULL,
	`kind` text NOT NULL,
	`attempt_id` integer,
	`signoff_relation` text,
	`note` text DEFAULT '' NOT NULL,
	`file_id` text,
	`issuer` text,
	`valid_from` text NOT NULL,
	`valid_until` text,
	`created_by_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`capability_key`) REFERENCES `capabilities`(`key`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attempt_id`) REFERENCES `quiz_attempts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `capability_evidence_person_idx` ON `capability_evidence` (`person_id`,`capability_key`,`valid_until`);--> statement-breakpoint
CREATE INDEX `capability_evidence_capability_idx` ON `capability_evidence` (`capability_key`,`valid_until`);--> statement-breakpoint
CREATE INDEX `capability_evidence_attempt_idx` ON `capability_evidence` (`attempt_id`);--> statement-breakpoint
CREATE INDEX `capability_evidence_file_idx` ON `capability_evidence` (`file_id`);--> statement-breakpoint
CREATE INDEX `capability_evidence_created_by_idx` ON `capability_evidence` (`created_by_id`);--> statement-breakpoint
CREATE TABLE `course_capabilities` (
	`course_id` integer NOT NULL,
	`capability_key` text NOT NULL,
	PRIMARY KEY(`course_id`, `capability_key`),
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`capability_key`) REFERENCES `capabilities`(`key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `course_capabilities_capability_idx` ON `course_capabilities` (`capability_key`);--> statement-breakpoint
CREATE TABLE `courses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`estimated_minutes` integer NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`author_id` integer,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `courses_kind_idx` ON `courses` (`kind`,`title`);--> statement-breakpoint
CREATE INDEX `courses_author_idx` ON `courses` (`author_id`);--> statement-breakpoint
CREATE INDEX `courses_title_idx` ON `courses` (`title`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`original_name` text DEFAULT '' NOT NULL,
	`uploaded_by_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `files_uploaded_by_idx` ON `files` (`uploaded_by_id`);--> statement-breakpoint
CREATE INDEX `files_purpose_idx` ON `files` (`purpose`);--> statement-breakpoint
CREATE TABLE `quiz_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`answers` text NOT NULL,
	`score` integer NOT NULL,
	`pass_mark` integer NOT NULL,
	`passed` integer NOT NULL,
	`submitted_at` text NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quiz_attempts_person_idx` ON `quiz_attempts` (`person_id`,`course_id`);--> statement-breakpoint
CREATE INDEX `quiz_attempts_course_idx` ON `quiz_attempts` (`course_id`);--> statement-breakpoint
CREATE TABLE `quiz_options` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`correct` integer NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `quiz_questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quiz_options_question_idx` ON `quiz_options` (`question_id`,`position`);--> statement-breakpoint
CREATE TABLE `quiz_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `quizzes`(`course_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quiz_questions_course_idx` ON `quiz_questions` (`course_id`,`position`);--> statement-breakpoint
CREATE TABLE `quizzes` (
	`course_id` integer PRIMARY KEY NOT NULL,
	`pass_mark` integer NOT NULL,
	`max_attempts` integer DEFAULT 0 NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `training_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`capability_key` text,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`onboarding_item_id` integer,
	`assigned_by_id` integer,
	`created_at` text NOT NULL,
	`done_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`capability_key`) REFERENCES `capabilities`(`key`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`onboarding_item_id`) REFERENCES `onboarding_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assigned_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `training_assignments_person_idx` ON `training_assignments` (`person_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `training_assignments_course_idx` ON `training_assignments` (`course_id`);--> statement-breakpoint
CREATE INDEX `training_assignments_capability_idx` ON `training_assignments` (`capability_key`);--> statement-breakpoint
CREATE INDEX `training_assignments_item_idx` ON `training_assignments` (`onboarding_item_id`);--> statement-breakpoint
CREATE INDEX `training_assignments_by_idx` ON `training_assignments` (`assigned_by_id`);--> statement-breakpoint
CREATE INDEX `training_assignments_status_idx` ON `training_assignments` (`status`,`due_date`);--> statement-breakpoint
-- Backfill: every capability named in a published role version becomes a record (the latest version's name and kind win).
INSERT OR IGNORE INTO `capabilities` (`key`, `name`, `kind`, `search_name`)
SELECT json_extract(c.value, '$.key'), json_extract(c.value, '$.name'), json_extract(c.value, '$.kind'), lower(json_extract(c.value, '$.name'))
FROM `role_versions` v, json_each(v.content, '$.responsibilities') r, json_each(r.value, '$.capabilities') c
ORDER BY v.published_at DESC;
