import { appConfig } from '@sumeru/eslint-config';

export default appConfig;
