CREATE TABLE `onboarding_checkins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`onboarding_id` integer NOT NULL,
	`milestone` text NOT NULL,
	`author_id` integer NOT NULL,
	`note` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`onboarding_id`) REFERENCES `onboardings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `onboarding_checkins_uq` ON `onboarding_checkins` (`onboarding_id`,`milestone`,`author_id`);--> statement-breakpoint
CREATE INDEX `onboarding_checkins_author_idx` ON `onboarding_checkins` (`author_id`);--> statement-breakpoint
CREATE TABLE `onboarding_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`onboarding_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`assignee` text NOT NULL,
	`due_day` integer NOT NULL,
	`due_date` text NOT NULL,
	`link_kind` text,
	`link_key` text,
	`done_at` text,
	`done_by_id` integer,
	FOREIGN KEY (`onboarding_id`) REFERENCES `onboardings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`done_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `onboarding_items_plan_idx` ON `onboarding_items` (`onboarding_id`,`due_date`);--> statement-breakpoint
CREATE INDEX `onboarding_items_due_idx` ON `onboarding_items` (`due_date`,`done_at`);--> statement-breakpoint
CREATE INDEX `onboarding_items_done_by_idx` ON `onboarding_items` (`done_by_id`);--> statement-breakpoint
CREATE TABLE `onboarding_template_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_role_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`assignee` text NOT NULL,
	`due_day` integer NOT NULL,
	`link_kind` text,
	`link_key` text,
	`source` text NOT NULL,
	`gen_key` text,
	`edited` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `onboarding_template_items_role_idx` ON `onboarding_template_items` (`job_role_id`,`position`);--> statement-breakpoint
CREATE INDEX `onboarding_template_items_gen_idx` ON `onboarding_template_items` (`gen_key`);--> statement-breakpoint
CREATE TABLE `onboarding_templates` (
	`job_role_id` integer PRIMARY KEY NOT NULL,
	`generated_from_version` integer DEFAULT 0 NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `onboardings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`job_role_id` integer,
	`from_job_role_id` integer,
	`kind` text NOT NULL,
	`start_date` text NOT NULL,
	`manager_id` integer,
	`buddy_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_at` text,
	`closed_reason` text,
	`closed_by_id` integer,
	`created_by_id` integer,
	`created_at` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`from_job_role_id`) REFERENCES `job_roles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`manager_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`buddy_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`closed_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `onboardings_person_idx` ON `onboardings` (`person_id`,`status`);--> statement-breakpoint
CREATE INDEX `onboardings_role_idx` ON `onboardings` (`job_role_id`);--> statement-breakpoint
CREATE INDEX `onboardings_from_role_idx` ON `onboardings` (`from_job_role_id`);--> statement-breakpoint
CREATE INDEX `onboardings_manager_idx` ON `onboardings` (`manager_id`,`status`);--> statement-breakpoint
CREATE INDEX `onboardings_buddy_idx` ON `onboardings` (`buddy_id`,`status`);--> statement-breakpoint
CREATE INDEX `onboardings_status_idx` ON `onboardings` (`status`);--> statement-breakpoint
CREATE INDEX `onboardings_closed_by_idx` ON `onboardings` (`closed_by_id`);--> statement-breakpoint
CREATE INDEX `onboardings_created_by_idx` ON `onboardings` (`created_by_id`);