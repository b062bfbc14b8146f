import type { AppRule } from '../../app-rule.js';
import { airflowAnonymousAccess } from './anonymous-access.js';
import { airflowApiWithoutAuth } from './api-without-auth.js';
import { airflowDeserializeAnyClass } from './deserialize-any-class.js';
import { airflowExposeConfig } from './expose-config.js';
import { airflowFernetKeyEmpty } from './fernet-key-empty.js';
import { airflowXcomPickling } from './xcom-pickling.js';

export const airflowRules: AppRule[] = [airflowAnonymousAccess, airflowApiWithoutAuth, airflowXcomPickling, airflowDeserializeAnyClass, airflowExposeConfig, airflowFernetKeyEmpty];
