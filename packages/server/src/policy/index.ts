export * from './enums';
export * from './license-terms';
export * from './grants';
export * from './prices';
export * from './spending';
