"""The field labeller's tokens and the reading of its labels; the byline recognisers it falls back on."""

from __future__ import annotations

from archive.extract.fields import byline_fields, decode, model_fields, rule_fields
from archive.extract.tokens import header_tokens, token_features, tokenize


def test_tokens_keep_initials_and_split_glued_words():
    assert [t for t, _, _ in tokenize("By Kenneth R. Weiss.")] == ["By", "Kenneth", "R.", "Weiss", "."]
    assert [t for t, _, _ in tokenize("Brooks HaysBRISTOL, England")] == ["Brooks", "Hays", "BRISTOL", ",", "England"]
    tokens = header_tokens([("title", "Headline (The Sun)"), ("body", " ".join(["word"] * 50))])
    assert [t.role for t in tokens].count("body") == 20


def test_token_features_carry_role_shape_and_brackets():
    tokens = header_tokens([("title", "Headline (The Sun)")])
    features = token_features(tokens)
    sun = features[3]
    assert "role=title" in sun and "inbr" in sun and "sh=Xxx" in sun and "-1:w=the" in sun


def test_decode_cuts_a_bracketed_source_out_of_a_headline_only():
    header = [("title", "Rivers Rise Again (Valley Ledger / Ann Bell)"), ("byline", "By Tom Hart")]
    tokens = header_tokens(header)
    labels = ["TITLE", "TITLE", "TITLE", "O", "OUTLET", "OUTLET", "O", "AUTHOR", "AUTHOR", "O", "O", "AUTHOR", "AUTHOR"]
    found = decode(tokens, labels, [t for _, t in header])
    assert (found.title, found.outlets, found.authors, found.carved) == (
        "Rivers Rise Again", ["Valley Ledger"], ["Ann Bell", "Tom Hart"], True)
    # The same words labelled OUTLET inside the headline's own words stay the headline's.
    header = [("title", "Valley Ledger Wins Prize")]
    found = decode(header_tokens(header), ["OUTLET", "OUTLET", "TITLE", "TITLE"], ["Valley Ledger Wins Prize"])
    assert (found.title, found.outlets, found.carved) == ("Valley Ledger Wins Prize", [], False)


def test_the_model_reads_common_bylines():
    found = model_fields([("title", "Rivers Rise Again"), ("byline", "By Ann Bell, The Valley Ledger"),
                          ("date", "October 20, 2016"), ("body", "The river rose again on Tuesday.")])
    assert found.authors == ["Ann Bell"] and found.outlets == ["The Valley Ledger"]
    assert found.date_text == "October 20, 2016"


def test_byline_recognisers():
    assert byline_fields("Jon Lockett / The Sun").authors == ["Jon Lockett"]
    assert byline_fields("By Tommy Rock, Indianz.com -").outlets == ["Indianz.com"]
    assert byline_fields("@phys.org").outlets == ["phys.org"]
    assert byline_fields("@phys.org", strict=True).outlets == []
    found = rule_fields([], ["Source: The Valley Ledger"], "Rivers Rise (Ann Bell / The Sun)", strict=True)
    # what is found first is kept: the trailer's outlet, then the bracket's author
    assert found.outlets == ["The Valley Ledger"] and found.authors == ["Ann Bell"]
    assert found.title == "Rivers Rise" and found.carved


def test_a_bracketed_date_after_a_headline_is_cut_out_of_it():
    found = rule_fields([], [], "Rivers rise again in the valley (Thu, 25 Apr 2019)", strict=True)
    assert (found.title, found.date_text, found.carved) == ("Rivers rise again in the valley", "25 Apr 2019", True)
    found = rule_fields([], [], "Rivers rise again (jeu., 25 avril 2019)", strict=True)
    assert (found.title, found.date_text) == ("Rivers rise again", "25 avril 2019")
    # a bracket that says more than a date is the headline's own words
    found = rule_fields([], [], "Rivers rise again (as they did on 25 April 2019 and before)", strict=True)
    assert (found.title, found.carved) == (None, False)
