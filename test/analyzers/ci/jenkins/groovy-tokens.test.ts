import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groovyTokens } from '../../../../src/analyzers/ci/jenkins/groovy-tokens.js';
import { jenkinsAnalyzer } from '../../../../src/analyzers/ci/jenkins/index.js';
import { analyzeCiText } from '../analyze.js';

describe('Groovy tokens', () => {
  it('reads strings of each quoting with their bodies and the parts a double-quoted one interpolates', () => {
    const text = `sh 'a $X' // "not a string"\nsh """b \${params.M} $env.BRANCH_NAME \\$LITERAL"""\n/* '${'c'}' */ x = '''d "\${Y}"'''`;
    const strings = groovyTokens(text).flatMap((t) => (t.kind === 'string' ? [[t.body, t.interpolations.map((i) => text.slice(i.start, i.end))]] : []));
    expect(strings).toEqual([
      ['a $X', []],
      ['b ${params.M} $env.BRANCH_NAME \\$LITERAL', ['${params.M}', '$env.BRANCH_NAME']],
      ['d "${Y}"', []],
    ]);
  });

  it('never throws, and every token is the text it spans, in order; the analysis of such text raises no scan error', () => {
    const pieces = fc.constantFrom('sh', ' ', '\n', "'", '"', "'''", '"""', '${', '}', '{', '(', ')', '[', ']', '$x', '//', '/*', '*/', '\\', 'withCredentials', 'variable:', ',', 'params.P', 'image', 'docker', '.', 'args', "'--privileged'", '.inside(', 'credentials(', '=', 'X');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const tokens = groovyTokens(text);
        let last = 0;
        for (const token of tokens) {
          expect(token.start).toBeGreaterThanOrEqual(last);
          expect(token.text).toBe(text.slice(token.start, token.end));
          last = token.end;
        }
        expect(analyzeCiText(jenkinsAnalyzer, text, 'Jenkinsfile').errors).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
