/**
 * Factories of format-valid, unique public codes, so that every test builds its own agency subtree and tests
 * need no cleanup. Electronic agency codes (Decision 20/2020/QĐ-TTg): `NNN.NN.NN.XNN`.
 */
let counter = Math.floor(Math.random() * 50);

/** A fresh province-level code `000.00.00.Hnn` and helpers for codes below it. */
export function newProvinceCodes() {
  counter = (counter + 1) % 100;
  const letter = "HKLMNPQRSTUVWXYZ"[Math.floor(Math.random() * 16)]!;
  const suffix = `${letter}${String(counter).padStart(2, "0")}`;
  const province = `000.00.00.${suffix}`;
  return {
    province,
    /** A department or district directly under the province: `000.00.dd.Xnn`. */
    child: (n: number) => `000.00.${String(n).padStart(2, "0")}.${suffix}`,
    /** A commune under district `d`: `000.cc.dd.Xnn`. */
    commune: (d: number, c: number) => `000.${String(c).padStart(2, "0")}.${String(d).padStart(2, "0")}.${suffix}`,
  };
}
