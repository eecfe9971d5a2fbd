"""The document model: validators, spans, and a lossless JSON round trip."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest

from bulletin import (
    Article,
    Bulletin,
    Byline,
    Column,
    Dateline,
    Headline,
    HeadlinePart,
    IssueDate,
    ModelError,
    Paragraph,
    SourceText,
    Span,
)

TEXT = "伟大征程\n第一次国共合作\n新华社记者 胡了然\n广东广州黄埔长洲岛，江风浩荡。\n（新华社北京6月2日电）"


def sample() -> Bulletin:
    return Bulletin(
        text=TEXT,
        issue_date=IssueDate(year=2024, month=6, day=3),
        articles=[
            Article(
                headline=Headline(
                    title=HeadlinePart(text="第一次国共合作", span=Span(5, 12)),
                    column=Column(name="伟大征程", span=Span(0, 4)),
                ),
                dateline=Dateline(
                    text="新华社北京6月2日电",
                    agency="新华社",
                    place="北京",
                    month=6,
                    day=2,
                    date=dt.date(2024, 6, 2),
                    position="trailing",
                    span=Span(38, 50),
                ),
                bylines=[Byline(name="胡了然", role="记者", organization="新华社", span=Span(19, 22))],
                paragraphs=[Paragraph(text="广东广州黄埔长洲岛，江风浩荡。", span=Span(23, 38), pieces=[Span(23, 38)])],
                span=Span(0, 50),
            )
        ],
    )


def test_span_indexes_the_original_text() -> None:
    bulletin = sample()
    article = bulletin.articles[0]
    assert bulletin.text[article.headline.column.span] == "伟大征程"  # type: ignore[union-attr]
    assert bulletin.text[article.bylines[0].span] == "胡了然"
    assert isinstance(bulletin.text, SourceText)


def test_sequences_are_tuples_and_classes_frozen() -> None:
    article = sample().articles[0]
    assert isinstance(article.bylines, tuple)
    assert isinstance(article.paragraphs[0].pieces, tuple)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.span = Span(0, 1)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Span(5, 2), "inverted"),
        (lambda: Span(-1, 2), ">= 0"),
        (lambda: HeadlinePart(text="  ", span=Span(0, 2)), "must not be empty"),
        (lambda: Dateline(text="本报讯", month=13, span=Span(0, 3)), "month"),
        (lambda: Bulletin(text="短", articles=[Article(span=Span(0, 9))]), "runs past the text"),
    ],
)
def test_validators_reject_impossible_values(build: object, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        build()  # type: ignore[operator]


def test_json_round_trip_is_lossless_and_stable() -> None:
    bulletin = sample()
    data = json.loads(json.dumps(bulletin.to_dict(), ensure_ascii=False))
    assert Bulletin.from_dict(data) == bulletin
    assert bulletin.to_json() == Bulletin.from_dict(data).to_json()
    assert list(data)[:4] == ["publication", "issue_date", "issue_number", "parser"]
    article = data["articles"][0]
    assert list(article)[:4] == ["title", "kicker", "subtitle", "column"]
    assert article["column"] == "伟大征程"
    assert article["dateline"]["date"] == "2024-06-02"
    assert "胡了然" in bulletin.to_json()  # ensure_ascii=False


def test_dateline_iso_date_without_a_year() -> None:
    dateline = Dateline(text="新华社北京10月9日电", month=10, day=9, span=Span(0, 11))
    assert dateline.iso_date() == "--10-09"


def test_text_is_nfc_but_full_width_punctuation_stays() -> None:
    part = HeadlinePart(text="提案切口要小，建议要实", span=Span(0, 11))
    assert part.text == "提案切口要小，建议要实"


# --- values that are not dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"year": 2023, "month": 2, "day": 29}, "2023-02-29 is not a date"),
        ({"year": 2024, "month": 4, "day": 31}, "2024-04-31 is not a date"),
        ({"year": 2024, "day": 29}, "day needs a month"),
    ],
)
def test_an_issue_date_must_be_a_date(fields: dict[str, int], message: str) -> None:
    with pytest.raises(ModelError, match=message):
        IssueDate(**fields)


def test_a_leap_day_is_a_date_and_round_trips() -> None:
    leap = IssueDate(year=2024, month=2, day=29)
    assert IssueDate.from_iso(leap.iso()) == leap


def test_an_issue_line_with_a_day_that_does_not_exist_keeps_year_and_month() -> None:
    from bulletin.parsing.rules.furniture import _issue_date

    assert _issue_date("2023年2月29日") == IssueDate(year=2023, month=2)
    assert _issue_date("2024年2月29日") == IssueDate(year=2024, month=2, day=29)
