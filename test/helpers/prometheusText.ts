/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4,
 * https://prometheus.io/docs/instrumenting/exposition_formats/): every line must match the
 * grammar, TYPE/HELP at most once per family and before its samples, a family's samples
 * contiguous, no series twice, histogram buckets cumulative and ending in +Inf = _count.
 * Throws on the first violation, naming the line.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help?: string;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL_NAME = '[a-zA-Z_][a-zA-Z0-9_]*';
const LABEL_VALUE = '"(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
const LABEL = `${LABEL_NAME}=${LABEL_VALUE}`;
// Values are what Go's strconv.ParseFloat reads (the format says so): decimal floats, and NaN /
// Inf / Infinity in any case, Inf optionally signed (prom-client writes NaN as "Nan").
const VALUE = '(?:[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)|[nN][aA][nN]|[+-]?[iI][nN][fF](?:[iI][nN][iI][tT][yY])?)';
const SAMPLE_LINE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*,?)?\\})? (${VALUE})(?: (-?\\d+))?$`);
const HELP_LINE = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE_LINE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const ONE_LABEL = new RegExp(`(${LABEL_NAME})=(${LABEL_VALUE})`, 'g');

const SUFFIXES: Record<Family['type'], string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

export function parsePrometheusText(text: string): Map<string, Family> {
  if (text.length > 0 && !text.endsWith('\n')) throw new Error('exposition must end with a newline');
  const families = new Map<string, Family>();
  const closed = new Set<string>();
  const seenSeries = new Set<string>();
  let current: Family | undefined;
  const family = (name: string) => {
    let f = families.get(name);
    if (!f) {
      f = { name, type: 'untyped', samples: [] };
      families.set(name, f);
    }
    return f;
  };
  const switchTo = (f: Family, lineNo: number) => {
    if (current === f) return;
    if (current) closed.add(current.name);
    if (closed.has(f.name)) throw new Error(`line ${lineNo}: samples of ${f.name} are not contiguous`);
    current = f;
  };

  text.split('\n').forEach((line, i) => {
    const lineNo = i + 1;
    if (line === '') return;
    if (line.startsWith('#')) {
      const help = HELP_LINE.exec(line);
      const type = TYPE_LINE.exec(line);
      if (line.startsWith('# HELP ') && !help) throw new Error(`line ${lineNo}: malformed HELP: ${line}`);
      if (line.startsWith('# TYPE ') && !type) throw new Error(`line ${lineNo}: malformed TYPE: ${line}`);
      if (help) {
        const f = family(help[1]!);
        if (f.help !== undefined) throw new Error(`line ${lineNo}: second HELP for ${f.name}`);
        f.help = help[2]!;
        switchTo(f, lineNo);
      }
      if (type) {
        const f = family(type[1]!);
        if (f.samples.length > 0 || (f as { typed?: boolean }).typed) throw new Error(`line ${lineNo}: TYPE for ${f.name} after its samples or twice`);
        f.type = type[2] as Family['type'];
        (f as { typed?: boolean }).typed = true;
        switchTo(f, lineNo);
      }
      return;
    }
    const m = SAMPLE_LINE.exec(line);
    if (!m) throw new Error(`line ${lineNo}: not a valid sample: ${line}`);
    const [, name, labelText, valueText] = m;
    const labels: Record<string, string> = {};
    for (const l of (labelText ?? '').matchAll(ONE_LABEL)) {
      if (labels[l[1]!] !== undefined) throw new Error(`line ${lineNo}: label ${l[1]} twice`);
      labels[l[1]!] = JSON.parse(l[2]!) as string; // the format's escapes (\\ \" \n) are JSON's
    }
    // A sample without HELP or TYPE starts an untyped family of its own.
    const f = familyOf(families, name!) ?? family(name!);
    if (!SUFFIXES[f.type].some((s) => `${f.name}${s}` === name)) throw new Error(`line ${lineNo}: ${name} does not belong to ${f.type} ${f.name}`);
    switchTo(f, lineNo);
    const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seenSeries.has(key)) throw new Error(`line ${lineNo}: series ${key} twice`);
    seenSeries.add(key);
    const value = parseGoFloat(valueText!);
    if (f.type === 'counter' && !(value >= 0)) throw new Error(`line ${lineNo}: counter ${name} is ${valueText}`);
    f.samples.push({ name: name!, labels, value });
  });
  for (const f of families.values()) if (f.type === 'histogram') checkHistogram(f);
  return families;
}

function parseGoFloat(text: string): number {
  const lower = text.toLowerCase();
  if (lower === 'nan') return Number.NaN;
  if (/^[+-]?inf(inity)?$/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
}

function familyOf(families: Map<string, Family>, sampleName: string): Family | undefined {
  if (families.has(sampleName) && families.get(sampleName)!.type !== 'histogram') return families.get(sampleName);
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (sampleName.endsWith(suffix)) {
      const f = families.get(sampleName.slice(0, -suffix.length));
      if (f) return f;
    }
  }
  return families.get(sampleName);
}

function checkHistogram(f: Family): void {
  const groups = new Map<string, Sample[]>();
  for (const s of f.samples) {
    const { le: _le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const [key, samples] of groups) {
    const buckets = samples.filter((s) => s.name.endsWith('_bucket'));
    const count = samples.find((s) => s.name === `${f.name}_count`);
    if (buckets.some((b) => b.labels.le === undefined)) throw new Error(`${f.name}${key}: bucket without le`);
    const sorted = buckets.map((b) => ({ le: b.labels.le === '+Inf' ? Infinity : Number(b.labels.le), value: b.value })).sort((a, b) => a.le - b.le);
    for (let i = 1; i < sorted.length; i++) if (sorted[i]!.value < sorted[i - 1]!.value) throw new Error(`${f.name}${key}: buckets not cumulative`);
    const inf = sorted[sorted.length - 1];
    if (!inf || inf.le !== Infinity) throw new Error(`${f.name}${key}: no +Inf bucket`);
    if (!count || count.value !== inf.value) throw new Error(`${f.name}${key}: +Inf bucket ${inf.value} ≠ _count ${count?.value}`);
  }
}

/** The value of one series (labels must match exactly the given ones, ignoring others when partial). */
export function sampleValue(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const f of families.values()) {
    const s = f.samples.find((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v));
    if (s) return s.value;
  }
  return undefined;
}
