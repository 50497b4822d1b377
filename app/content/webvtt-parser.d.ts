// The W3C's WebVTT parser and validator (CommonJS, untyped): only what content checks use.
declare module "webvtt-parser" {
  export interface WebVTTError {
    message: string;
    line: number;
    col: number;
  }
  export interface WebVTTTree {
    cues: { id: string; startTime: number; endTime: number; text: string }[];
    errors: WebVTTError[];
  }
  interface WebVTTParser {
    parse(input: string, mode?: "metadata" | "chapters"): WebVTTTree;
  }
  // CommonJS without static exports: Node's ESM loader gives it as the default export only.
  const webvtt: { WebVTTParser: new () => WebVTTParser };
  export default webvtt;
}
