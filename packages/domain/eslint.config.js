import { pureConfig } from '@sumeru/eslint-config';

export default pureConfig;
