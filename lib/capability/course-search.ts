import { foldForSearch } from "../core/search-text";

/** The text a course is found by: title, summary and content, folded like every search box (pure; the seed uses it too). */
export function courseSearchText(c: { title: string; summary: string; content: string }): string {
  return foldForSearch(`${c.title}\n${c.summary}\n${c.content}`);
}
