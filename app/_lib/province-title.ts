// The database stores a province's bare name ("Nghệ An"); pages show it with its kind ("Tỉnh Nghệ An").
// A name already carrying the kind (e.g. "Thành phố Hà Nội") is shown as stored.
const HAS_KIND = /^(tỉnh|thành phố)\s/iu;

export function provinceTitle(name: string, withKind: (name: string) => string): string {
  return HAS_KIND.test(name) ? name : withKind(name);
}
