/**
 * Generates conference notes of a given length in the shapes real notes have: YAML front
 * matter, `## DayNN` days, talk headings in several styles (`Title - Speaker, Company`,
 * `[Project](url) project update by Speaker`, `Keynote N: Title`, `What is [Project](url)?`),
 * bullets, links, placeholders (`(link)`, `[slides]()`, `TODO:`), `(check)` markers, hidden
 * drafts `[//]: # (...)`, tables, code fences and `####` sections. Deterministic for a seed.
 * Used by the benchmarks (notes, linking) and the fuzz test.
 */

const PROJECTS: Array<[string, string]> = [
  ['Cilium', 'https://cilium.io/'],
  ['Crossplane', 'https://www.crossplane.io/'],
  ['Argo CD', 'https://argo-cd.readthedocs.io/'],
  ['Jaeger', 'https://www.jaegertracing.io/'],
  ['KEDA', 'https://keda.sh/'],
  ['Knative', 'https://knative.dev/'],
  ['Linkerd', 'https://linkerd.io/'],
  ['Harbor', 'https://goharbor.io/'],
  ['Thanos', 'https://thanos.io/'],
  ['Kyverno', 'https://kyverno.io/'],
  ['OpenCost', 'https://www.opencost.io/'],
  ['Longhorn', 'https://longhorn.io/'],
  ['Rook', 'https://rook.io/'],
  ['etcd', 'https://etcd.io/'],
  ['CoreDNS', 'https://coredns.io/'],
  ['Tekton', 'https://tekton.dev/'],
  ['Dragonfly', 'https://d7y.io/'],
  ['Volcano', 'https://volcano.sh/'],
  ['Karmada', 'https://karmada.io/'],
  ['Chaos Mesh', 'https://chaos-mesh.org/'],
  ['KubeEdge', 'https://kubeedge.io/'],
  ['Kubeflow', 'https://www.kubeflow.org/'],
];
const FIRST = ['Ada', 'Bo', 'Cara', 'Dan', 'Eva', 'Femi', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kai', 'Lena', 'Mia', 'Noor', 'Omar', 'Priya', 'Rui', 'Sam'];
const LAST = ['Quinlan', 'Lindqvist', 'Diaz', 'Reyes', 'Marsh', 'Okafor', 'Liu', 'Martin', 'Costa', 'Berg', 'Tanabe', 'Fischer', 'Wong', 'Aziz', 'Haddad', 'Raman'];
const COMPANIES = ['Acme', 'Initech', 'Globex', 'Example Labs', 'Umbrella Cloud', 'Hooli', 'Stark Systems', 'Wayne Research'];
const TOPICS = [
  'Scaling controllers horizontally',
  'Zero-downtime upgrades',
  'Policy as code in practice',
  'Multi-cluster networking',
  'Cost visibility for platform teams',
  'Supply chain security',
  'Debugging the scheduler',
  'GitOps at scale',
  'eBPF for observability',
  'Running AI workloads on Kubernetes',
  'Operator design lessons',
  'Secrets management without tears',
  'Edge clusters in retail stores',
  'Batch jobs and gang scheduling',
];
const WORDS = [
  'cluster',
  'node',
  'pod',
  'latency',
  'rollout',
  'shard',
  'policy',
  'operator',
  'sidecar',
  'gateway',
  'metrics',
  'traces',
  'budget',
  'quota',
  'upgrade',
  'webhook',
  'controller',
  'namespace',
  'tenant',
  'SLO',
  'dashboard',
  'alert',
  'runbook',
  'canary',
  'replica',
  'cache',
];

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Notes of exactly `lines` lines (≥ 1). */
export function generateNotes(lines: number, seed = 1): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const sentence = () => {
    const n = 4 + Math.floor(r() * 9);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(pick(WORDS));
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    return ws.join(' ');
  };
  const out: string[] = [
    '---',
    `title: "Conference notes ${seed}"`,
    'date: 2024-11-13T09:00:00-07:00',
    'description: "Generated notes for benchmarks"',
    'toc: true',
    'tags:',
    ...PROJECTS.slice(0, 6).map(([p]) => `- ${p.toLowerCase()}`),
    '---',
    '',
    'Notes from the talks I attended, with links to the projects and a few ideas to follow up.',
    '',
  ];
  let day = 0;
  let keynote = 0;
  let talksInDay = 99;
  while (out.length < lines) {
    if (talksInDay >= 12 + Math.floor(r() * 6)) {
      day++;
      keynote = 0;
      talksInDay = 0;
      out.push(day % 3 === 2 ? `## Day ${day}` : `## Day${String(day).padStart(2, '0')}`, '', sentence() + '.', '');
    }
    talksInDay++;
    const [project, url] = pick(PROJECTS);
    const style = r();
    if (style < 0.35) out.push(`### ${pick(TOPICS)} - ${person()}, ${pick(COMPANIES)}`);
    else if (style < 0.5) out.push(`### [${project}](${url}) project update by ${person()}`);
    else if (style < 0.65) out.push(`### Keynote ${++keynote}: ${pick(TOPICS)}`);
    else if (style < 0.75) out.push(`### What is [${project}](${url})?`);
    else if (style < 0.85) out.push(`### ${pick(TOPICS)} – ${person()}, ${pick(COMPANIES)}; ${person()}, ${pick(COMPANIES)}`);
    else out.push(`### ${pick(TOPICS)}`);
    out.push('');
    const body = 6 + Math.floor(r() * 14);
    for (let b = 0; b < body; b++) {
      const kind = r();
      if (kind < 0.45) out.push(`* ${sentence()}`);
      else if (kind < 0.6) out.push(`* ${sentence()} with [${project}](${url})`);
      else if (kind < 0.65) out.push(`${sentence()} (link)`);
      else if (kind < 0.68) out.push(`TODO: add the ${pick(['slides', 'recording', 'repo'])} link`);
      else if (kind < 0.7) out.push(`* [slides]() and ${sentence().toLowerCase()}`);
      else if (kind < 0.72) out.push(`* ${sentence()} (check)`);
      else if (kind < 0.76) out.push('', `[//]: # (${sentence()})`, '');
      else if (kind < 0.78) out.push('', '| metric | before | after |', '|--------|--------|-------|', `| ${pick(WORDS)} | ${b} | ${b * 2} |`, '');
      else if (kind < 0.8) out.push('', '```yaml', `kind: ${pick(WORDS)}`, '# TODO: not a real todo, it is code', '```', '');
      else if (kind < 0.82) out.push('', '#### Takeaways', '');
      else if (kind < 0.84) out.push(`> ${sentence()}`);
      else out.push(sentence() + '.');
    }
    out.push('');
    if (r() < 0.08) out.push(`[//]: # (### ${pick(TOPICS)})`, `[//]: # (${sentence()})`, '');
  }
  out.length = Math.max(1, lines);
  return out.join('\n') + '\n';
}

/** Projects as people write them in prose (with the odd typo), and the homepage a note links. */
const PROSE_PROJECTS: Array<[string, string]> = [
  ['Kubernetes', 'https://kubernetes.io/'],
  ['Prometheus', 'https://prometheus.io/'],
  ['Envoy', 'https://www.envoyproxy.io/'],
  ['OpenTelemetry', 'https://opentelemetry.io/'],
  ['Argo', 'https://argoproj.github.io/'],
  ['Argo CD', 'https://argo-cd.readthedocs.io/'],
  ['Cilium', 'https://cilium.io/'],
  ['Istio', 'https://istio.io/'],
  ['Linkerd', 'https://linkerd.io/'],
  ['Flux', 'https://fluxcd.io/'],
  ['Helm', 'https://helm.sh/'],
  ['cert-manager', 'https://cert-manager.io/'],
  ['Jaeger', 'https://www.jaegertracing.io/'],
  ['Thanos', 'https://thanos.io/'],
  ['Backstage', 'https://backstage.io/'],
  ['Kyverno', 'https://kyverno.io/'],
  ['Open Policy Agent', 'https://www.openpolicyagent.org/'],
  ['containerd', 'https://containerd.io/'],
  ['etcd', 'https://etcd.io/'],
  ['KEDA', 'https://keda.sh/'],
];
const PROSE = [
  (p: string, q: string) => `${p} was the backbone of the demo, with ${q} next to it`,
  (p: string, q: string) => `they moved from a home-grown setup to ${p} and kept ${q} for now`,
  (p: string) => `the ${p} maintainers asked for help with reviews and docs`,
  (p: string, q: string) => `${p} exports to ${q}, which made the dashboards easy`,
  (p: string) => `upgrading ${p} took two sprints because of the webhook changes`,
  (p: string, q: string) => `a comparison of ${p} and ${q} for multi-tenant clusters`,
  (p: string) => `${p} 2.1 was released last week with better defaults`,
  (p: string) => `good question from the room about ${p} and cardinality`,
];
const TYPOS = ['Promethues', 'Kuberentes', 'Linkderd', 'OpenTelemtry', 'Cilum'];

/**
 * A large ordinary note of about `bytes` characters: YAML front matter, `## Day N` days of
 * twenty-odd talks (`### Title - Speaker, Company`), prose and bullets naming CNCF projects
 * (Kubernetes, Prometheus, Envoy, OpenTelemetry, Argo...) linked or not, the odd typo, links,
 * code fences, tables, quotes, TODO placeholders and hidden drafts. Deterministic for a seed.
 * Used by the CLI bench (a note of a few MB, as a long-running conference blog gets).
 */
export function generateLargeNote(bytes: number, seed = 1): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const project = () => pick(PROSE_PROJECTS);
  const words = (n: number) => {
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(pick(WORDS));
    return ws.join(' ');
  };
  const prose = () => {
    const [p] = project();
    const [q] = project();
    const s = pick(PROSE)(p, q);
    const tail = r() < 0.5 ? `; ${words(3 + Math.floor(r() * 6))}` : '';
    return s[0].toUpperCase() + s.slice(1) + tail;
  };
  const out: string[] = [
    '---',
    `title: "Conference notes ${seed}"`,
    'date: 2025-04-01T09:00:00+02:00',
    'draft: false',
    'tags:',
    '  - kubernetes',
    '  - prometheus',
    '  - opentelemetry',
    'categories: [cncf, conferences]',
    '---',
    '',
    'Notes from the talks I went to, with links to the projects and a few things to follow up.',
    '',
  ];
  let size = out.reduce((n, l) => n + l.length + 1, 0);
  const push = (...lines: string[]) => {
    for (const l of lines) {
      out.push(l);
      size += l.length + 1;
    }
  };
  let day = 0;
  while (size < bytes) {
    day++;
    push(`## Day ${day}`, '', `${words(6)}.`, '');
    const talks = 18 + Math.floor(r() * 8);
    for (let t = 0; t < talks && size < bytes; t++) {
      const [p, url] = project();
      const style = r();
      if (style < 0.6) push(`### ${pick(TOPICS)} - ${person()}, ${pick(COMPANIES)}`);
      else if (style < 0.75) push(`### ${p} project update - ${person()}, ${pick(COMPANIES)}`);
      else if (style < 0.85) push(`### Keynote: ${pick(TOPICS)} - ${person()}`);
      else push(`### ${pick(TOPICS)} with ${p} - ${person()}, ${pick(COMPANIES)}; ${person()}, ${pick(COMPANIES)}`);
      push('', `${prose()}.`, '');
      const body = 8 + Math.floor(r() * 16);
      for (let b = 0; b < body; b++) {
        const kind = r();
        if (kind < 0.4) push(`- ${prose()}`);
        else if (kind < 0.5) push(`- ${words(5)} with [${p}](${url})`);
        else if (kind < 0.55) push(`- ${words(4)}, see ${url}docs/ for the details`);
        else if (kind < 0.58) push(`- ${pick(TYPOS)} ${words(4)}`);
        else if (kind < 0.61) push(`- slides: (link)`);
        else if (kind < 0.63) push(`TODO: add the ${pick(['slides', 'recording', 'repo'])} link`);
        else if (kind < 0.65) push(`- [recording]() ${words(3)}`);
        else if (kind < 0.67) push('', `[//]: # (${prose()})`, '');
        else if (kind < 0.7) push('', '```yaml', `apiVersion: v1`, `kind: ${pick(['ConfigMap', 'Service', 'Deployment'])}`, `# ${p} config, TODO: not a real todo`, '```', '');
        else if (kind < 0.72) push('', '| metric | before | after |', '|--------|--------|-------|', `| ${pick(WORDS)} | ${b} | ${b * 2} |`, '');
        else if (kind < 0.75) push(`> ${prose()}`);
        else if (kind < 0.77) push('', '#### Takeaways', '');
        else if (kind < 0.8) push(`1. ${words(4)} in \`${p.toLowerCase()}\` ${words(2)}`);
        else push(`${prose()}.`);
      }
      push('');
    }
  }
  return out.join('\n') + '\n';
}
