export * from './school-calendar';
