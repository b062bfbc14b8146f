import { secretRule } from '../secret-rule.js';

export const adoNetConnectionString = secretRule({
  id: 'secret.ado-net-connection-string',
  title: 'SQL Server / ADO.NET connection string with a password',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  specificity: 'structure',
  what: 'Finds key=value connection strings (Server= / Data Source= / Host= … Password= or Pwd=) as used by SQL Server, ODBC and Npgsql.',
  why: 'The string is a full login to the database, and such strings are copied verbatim into app settings, SSIS packages and pipeline configs.',
  remediation: 'Change the login\'s password and use integrated / managed-identity authentication, or keep the string in a secret store.',
  anchors: ['password=', 'pwd='],
  pattern: /(?:Server|Data Source|Host|Address|Addr)\s*=[^;"'\n]+;[^"'\n]{0,300}?(?:Password|Pwd)\s*=\s*(?<secret>[^;"'\s]+)/i,
  bad: [{ file: 'ssis/dw.dtsConfig', code: '<ConfiguredValue>Data Source=sql01;Initial Catalog=DW;User ID=etl;Password=Sq1Serv3rPass;</ConfiguredValue>\n' }],
  good: [{ file: 'ssis/dw.dtsConfig', code: '<ConfiguredValue>Data Source=sql01;Initial Catalog=DW;Integrated Security=SSPI;</ConfiguredValue>\n' }],
  references: ['https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-strings', 'https://cwe.mitre.org/data/definitions/259.html'],
});
