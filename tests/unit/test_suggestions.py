from warta.authority import Agency, Authority, Person
from warta.indicators.catalogue import Indicator
from warta.suggestions import suggestion_entries


def test_entries_carry_names_acronyms_and_rule_variants():
    authority = Authority.build(
        agencies=[
            Agency(
                "ditjen-ikma",
                "Direktorat Jenderal Industri Kecil, Menengah, dan Aneka",
                "directorate_general",
                acronyms=("Ditjen IKM",),
            )
        ],
        people=[Person("budi", "Budi Santoso", aliases=("Pak Budi",))],
    )
    indicator = Indicator(
        "inflation", "Inflasi", "percent", ("inflasi", "laju ... inflasi")
    )
    entries = {entry[1]: entry for entry in suggestion_entries(authority, [indicator])}
    name, _url, kind, labels = entries["lembaga/ditjen-ikma/"]
    assert kind == 0
    assert name.startswith("Direktorat Jenderal")
    assert "ditjen ikm" in labels
    assert "direktorat jenderal ikm" in labels  # Ditjen expands by rule
    assert entries["tokoh/budi/"][3][:2] == ["budi santoso", "pak budi"]
    assert entries["indikator/inflation/"][3] == ["inflasi"]  # gap phrases left out
