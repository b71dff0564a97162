import { seedAccess } from "./seed-capability-access";
import { seedCapabilityRecords } from "./seed-capability-records";
import { seedCourses } from "./seed-capability-courses";
import { seedEvidence } from "./seed-capability-evidence";
import { seedQuizzes } from "./seed-capability-quizzes";
import { seedTraining } from "./seed-capability-training";

/**
 * The capability tool's demo data (issue 11), in dependency order: capability records (validity,
 * a merged duplicate), courses, quizzes, evidence, assigned training, then tools and access with the
 * new hire's gaps in her onboarding plan. Runs after onboarding plans exist.
 */
export function seedCapability(today: Date, personIds: Map<string, number>): void {
  seedCapabilityRecords(today, personIds);
  seedCourses(today, personIds);
  seedQuizzes(today, personIds);
  seedEvidence(today, personIds);
  seedTraining(today, personIds);
  seedAccess(today, personIds);
}
