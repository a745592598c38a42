/**
 * Folds a header or a value for comparison: no diacritics (đ → d), lower case, letters and digits only, so that
 * `Mã hồ sơ`, `MA HO SO`, `ma_ho_so` and `mahoso` are one key.
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
