"""Opens an `argmap export html` page in Debian's Chromium, driven by Playwright, does what a
reader would do, and prints what the page showed as JSON for the Swift tests to judge.

usage: map_page.py PAGE SCREENSHOT PLAN

PLAN is JSON: {"search": "refus", "click": "<id>", "deepLink": "<id>", "position": "<id>",
"status": "grounded", "keys": true}; every step is optional. The browser is the system's
Chromium ($ARGMAP_CHROMIUM, else `chromium` on PATH): Playwright's own browser download is not
used. A missing browser exits 3, so the test that called this fails.
"""

import json
import os
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright


def find_chromium():
    path = os.environ.get("ARGMAP_CHROMIUM") or shutil.which("chromium") or shutil.which(
        "chromium-browser")
    if not path:
        sys.stderr.write("Chromium is not installed (apt-get install chromium); run .ci/clients\n")
        sys.exit(3)
    return path


# What the page shows of each claim node: its id, classes and the fill of its outline.
NODES = """() => Array.from(document.querySelectorAll('#canvas g.node[data-claim]')).map(g => {
  const shape = g.querySelector('path, polygon');
  return {id: g.dataset.claim, classes: Array.from(g.classList),
          visible: g.getBoundingClientRect().width > 0 && getComputedStyle(g).display !== 'none',
          fill: shape ? getComputedStyle(shape).fill : null};
})"""

PANEL = """() => {
  const panel = document.getElementById('panel');
  const quote = panel.querySelector('blockquote');
  return {hidden: panel.hidden, title: document.getElementById('panel-title').textContent,
          text: (panel.querySelector('.claim-text') || {}).textContent || null,
          quote: quote ? quote.textContent : null,
          role: panel.getAttribute('aria-labelledby'),
          groups: Array.from(panel.querySelectorAll('section')).map(s => ({
            heading: s.querySelector('h3').textContent,
            claims: Array.from(s.querySelectorAll('a[data-claim]')).map(a => a.dataset.claim)}))};
}"""


def selected(page):
    return [n["id"] for n in page.evaluate(NODES) if "selected" in n["classes"]]


def main():
    page_path, screenshot, plan = Path(sys.argv[1]).resolve(), sys.argv[2], json.loads(sys.argv[3])
    url = page_path.as_uri()
    report = {"requests": [], "consoleErrors": [], "dialogs": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=find_chromium(), args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        # A page of 10^4 claims is tens of megabytes: give it time to load.
        page.set_default_timeout(300_000)
        # Anything the page asks for beyond its own file is a network request it must not make.
        page.on("request", lambda r: r.url.split("#")[0] != url and report["requests"].append(r.url))
        page.on("console", lambda m: m.type == "error" and report["consoleErrors"].append(m.text))
        page.on("pageerror", lambda e: report["consoleErrors"].append(str(e)))
        page.on("dialog", lambda d: (report["dialogs"].append(d.message), d.dismiss()))

        page.goto(url)
        page.wait_for_selector("html[data-ready=true]")
        report["nodes"] = page.evaluate(NODES)
        report["title"] = page.title()

        if "search" in plan:
            page.keyboard.press("/")
            report["searchFocused"] = page.evaluate("document.activeElement.id")
            page.keyboard.type(plan["search"])
            report["search"] = {
                "highlighted": [n["id"] for n in page.evaluate(NODES) if "match" in n["classes"]],
                "status": page.text_content("#search-status"),
            }
            page.keyboard.press("Escape")
            report["searchCleared"] = [n["id"] for n in page.evaluate(NODES) if "match" in n["classes"]]

        if "click" in plan:
            page.click(f'#canvas g.node[data-claim="{plan["click"]}"]')
            report["click"] = {"selected": selected(page), "panel": page.evaluate(PANEL),
                               "hash": page.evaluate("location.hash")}
            page.screenshot(path=screenshot)
            if plan.get("keys"):
                # An arrow walks to the first neighbour; Enter on its link selects it.
                page.keyboard.press("ArrowDown")
                focused = page.evaluate("document.activeElement.dataset.claim || null")
                page.keyboard.press("Enter")
                report["keys"] = {"focused": focused, "selectedAfterEnter": selected(page)}
                page.keyboard.press("Escape")
                report["keys"]["panelHiddenAfterEscape"] = page.evaluate(PANEL)["hidden"]

        if "status" in plan:
            page.check(f'#status input[value="{plan["status"]}"]')
            report["status"] = {n["id"]: {"classes": n["classes"], "fill": n["fill"]}
                                for n in page.evaluate(NODES)}
            report["legend"] = page.text_content("#status-legend")
            page.check('#status input[value=""]')

        if "position" in plan:
            page.select_option("#position", plan["position"])
            report["position"] = [n["id"] for n in page.evaluate(NODES) if n["visible"]]
            page.select_option("#position", "")

        if "deepLink" in plan:
            page.goto(url + "#" + plan["deepLink"])
            page.reload()
            page.wait_for_selector("html[data-ready=true]")
            report["deepLink"] = {"selected": selected(page), "panel": page.evaluate(PANEL)}

        if not Path(screenshot).exists():
            page.screenshot(path=screenshot)
        report["pwned"] = page.evaluate("window.__pwned === undefined ? null : window.__pwned")
        browser.close()
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
