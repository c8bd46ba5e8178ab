/** webpack's asset/resource: importing a .docx gives its URL in dist/. */
declare module '*.docx' {
  const url: string;
  export default url;
}
