// The only host global the engine uses: the WHATWG Encoding API, which Node, browsers, Word's and
// WPS's web views all provide (GB2312/GBK part and zip-name decoding). Declared for the engine's
// purity check (tsconfig.engine.json), which has no DOM or Node types.
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
interface TextDecoder {
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};
