import { headOfTheUnit, mayReadPastStates, operatorOfTheUnit, theRoleSuffices } from '../auth/policies';

/**
 * A unit's LKjIP (docs/api.md, LKjIP): its operator compiles it and writes its sections, its
 * head submits and publishes it, and the inspectorate reviews every unit's report (the route's
 * role is the whole rule). Past states are for the inspectorate and the unit.
 */
export const mayCompileLkjip = operatorOfTheUnit;
export const maySignLkjip = headOfTheUnit;
export const mayReviewLkjip = theRoleSuffices;
export const mayReadPastLkjip = mayReadPastStates;
