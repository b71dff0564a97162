import { seedIntegrations } from "./seed-feedback-integrations";
import { seedRatingLinks } from "./seed-feedback-links";
import { seedNotes } from "./seed-feedback-notes";
import { seedRatings } from "./seed-feedback-ratings";
import { seedUpward } from "./seed-feedback-upward";

/**
 * The feedback tool's demo data (issue 12), in dependency order: customer-facing roles and rating
 * links, 60 days of customer ratings with a follow-up, praise and suggestions, upward feedback, and
 * an API key with a webhook. Runs after everything else.
 */
export function seedFeedback(today: Date, personIds: Map<string, number>): void {
  seedRatingLinks(today, personIds);
  seedRatings(today, personIds);
  seedNotes(today, personIds);
  seedUpward(today, personIds);
  seedIntegrations(today, personIds);
}
