import { headOfTheUnit, mayReadPastStates, operatorOfTheUnit } from '../auth/policies';

/**
 * A plan is its unit's (docs/api.md, Performance plans): the unit's operator drafts, edits,
 * submits, revises and reports on it; its head approves or returns it; its past states are for
 * the inspectorate and the unit. Any signed-in user reads the current plan.
 */
export const mayWritePlan = operatorOfTheUnit;
export const mayDecideOnPlan = headOfTheUnit;
export const mayReadPastPlan = mayReadPastStates;
