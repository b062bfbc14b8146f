import type { AppRule } from '../../app-rule.js';
import { jupyterCorsAnyOrigin } from './cors-any-origin.js';
import { jupyterFixedToken } from './fixed-token.js';
import { jupyterNoAuth } from './no-auth.js';
import { jupyterXsrfCheckDisabled } from './xsrf-check-disabled.js';

export const jupyterRules: AppRule[] = [jupyterNoAuth, jupyterFixedToken, jupyterCorsAnyOrigin, jupyterXsrfCheckDisabled];
