/** What other slices may use of the whistleblowing slice (the portal's Lapor page). */
export { WbsModule } from './wbs.module';
export { WbsFiled, WbsFiling } from './wbs-filing';
export { WbsReporter } from './wbs-reporter';
export { FileWbsReportDto, WbsMessageDto } from './wbs.dto';
export { wbsFollowView, WbsFollowView } from './wbs.views';
