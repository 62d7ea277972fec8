/**
 * The quick inputs of the capture commands (multi-step title/speakers/company/kind and the
 * like) and the state the tests observe. Quick inputs are real `createInputBox` /
 * `createQuickPick` widgets; the one showing is on `api.capture.activeInput` (with its step name
 * on `api.capture.activeStep`), so the integration tests can answer it like a person: set its
 * value or active item and accept. Shared by New Conference Notes…, New Talk…, Start Talk Now
 * and Resolve TODO Link….
 */
import * as vscode from 'vscode';
import type { CaptureApi } from '../api';
import type { FeatureContext } from './feature';

// ---------------------------------------------------------------------------------------------
// The API the tests observe

/** `api.capture` (see api.ts), shared by the capture commands, the talk timer and the TODO commands. */
export function captureApi(ctx: FeatureContext): CaptureApi {
  let api = ctx.api.capture;
  if (!api) {
    api = { activeInput: undefined, activeStep: undefined, lastCreatedNote: undefined };
    ctx.api.capture = api;
  }
  return api;
}

// ---------------------------------------------------------------------------------------------
// Quick inputs

interface Step {
  name: string;
  title: string;
  step?: number;
  totalSteps?: number;
}

/**
 * Shows one step of a quick input and resolves with the value `wire` finishes it with, or
 * undefined when it is hidden (Escape). The step is `api.activeInput` while it shows.
 */
export function runStep<R>(
  api: CaptureApi,
  widget: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>,
  s: Step,
  wire: (finish: (value: R | undefined) => void) => vscode.Disposable[],
): Promise<R | undefined> {
  widget.title = s.title;
  widget.step = s.step;
  widget.totalSteps = s.totalSteps;
  widget.ignoreFocusOut = true;
  return new Promise((resolve) => {
    let done = false;
    const subs: vscode.Disposable[] = [];
    const finish = (value: R | undefined) => {
      if (done) return;
      done = true;
      subs.forEach((d) => d.dispose());
      if (api.activeInput === widget) {
        api.activeInput = undefined;
        api.activeStep = undefined;
      }
      widget.dispose();
      resolve(value);
    };
    subs.push(
      ...wire(finish),
      widget.onDidHide(() => finish(undefined)),
    );
    api.activeInput = widget;
    api.activeStep = s.name;
    widget.show();
  });
}

export interface TextStep extends Step {
  prompt: string;
  value?: string;
  placeholder?: string;
  validate?: (value: string) => string | undefined;
}

/** Asks for a line of text; undefined when the person pressed Escape. */
export function askText(api: CaptureApi, s: TextStep): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.prompt = s.prompt;
  box.placeholder = s.placeholder;
  box.value = s.value ?? '';
  if (s.value) box.valueSelection = [0, s.value.length];
  return runStep<string>(api, box, s, (finish) => [
    box.onDidChangeValue((v) => {
      box.validationMessage = v && s.validate ? s.validate(v) : undefined;
    }),
    box.onDidAccept(() => {
      const err = s.validate?.(box.value);
      if (err) box.validationMessage = err;
      else finish(box.value);
    }),
  ]);
}

export interface PickStep<T extends vscode.QuickPickItem> extends Step {
  placeholder: string;
  items: T[];
  active?: T;
}

/** Asks to pick one item; undefined on Escape. */
export function askPick<T extends vscode.QuickPickItem>(api: CaptureApi, s: PickStep<T>): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  qp.placeholder = s.placeholder;
  qp.items = s.items;
  if (s.active) qp.activeItems = [s.active];
  return runStep<T>(api, qp as unknown as vscode.QuickPick<vscode.QuickPickItem>, s, (finish) => [
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      if (picked) finish(picked);
    }),
  ]);
}

interface SuggestionItem extends vscode.QuickPickItem {
  typed?: boolean;
}

export interface FreeTextStep extends Step {
  placeholder: string;
  /** Known values, most used first. */
  suggestions: Promise<Array<{ value: string; detail?: string }>>;
}

/**
 * A quick pick that accepts what was typed (the first item, `alwaysShow`) or one of the known
 * values offered below it; an empty value is fine (the part drops out). Undefined on Escape.
 */
/** True when the letters of `typed` appear in `label` in order, ignoring case (how a quick pick filters rows). */
function couldFilterTo(typed: string, label: string): boolean {
  const t = typed.toLowerCase().replace(/\s+/g, '');
  const l = label.toLowerCase();
  let i = 0;
  for (let j = 0; j < l.length && i < t.length; j++) if (l[j] === t[i]) i++;
  return i === t.length;
}

export function askFreeText(api: CaptureApi, s: FreeTextStep): Promise<string | undefined> {
  const qp = vscode.window.createQuickPick<SuggestionItem>();
  qp.placeholder = s.placeholder;
  qp.matchOnDescription = false;
  let known: SuggestionItem[] = [];
  const typedItem = (value: string): SuggestionItem => ({
    label: value,
    description: value ? 'as typed' : '(none: leave it out)',
    alwaysShow: true,
    typed: true,
  });
  // The typed row stays first, always: the workbench names the chosen row by its position, so a
  // list that changes under a pressed Enter (the suggestions arriving late on a busy machine)
  // must not move another row to where the typed one was. A known value typed exactly is shown
  // once, as the first row, with its proper spelling.
  const refresh = () => {
    const v = qp.value.trim();
    const exact = v ? known.find((k) => k.label.toLowerCase() === v.toLowerCase()) : undefined;
    qp.items = exact ? [{ ...exact, typed: false, alwaysShow: true }, ...known.filter((k) => k !== exact)] : [typedItem(v), ...known];
  };
  refresh();
  qp.busy = true;
  void s.suggestions.then(
    (list) => {
      known = list.map((k) => ({ label: k.value, description: k.detail }));
      qp.busy = false;
      refresh();
    },
    () => {
      qp.busy = false;
    },
  );
  return runStep<string>(api, qp as unknown as vscode.QuickPick<vscode.QuickPickItem>, s, (finish) => [
    qp.onDidChangeValue(() => refresh()),
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      const typed = qp.value.trim();
      // A known value the person chose, else exactly what is typed (the typed item may lag
      // behind). A known row that the typed text could not have filtered to (its letters are not
      // in it, in order) is a row that moved under the Enter: what is typed wins.
      finish(picked && !picked.typed && couldFilterTo(typed, picked.label) ? picked.label : typed);
    }),
  ]);
}
