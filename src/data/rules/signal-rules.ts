import { signalBidiOverride } from './signal-bidi-override.js';
import { signalControlCharacters } from './signal-control-characters.js';
import { signalFloatOverflow } from './signal-float-overflow.js';
import { signalFormulaInjection } from './signal-formula-injection.js';
import { signalInt64Overflow } from './signal-int64-overflow.js';
import { signalLongString } from './signal-long-string.js';
import { signalNonFiniteNumber } from './signal-non-finite-number.js';
import { signalPathTraversal } from './signal-path-traversal.js';
import { signalScriptFragment } from './signal-script-fragment.js';
import { signalSqlFragment } from './signal-sql-fragment.js';
import type { SignalRule } from './signal-rule.js';

/** One rule per security signal the profile counts; `profile --fail-on-signals` reports through them. */
export const signalRules: SignalRule[] = [signalFormulaInjection, signalSqlFragment, signalScriptFragment, signalPathTraversal, signalControlCharacters, signalBidiOverride, signalLongString, signalNonFiniteNumber, signalInt64Overflow, signalFloatOverflow];
