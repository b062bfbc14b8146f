/** A one-resource template for rule examples: `properties` is YAML at property level. */
export function template(name: string, type: string, properties = ''): string {
  const body = properties
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `      ${l}`)
    .join('\n');
  return `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  ${name}:\n    Type: ${type}\n${body ? `    Properties:\n${body}\n` : ''}`;
}
