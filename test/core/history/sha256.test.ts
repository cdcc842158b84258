/**
 * The pane's streaming SHA-256 against Node's own (OpenSSL's), a real engine: the NIST examples,
 * every length around the padding's edges, and the same bytes cut into random pieces.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { Sha256 } from "../../../src/core/history/sha256";

const nodeHex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The digest of `pieces` given one after another. */
function hexOfPieces(pieces: readonly Uint8Array[]): string {
  const hash = new Sha256();
  for (const piece of pieces) hash.update(piece);
  return hash.hex();
}

test("the FIPS 180-4 examples: '', 'abc' and the 448-bit message", () => {
  const text = (s: string) => [new TextEncoder().encode(s)];
  expect(hexOfPieces(text(""))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  expect(hexOfPieces(text("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  expect(hexOfPieces(text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))).toBe(
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
  );
});

test("every length from 0 to 200 bytes is Node's digest, whole and a byte at a time", () => {
  const bytes = Uint8Array.from({ length: 200 }, (_, i) => (i * 151 + 7) & 0xff);
  for (let n = 0; n <= 200; n++) {
    const message = bytes.subarray(0, n);
    expect(hexOfPieces([message])).toBe(nodeHex(message));
    expect(hexOfPieces(Array.from(message, (b) => Uint8Array.of(b)))).toBe(nodeHex(message));
  }
});

test("any bytes cut into any pieces give Node's digest", () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 3000 }),
      fc.array(fc.nat({ max: 3000 }), { maxLength: 8 }),
      (message, cuts) => {
        const points = [...new Set([0, ...cuts.map((c) => c % (message.length + 1)), message.length])].sort(
          (a, b) => a - b,
        );
        const pieces = points.slice(1).map((end, i) => message.subarray(points[i], end));
        expect(hexOfPieces(pieces)).toBe(nodeHex(message));
      },
    ),
  );
});

test("a megabyte in 64 KB pieces (the browser's stream chunks) is Node's digest", () => {
  const message = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 2654435761) >>> 24);
  const pieces = Array.from({ length: 16 }, (_, i) => message.subarray(i << 16, (i + 1) << 16));
  expect(hexOfPieces(pieces)).toBe(nodeHex(message));
});

test("no bytes may follow the digest", () => {
  const hash = new Sha256();
  hash.update(Uint8Array.of(1));
  const first = hash.hex();
  expect(hash.hex()).toBe(first);
  expect(() => hash.update(Uint8Array.of(2))).toThrow("already finished");
});
