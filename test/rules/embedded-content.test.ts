import { embeddedContent } from '../../src/rules/embedded-content';
import { buildSeedDocx } from '../support/fixtures';
import { withDocumentXml } from '../support/fixtures/package-craft';
import { ruleTester } from '../support/rule-tester';

/** Seed 002 (clean) with content embedded in another format after its tables. */
const withAltChunk = async () => withDocumentXml(await buildSeedDocx('002'), (xml) => xml.replace(/(<w:sectPr)/, '<w:altChunk r:id="htmlChunk"/>$1'));

ruleTester(embeddedContent, {
  valid: [{ name: 'a report without embedded content' }],
  invalid: [{ name: 'an altChunk beside the tables', bytes: withAltChunk, errors: [{ table: 'text', severity: 'error', fixable: false, messageIncludes: ['altChunk'] }] }],
});
