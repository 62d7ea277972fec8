/**
 * The speakers and companies already written in the workspace's notes, offered first by New
 * Talk… (read once per file version).
 */
import * as vscode from 'vscode';
import { getNotes, parseNotesText } from './notesCache';
import { maxFileBytes } from './settings';

// ---------------------------------------------------------------------------------------------
// Speakers and companies already written in the workspace's notes

interface People {
  speakers: Map<string, number>;
  companies: Map<string, number>;
}

const peopleCache = new Map<string, { mtime: number; speakers: string[]; companies: string[] }>();

function addPeople(into: People, speakers: readonly string[], companies: readonly string[]): void {
  for (const s of speakers) into.speakers.set(s, (into.speakers.get(s) ?? 0) + 1);
  for (const c of companies) into.companies.set(c, (into.companies.get(c) ?? 0) + 1);
}

function peopleOf(model: ReturnType<typeof getNotes>): { speakers: string[]; companies: string[] } {
  const talks = [...model.talks, ...model.days.flatMap((d) => d.talks)].filter((t) => !t.hidden);
  return {
    speakers: talks.flatMap((t) => t.speakers),
    // A heading with several companies (`A & B, Acme, Initech`) has them joined by `, `: each is
    // offered on its own (a company name never holds a comma: the heading reader splits on them).
    companies: talks.flatMap((t) => (t.company ? t.company.split(/\s*,\s*/).filter((c) => c !== '') : [])),
  };
}

/** Speakers and companies of the workspace's notes (open documents as they are now), most used first. */
export async function collectPeople(): Promise<{ speakers: Array<{ value: string; detail: string }>; companies: Array<{ value: string; detail: string }> }> {
  const config = vscode.workspace.getConfiguration('talkCapture');
  const people: People = { speakers: new Map(), companies: new Map() };
  const open = new Map<string, vscode.TextDocument>();
  for (const doc of vscode.workspace.textDocuments) if (doc.languageId === 'markdown') open.set(doc.uri.toString(), doc);
  for (const doc of open.values()) {
    const p = peopleOf(getNotes(doc));
    addPeople(people, p.speakers, p.companies);
  }
  if (vscode.workspace.workspaceFolders?.length) {
    const maxBytes = maxFileBytes();
    const files = await vscode.workspace.findFiles(config.get<string>('notesGlob', '**/*.md') || '**/*.md', config.get<string>('excludeGlob') || undefined, 500);
    await Promise.all(
      files
        .filter((uri) => !open.has(uri.toString()))
        .map(async (uri) => {
          try {
            const stat = await vscode.workspace.fs.stat(uri);
            if (stat.size > maxBytes) return;
            const key = uri.toString();
            let hit = peopleCache.get(key);
            if (!hit || hit.mtime !== stat.mtime) {
              const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
              hit = { mtime: stat.mtime, ...peopleOf(parseNotesText(text, uri)) };
              peopleCache.set(key, hit);
            }
            addPeople(people, hit.speakers, hit.companies);
          } catch {
            // unreadable files offer nothing
          }
        }),
    );
  }
  const sorted = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, n]) => ({ value, detail: n === 1 ? 'in 1 talk' : `in ${n} talks` }));
  return { speakers: sorted(people.speakers), companies: sorted(people.companies) };
}
