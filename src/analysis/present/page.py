"""One report page as a reader sees it: banner, summary, sections, tables, charts, footnotes.

A `Page` holds the report's language and its footnotes: every fact a table cites gets a
number, the same wherever it is cited, linking to its row in the "all figures" section at the
end. For a district report, the numbers are the rows of that section, in its order.
"""

from __future__ import annotations

import html
import inspect
from collections.abc import Callable, Iterable

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.present.declared import render_table
from analysis.present.formats import check_lang
from analysis.present.overview import Overview
from analysis.present.summary import key_cards, key_sentences
from analysis.present.tables import facts_with_sources, register_code
from analysis.present.wording import phrase, section
from analysis.text.phrases import say

STYLE = """<style>
.vn-scroll{overflow-x:auto;max-width:100%}
.vn-table{border-collapse:collapse;font-size:0.85em;margin:0.5em 0}
table.vn-table th,table.vn-table td{border:1px solid #ccc;padding:2px 6px;vertical-align:top;text-align:left !important;max-width:22em}
table.vn-table .num{text-align:right !important}table.vn-table td.num{white-space:nowrap}
.vn-table caption{text-align:left;font-weight:600;padding:2px 0}
.vn-table th{background:#f3f3f3}.vn-table tr.derived td{font-style:italic;color:#444}
.vn-banner{padding:6px 10px;border-radius:4px;margin:6px 0}
.vn-synthetic{background:#fde2e2;border:1px solid #c33;font-weight:bold}
.vn-note{background:#f6f6f0;border-left:3px solid #aa8}
.vn-empty,.vn-foot{color:#555;font-size:0.85em;margin:0.2em 0 0.8em}
.vn-cite a{text-decoration:none;margin:0 1px}
.vn-cards{display:flex;flex-wrap:wrap;gap:0.6em;margin:0.5em 0}
.vn-card{border:1px solid #cfd8dc;border-radius:6px;padding:0.4em 0.8em;min-width:9em;background:#fafcfd}
.vn-card b{display:block;font-size:1.4em}.vn-card span{font-size:0.8em;color:#455a64}
nav{margin-top:0.8em}.vn-summary li{margin:0.2em 0}.vn-see{font-size:0.85em;text-decoration:none;white-space:nowrap}
@media print{.vn-scroll{overflow:visible}.vn-table{font-size:0.7em}table.vn-table td.num{white-space:normal}a{color:inherit}}
</style>"""


POINTS = {
    "plot_targets": "attainment_percent",
    "plot_admissions": "per_year",
    "plot_evaluations": "share",
}
"""The column whose values a chart draws, when not every row is a point."""


def _display(text: str) -> None:
    from IPython.display import HTML, display

    display(HTML(text))


class Page:
    """The presentation state of one report: its language and its numbered footnotes.

    Args:
        dataset: The data the report cites (its facts are the footnotes).
        lang: 'vi' or 'en'.
        district_id: For a district report: its facts are numbered in the order of the
            "all figures" section.
    """

    def __init__(self, dataset: Dataset, lang: str = "vi", district_id: str | None = None):
        self.dataset = dataset
        self.lang = check_lang(lang)
        self.district_id = district_id
        self.numbers: dict[str, int] = {}
        self.folded = False
        if district_id is not None:
            for fact_id in facts_with_sources(dataset, district_id)["fact_id"]:
                self.numbers.setdefault(fact_id, len(self.numbers) + 1)

    def cite(self, fact_ids: str) -> str:
        """HTML footnote links for ';'-separated fact ids (numbers given on first citation)."""
        numbers = set()
        for fact_id in (f.strip() for f in str(fact_ids).split(";")):
            if fact_id:
                numbers.add(self.numbers.setdefault(fact_id, len(self.numbers) + 1))
        links = [f'<a href="#fact-{n}">{n}</a>' for n in sorted(numbers)]
        return f'<sup class="vn-cite">{",".join(links)}</sup>' if links else ""

    def table(self, name: str, frame: pd.DataFrame, **options) -> object:
        """Displays a declared output table (see `declared.render_table`)."""
        if frame.empty and self.folded:
            return None
        options.setdefault("names", self.names())
        return _display(render_table(frame, name, self.lang, self.cite, **options))

    def names(self) -> dict[str, str]:
        """District names by id."""
        table = self.dataset.districts
        return dict(zip(table["district_id"], table["name"], strict=True))

    def section(self, key: str, *frames: pd.DataFrame) -> None:
        """Displays a section's title (an anchor for the contents) and its introduction.

        When `frames` are given and all are empty, the section folds into one line saying
        that the data hold nothing for it, and its empty tables show nothing more.
        """
        title, intro = section(key, self.lang)
        self.folded = bool(frames) and all(f.empty for f in frames)
        if self.folded:
            line = html.escape(phrase("empty", self.lang, title=title))
            return _display(f'<p id="sec-{key}" class="vn-empty">{line}</p>')
        text = f'<h2 id="sec-{key}">{html.escape(title)}</h2>'
        return _display(text + (f"<p>{html.escape(intro)}</p>" if intro else ""))

    def contents(self, keys: Iterable[str]) -> object:
        """Displays a table of contents linking to the sections."""
        items = "".join(
            f'<li><a href="#sec-{k}">{html.escape(section(k, self.lang)[0])}</a></li>' for k in keys
        )
        return _display(
            f"<nav><b>{html.escape(phrase('contents', self.lang))}</b><ol>{items}</ol></nav>"
        )

    def header(self) -> None:
        """Displays `header_html`."""
        _display(self.header_html())

    def header_html(self) -> str:
        """The district's provinces before and after 2025, its region and GSO code."""
        row = self.dataset.districts.set_index("district_id").loc[self.district_id]
        code = register_code(self.dataset, self.district_id)
        where = phrase(
            "provinces", self.lang, before=row["province"], after=row["province_2025"],
            region=row["region"],
        )  # fmt: skip
        register = phrase("gso_code", self.lang, code=code) if code else phrase(
            "not_in_register", self.lang
        )  # fmt: skip
        return f'<p class="vn-where">{html.escape(where)} {html.escape(register)}.</p>'

    def banner(self, dataset: Dataset | None = None, scope: str = "") -> None:
        """Displays the style of the page and `banner_html` (same arguments)."""
        _display(STYLE + self.banner_html(dataset, scope))

    def banner_html(self, dataset: Dataset | None = None, scope: str = "") -> str:
        """Where the data comes from, and a warning when it is synthetic.

        Args:
            dataset: The data the report uses, if more than the page's dataset.
            scope: What that data is: "region" (the district and its region), or nothing.
        """
        dataset = dataset or self.dataset
        summary = dataset.summary()
        text = phrase("data", self.lang, origin=summary["origin"],
                      scope=" — " + phrase("scope_" + scope, self.lang) if scope else "", districts=summary["districts"],
                      facts=summary["facts"], sources=summary["sources"])  # fmt: skip
        kind = "vn-note"
        if dataset.synthetic:
            text, kind = phrase("synthetic", self.lang) + " " + text, "vn-synthetic"
        return f'<div class="vn-banner {kind}">{html.escape(text)}</div>'

    def note(self, text: str) -> None:
        """Displays a highlighted note (escaped), a phrase of the analyses in the page's
        language; nothing for empty text."""
        text = say(text, self.lang)
        if text:
            _display(f'<div class="vn-banner vn-note">{html.escape(text)}</div>')

    def chart(self, plot: Callable[..., object], frame: pd.DataFrame, *args, **kwargs) -> None:
        """Draws `plot(frame, ...)` with a source line, when the frame has two points or more.

        One figure is a card or a table row, not a chart. The plot gets the page's language
        and the district names when it takes them; the source line cites the facts drawn.
        """
        column = POINTS.get(plot.__name__)
        if column is None and args and isinstance(args[0], str) and args[0] in frame:
            column = args[0]  # a ranking by this column
        if (frame[column].notna().sum() if column in frame else len(frame)) < 2:
            return None
        accepted = inspect.signature(plot).parameters
        if "lang" in accepted:
            kwargs.setdefault("lang", self.lang)
        if "names" in accepted:
            kwargs.setdefault("names", self.names())
        from IPython.display import display

        display(plot(frame, *args, **kwargs))
        ids = ";".join(frame["fact_ids"].astype(str)) if "fact_ids" in frame else ""
        line = phrase("source_facts" if ids else "source_table", self.lang)
        return _display(f'<p class="vn-foot">{html.escape(line)}{self.cite(ids)}</p>')

    def cards(self, cards: Iterable[tuple[str, str, str, str]]) -> object:
        """Displays key figures as cards: (label, value, detail, fact ids) each."""
        parts = [
            f"<div class=vn-card><span>{html.escape(label)}</span><b>{html.escape(value)}</b>"
            f"<span>{html.escape(detail)}{self.cite(ids)}</span></div>"
            for label, value, detail, ids in cards
        ]
        return _display('<div class="vn-cards">' + "".join(parts) + "</div>")

    def sentences(self, sentences: Iterable[tuple[str, ...]]) -> object:
        """Displays plain sentences, each followed by its citation: (text, fact ids) or
        (text, fact ids, section key) each; the section is cited by a link to it."""
        items = "".join(f"<li>{html.escape(s[0])}{self._cite_all(*s[1:])}</li>" for s in sentences)
        return _display(f'<ul class="vn-summary">{items}</ul>')

    def _cite_all(self, fact_ids: str = "", key: str = "") -> str:
        """Footnote links to the facts, and a link to the section `key` (when given)."""
        if not key:
            return self.cite(fact_ids)
        title = html.escape(section(key, self.lang)[0])
        return self.cite(fact_ids) + f' <a class="vn-see" href="#sec-{key}">→ {title}</a>'

    def overview(self, summary: Overview, contents: Iterable[str]) -> object:
        """Displays a report's summary (`present.overview`): its cards, its sentences (cited)
        and a table of contents linking to the sections `contents`."""
        self.cards(summary.cards)
        self.sentences(summary.sentences)
        return self.contents(contents)

    def summary(self, stocks, growth, admissions, goals, findings) -> object:
        """Displays a district's key figures as cards and three to six cited sentences."""
        facts = self.dataset.facts[self.dataset.facts["district_id"] == self.district_id]
        name = self.dataset.districts.set_index("district_id").loc[self.district_id, "name"]
        cards = key_cards(self.lang, stocks, admissions, goals, findings, facts)
        said = key_sentences(self.lang, name, stocks, growth, admissions, goals, findings, facts)
        self.cards(cards)
        self.sentences(said)

    def figures(self) -> object:
        """Displays the "all figures" section: every numbered fact with its citation."""
        facts = facts_with_sources(self.dataset, self.district_id, self.lang)
        facts = facts[facts["fact_id"].isin(self.numbers)]
        facts = facts.assign(number=facts["fact_id"].map(self.numbers)).sort_values("number")
        return _display(render_table(facts, "facts", self.lang, self.cite, anchor="number"))
