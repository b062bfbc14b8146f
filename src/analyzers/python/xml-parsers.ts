/**
 * Standard-library and lxml calls that parse XML with entity expansion on (lxml before 5.0 also
 * resolves external entities). Shared by the pattern rule and the XXE taint sink so both agree.
 */
export const XML_PARSE_CALLS: readonly string[] = [
  'xml.etree.ElementTree.fromstring',
  'xml.etree.ElementTree.parse',
  'xml.etree.ElementTree.XML',
  'xml.etree.ElementTree.iterparse',
  'xml.etree.cElementTree.fromstring',
  'xml.etree.cElementTree.parse',
  'xml.dom.minidom.parseString',
  'xml.dom.minidom.parse',
  'xml.dom.pulldom.parseString',
  'xml.dom.pulldom.parse',
  'xml.sax.parseString',
  'xml.sax.parse',
  'lxml.etree.fromstring',
  'lxml.etree.parse',
  'lxml.etree.XML',
];
