/**
 * `1234567` → `1,234,567`. Hooks format a few numbers per run; creating an `Intl.NumberFormat` costs
 * ~30 ms of ICU start-up (measured on this machine), more than the whole usage check.
 */
export function groupDigits(value: number): string {
  const [whole = '', fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
