import { packageConfig } from '@sumeru/eslint-config';

export default packageConfig;
