import type { NextConfig } from 'next';

const config: NextConfig = {
  // @sumeru/widgets ships TypeScript source, like every internal package of the monorepo.
  transpilePackages: ['@sumeru/widgets'],
};

export default config;
