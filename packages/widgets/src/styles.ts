// Shared shadow-DOM styles. Shops theme through the --sumeru-* custom properties (they cross the
// shadow boundary) and reach individual pieces with ::part(...).
export const baseStyles = `
:host {
  display: block;
  font: var(--sumeru-font, inherit);
  color: var(--sumeru-color-text, inherit);
  --_accent: var(--sumeru-color-accent, #1f4fd1);
  --_muted: var(--sumeru-color-muted, #5f6368);
  --_border: var(--sumeru-color-border, #d0d4da);
  --_radius: var(--sumeru-radius, 8px);
  --_gap: var(--sumeru-spacing, 12px);
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.container {
  display: grid;
  gap: var(--_gap);
  padding: var(--sumeru-padding, 0);
  background: var(--sumeru-color-background, transparent);
}
h2, h3, p { margin: 0; }
h2 { font-size: var(--sumeru-heading-size, 1.25em); }
h3 { font-size: 1em; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_gap); }
.muted { color: var(--_muted); }
.card { border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_gap); display: grid; gap: calc(var(--_gap) / 2); }
.stars { color: var(--sumeru-star-color, #e3a008); letter-spacing: 0.1em; }
.price { font-weight: 600; }
.compare { color: var(--_muted); text-decoration: line-through; margin-inline-start: 0.5em; }
.saving { color: var(--sumeru-color-success, #16794c); }
.error { color: var(--sumeru-color-error, #b3261e); }
.error:empty, .status:empty { display: none; }
img { max-width: 100%; height: auto; border-radius: calc(var(--_radius) / 2); }
a { color: var(--_accent); }
button {
  font: inherit;
  cursor: pointer;
  border: 1px solid var(--_accent);
  border-radius: var(--_radius);
  padding: 0.5em 1em;
  background: var(--_accent);
  color: var(--sumeru-color-accent-text, #fff);
  justify-self: start;
}
button.secondary { background: transparent; color: var(--_accent); }
button[disabled] { opacity: 0.6; cursor: progress; }
:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
label, legend { font-weight: 600; }
.field { display: grid; gap: 4px; }
input, textarea {
  font: inherit;
  padding: 0.5em;
  border: 1px solid var(--_border);
  border-radius: calc(var(--_radius) / 2);
  background: var(--sumeru-input-background, #fff);
  color: inherit;
}
fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: 6px; }
.choices { display: flex; flex-wrap: wrap; gap: 8px 16px; }
.choices label { font-weight: 400; display: inline-flex; gap: 6px; align-items: center; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;
