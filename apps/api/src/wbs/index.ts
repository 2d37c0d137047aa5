/** What other slices may use of the whistleblowing slice (the erasure of a reporter). */
export { WbsModule } from './wbs.module';
