import { Module } from '@nestjs/common';
import { AUDIT_FINDING_QUERY_HANDLERS } from './audit-finding-queries';
import { AuditFindingsController } from './audit-findings.controller';

@Module({
  controllers: [AuditFindingsController],
  providers: [...AUDIT_FINDING_QUERY_HANDLERS],
})
export class AuditFindingsModule {}
