CREATE INDEX `ack_state_owner_idx` ON `acknowledgements` (`state`,`owner_id`);--> statement-breakpoint
CREATE INDEX `ack_state_version_idx` ON `acknowledgements` (`state`,`role_version_id`);