import { mayReadPastStates, theRoleSuffices } from '../auth/policies';

/** The registry is the admin's to keep (the route's role is the whole rule); a unit's past is for the inspectorate and the unit. */
export const mayKeepRegistry = theRoleSuffices;
export const mayReadPastOpd = mayReadPastStates;
