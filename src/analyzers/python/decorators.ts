import type { SyntaxNode } from './parser.js';

/** Airflow's decorator for a task whose function returns the bash command to run (Airflow renders it as a template first). */
export const BASH_TASK_DECORATOR = /^airflow\.(?:decorators|sdk)\.task\.bash$/;

/** The resolved names of a function's decorators, called or not (`@app.get("/x")`, `@task.bash`). */
export function decoratorNames(fn: SyntaxNode, nameOf: (node: SyntaxNode) => string | undefined): string[] {
  // A decorated_definition holds the function beside its decorators.
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  return (decorated?.namedChildren ?? []).flatMap((d) => {
    const expr = d.type === 'decorator' ? d.namedChildren[0] : undefined;
    const callee = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
    const name = callee ? nameOf(callee) : undefined;
    return name ? [name] : [];
  });
}

/** The values a function's own `return` statements give (not those of functions nested in it). */
export function returnedValues(fn: SyntaxNode): SyntaxNode[] {
  return fn.descendantsOfType('return_statement').flatMap((r) => {
    let owner = r.parent;
    while (owner && owner.type !== 'function_definition' && owner.type !== 'lambda') owner = owner.parent;
    return owner?.id === fn.id && r.namedChildren[0] ? [r.namedChildren[0]] : [];
  });
}
