/**
 * ONNX ModelProto bytes written by hand (protobuf wire format), for the tiny test models: no
 * network, no Python.
 */
// --- protobuf wire format -------------------------------------------------------------------
export const varint = (n: number | bigint): number[] => {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v) byte |= 0x80;
    out.push(byte);
  } while (v);
  return out;
};
export const key = (field: number, wire: number) => varint((field << 3) | wire);
export const int = (field: number, n: number) => [...key(field, 0), ...varint(n)];
export const bytes = (field: number, data: Uint8Array | number[]) => [...key(field, 2), ...varint(data.length), ...data];
export const str = (field: number, s: string) => bytes(field, [...Buffer.from(s, 'utf8')]);
export const msg = (field: number, ...parts: number[][]) => bytes(field, parts.flat());

// --- ONNX messages ----------------------------------------------------------------------------
export const FLOAT = 1;
export const INT64 = 7;
export const dims = (shape: (number | string)[]) => msg(2, ...shape.map((d) => msg(1, typeof d === 'number' ? int(1, d) : str(2, d))));
export const valueInfo = (field: number, name: string, elem: number, shape: (number | string)[]) =>
  msg(field, str(1, name), msg(2, msg(1, int(1, elem), dims(shape))));
export const floatTensor = (name: string, shape: number[], values: number[]) => {
  const raw = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => raw.writeFloatLE(v, i * 4));
  return msg(5, ...shape.map((d) => int(1, d)), int(2, FLOAT), str(8, name), bytes(9, [...raw]));
};
export const attrInt = (name: string, v: number) => msg(5, str(1, name), int(3, v), int(20, 2));
export const attrInts = (name: string, vs: number[]) => msg(5, str(1, name), ...vs.map((v) => int(8, v)), int(20, 7));
export const node = (op: string, inputs: string[], outputs: string[], ...attrs: number[][]) =>
  msg(1, ...inputs.map((i) => str(1, i)), ...outputs.map((o) => str(2, o)), str(3, `${op}_${outputs[0]}`), str(4, op), ...attrs);

/** A ModelProto (IR 7) of the given opset around the graph parts. */
export const onnxModel = (opset: number, ...graph: number[][]): Uint8Array =>
  Uint8Array.from([...int(1, 7), ...str(2, 'cxqa-test'), ...msg(7, ...graph), ...msg(8, str(1, ''), int(2, opset))]);

/** An int64 initializer (raw little-endian data). */
export const int64Tensor = (name: string, shape: number[], values: number[]) => {
  const raw = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => raw.writeBigInt64LE(BigInt(v), i * 8));
  return msg(5, ...shape.map((d) => int(1, d)), int(2, INT64), str(8, name), bytes(9, [...raw]));
};
