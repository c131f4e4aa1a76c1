// heic-decode ships no types; this is the part of its API lib/files/heic.ts uses.
declare module "heic-decode" {
  type Pixels = { width: number; height: number; data: Uint8ClampedArray };
  type LazyImage = { width: number; height: number; decode: () => Promise<Pixels> };
  function decode(input: { buffer: Uint8Array }): Promise<Pixels>;
  namespace decode {
    function all(input: { buffer: Uint8Array }): Promise<LazyImage[] & { dispose: () => void }>;
  }
  export default decode;
}
