/** Demo data for the capability tool (issue 11): courses. Filled in by its part of the work; runs in the order of db/seed-capability.ts. */
export function seedCourses(today: Date, personIds: Map<string, number>): void {
  void today;
  void personIds;
}
