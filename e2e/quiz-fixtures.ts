import path from "node:path";
import Database from "better-sqlite3";

const DB_PATH = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e.db");

/** A course's id by its title (the catalog is another part's page). */
export function courseIdByTitle(title: string): number {
  const db = new Database(DB_PATH, { readonly: true });
  try {
    return (db.prepare("select id from courses where title = ? order by id limit 1").get(title) as { id: number }).id;
  } finally {
    db.close();
  }
}

/** The answers of a course's quiz, by question text: the correct option texts and the wrong ones. */
export function quizKey(courseId: number): Map<string, { correct: string[]; wrong: string[] }> {
  const db = new Database(DB_PATH, { readonly: true });
  try {
    const rows = db
      .prepare("select q.text as question, o.text as option, o.correct as correct from quiz_questions q join quiz_options o on o.question_id = q.id where q.course_id = ? order by q.id, o.position")
      .all(courseId) as { question: string; option: string; correct: number }[];
    const key = new Map<string, { correct: string[]; wrong: string[] }>();
    for (const r of rows) {
      const entry = key.get(r.question) ?? { correct: [], wrong: [] };
      (r.correct ? entry.correct : entry.wrong).push(r.option);
      key.set(r.question, entry);
    }
    return key;
  } finally {
    db.close();
  }
}
