/**
 * The APIs through which known advisories of the libraries data pipelines use most are
 * exploited, taken from the advisories' own text (quoted in `basis`). A pipeline that calls one
 * of them is exposed; one that only installs the package is much less so.
 */
export interface VulnerableApi {
  /** Any id of the advisory group (CVE, GHSA or PYSEC). */
  advisory: string;
  package: string;
  /** Absent for PyPI, the ecosystem most entries are about. */
  ecosystem?: 'npm';
  /** Resolved dotted names as the code analyzers record calls (`yaml.load`, `PIL.ImageMath.eval`, `lodash.template`). */
  apis: string[];
  basis: string;
}

export const VULNERABLE_APIS: VulnerableApi[] = [
  {
    advisory: 'CVE-2017-18342',
    package: 'pyyaml',
    apis: ['yaml.load', 'yaml.load_all'],
    basis: 'In PyYAML before 5.1, the yaml.load() API could execute arbitrary code if used with untrusted data.',
  },
  {
    advisory: 'CVE-2019-20477',
    package: 'pyyaml',
    apis: ['yaml.load', 'yaml.load_all'],
    basis: 'PyYAML 5.1 through 5.1.2 has insufficient restrictions on the load and load_all functions.',
  },
  {
    advisory: 'CVE-2020-1747',
    package: 'pyyaml',
    apis: ['yaml.full_load', 'yaml.full_load_all', 'yaml.FullLoader', 'yaml.load', 'yaml.load_all'],
    basis: 'arbitrary code execution when it processes untrusted YAML files through the full_load method or with the FullLoader loader.',
  },
  {
    advisory: 'CVE-2020-14343',
    package: 'pyyaml',
    apis: ['yaml.full_load', 'yaml.full_load_all', 'yaml.FullLoader', 'yaml.load', 'yaml.load_all'],
    basis: 'processes untrusted YAML files through the full_load method or with the FullLoader loader (incomplete fix for CVE-2020-1747).',
  },
  {
    advisory: 'CVE-2019-6446',
    package: 'numpy',
    apis: ['numpy.load'],
    basis: 'It uses the pickle Python module unsafely … via a crafted serialized object, as demonstrated by a numpy.load call.',
  },
  {
    advisory: 'CVE-2017-12852',
    package: 'numpy',
    apis: ['numpy.pad'],
    basis: 'The numpy.pad function in Numpy 1.13.1 and older versions is missing input validation.',
  },
  {
    advisory: 'CVE-2021-41495',
    package: 'numpy',
    apis: ['numpy.sort'],
    basis: 'Null Pointer Dereference vulnerability exists in numpy.sort.',
  },
  {
    advisory: 'CVE-2020-13091',
    package: 'pandas',
    apis: ['pandas.read_pickle'],
    basis: 'pandas through 1.0.3 can unserialize and execute commands from an untrusted file that is passed to the read_pickle() function.',
  },
  {
    advisory: 'CVE-2022-22817',
    package: 'pillow',
    apis: ['PIL.ImageMath.eval'],
    basis: 'PIL.ImageMath.eval in Pillow before 9.0.0 allows evaluation of arbitrary expressions.',
  },
  {
    advisory: 'CVE-2019-10906',
    package: 'jinja2',
    apis: ['jinja2.sandbox.SandboxedEnvironment', 'jinja2.sandbox.ImmutableSandboxedEnvironment'],
    basis: 'In Pallets Jinja before 2.10.1, str.format_map allows a sandbox escape.',
  },
  {
    advisory: 'CVE-2016-10745',
    package: 'jinja2',
    apis: ['jinja2.sandbox.SandboxedEnvironment', 'jinja2.sandbox.ImmutableSandboxedEnvironment'],
    basis: 'In Pallets Jinja before 2.8.1, str.format allows a sandbox escape.',
  },
  {
    advisory: 'CVE-2020-28493',
    package: 'jinja2',
    apis: ['jinja2.utils.urlize'],
    basis: 'The ReDoS vulnerability is mainly due to the `_punctuation_re regex` operator (used by the urlize filter).',
  },
  {
    advisory: 'CVE-2021-43818',
    package: 'lxml',
    apis: ['lxml.html.clean.clean_html', 'lxml.html.clean.Cleaner'],
    basis: 'the HTML Cleaner in lxml.html lets certain crafted script content pass through.',
  },
  {
    advisory: 'CVE-2023-32681',
    package: 'requests',
    apis: ['requests.get', 'requests.post', 'requests.put', 'requests.patch', 'requests.delete', 'requests.request', 'requests.Session'],
    basis: 'Requests has been leaking Proxy-Authorization headers to destination servers when redirected to an HTTPS endpoint.',
  },
  {
    advisory: 'CVE-2018-18074',
    package: 'requests',
    apis: ['requests.get', 'requests.post', 'requests.put', 'requests.patch', 'requests.delete', 'requests.request', 'requests.Session'],
    basis: 'sends an HTTP Authorization header to an http URI upon receiving a same-hostname https-to-http redirect.',
  },
  {
    advisory: 'CVE-2023-43804',
    package: 'urllib3',
    apis: ['urllib3.PoolManager', 'urllib3.request', 'urllib3.ProxyManager'],
    basis: 'it is possible for a user to specify a Cookie header and unknowingly leak information via HTTP redirects to a different origin.',
  },
  {
    advisory: 'CVE-2021-33503',
    package: 'urllib3',
    apis: ['urllib3.util.parse_url', 'urllib3.PoolManager', 'urllib3.request'],
    basis: 'When provided with a URL containing many @ characters in the authority component, the authority regular expression exhibits catastrophic backtracking.',
  },
  {
    advisory: 'CVE-2021-23337',
    package: 'lodash',
    ecosystem: 'npm',
    apis: ['lodash.template'],
    basis: 'Lodash versions prior to 4.17.21 are vulnerable to Command Injection via the template function.',
  },
  {
    advisory: 'CVE-2017-5941',
    package: 'node-serialize',
    ecosystem: 'npm',
    apis: ['node-serialize.unserialize'],
    basis: 'Untrusted data passed into the unserialize() function can be exploited to achieve arbitrary code execution.',
  },
  {
    advisory: 'CVE-2013-4660',
    package: 'js-yaml',
    ecosystem: 'npm',
    apis: ['js-yaml.load'],
    basis: 'parses input without properly considering the unsafe !!js/function tag, which allows remote attackers to execute arbitrary code.',
  },
  {
    advisory: 'CVE-2021-44906',
    package: 'minimist',
    ecosystem: 'npm',
    apis: ['minimist'],
    basis: 'Minimist <=1.2.5 is vulnerable to Prototype Pollution via file index.js, function setKey().',
  },
];
