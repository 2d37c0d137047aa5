/** docs/domain.md, Complaints 5: what the public, the scorecard and the LKE learn of a unit's complaints in a year, counts and days only. */
export interface ComplaintFigures {
  /** Filed in the year and concerning the unit (named at filing, or assigned by the verification). */
  received: number;
  verified: number;
  /** Verified complaints whose first response came, or is overdue today: what respondedOnTime is a share of. */
  responsesDue: number;
  /** First responses made by their deadline. */
  respondedOnTime: number;
  /** respondedOnTime in percent (2 decimals) of responsesDue; null while there are none. */
  respondedOnTimePercent: number | null;
  /** Median working days from verification to the first response; null before any response. */
  medianWorkingDaysToResponse: number | null;
}
