/**
 * The speakers and companies already written in the workspace's notes (the notes the TODO Links
 * view lists, read by the one reader of workspaceNotes.ts), offered first by New Talk… (read
 * once per file version).
 */
import * as vscode from 'vscode';
import type { NotesModel } from '../../core/notes/model';
import { analysisOf, analysisOfText } from './analysis';
import { notesRulesSetting } from './settings';
import { findWorkspaceNotes, readWorkspaceNote } from './workspaceNotes';

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

function peopleOf(model: NotesModel): { speakers: string[]; companies: string[] } {
  const talks = [...model.talks, ...model.days.flatMap((d) => d.talks)].filter((t) => !t.hidden);
  return {
    speakers: talks.flatMap((t) => t.speakers),
    // A heading with several companies (`A, Acme; B, Initech`): each is offered on its own, a
    // suffix kept with its company (`Initech, Inc.`).
    companies: talks.flatMap((t) => t.companies ?? (t.company ? [t.company] : [])),
  };
}

/** Speakers and companies of the workspace's notes (open documents as they are now), most used first. */
export async function collectPeople(): Promise<{ speakers: Array<{ value: string; detail: string }>; companies: Array<{ value: string; detail: string }> }> {
  const people: People = { speakers: new Map(), companies: new Map() };
  const open = new Map<string, vscode.TextDocument>();
  for (const doc of vscode.workspace.textDocuments) if (doc.languageId === 'markdown') open.set(doc.uri.toString(), doc);
  for (const doc of open.values()) {
    const p = peopleOf(analysisOf(doc).model);
    addPeople(people, p.speakers, p.companies);
  }
  if (vscode.workspace.workspaceFolders?.length) {
    const rules = notesRulesSetting();
    const { uris } = await findWorkspaceNotes(rules, { maxResults: 500 });
    await Promise.all(
      uris
        .filter((uri) => !open.has(uri.toString()))
        .map(async (uri) => {
          const key = uri.toString();
          let hit = peopleCache.get(key);
          // Skipped and unreadable notes offer nothing (the TODO Links view says why).
          const note = await readWorkspaceNote(uri, rules, { unchangedSince: hit?.mtime });
          if (note.status === 'read') {
            hit = { mtime: note.mtime, ...peopleOf(analysisOfText(note.text, uri).model) };
            peopleCache.set(key, hit);
          } else if (note.status !== 'unchanged') return;
          if (hit) addPeople(people, hit.speakers, hit.companies);
        }),
    );
  }
  const sorted = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, n]) => ({ value, detail: n === 1 ? 'in 1 talk' : `in ${n} talks` }));
  return { speakers: sorted(people.speakers), companies: sorted(people.companies) };
}
