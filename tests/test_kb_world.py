"""Spot checks of the knowledge base's countries added for issue 17, each against its source.

Every assertion names, in a comment, the source its date was checked against (the file headers
in rules/data/officeholders/ give the full list).
"""
from __future__ import annotations

from conftest import OFFICEHOLDERS, lint_titles as lint


# The fixtures `kb` (the built-in knowledge base), `holders` and `linter` (the title rules) are in conftest.py.




def test_every_added_country_has_the_three_roles(kb):
    for country in ADDED:
        roles = {role for office in kb.offices.values() if office.country == country for role in office.roles}
        assert {"head-of-state", "head-of-government", "foreign-minister"} <= roles, country


ADDED = ("IE", "VE", "NL", "PL", "SE", "AT", "PT", "DK", "NO", "FI", "BE", "ES", "NZ", "CL", "GR", "CH")


# --- Venezuela ---------------------------------------------------------------------------------

def test_venezuela_president(holders):
    # Chávez died on 5 March 2013; Maduro acting president, sworn in 8 March (DW, PRI), inaugurated
    # 19 April after the election of 14 April (Wikidata via every-politician-scrapers).
    assert holders("president", "2013-10-10", "VE") == ["Nicolás Maduro"]
    assert holders("president", "2012-12-20", "VE") == ["Hugo Chávez"]
    assert holders("president", "2013-03-20", "VE") == ["Nicolás Maduro"]


def test_venezuela_foreign_minister(holders):
    # Chaderton sworn in on 30 May 2002 (EFE via Emol); Jaua announced on 15 January 2013 (EFE,
    # MercoPress); Gil named on 6 January 2023 (Orinoco Tribune, Xinhua).
    assert holders("foreign minister", "2002-06-15", "VE") == ["Roy Chaderton"]
    assert holders("foreign minister", "2012-12-01", "VE") == ["Nicolás Maduro"]
    assert holders("foreign minister", "2013-06-01", "VE") == ["Elías Jaua"]
    assert holders("foreign minister", "2023-06-01", "VE") == ["Yván Gil"]


def test_the_issue_example_for_venezuela(linter):
    # The issue's example: Chávez had died seven months earlier (DW, 9 March 2013).
    assert lint(linter, "Venezuelan President Hugo Chavez said the oil price would rise.", "2013-10-10") == [
        ("title-mismatch", "error", "Venezuelan President Hugo Chavez")]
    # Guaidó's claim (recognised by the US, AFP 30 December 2022) is recorded as interim: no error.
    assert lint(linter, "Venezuelan interim President Juan Guaido spoke.", "2020-02-01") == []


# --- Ireland -----------------------------------------------------------------------------------

def test_ireland_taoiseach(holders):
    # Varadkar elected Taoiseach on 17 December 2022 (Irish Times); Harris on 9 April 2024
    # (breakingnews.ie); Martin on 23 January 2025 (Reuters via China Daily, ALDE).
    assert holders("taoiseach", "2014-03-01", "IE") == ["Enda Kenny"]
    assert holders("prime minister", "2023-05-02", "IE") == ["Leo Varadkar"]
    assert holders("taoiseach", "2024-10-01", "IE") == ["Simon Harris"]
    assert holders("taoiseach", "2025-06-01", "IE") == ["Micheál Martin"]


def test_ireland_foreign_minister_and_president(holders):
    # Flanagan replaced Gilmore on 11 July 2014 (Slugger O'Toole, Wikipedia); Martin took foreign
    # affairs on 17 December 2022 (Business Plus); Connolly inaugurated 11 November 2025 (The Journal).
    assert holders("foreign minister", "2014-03-01", "IE") == ["Eamon Gilmore"]
    assert holders("foreign minister", "2015-03-01", "IE") == ["Charles Flanagan"]
    assert holders("foreign minister", "2023-03-01", "IE") == ["Micheál Martin"]
    assert holders("president", "2025-11-15", "IE") == ["Catherine Connolly"]


def test_the_issue_example_for_ireland(linter):
    # Eamon Gilmore was foreign minister from 9 March 2011 to 11 July 2014 (Wikidata, Wikipedia).
    assert lint(linter, "Irish Foreign Minister Charlie Gilmore said the talks would resume.", "2014-03-01") == [
        ("title-mismatch", "error", "Irish Foreign Minister Charlie Gilmore")]
    assert lint(linter, "Irish Foreign Minister Eamon Gilmore said the talks would resume.", "2014-03-01") == []


# --- Netherlands -------------------------------------------------------------------------------

def test_netherlands(holders):
    # Willem-Alexander king from 30 April 2013 and Schoof prime minister from 2 July 2024 (Wikidata
    # via V-DyKnow); Bruins Slot foreign minister from 5 September 2023 and Van Weel from 5
    # September 2025 (the King's Office, rijksoverheid.nl).
    assert holders("king", "2014-01-01", "NL") == ["Willem-Alexander"]
    assert holders("prime minister", "2024-09-01", "NL") == ["Dick Schoof"]
    assert holders("foreign minister", "2023-10-01", "NL") == ["Hanke Bruins Slot"]
    assert holders("foreign minister", "2025-10-01", "NL") == ["David van Weel"]
    # Brekelmans held the post ad interim between Veldkamp and Van Weel (rijksoverheid.nl).
    assert holders("foreign minister", "2025-08-30", "NL") == ["Ruben Brekelmans"]


# --- Poland ------------------------------------------------------------------------------------

def test_poland(holders, linter):
    # Tusk's government sworn in on 13 December 2023, Sikorski its foreign minister (Polskie Radio,
    # PAP); Nawrocki president from 6 August 2025 (Wikidata via V-DyKnow).
    assert holders("prime minister", "2024-01-10", "PL") == ["Donald Tusk"]
    assert holders("foreign minister", "2024-01-10", "PL") == ["Radosław Sikorski"]
    assert holders("president", "2025-09-01", "PL") == ["Karol Nawrocki"]
    assert holders("president", "2012-01-01", "PL") == ["Bronisław Komorowski"]
    assert lint(linter, "Polish Prime Minister Mateusz Morawiecki spoke.", "2024-03-01")[0][0] == "title-mismatch"


# --- Sweden ------------------------------------------------------------------------------------

def test_sweden(holders):
    # Andersson took office on 30 November 2021 (Wikidata via every-politician-scrapers; V-DyKnow
    # has Löfven leave a month early); Kristersson and Billström on 18 October 2022 (Reuters);
    # Malmer Stenergard named on 10 September 2024 (Reuters via Swissinfo).
    assert holders("prime minister", "2021-11-15", "SE") == ["Stefan Löfven"]
    assert holders("prime minister", "2022-03-01", "SE") == ["Magdalena Andersson"]
    assert holders("foreign minister", "2023-01-01", "SE") == ["Tobias Billström"]
    assert holders("foreign minister", "2024-10-01", "SE") == ["Maria Malmer Stenergard"]
    assert holders("king", "2020-01-01", "SE") == ["Carl XVI Gustaf"]


# --- Austria -----------------------------------------------------------------------------------

def test_austria(holders):
    # Van der Bellen sworn in on 26 January 2017 after the joint acting presidency (Wikidata via
    # V-DyKnow; Wikipedia's page on Kopf); Stocker chancellor and Meinl-Reisinger foreign minister
    # from 3 March 2025 (AP, LaPresse); Schallenberg chancellor from 10 January 2025 (V-DyKnow).
    assert holders("president", "2018-01-01", "AT") == ["Alexander Van der Bellen"]
    assert holders("chancellor", "2025-02-01", "AT") == ["Alexander Schallenberg"]
    assert holders("chancellor", "2025-06-01", "AT") == ["Christian Stocker"]
    assert holders("foreign minister", "2015-01-01", "AT") == ["Sebastian Kurz"]
    assert holders("foreign minister", "2025-06-01", "AT") == ["Beate Meinl-Reisinger"]


# --- Portugal ----------------------------------------------------------------------------------

def test_portugal(holders, linter):
    # Montenegro and Rangel sworn in on 2 April 2024 (RTP, Lusa); Rebelo de Sousa president from
    # 9 March 2016 (Wikidata via V-DyKnow); Passos Coelho to 26 November 2015 (V-DyKnow).
    assert holders("prime minister", "2024-06-01", "PT") == ["Luís Montenegro"]
    assert holders("foreign minister", "2024-06-01", "PT") == ["Paulo Rangel"]
    assert holders("president", "2017-01-01", "PT") == ["Marcelo Rebelo de Sousa"]
    assert holders("prime minister", "2014-01-01", "PT") == ["Pedro Passos Coelho"]
    assert lint(linter, "Portuguese Prime Minister Antonio Costa spoke.", "2024-06-01")[0][0] == "title-mismatch"


# --- Denmark -----------------------------------------------------------------------------------

def test_denmark(holders, linter):
    # Frederik X proclaimed on 14 January 2024 (Wikidata via V-DyKnow); Lidegaard foreign minister
    # from 3 February 2014 (The Hindu, CPH Post); Løkke Rasmussen from 15 December 2022 (The Local);
    # Kofod from 27 June 2019 (Frederiksen's first government; the holders21 export says July).
    assert holders("king", "2024-06-01", "DK") == ["Frederik X"]
    assert holders("queen", "2023-06-01", "DK") == ["Margrethe II"]
    assert holders("prime minister", "2016-01-01", "DK") == ["Lars Løkke Rasmussen"]
    assert holders("foreign minister", "2014-02-01", "DK") == ["Holger K. Nielsen"]
    assert holders("foreign minister", "2014-03-01", "DK") == ["Martin Lidegaard"]
    assert holders("foreign minister", "2019-07-10", "DK") == ["Jeppe Kofod"]
    assert holders("foreign minister", "2023-06-01", "DK") == ["Lars Løkke Rasmussen"]
    assert lint(linter, "Danish Foreign Minister Jeppe Kofod said the talks would resume.", "2023-06-01")[0][0] == \
        "title-mismatch"


# --- Norway ------------------------------------------------------------------------------------

def test_norway(holders):
    # Stoltenberg's first government, Jagland foreign minister, appointed 17 March 2000
    # (regjeringen.no press release 40/2000); Barth Eide replaced Huitfeldt on 16 October 2023 (AP).
    assert holders("prime minister", "2000-06-01", "NO") == ["Jens Stoltenberg"]
    assert holders("prime minister", "2003-06-01", "NO") == ["Kjell Magne Bondevik"]
    assert holders("foreign minister", "2000-03-18", "NO") == ["Thorbjørn Jagland"]
    assert holders("foreign minister", "2023-06-01", "NO") == ["Anniken Huitfeldt"]
    assert holders("foreign minister", "2024-06-01", "NO") == ["Espen Barth Eide"]
    assert holders("king", "2010-01-01", "NO") == ["Harald V"]


# --- Finland -----------------------------------------------------------------------------------

def test_finland(holders):
    # Stubb president from 1 March 2024 (V-DyKnow); Orpo's government and Valtonen from 20 June
    # 2023 (valtioneuvosto.fi); Haavisto foreign minister from 6 June 2019 (AP, Helsinki Times).
    assert holders("president", "2024-06-01", "FI") == ["Alexander Stubb"]
    assert holders("president", "2020-06-01", "FI") == ["Sauli Niinistö"]
    assert holders("prime minister", "2022-06-01", "FI") == ["Sanna Marin"]
    assert holders("prime minister", "2023-07-01", "FI") == ["Petteri Orpo"]
    assert holders("foreign minister", "2019-08-01", "FI") == ["Pekka Haavisto"]
    assert holders("foreign minister", "2023-07-01", "FI") == ["Elina Valtonen"]


# --- Belgium -----------------------------------------------------------------------------------

def test_belgium(holders):
    # De Wever sworn in on 3 February 2025, Prévot foreign minister (AFP via Hürriyet, ANP);
    # Quintin sworn in on 2 December 2024 (Brussels Times); Wilmès on leave from 21 April 2022
    # with De Croo standing in (the Guardian), Lahbib from 15 July 2022 (holders21 export).
    assert holders("prime minister", "2025-03-01", "BE") == ["Bart De Wever"]
    assert holders("prime minister", "2021-03-01", "BE") == ["Alexander De Croo"]
    assert holders("foreign minister", "2024-12-20", "BE") == ["Bernard Quintin"]
    assert holders("foreign minister", "2025-03-01", "BE") == ["Maxime Prévot"]
    assert holders("foreign minister", "2022-05-10", "BE") == ["Sophie Wilmès", "Alexander De Croo"]
    assert holders("king", "2014-01-01", "BE") == ["Philippe"]


# --- Spain -------------------------------------------------------------------------------------

def test_spain(holders, linter):
    # Zapatero took the oath on 17 April 2004 (EFE); González Laya took office on 13 January
    # 2020 after Robles's interim (El Universal, HuffPost); Felipe VI from 19 June 2014 (V-DyKnow).
    assert holders("prime minister", "2004-04-18", "ES") == ["José Luis Rodríguez Zapatero"]
    assert holders("prime minister", "2019-01-01", "ES") == ["Pedro Sánchez"]
    assert holders("foreign minister", "2019-12-20", "ES") == ["Margarita Robles"]
    assert holders("foreign minister", "2020-06-01", "ES") == ["Arancha González Laya"]
    assert holders("foreign minister", "2022-06-01", "ES") == ["José Manuel Albares"]
    assert holders("king", "2015-01-01", "ES") == ["Felipe VI"]
    assert lint(linter, "Spanish Foreign Minister Josep Borrell spoke.", "2021-03-01")[0][0] == "title-mismatch"


# --- New Zealand -------------------------------------------------------------------------------

def test_new_zealand(holders, linter):
    # Hipkins sworn in on 25 January 2023 (RNZ); Luxon and Peters (foreign affairs) on 27
    # November 2023 (NZ Herald, 1News); Peters stood aside on 29 August 2008, Clark caretaker
    # (NZ Herald, Stuff); McCully from 19 November 2008 (holders21 export).
    assert holders("prime minister", "2023-06-01", "NZ") == ["Chris Hipkins"]
    assert holders("prime minister", "2024-06-01", "NZ") == ["Christopher Luxon"]
    assert holders("prime minister", "2012-06-01", "NZ") == ["John Key"]
    assert holders("foreign minister", "2008-10-01", "NZ") == ["Winston Peters", "Helen Clark"]
    assert holders("foreign minister", "2010-01-01", "NZ") == ["Murray McCully"]
    assert holders("foreign minister", "2024-06-01", "NZ") == ["Winston Peters"]
    assert lint(linter, "New Zealand Prime Minister Jacinda Ardern spoke.", "2024-06-01")[0][0] == "title-mismatch"


# --- Chile -------------------------------------------------------------------------------------

def test_chile(holders):
    # Presidents take office on 11 March (V-DyKnow, holders21 export); Walker canciller from
    # Friday 1 October 2004 (La Capital); Van Klaveren from 10 March 2023 (ADN Radio, La Tercera);
    # Valdivia acting from 6 February 2022 (Diario Hoy).
    assert holders("president", "2011-01-01", "CL") == ["Sebastián Piñera"]
    assert holders("president", "2015-01-01", "CL") == ["Michelle Bachelet"]
    assert holders("president", "2023-01-01", "CL") == ["Gabriel Boric"]
    assert holders("foreign minister", "2004-10-05", "CL") == ["Ignacio Walker"]
    assert holders("foreign minister", "2022-02-20", "CL") == ["Carolina Valdivia"]
    assert holders("foreign minister", "2023-06-01", "CL") == ["Alberto van Klaveren"]


# --- Greece ------------------------------------------------------------------------------------

def test_greece(holders, linter):
    # Papoulias sworn in on 12 March 2005 (AP, Kathimerini; Wikidata says 21 March); Tasoulas on
    # 13 March 2025 (Reuters, Xinhua); Sarmas caretaker from 25 May 2023, Mitsotakis back on
    # 26 June (AP, TASS); Tsipras foreign minister from 17 October 2018, Katrougalos from
    # 18 February 2019 (Proto Thema, the National Herald); Gerapetritis from 27 June 2023.
    assert holders("president", "2005-03-15", "GR") == ["Karolos Papoulias"]
    assert holders("president", "2025-06-01", "GR") == ["Konstantinos Tasoulas"]
    assert holders("prime minister", "2023-06-01", "GR") == ["Ioannis Sarmas"]
    assert holders("prime minister", "2023-07-01", "GR") == ["Kyriakos Mitsotakis"]
    assert holders("foreign minister", "2018-12-01", "GR") == ["Alexis Tsipras"]
    assert holders("foreign minister", "2019-03-01", "GR") == ["George Katrougalos"]
    assert holders("foreign minister", "2024-01-01", "GR") == ["Giorgos Gerapetritis"]
    assert lint(linter, "Greek Foreign Minister Nikos Dendias spoke.", "2024-01-01")[0][0] == "title-mismatch"


# --- Switzerland -------------------------------------------------------------------------------

def test_switzerland(holders):
    # Presidents by calendar year (Wikipedia's list, Naija Details' list); Keller-Sutter for 2025
    # (Swissinfo, 11 December 2024); Cassis head of foreign affairs from 1 November 2017
    # (Swissinfo, AP); Burkhalter from January 2012 (Swissinfo, 9 December 2011).
    assert holders("president", "2022-05-01", "CH") == ["Ignazio Cassis"]
    assert holders("president", "2025-05-01", "CH") == ["Karin Keller-Sutter"]
    assert holders("president", "2007-05-01", "CH") == ["Micheline Calmy-Rey"]
    assert holders("foreign minister", "2017-10-15", "CH") == ["Didier Burkhalter"]
    assert holders("foreign minister", "2018-01-15", "CH") == ["Ignazio Cassis"]
    assert holders("foreign minister", "2005-01-15", "CH") == ["Micheline Calmy-Rey"]


# --- the uncovered cabinet posts ---------------------------------------------------------------

CABINET_TITLES = {"defence minister": "defence-minister", "finance minister": "finance-minister",
                  "interior minister": "interior-minister", "justice minister": "justice-minister",
                  "attorney general": "justice-minister", "health minister": "health-minister",
                  "central bank governor": "central-bank-governor"}


def test_every_cabinet_title_is_shared_by_the_covered_countries_lacking_it():
    # rules/data/titles.yaml: a name in a covered country whose cabinet post the knowledge base
    # lacks may hold that post; the title says so once, for every such country, present and future.
    from newslint.kinds.titles.lexicon import load_lexicon
    data = OFFICEHOLDERS.parent
    lexicon = load_lexicon(str(data / "titles.yaml"), str(data / "places.yaml"))
    assert set(CABINET_TITLES) <= lexicon.shared_where_lacking


def test_an_unknown_name_in_a_country_lacking_the_post_is_not_reported(linter, kb):
    # Greece's finance minister is not in the knowledge base, Mexico's is: an unknown name is
    # reported only where the records know who held the post.
    assert not any("finance-minister" in o.roles for o in kb.offices.values() if o.country == "GR")
    assert lint(linter, "Greek Finance Minister Nikos Papadakis spoke in Athens.", "2021-05-04") == []
    assert lint(linter, "Mexican Finance Minister Nikos Papadakis spoke in Mexico City.", "2021-05-04") == [
        ("title-mismatch", "error", "Mexican Finance Minister Nikos Papadakis")]
