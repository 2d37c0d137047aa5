export { ZiModule } from './zi.module';
