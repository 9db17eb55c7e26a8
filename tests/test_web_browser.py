"""End-to-end: `linewatch serve` as a real process, driven by headless chromium (Playwright)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_data import populate

from linewatch.store.queries import rollups

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TOKEN = "browser-test-token-42"
PAGES = ["/", "/timeline", "/statements", "/documents", "/actors", "/actor/sergei-lavrov", "/stance", "/narratives", "/network",
         "/scenarios", "/api/docs"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("LINEWATCH_REQUIRE_SERVICES") == "1":
            pytest.fail("chromium is required but missing")
        pytest.skip("no /usr/bin/chromium")


def start_server(db: str, env_extra: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[subprocess.Popen, str]:
    """Start `linewatch serve` on a free port; returns (process, base URL) once it answers."""
    import httpx

    port = _free_port()
    env = {**os.environ, "LINEWATCH_API_TOKEN": TOKEN, **(env_extra or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "linewatch", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
        env=env, cwd=str(cwd) if cwd else None, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
            raise AssertionError(f"linewatch serve exited: {out[-2000:]}")
        try:
            if httpx.get(base + "/api/openapi.json", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise AssertionError("linewatch serve did not answer within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, object]]:
    _need_chromium()
    from linewatch.store import open_store

    folder = tmp_path_factory.mktemp("browser")
    db = str(folder / "lw.db")
    store = open_store(db)
    info = populate(store, 200, hostile=True)
    rollups.refresh(store)  # as `linewatch run` leaves it: pages read the rollups, corrections overlaid
    store.close()
    proc, base = start_server(db, cwd=folder)
    try:
        yield base, info
    finally:
        stop_server(proc)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watch:
    """Collects console errors, page errors and dialogs of one page."""

    def __init__(self, page: object) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def on_dialog(d: object) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)


def test_every_page_loads_without_console_errors(served, browser) -> None:
    base, info = served
    page = browser.new_page()
    w = Watch(page)
    import httpx

    event = httpx.get(f"{base}/api/events", params={"limit": 1}).json()["items"][0]["id"]
    for path in PAGES + [f"/statement/{info.example_statement}", f"/document/{info.hostile_doc}", f"/event/{event}"]:
        resp = page.goto(base + path)
        assert resp is not None and resp.status == 200, path
        page.wait_for_load_state("load")
        assert not w.errors, (path, w.errors)
    for path in ("/timeline", "/stance", "/narratives", "/network", "/scenarios"):
        page.goto(base + path)
        assert page.locator(".chart canvas").count() >= 1, f"no chart drawn on {path}"
    page.close()


def test_filters_change_what_is_shown(served, browser) -> None:
    base, _ = served
    page = browser.new_page()
    page.goto(base + "/statements")
    before = page.locator("#results .statement .stance").all_inner_texts()
    assert {"support", "oppose"} <= set(before)
    page.select_option("select[name=stance]", "oppose")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**stance=oppose**")
    after = page.locator("#results .statement .stance").all_inner_texts()
    assert after and set(after) == {"oppose"}
    page.select_option("select[name=language]", "ru")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**language=ru**")
    sources = page.locator("#results .statement .source").all_inner_texts()
    assert sources and all(s.endswith("· ru") for s in sources)
    page.goto(base + "/timeline?kind=events&plover=SANCTION")
    kinds = page.locator(".items .event .plover").all_inner_texts()
    assert kinds and set(kinds) == {"SANCTION"}
    page.close()


def test_source_highlight_is_at_the_right_place(served, browser) -> None:
    import httpx

    base, info = served
    st = httpx.get(f"{base}/api/statements/{info.example_statement}").json()
    doc = httpx.get(f"{base}/api/documents/{st['doc_id']}").json()
    page = browser.new_page()
    page.goto(f"{base}/statement/{st['id']}")
    hl = page.locator("mark[data-start]")
    sentence = "".join(t for t, c in zip(hl.all_text_contents(), hl.evaluate_all("els => els.map(e => e.className)"))
                       if "sentence" in c)
    assert sentence == doc["text"][st["sentence_start"]:st["sentence_end"]] == st["sentence"]
    assert page.locator(".doctext mark.speaker").first.text_content() == doc["text"][st["speaker_start"]:st["speaker_end"]]
    assert page.locator(".doctext mark.cue").first.text_content() == st["cue"]
    assert page.locator("#hl").get_attribute("data-start") == str(st["sentence_start"])
    # the text before the first mark is exactly the document text up to the sentence
    prefix = page.evaluate("() => { const r = document.createRange(); const t = document.querySelector('.doctext');"
                           " r.setStart(t, 0); r.setEndBefore(document.getElementById('hl')); return r.toString(); }")
    assert prefix == doc["text"][: st["sentence_start"]]
    page.close()


def test_correction_persists_after_reload(served, browser) -> None:
    base, info = served
    page = browser.new_page()
    w = Watch(page)
    page.goto(f"{base}/statement/{info.example_statement}")
    page.fill("input[name=target]", "Latvia")
    page.select_option("select[name=stance]", "neutral")
    page.fill("input[name=author]", "tester")
    page.fill("input[name=token]", TOKEN)
    page.click(".correction-form button[type=submit]")
    page.wait_for_url("**saved=1**")
    page.reload()
    assert "Latvia" in page.locator(".f-target").inner_text()
    assert "corrected" in page.locator(".f-target").inner_text()
    assert "neutral" in page.locator(".f-stance").inner_text()
    assert "tester" in page.locator("table.history").inner_text()
    # the token is remembered in a strict, HttpOnly cookie: not readable by scripts
    assert "lw_token" not in page.evaluate("() => document.cookie")
    assert not w.errors
    page.close()


def test_hostile_document_injects_nothing(served, browser) -> None:
    base, info = served
    page = browser.new_page()
    w = Watch(page)
    paths = PAGES + [f"/statement/{info.hostile_statement}", f"/document/{info.hostile_doc}",
                     "/statements?q=harmless", "/timeline?country=XXX", "/network?country=XXX"]
    for path in paths:
        page.goto(base + path)
        page.wait_for_load_state("load")
        page.mouse.move(300, 300)
        assert page.evaluate("() => window.__lw_pwned === undefined"), path
        assert page.locator("main script, main img, main svg, main a[href^='javascript']").count() == 0, path
    assert w.dialogs == []
    page.goto(f"{base}/statement/{info.hostile_statement}")
    assert "<script>window.__lw_pwned" in page.locator("h2.doc-title").inner_text()
    assert "javascript:alert(4)" in page.locator(".url-text").inner_text()
    page.close()


def test_real_demo_database(tmp_path, browser) -> None:
    """Over `linewatch demo` (a prebuilt one in LINEWATCH_DEMO_DB, else built here: a few seconds
    with the shipped embedding pack)."""
    db = os.environ.get("LINEWATCH_DEMO_DB")
    if not db:
        db = str(tmp_path / "demo.db")
        run = subprocess.run([sys.executable, "-m", "linewatch", "demo", "--db", db], capture_output=True, text=True,
                             timeout=900, cwd=tmp_path)
        assert run.returncode == 0, run.stderr[-2000:]
    proc, base = start_server(db, cwd=tmp_path)
    try:
        page = browser.new_page()
        w = Watch(page)
        for path in PAGES:
            resp = page.goto(base + path)
            assert resp is not None and resp.status == 200, path
        page.goto(base + "/statements")
        first = page.locator("#results .statement .content a").first
        if first.count():
            first.click()
            assert page.locator("#hl").count() == 1
        assert not w.errors and not w.dialogs
        page.close()
    finally:
        stop_server(proc)


def _cell_colours(page: object) -> list[dict]:
    """Each heat-map cell's net stance and the RGB actually painted inside it (off its label)."""
    return page.evaluate("""() => {
      const el = document.querySelector('[data-chart="stance-matrix"]');
      const chart = echarts.getInstanceByDom(el);
      const cells = JSON.parse(document.getElementById('chart-data').textContent).matrix.cells;
      const canvas = el.querySelector('canvas');
      const ctx = canvas.getContext('2d');
      const ratio = canvas.width / canvas.clientWidth;
      return cells.map(c => {
        const p = chart.convertToPixel({seriesIndex: 0}, [c[0], c[1]]);
        const q = chart.convertToPixel({seriesIndex: 0}, [c[0] + 1, c[1]]);
        const x = p[0] + (q[0] - p[0]) * 0.4, y = p[1];
        const d = ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
        return {net: c[2], r: d[0], g: d[1], b: d[2]};
      });
    }""")


def test_heat_map_colour_follows_the_sign_of_net_stance(served, browser) -> None:
    base, _ = served
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(base + "/stance")
    page.wait_for_function("() => document.querySelector('[data-chart=\"stance-matrix\"] canvas')")
    cells = _cell_colours(page)
    negative = [c for c in cells if c["net"] < 0]
    positive = [c for c in cells if c["net"] > 0]
    assert any(c["net"] <= -0.5 for c in cells) and any(c["net"] >= 0.5 for c in cells), cells
    for c in negative:  # red, and clearly red when strongly negative
        assert c["r"] > c["g"] + (40 if c["net"] <= -0.5 else 0), ("net < 0 must be red", c)
    for c in positive:
        assert c["g"] > c["r"] + (40 if c["net"] >= 0.5 else 0), ("net > 0 must be green", c)
    page.close()


def test_phone_width_has_no_sideways_scroll(served, browser) -> None:
    """At 390 px (a phone) the statement and stance pages fit the screen: nothing wider than the viewport."""
    base, info = served
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    for path in (f"/statement/{info.example_statement}", f"/statement/{info.hostile_statement}", "/stance",
                 "/statements", f"/document/{info.hostile_doc}"):
        page.goto(base + path)
        page.wait_for_load_state("load")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        # what sticks out of the screen, unless it sits in a box that scrolls (a wide table may)
        wide = page.evaluate("""() => [...document.querySelectorAll('body *')].filter(e => {
              if (e.getBoundingClientRect().right <= 391) return false;
              for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return false;
              }
              return true;
            }).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))""")
        assert width <= 390 and not wide, (path, width, wide)
    page.close()


def test_search_finds_another_word_form(served, browser) -> None:
    """Typing the nominative ("граница") finds statements that say "на границе"; the documents page searches too."""
    base, _ = served
    page = browser.new_page()
    page.goto(base + "/statements")
    page.fill("form.filters input[name=q]", "граница")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**q=**")
    contents = page.locator("#results .statement .content").all_inner_texts()
    assert contents and all("границ" in c for c in contents) and any("границе" in c for c in contents)
    total = int(page.locator("b.total").inner_text().split()[0].replace("\u202f", ""))
    assert total >= len(contents)
    page.goto(base + "/documents")
    page.fill("form.filters input[name=q]", "граница")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**q=**")
    assert page.locator("#results .document-row").count() >= 1
    page.close()


def test_correction_flows_into_filters_and_charts(served, browser) -> None:
    """A speaker typed in Russian in the form is filed under the registry actor: the actor filter, the
    stance matrix and the actor page's chart all count the statement there."""
    import httpx

    base, _ = served
    st = httpx.get(f"{base}/api/statements", params={"actor": "maria-zakharova", "limit": 50}).json()["items"]
    st = next(s for s in st if s["target"] and s["date"] and not s["corrected"])
    page = browser.new_page()
    page.goto(f"{base}/statement/{st['id']}")
    page.fill("input[name=speaker]", "Лавров")
    page.fill("input[name=author]", "tester")
    if page.locator("input[name=token]").count():
        page.fill("input[name=token]", TOKEN)
    page.click(".correction-form button[type=submit]")
    page.wait_for_url("**saved=1**")
    assert "Sergei Lavrov" in page.locator(".f-speaker").inner_text()
    # the dashboard's filter for Lavrov lists it; Zakharova's does not
    page.goto(f"{base}/statements?actor=sergei-lavrov&date_from={st['date']}&date_to={st['date']}")
    assert page.locator(f"#results .statement[data-id='{st['id']}']").count() == 1
    page.goto(f"{base}/statements?actor=maria-zakharova&date_from={st['date']}&date_to={st['date']}")
    assert page.locator(f"#results .statement[data-id='{st['id']}']").count() == 0
    # the matrix (its chart data and the table under it) has a Lavrov → target cell for that day
    page.goto(f"{base}/stance?date_from={st['date']}&date_to={st['date']}")
    m = page.evaluate("() => JSON.parse(document.getElementById('chart-data').textContent).matrix")
    assert any(m["holders"][c[1]] == "Sergei Lavrov" and m["targets"][c[0]] == st["target"] for c in m["cells"])
    assert page.locator("[data-chart='stance-matrix'] canvas").count() == 1
    page.close()
