import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import nunjucks from 'nunjucks';

const viewsDir = join(__dirname, 'views');
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const templates = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? templates(path) : name.endsWith('.njk') ? [relative(viewsDir, path)] : [];
  });

/** A template that does not compile is a plain 500 for whoever opens its page: every one is compiled here, before any browser walk. */
describe('page templates', () => {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([
      viewsDir,
      join(packageDir('govuk-frontend'), 'dist'),
      packageDir('@ministryofjustice/frontend'),
    ]),
  );
  it.each(templates(viewsDir))('%s compiles', (template) => {
    expect(() => env.getTemplate(template, true)).not.toThrow();
  });
});
