#!/usr/bin/env node
// The documentation lives in the repository (part of `pnpm lint`): fails when
// a Markdown file mentions ../shared (the folder the work was handed over in,
// absent from a clone), when a link or image points outside the repository
// (an absolute path, file:, or a relative path that climbs out), and when a
// relative link's target does not exist. Web links (http, https, mailto) and
// links within a page (#anchor) are not checked.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', '*.md'],
  { cwd: root, encoding: 'utf8' },
)
  .split('\0')
  .filter((f) => f && fs.existsSync(path.join(root, f)));

const problems = [];
// [text](target "title") and ![alt](target), target up to a space or ")";
// <...> targets; reference definitions `[x]: target`.
const INLINE = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/gm;

for (const file of files) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.includes('../shared'))
      problems.push(`${file}:${i + 1}: mentions ../shared, which a clone does not have`);
  });
  // Links in fenced code blocks are code, not links.
  const prose = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) =>
    block.replace(/[^\n]/g, ' '),
  );
  for (const re of [INLINE, REFERENCE]) {
    for (const m of prose.matchAll(re)) {
      const target = m[1];
      const lineNo = prose.slice(0, m.index).split('\n').length;
      const at = `${file}:${lineNo}`;
      if (/^(https?:|mailto:)/i.test(target) || target.startsWith('#')) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) {
        problems.push(`${at}: ${target} points outside the repository`);
        continue;
      }
      const rel = decodeURIComponent(target.replace(/[#?].*$/, ''));
      const abs = path.resolve(root, path.dirname(file), rel);
      const fromRoot = path.relative(root, abs);
      if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) {
        problems.push(`${at}: ${target} leaves the repository`);
      } else if (!fs.existsSync(abs)) {
        problems.push(`${at}: ${target} does not exist`);
      }
    }
  }
}

if (problems.length) {
  console.error(`docs: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`docs: ${files.length} Markdown files, every link inside the repository and alive`);
