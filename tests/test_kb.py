"""The knowledge base: built-in data loads; user files merge over it; bad records are located."""
import pytest

from dyad import kb as kbmod


def test_builtin_kb_has_countries_orgs_people_and_roles():
    kb = kbmod.load()
    assert kb.errors == []
    assert len(kb.countries) >= 190
    assert kb.lookup("U.S.")[0].code == "USA" and kb.lookup("Britain")[0].code == "GBR"
    assert kb.demonym("Chinese").code == "CHN"
    assert {e.code for e in kb.lookup("the Kremlin")} == {"RUSGOV"}
    blinken = next(e for e in kb.lookup("Antony Blinken") if e.kind == "person")
    assert blinken.role_on("2023-06-19")[0].code == "USAGOV"
    assert "out of office" in blinken.role_on("2026-01-01")[1]
    assert kb.role_noun("foreign minister") == "GOV"


def test_user_file_extends_and_overrides(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(
        "- name: Wang Huiyao\n  gender: m\n  roles:\n    - {title: President, code: CHNEDU, start: 2008-01-01}\n"
        "- name: Center for China and Globalization\n  kind: organization\n  code: CHNEDU\n  country: CHN\n"
        "  role: EDU\n  aliases: [China and Globalization Center]\n", encoding="utf-8")
    kb = kbmod.load((str(f),))
    assert kb.errors == []
    assert kb.lookup("Wang Huiyao")[0].role_on("2023-06-19")[0].code == "CHNEDU"
    assert kb.lookup("China and Globalization Center")[0].code == "CHNEDU"


def test_malformed_record_names_file_line_and_field(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text(
        "- name: Good Person\n  roles:\n    - {code: USAGOV, start: 2020-01-01}\n"
        "- name: Bad Dates\n  roles:\n    - {code: USAGOV, start: last year}\n"
        "- name: Bad Code\n  kind: organization\n  code: usa-gov\n", encoding="utf-8")
    entries, _, errors = kbmod.load_file(f)
    assert [e.name for e in entries] == ["Good Person"]
    msgs = [str(e) for e in errors]
    assert any(f"{f}:6" in m and "start" in m for m in msgs), msgs
    assert any(f"{f}:7" in m and "'code'" in m for m in msgs), msgs
    kb = kbmod.load((str(f),))  # the built-in KB still loads around the bad records
    assert kb.lookup("Good Person") and len(kb.countries) >= 190 and len(kb.errors) == 2


def test_unparseable_yaml_is_a_located_error(tmp_path):
    f = tmp_path / "broken.yaml"
    f.write_text("- name: X\n  aliases: [unclosed\n", encoding="utf-8")
    with pytest.raises(kbmod.KBError, match="broken.yaml"):
        kbmod.load_file(f)


def test_gazetteer_does_not_place_continents_regions_or_seas():
    from dyad.kb import place_country
    assert place_country("Tel Aviv") == "ISR" and place_country("Darfur") == "SDN"
    assert [place_country(n) for n in ("Africa", "Asia", "Sahel", "Gulf", "Red Sea")] == [None] * 5


def test_dissolved_states_are_coded_as_their_continuators():
    from dyad.kb import load
    k = load(())
    codes = {n: (k.lookup(n) or [k.demonym(n)])[0].code for n in ("Soviet Union", "USSR", "Soviet", "Yugoslavia",
                                                                    "Yugoslav", "Czechoslovakia", "East Germany")}
    assert codes == {"Soviet Union": "RUS", "USSR": "RUS", "Soviet": "RUS", "Yugoslavia": "SRB", "Yugoslav": "SRB",
                     "Czechoslovakia": "CZE", "East Germany": "DEU"}


def test_people_files_are_consistent():
    """Each person is listed in one built-in file only (a later file would silently replace the
    earlier record), and every dated role ends after it starts."""
    import yaml

    seen: dict[str, str] = {}
    for path in kbmod.builtin_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            continue
        for rec in data:
            if "roles" not in rec:
                continue
            assert rec["name"] not in seen, (rec["name"], path.name, seen.get(rec["name"]))
            seen[rec["name"]] = path.name
            for r in rec["roles"]:
                assert r["end"] is None or str(r["start"]) < str(r["end"]), (rec["name"], r)


@pytest.mark.parametrize("text, published, code", [
    # the same person coded by the office held on the story's date
    ("Rick Scott criticized the Cuban government on Monday.", "2016-05-02", "USAGOV"),
    ("Rick Scott criticized the Cuban government on Monday.", "2021-05-03", "USALEG"),
    ("Chris Christie met Israeli officials in Jerusalem.", "2016-05-02", "USAGOV"),
    ("Tim Kaine accused Russia of meddling.", "2016-10-05", "USALEG"),
    ("Bill de Blasio praised the police commissioner.", "2016-09-19", "USAGOV"),
    ("Robby Mook accused Russia of leaking the emails.", "2016-07-24", "USAPTY"),
])
def test_us_office_holders_are_coded_by_their_office_on_the_date(pipeline, text, published, code):
    from dyad import Article

    doc = pipeline.process(Article(text=text, published=published))
    name = text.split(" criticized")[0].split(" met")[0].split(" accused")[0].split(" praised")[0]
    actor = next(a for a in doc.actors if a.name == name)
    assert actor.code == code, (actor.name, actor.code, actor.link)


def test_an_organisation_alias_belongs_to_one_record():
    """orgs.yaml's rule, across every built-in file: a name or alias names one body only, or a
    lookup would pick one of two bodies by file order."""
    kb = kbmod.load()
    seen: dict[str, str] = {}
    for e in kb.entries:
        if e.kind in ("person", "country"):
            continue
        for n in [e.name, *e.aliases]:
            key = n if kbmod.case_sensitive(n) else kbmod.norm(n)
            assert seen.setdefault(key, e.name) == e.name, (n, seen[key], e.name)


@pytest.mark.parametrize("name, code", [
    ("Government Accountability Office", "USAGOV"), ("AFL-CIO", "USALAB"), ("Tax Foundation", "USAEDU"),
    ("House Oversight Committee", "USALEG"), ("NAACP", "USANGO"),
])
def test_us_bodies_have_their_code(name, code):
    assert [e.code for e in kbmod.load().lookup(name)] == [code]
