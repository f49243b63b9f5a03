/**
 * The style sheet of the HTML report (inlined; the page's CSP allows it by its hash).
 * Claims are coloured by status; a claim's tooltip shows on hover and on focus (click).
 * A tooltip is placed by the draft's box, not by its claim: it opens on the line below
 * the claim and spans the draft's width, so a claim near the right edge never pushes it
 * off the page (no script measures anything). In a narrow window (the editor's report
 * view) a table too wide scrolls in its own box, never the page.
 */

/** CSS of the report page. */
export const HTML_STYLE = `
html { background: #fff; }
:root { color-scheme: light; --ok: #1a7f37; --bad: #cf222e; --old: #9a6700; --unk: #6e7781; }
body { font: 15px/1.6 system-ui, "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #1f2328; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { font-size: 1.2em; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; margin-top: 2em; }
h3 { font-size: 1em; }
.meta { color: #59636e; margin: .2em 0; }
table { border-collapse: collapse; margin: .5em 0 1em; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .25em .5em; text-align: left; vertical-align: top; }
thead th, tfoot th { background: #f6f8fa; }
.summary td:not(:first-child) { text-align: right; }
.badge { font-size: .8em; padding: 0 .4em; border-radius: .6em; color: #fff; background: var(--unk); white-space: nowrap; }
.sev-error .badge { background: var(--bad); } .sev-warning .badge { background: var(--old); }
.draft { position: relative; white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid #d0d7de; border-radius: 6px; padding: 1em; background: #fff; }
td { overflow-wrap: break-word; } .scroll { overflow-x: auto; } .summary td:first-child { min-width: 8em; } .code-label, td code, .diag code { white-space: nowrap; } a.back { white-space: nowrap; }
mark.claim, mark.legend { background: none; color: inherit; border-bottom: 2px solid var(--unk); }
mark.claim { cursor: help; }
mark.claim:focus { outline: 2px solid #0969da; outline-offset: 1px; }
mark.st-verified { background: #dafbe1; border-bottom-color: var(--ok); }
mark.st-contradicted { background: #ffebe9; border-bottom-color: var(--bad); }
mark.st-outdated { background: #fff8c5; border-bottom-color: var(--old); }
mark.st-unverified { border-bottom-style: dashed; }
mark.st-suppressed { border-bottom-style: dotted; opacity: .7; }
mark.finding.sev-error { background: #ffebe9; border-bottom-color: var(--bad); }
mark.claim.sev-warning { background: #fff8c5; border-bottom-color: var(--old); }
.tip { display: none; position: absolute; left: .5em; right: .5em; margin-top: .3em; z-index: 10; white-space: normal; color: #1f2328;
  background: #fff; border: 1px solid #d0d7de; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.15); padding: .5em .8em; font-size: .9em; }
mark.claim:hover > .tip, mark.claim:focus > .tip, mark.claim:focus-within > .tip { display: block; }
.tip p { margin: .2em 0; } .tip-sub { font-weight: 600; margin-top: .5em; }
.status { font-weight: 600; } .st-verified .status, .status.st-verified { color: var(--ok); }
.status.st-contradicted { color: var(--bad); } .status.st-outdated { color: var(--old); }
.cites { margin: 0; padding-left: 1.2em; } .cite q { display: block; color: #424a53; }
.cite q b { background: #fff8c5; } .pub { color: #59636e; }
.expected b { color: var(--ok); }
`;
