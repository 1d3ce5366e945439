import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type IConfiguration, type IReporterOutput } from 'dependency-cruiser';

// The folder rule that `npm run lint` applies to src/ (.dependency-cruiser.mjs), run on small trees
// written for each case, so a broken or loosened rule fails here rather than passing silently.
async function projectRules(): Promise<IConfiguration> {
  const configPath = path.resolve('.dependency-cruiser.mjs');
  return ((await import(configPath)) as { default: IConfiguration }).default;
}

async function violationsOf(files: Record<string, string>): Promise<string[]> {
  const { forbidden } = await projectRules();
  const root = mkdtempSync(path.join(tmpdir(), 'folder-boundaries-'));
  const cwd = process.cwd();
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    process.chdir(root);
    const result: IReporterOutput = await cruise(['src'], { validate: true, ruleSet: { forbidden }, includeOnly: '^src/' });
    if (typeof result.output === 'string') throw new Error('expected a cruise result');
    return result.output.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`);
  } finally {
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  }
}

describe('folder boundaries rule', () => {
  it('fails when two sibling folders import each other', async () => {
    const violations = await violationsOf({
      'src/articles/article.js': "import { tagName } from '../tags/tag.js';\nexport const article = tagName;\n",
      'src/tags/tag.js':
        "import { article } from '../articles/article.js';\nexport const tagName = 'x';\nexport const back = article;\n",
    });
    expect(violations).toEqual(
      expect.arrayContaining(['no-folder-cycle: src/articles -> src/tags', 'no-folder-cycle: src/tags -> src/articles']),
    );
  });

  it('fails on a longer loop of folders', async () => {
    const violations = await violationsOf({
      'src/a/a.js': "import { b } from '../b/b.js';\nexport const a = b;\n",
      'src/b/b.js': "import { c } from '../c/c.js';\nexport const b = c;\n",
      'src/c/c.js': "import { a } from '../a/a.js';\nexport const c = 1;\nexport const back = a;\n",
    });
    expect(violations).toHaveLength(3);
  });

  it('lets a folder and its own subfolder import each other, and one-way imports pass', async () => {
    const violations = await violationsOf({
      'src/articles/articles.module.js': "import { resolver } from './public/article.resolver.js';\nexport const m = resolver;\n",
      'src/articles/public/article.resolver.js': "import { query } from '../article-query.js';\nexport const resolver = query;\n",
      'src/articles/article-query.js': "import { page } from '../common/page.js';\nexport const query = page;\n",
      'src/common/page.js': 'export const page = 1;\n',
    });
    expect(violations).toEqual([]);
  });

  it('has no exception: auth and audit, the last folders that imported each other, fail as any pair would', async () => {
    const violations = await violationsOf({
      'src/auth/session.js': "import { record } from '../audit/audit.js';\nexport const session = record;\n",
      'src/audit/audit.js':
        "import { session } from '../auth/session.js';\nexport const record = 1;\nexport const back = session;\n",
    });
    expect(violations).toEqual(
      expect.arrayContaining(['no-folder-cycle: src/auth -> src/audit', 'no-folder-cycle: src/audit -> src/auth']),
    );
  });
});
