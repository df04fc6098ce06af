"""`newslint kb who`: natural titles and every covered country by code, name or adjective."""
from __future__ import annotations

import datetime as dt

import pytest

from newslint.commands.kb import who
from newslint.config import default_settings
from newslint.engine import Linter, Selection
from newslint.errors import UsageError
from newslint.kb import load_kb
from newslint.kinds.titles.lexicon import load_lexicon
from newslint.rules import builtin_rules_root

DATA = builtin_rules_root() / "data"


@pytest.fixture(scope="module")
def linter():
    return Linter(default_settings(), Selection(select=("title-*",)))


@pytest.mark.parametrize("title, country, on, expected", [
    # US Secretary of Defense: Austin confirmed and sworn in 22 January 2021 (DoD release).
    ("defense secretary", "US", "2024-02-01", "United States Secretary of Defense: Lloyd Austin"),
    ("treasury secretary", "United States", "2023-06-01", "United States Secretary of the Treasury: Janet Yellen"),
    ("home secretary", "Britain", "2023-01-10", "Home Secretary of the United Kingdom: Suella Braverman"),
    ("finance minister", "Germany", "2023-06-01", "Federal Minister of Finance of Germany: Christian Lindner"),
    ("taoiseach", "Irish", "2023-06-01", "Taoiseach: Leo Varadkar"),
    ("fed chair", "U.S.", "2020-06-01", "Chair of the Federal Reserve: Jerome Powell"),
    ("home minister", "India", "2024-03-01", "Minister of Home Affairs of India: Amit Shah"),
    # Lecornu's second government, 12 October 2025 (TASS; Adnkronos; L'Avenir).
    ("interior minister", "French", "2025-11-01", "Minister of the Interior of France: Laurent Nuñez"),
    ("finance minister", "France", "2025-11-01", "Minister of the Economy and Finance of France: Roland Lescure"),
    ("central bank governor", "France", "2010-01-01", "Governor of the Banque de France: Christian Noyer"),
    # Takaichi's cabinet, 21 October 2025 (Sputnik; Anadolu/Kyodo).
    ("finance minister", "Japan", "2025-11-01", "Minister of Finance of Japan: Satsuki Katayama"),
    ("defense minister", "Japanese", "2025-11-01", "Minister of Defense of Japan: Shinjiro Koizumi"),
    # Carney's cabinet of 13 May 2025 (CityNews/The Canadian Press; Canadian Lawyer).
    ("attorney general", "Canada", "2025-06-01", "Minister of Justice and Attorney General of Canada: Sean Fraser"),
    ("central bank governor", "Canadian", "2021-01-01", "Governor of the Bank of Canada: Tiff Macklem"),
    # The Meloni government, 22 October 2022 (Reuters; Unione Sarda).
    ("defence minister", "Italy", "2024-01-10", "Minister of Defence of Italy: Guido Crosetto"),
    # The second Albanese ministry, 13 May 2025 (NNN-AAP via MENAFN; Annahar).
    ("attorney general", "Australia", "2025-06-01", "Attorney-General of Australia: Michelle Rowland"),
    # Lula's ministers of 1 January 2023 (Reuters via Pledge Times).
    ("finance minister", "Brazilian", "2024-01-10", "Minister of Finance of Brazil: Fernando Haddad"),
    # Belousov appointed on 14 May 2024 (Kremlin via Ukrainska Pravda).
    ("defence minister", "Russia", "2025-01-10", "Minister of Defence of Russia: Andrei Belousov"),
])
def test_natural_titles(linter, title, country, on, expected):
    lines = who(linter, title, country, dt.date.fromisoformat(on))
    assert any(line.startswith(expected) for line in lines), lines


def test_every_covered_country_answers_to_its_code_name_and_places(linter):
    lexicon = load_lexicon(str(DATA / "titles.yaml"), str(DATA / "places.yaml"))
    names: dict[str, list[str]] = {}
    for form, code in lexicon.places.items():
        names.setdefault(code, []).append(form)
    kb = load_kb((DATA / "officeholders",))
    for code, name in kb.countries.items():
        office = next(o for o in kb.offices.values() if o.country == code)
        for given in (code, code.lower(), name, *names.get(code, ())):
            if given.upper() in kb.countries and given.upper() != code:
                continue  # "AU" is Australia's code before it is the African Union's initials
            assert who(linter, office.id, given, dt.date(2020, 1, 1)), (code, given)


def test_unknown_country_is_a_usage_error(linter):
    with pytest.raises(UsageError, match="unknown country 'Atlantis'"):
        who(linter, "president", "Atlantis", dt.date(2020, 1, 1))
