"""Clean: datelines, page furniture, headlines and credits, on inputs written here."""

import datetime as dt

import pytest

from tidings.errors import EmptyInput
from tidings.records import Document
from tidings.stages.clean import clean_document

BODY = ("Officials met on Tuesday to discuss the dispute over fishing rights in the region. "
        "Both sides said the talks had been useful and would continue next month.")


def clean(text, **hints):
    return clean_document(Document(id="t", origin="t.txt", kind="text", content=text, **hints))


@pytest.mark.parametrize("dateline, source, published", [
    ("Dec. 15, 2021 (EIRNS)—", "EIRNS", dt.date(2021, 12, 15)),
    ("MOSCOW, Dec 15 (Reuters) - ", "Reuters", None),
    ("WASHINGTON (AP) — ", "AP", None),
    ("BEIJING, June 2, 2022 (Xinhua) -- ", "Xinhua", dt.date(2022, 6, 2)),
    ("BRUSSELS, Oct 3, 2023 (AFP) - ", "AFP", dt.date(2023, 10, 3)),
])
def test_datelines_give_source_and_date_and_are_cut(dateline, source, published):
    result = clean("A Headline About Fishing Talks\n\n" + dateline + BODY)
    assert result.text.startswith("Officials met on Tuesday")
    assert result.source == source
    assert result.published == published
    assert result.title == "A Headline About Fishing Talks"


def test_dateline_without_year_takes_the_year_of_a_date_line_above():
    text = "Talks Resume\n\nDecember 15, 2021 10:42 AM UTC\n\nMOSCOW, Dec 15 (Reuters) - " + BODY
    result = clean(text)
    assert result.published == dt.date(2021, 12, 15) and result.source == "Reuters"


def test_menus_share_bars_footers_and_credits_are_dropped():
    text = "\n".join([
        "Home", "World | Politics | Business", "Sign in", "Subscribe",
        "Fishing Talks Resume Between Old Rivals",
        "By JANE DOE Associated Press",
        BODY,
        "Advertisement",
        "The next round is planned for the spring, officials said on condition of anonymity.",
        "Share this article", "Back to top", "© 2021 Example News. All rights reserved.",
        "Associated Press writer John Roe in Oslo contributed to this report.",
        "Home",
    ])
    result = clean(text)
    assert result.title == "Fishing Talks Resume Between Old Rivals"
    assert result.text.startswith("Officials met") and result.text.endswith("condition of anonymity.")
    for furniture in ("Sign in", "Advertisement", "Share this", "Back to top", "©", "contributed", "JANE DOE"):
        assert furniture not in result.text


def test_wire_end_markers_are_cut():
    assert clean(BODY + " Enditem").text.endswith("next month.")
    assert clean(BODY + " (Reporting by Jane Doe; Editing by John Roe)").text.endswith("next month.")


def test_input_metadata_wins_over_what_is_found():
    result = clean("Dec. 15, 2021 (EIRNS)—" + BODY, published=dt.date(2020, 1, 1), source="Given")
    assert result.published == dt.date(2020, 1, 1) and result.source == "Given"


def test_a_page_with_only_furniture_has_no_body():
    with pytest.raises(EmptyInput, match="t.txt"):
        clean("Home\nNews\n\n")


def test_html_main_content_and_metadata():
    html = """<html><head><title>Talks resume | Example</title>
    <meta property="og:site_name" content="Example Times">
    <meta property="article:published_time" content="2022-03-04T10:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Talks resume</h1><p>""" + BODY + """</p><p>Further talks were announced by the ministers
    of both countries for the coming week, according to a statement.</p></article>
    <footer>Share on Facebook. Tweet. Email.</footer></body></html>"""
    result = clean_document(Document(id="h", origin="h.html", kind="html", content=html))
    assert result.text.startswith("Officials met") and "Share on" not in result.text
    assert result.source == "Example Times" and result.published == dt.date(2022, 3, 4)
    assert "Talks resume" in result.title


def test_broken_html_still_gives_its_text():
    html = ("<html><head><title>Talks</title><body><div><p>" + BODY + "<p>The ministers of both countries "
            "will meet again in the spring, a statement said after the talks.<div><span>unclosed")
    result = clean_document(Document(id="b", origin="broken.html", kind="html", content=html))
    assert result.text.startswith("Officials met")


def test_html_without_an_article_says_so():
    html = "<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>"
    with pytest.raises(EmptyInput, match="no main text|no article body"):
        clean_document(Document(id="s", origin="script.html", kind="html", content=html))
