-- Hand-written (drizzle-kit does not know WITHOUT ROWID): concern_addressees is rebuilt WITHOUT ROWID, like concerns, concern_messages and pulse_answers, so no hidden rowid keeps the order anonymous concerns were addressed in. Same columns, keys and indexes. See db/schema/confidence.ts.
CREATE TABLE `__new_concern_addressees` (
	`concern_id` text NOT NULL,
	`person_id` integer NOT NULL,
	`added_on` text NOT NULL,
	`forwarded_by_id` integer,
	PRIMARY KEY(`concern_id`, `person_id`),
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`forwarded_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__new_concern_addressees` (`concern_id`, `person_id`, `added_on`, `forwarded_by_id`) SELECT `concern_id`, `person_id`, `added_on`, `forwarded_by_id` FROM `concern_addressees`;--> statement-breakpoint
DROP TABLE `concern_addressees`;--> statement-breakpoint
ALTER TABLE `__new_concern_addressees` RENAME TO `concern_addressees`;--> statement-breakpoint
CREATE INDEX `concern_addressees_person_idx` ON `concern_addressees` (`person_id`);--> statement-breakpoint
CREATE INDEX `concern_addressees_forwarded_by_idx` ON `concern_addressees` (`forwarded_by_id`);
