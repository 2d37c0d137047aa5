/** What other slices may use of the complaint slice (the participation figures, the erasure of a reporter). */
export { ComplaintFigures, ComplaintFiguresQuery } from './complaint-figures.query';
export { ComplaintsModule } from './complaints.module';
export { ComplaintFiguresView } from './complaint.views';
export { ComplaintFiled, ComplaintFiling } from './complaint-filing';
export { ComplaintReporter } from './complaint-reporter';
export { FileComplaintDto, ReporterMessageDto } from './complaint.dto';
export { complaintFollowView, ComplaintFollowView } from './complaint.views';
