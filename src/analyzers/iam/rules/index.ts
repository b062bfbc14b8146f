import type { IamRule } from '../iam-rule.js';
import { notActionAllow } from './not-action-allow.js';
import { notResourceAllow } from './not-resource-allow.js';
import { passRoleAny } from './passrole-any.js';
import { privilegeEscalation } from './privilege-escalation.js';
import { readAllData } from './read-all-data.js';
import { trustAnyPrincipal } from './trust-any-principal.js';
import { wildcardAction } from './wildcard-action.js';
import { wildcardResource } from './wildcard-resource.js';

export const iamRules: IamRule[] = [wildcardAction, notActionAllow, notResourceAllow, wildcardResource, privilegeEscalation, passRoleAny, trustAnyPrincipal, readAllData];
