// Accessibility audit with axe-core, limited to the rules of WCAG 2.1 levels A and AA.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect } from './fixtures.mjs';

const AXE_SOURCE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core tags of the WCAG 2.0 and 2.1 success criteria at levels A and AA. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let axeSource;

/**
 * Audits `page` and every frame in it, and fails the test softly, so that the test goes on
 * to its next state. The failure lists one line per rule and one indented line per element
 * that breaks it.
 *
 * The stand-in's Content Security Policy blocks script tags that a test adds. So axe-core's
 * source is evaluated through Playwright, which the policy does not cover.
 */
export async function expectNoAxeViolations(page, state) {
  axeSource ??= await readFile(AXE_SOURCE_PATH, 'utf8');
  for (const frame of page.frames()) {
    await frame.evaluate(axeSource);
  }
  const violations = await page.evaluate(async (tags) => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((rule) => ({
      id: rule.id,
      impact: rule.impact,
      help: rule.help,
      nodes: rule.nodes.map((node) => ({
        target: node.target.flat().join(' >>> '),
        summary: node.failureSummary.replace(/\s*\n\s*/g, ' '),
      })),
    }));
  }, WCAG_21_AA_TAGS);

  const report = violations.flatMap((rule) => [
    `${rule.id} (${rule.impact}): ${rule.help}`,
    ...rule.nodes.map((node) => `    ${node.target}: ${node.summary}`),
  ]);
  expect.soft(report, `axe-core violations in ${state}`).toEqual([]);
}
