import { calleeLabel, calls } from '../call-site.js';
import type { JsRule } from '../js-rule.js';

/** Deserializers that revive functions with eval: node-serialize's `_$$ND_FUNC$$_`, serialize-to-js before 3.0. */
const UNSAFE = ['node-serialize.unserialize', 'serialize-to-js.deserialize', 'funcster.deepDeserialize'];

export const nodeSerialize: JsRule = {
  id: 'js.deserialization.node-serialize',
  title: 'Deserialization with node-serialize or serialize-to-js',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-502'],
  what: 'Finds node-serialize unserialize(), serialize-to-js deserialize() and funcster deepDeserialize(), whatever their argument.',
  why:
    'These libraries rebuild functions by passing text to eval; node-serialize runs any value of the form ' +
    '`_$$ND_FUNC$$_function(){…}()` while it deserializes (CVE-2017-5941). Caches, queue messages and session blobs ' +
    'that reach them become remote code execution.',
  remediation: 'Serialize data with JSON.stringify/JSON.parse (or a schema-checked format such as Avro or Protobuf) and rebuild behaviour from plain data in code.',
  bad: [
    { file: 'queue/consumer.js', code: "const serialize = require('node-serialize');\n\nconsumer.on('message', (msg) => handle(serialize.unserialize(msg.value.toString())));\n" },
    { file: 'cache/read.ts', code: "import { unserialize } from 'node-serialize';\n\nexport const read = (blob: string) => unserialize(blob);\n" },
  ],
  good: [
    { file: 'queue/consumer.js', code: "const serialize = require('node-serialize');\n\nconsumer.on('message', (msg) => handle(JSON.parse(msg.value.toString())));\nproducer.send(serialize.serialize(state));\n" },
  ],
  references: ['https://nvd.nist.gov/vuln/detail/CVE-2017-5941', 'https://cwe.mitre.org/data/definitions/502.html'],
  onCall(call, ctx) {
    if (calls(call, UNSAFE)) ctx.report(call.node, { message: `${calleeLabel(call)} revives functions with eval; a crafted payload runs code as it is read` });
  },
};
