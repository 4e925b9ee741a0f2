#!/usr/bin/env node
// The web pages' assets (ADR 018): compiles their Sass (GOV.UK Frontend, MoJ Frontend, ours)
// with Dart Sass into apps/api/src/pages/assets/app.css, and with --dist copies the templates
// and assets beside the compiled pages module in dist/ (tsc copies only .ts).
import { compile } from 'sass';
import { cpSync, writeFileSync } from 'node:fs';

const pages = 'apps/api/src/pages';
const { css } = compile(`${pages}/styles/app.scss`, { loadPaths: ['.'], style: 'compressed', quietDeps: true });
writeFileSync(`${pages}/assets/app.css`, css);
if (process.argv.includes('--dist')) {
  for (const dir of ['views', 'assets']) cpSync(`${pages}/${dir}`, `dist/${pages}/${dir}`, { recursive: true });
}
process.stdout.write(
  `build-pages: ${pages}/assets/app.css (${css.length} bytes)${process.argv.includes('--dist') ? ', views and assets copied to dist' : ''}\n`,
);
