-- Plan items started before items carried their generator's key: take it from the template item of
-- the plan's role with the same title, so "Read and answer your role description" ticks itself when
-- the hire confirms the role, and generated items read in each reader's language. Items without such
-- a twin keep a null key (shown as written).
UPDATE `onboarding_items`
SET
	`gen_key` = (
		SELECT ti.`gen_key` FROM `onboarding_template_items` ti
		JOIN `onboardings` o ON o.`job_role_id` = ti.`job_role_id`
		WHERE o.`id` = `onboarding_items`.`onboarding_id` AND ti.`title` = `onboarding_items`.`title` AND ti.`gen_key` IS NOT NULL
		ORDER BY ti.`id` LIMIT 1
	),
	`edited` = COALESCE((
		SELECT ti.`edited` FROM `onboarding_template_items` ti
		JOIN `onboardings` o ON o.`job_role_id` = ti.`job_role_id`
		WHERE o.`id` = `onboarding_items`.`onboarding_id` AND ti.`title` = `onboarding_items`.`title` AND ti.`gen_key` IS NOT NULL
		ORDER BY ti.`id` LIMIT 1
	), `edited`)
WHERE `gen_key` IS NULL;
