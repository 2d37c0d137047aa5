import { Module } from '@nestjs/common';
import { ErasuresController } from './erasures.controller';

/** Erasure of personal data (role `dpo`); subjects and keys themselves are libs/personal-data. */
@Module({ controllers: [ErasuresController] })
export class PersonalDataModule {}
