"""Spot checks of more UN member states added to the knowledge base for issue 17 (the second
list: Colombia, Thailand, ...), each against its source.

Every assertion names, in a comment, the source its date was checked against (the file headers
in rules/data/officeholders/ give the full list). The first list is in test_kb_nations.py.
"""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import lint_titles as lint, assert_covered

from newslint.commands.kb import who

# The fixtures `kb` (the built-in knowledge base), `holders` and `linter` (the title rules) are in conftest.py.

ADDED = ("CO", "TH", "PE", "ET", "KE", "SK")




def test_every_added_country_has_the_three_roles_to_the_checked_date(kb):
    assert_covered(kb, ADDED, dt.date(2000, 1, 1), dt.date(2025, 11, 20))


@pytest.mark.parametrize("title, country, on, expected", [
    # Adjectives and names from rules/data/places.yaml reach the new countries.
    ("president", "Colombian", "2019-01-01", "President of Colombia: Iván Duque"),
    ("top diplomat", "Colombia", "2012-01-01", "Minister of Foreign Affairs of Colombia: María Ángela Holguín"),
    ("premier", "Thai", "2020-01-01", "Prime Minister of Thailand: Prayut Chan-o-cha"),
    ("king", "Thailand", "2010-01-01", "King of Thailand: Bhumibol Adulyadej"),
    ("president", "Peruvian", "2019-01-01", "President of Peru: Martín Vizcarra"),
    ("foreign minister", "Peru", "2024-01-01", "Minister of Foreign Affairs of Peru: Javier González-Olaechea"),
    ("premier", "Ethiopian", "2020-01-01", "Prime Minister of Ethiopia: Abiy Ahmed"),
    ("president", "Ethiopia", "2015-01-01", "President of Ethiopia: Mulatu Teshome"),
    ("president", "Kenyan", "2015-01-01", "President of Kenya: Uhuru Kenyatta"),
    ("prime minister", "Kenya", "2010-01-01", "Prime Minister of Kenya: Raila Odinga"),
    ("premier", "Slovak", "2019-01-01", "Prime Minister of Slovakia: Peter Pellegrini"),
    ("president", "Slovakia", "2020-01-01", "President of Slovakia: Zuzana Čaputová"),
])
def test_kb_who_answers_for_the_new_countries(linter, title, country, on, expected):
    lines = who(linter, title, country, dt.date.fromisoformat(on))
    assert any(line.startswith(expected) for line in lines), lines


# --- Colombia ----------------------------------------------------------------------------------

def test_colombia_president(holders):
    # Presidents take office on 7 August: Uribe 2002, Santos 2010, Duque 2018, Petro 2022
    # (Wikidata via V-DyKnow; REIGN to 2021, which starts Uribe a day later).
    assert holders("president", "2002-08-01", "CO") == ["Andrés Pastrana"]
    assert holders("president", "2002-08-10", "CO") == ["Álvaro Uribe"]
    assert holders("president", "2018-08-01", "CO") == ["Juan Manuel Santos"]
    assert holders("president", "2022-08-10", "CO") == ["Gustavo Petro"]


def test_colombia_foreign_minister(holders):
    # María Consuelo Araújo resigned on 19 February 2007 (Prensa Latina, EFE); Fernando Araújo was
    # sworn in on 28 February (AP via Dinero); Bermúdez on 17 July 2008 (EFE, Reuters via Estadão).
    assert holders("foreign minister", "2007-01-01", "CO") == ["María Consuelo Araújo"]
    assert holders("foreign minister", "2007-02-22", "CO") == []
    assert holders("foreign minister", "2008-01-01", "CO") == ["Fernando Araújo"]
    assert holders("foreign minister", "2008-08-01", "CO") == ["Jaime Bermúdez"]
    # Blum sworn in on 27 November 2019 (El Heraldo); resigned in May 2021 (El Tiempo); Ramírez
    # named on 19 May 2021 (Noticias RCN).
    assert holders("foreign minister", "2020-06-01", "CO") == ["Claudia Blum"]
    assert holders("foreign minister", "2021-05-15", "CO") == ["Adriana Mejía"]
    assert holders("foreign minister", "2022-01-01", "CO") == ["Marta Lucía Ramírez"]


def test_colombia_foreign_ministers_under_petro(holders):
    # Leyva suspended; Murillo in charge from 8 February 2024 (decree 0150; El País), sworn in on
    # 21 May (El Espectador); Sarabia sworn in on 29 January 2025 (Seguimiento); Villavicencio in
    # charge from 8 July 2025 (MercoPress) and minister from 27 August (El Espectador).
    assert holders("foreign minister", "2023-06-01", "CO") == ["Álvaro Leyva"]
    assert holders("foreign minister", "2024-03-01", "CO") == ["Álvaro Leyva", "Luis Gilberto Murillo"]
    assert holders("foreign minister", "2024-09-01", "CO") == ["Luis Gilberto Murillo"]
    assert holders("foreign minister", "2025-03-01", "CO") == ["Laura Sarabia"]
    assert holders("foreign minister", "2025-10-01", "CO") == ["Rosa Villavicencio"]


def test_colombia_titles_in_copy(linter):
    # Duque left office on 7 August 2022 (V-DyKnow); Holguín was foreign minister to 7 August 2018.
    assert lint(linter, "Colombian President Ivan Duque spoke.", "2023-03-01") == [
        ("title-mismatch", "error", "Colombian President Ivan Duque")]
    assert lint(linter, "Colombian President Gustavo Petro spoke.", "2023-03-01") == []
    assert lint(linter, "Colombian Foreign Minister Maria Angela Holguin met her counterpart.",
                "2016-05-02") == []


# --- Thailand ----------------------------------------------------------------------------------

def test_thailand_king(holders):
    # Bhumibol died on 13 October 2016; Vajiralongkorn, proclaimed on 1 December, reigns from that
    # day (Reuters, AFP; V-DyKnow).
    assert holders("king", "2016-10-01", "TH") == ["Bhumibol Adulyadej"]
    assert holders("king", "2017-01-01", "TH") == ["Maha Vajiralongkorn"]


def test_thailand_prime_minister(holders):
    # Thaksin's royal command of 9 February 2001 (AFP); Chidchai acting from 5 April to 23 May 2006
    # (AP, Taipei Times); no prime minister between the coup and Surayud's appointment on 1
    # October 2006 (AFP).
    assert holders("prime minister", "2001-02-01", "TH") == ["Chuan Leekpai"]
    assert holders("prime minister", "2003-01-01", "TH") == ["Thaksin Shinawatra"]
    assert holders("prime minister", "2006-05-01", "TH") == ["Thaksin Shinawatra", "Chidchai Vanasatidya"]
    assert holders("prime minister", "2006-09-25", "TH") == []
    assert holders("prime minister", "2007-06-01", "TH") == ["Surayud Chulanont"]
    # Somchai acting from 9 September 2008, royal command on the 18th (Bernama, TNA).
    assert holders("prime minister", "2008-09-12", "TH") == ["Somchai Wongsawat"]
    # Yingluck removed on 7 May 2014 (TNA); Prayut acting from the coup of 22 May (Bangkok Post)
    # and prime minister by royal command of 25 August (Khaosod English).
    assert holders("prime minister", "2014-05-15", "TH") == ["Niwatthamrong Boonsongpaisan"]
    assert holders("prime minister", "2014-06-15", "TH") == ["Prayut Chan-o-cha"]
    assert holders("prime minister", "2019-01-01", "TH") == ["Prayut Chan-o-cha"]


def test_thailand_prime_ministers_since_2022(holders):
    # Prawit acting during Prayut's suspension, 24 August to 30 September 2022 (Bangkok Post);
    # Srettha from 23 August 2023 (The Nation); Paetongtarn from 18 August 2024 (VNA), suspended
    # on 1 July 2025 and removed on 29 August (TNA, The Nation); Anutin from 7 September 2025
    # (Bangkok Post).
    assert holders("prime minister", "2022-09-10", "TH") == ["Prayut Chan-o-cha", "Prawit Wongsuwan"]
    assert holders("prime minister", "2024-01-01", "TH") == ["Srettha Thavisin"]
    assert holders("prime minister", "2024-08-16", "TH") == ["Phumtham Wechayachai"]
    assert holders("prime minister", "2025-01-01", "TH") == ["Paetongtarn Shinawatra"]
    assert holders("prime minister", "2025-09-01", "TH") == ["Phumtham Wechayachai"]
    assert holders("prime minister", "2025-10-01", "TH") == ["Anutin Charnvirakul"]


def test_thailand_foreign_minister(holders):
    # Noppadon's resignation effective 14 July 2008 (Xinhua); Tej from 27 July to 3 September
    # (Xinhua, Reuters); Surapong removed with Yingluck on 7 May 2014 (TNA); none under the junta
    # until Tanasak's cabinet on 31 August 2014 (Terre d'Asie).
    assert holders("foreign minister", "2008-05-01", "TH") == ["Noppadon Pattama"]
    assert holders("foreign minister", "2008-08-15", "TH") == ["Tej Bunnag"]
    assert holders("foreign minister", "2008-10-15", "TH") == ["Sompong Amornvivat"]
    assert holders("foreign minister", "2010-01-01", "TH") == ["Kasit Piromya"]
    assert holders("foreign minister", "2014-06-15", "TH") == []
    # Parnpree sworn in on 5 September 2023 (Reuters), resigned 28 April 2024 (AP); Maris from 30
    # April (The Nation); Sihasak sworn in on 24 September 2025 (Anadolu, Thai Examiner).
    assert holders("foreign minister", "2020-01-01", "TH") == ["Don Pramudwinai"]
    assert holders("foreign minister", "2024-01-01", "TH") == ["Parnpree Bahiddha-nukara"]
    assert holders("foreign minister", "2025-01-01", "TH") == ["Maris Sangiampongsa"]
    assert holders("foreign minister", "2025-10-15", "TH") == ["Sihasak Phuangketkeow"]


def test_thailand_titles_in_copy(linter):
    # Prayut left office on 23 August 2023 (The Nation); Thai copy names prime ministers by their
    # given names ("Prime Minister Srettha").
    assert lint(linter, "Thai Prime Minister Prayuth Chan-ocha spoke.", "2024-01-10") == [
        ("title-mismatch", "error", "Thai Prime Minister Prayuth Chan-ocha")]
    assert lint(linter, "Thai Prime Minister Srettha spoke.", "2024-01-10") == []
    # Srettha was removed on 14 August 2024 (AP); Thaksin left office in 2006 (REIGN).
    assert lint(linter, "Thai Prime Minister Srettha spoke.", "2025-06-10") == [
        ("title-mismatch", "error", "Thai Prime Minister Srettha")]
    assert lint(linter, "Thai Prime Minister Thaksin spoke.", "2023-06-10") == [
        ("title-mismatch", "error", "Thai Prime Minister Thaksin")]
    assert lint(linter, "Thai Foreign Minister Maris Sangiampongsa met his counterpart.", "2025-08-01") == []


# --- Peru --------------------------------------------------------------------------------------

def test_peru_president(holders):
    # Fujimori removed at midnight on 21 November 2000, Paniagua sworn in on the 22nd (La Jornada,
    # Página/12); Vizcarra from 23 March 2018 (Andina).
    assert holders("president", "2000-06-01", "PE") == ["Alberto Fujimori"]
    assert holders("president", "2001-01-01", "PE") == ["Valentín Paniagua"]
    assert holders("president", "2018-06-01", "PE") == ["Martín Vizcarra"]
    # Merino sworn in 10 November 2020 and resigned on the 15th; no president until Sagasti's oath
    # on the 17th (EFE, El Universal).
    assert holders("president", "2020-11-12", "PE") == ["Manuel Merino"]
    assert holders("president", "2020-11-16", "PE") == []
    assert holders("president", "2021-01-01", "PE") == ["Francisco Sagasti"]
    # Boluarte sworn in 7 December 2022 (Reuters), removed in the first hour of 10 October 2025,
    # when Jerí was sworn in (Latina, ATV).
    assert holders("president", "2023-01-01", "PE") == ["Dina Boluarte"]
    assert holders("president", "2025-11-01", "PE") == ["José Jerí"]


def test_peru_foreign_minister(holders):
    # Rivas sworn in 15 May 2013 (El País); Sánchez 2 April 2015 (El Comercio); Aljovín 9 January
    # 2018 (EFE); Popolizio 2 April 2018 (Andina); Meza-Cuadra 3 October 2019 (AFP).
    assert holders("foreign minister", "2013-01-01", "PE") == ["Rafael Roncagliolo"]
    # Olivera sworn in on 11 August 2005 and out two days later; Maúrtua sworn in with Kuczynski's
    # cabinet on 16 August (EFE, La Jornada).
    assert holders("foreign minister", "2005-08-12", "PE") == ["Fernando Olivera"]
    assert holders("foreign minister", "2005-10-01", "PE") == ["Óscar Maúrtua"]
    assert holders("foreign minister", "2013-06-01", "PE") == ["Eda Rivas"]
    assert holders("foreign minister", "2015-06-01", "PE") == ["Ana María Sánchez"]
    assert holders("foreign minister", "2018-02-01", "PE") == ["Cayetana Aljovín"]
    assert holders("foreign minister", "2019-01-01", "PE") == ["Néstor Popolizio"]
    assert holders("foreign minister", "2020-01-01", "PE") == ["Gustavo Meza-Cuadra"]


def test_peru_foreign_ministers_since_2020(holders):
    # Wagner sworn in 15 February 2021 (AFP); Béjar resigned 17 August 2021 and Maúrtua was sworn
    # in on the 20th (La República); Rodríguez Mackay from 5 August to 9 September 2022 (AFP);
    # Gervasi from 10 December 2022 (EFE) to 7 November 2023 (Infobae); Schialer from 3 September
    # 2024 (AFP); De Zela from 14 October 2025 (La República).
    assert holders("foreign minister", "2021-03-01", "PE") == ["Allan Wagner"]
    assert holders("foreign minister", "2021-08-18", "PE") == []
    assert holders("foreign minister", "2021-10-01", "PE") == ["Óscar Maúrtua"]
    assert holders("foreign minister", "2022-08-20", "PE") == ["Miguel Rodríguez Mackay"]
    assert holders("foreign minister", "2023-06-01", "PE") == ["Ana Cecilia Gervasi"]
    assert holders("foreign minister", "2025-01-01", "PE") == ["Elmer Schialer"]
    assert holders("foreign minister", "2025-11-01", "PE") == ["Hugo de Zela"]


def test_peru_titles_in_copy(linter):
    # Boluarte was removed on 10 October 2025 (Latina); the Council of Ministers' president is not
    # recorded, so a "prime minister" of Peru is never judged.
    assert lint(linter, "Peruvian President Dina Boluarte spoke.", "2025-11-01") == [
        ("title-mismatch", "error", "Peruvian President Dina Boluarte")]
    assert lint(linter, "Peruvian President Jose Jeri spoke.", "2025-11-01") == []
    assert lint(linter, "Peruvian Foreign Minister Elmer Schialer spoke.", "2025-01-15") == []
    assert lint(linter, "Peruvian Prime Minister Eduardo Arana spoke.", "2025-01-15") == []


# --- Ethiopia ----------------------------------------------------------------------------------

def test_ethiopia_president(holders):
    # Girma elected and sworn in on 8 October 2001 (BBC); Mulatu on 7 October 2013 (Sudan Tribune;
    # Wikidata says the 6th); Taye on 7 October 2024 (Capital FM, Eye Radio).
    assert holders("president", "2001-06-01", "ET") == ["Negasso Gidada"]
    assert holders("president", "2013-10-06", "ET") == ["Girma Wolde-Giorgis"]
    assert holders("president", "2020-01-01", "ET") == ["Sahle-Work Zewde"]
    assert holders("president", "2025-01-01", "ET") == ["Taye Atske Selassie"]


def test_ethiopia_prime_minister(holders):
    # Meles died on 20 August 2012; Hailemariam acted until his oath of 21 September (Reuters, AFP);
    # Abiy sworn in on 2 April 2018 (Reuters, REIGN).
    assert holders("prime minister", "2010-01-01", "ET") == ["Meles Zenawi"]
    assert holders("prime minister", "2012-09-01", "ET") == ["Hailemariam Desalegn"]
    assert holders("prime minister", "2018-03-01", "ET") == ["Hailemariam Desalegn"]
    assert holders("prime minister", "2018-05-01", "ET") == ["Abiy Ahmed"]


def test_ethiopia_foreign_minister(holders):
    # Hailemariam with the cabinet of 4 October 2010 (Abugida); Tedros from 29 November 2012
    # (Reuters); Gedu from 18 April 2019 (Xinhua), the ministry vacant before (Addis Insight);
    # Taye from 8 February 2024 (Reuters); Gedion from 18 October 2024 (Al-Ain).
    assert holders("foreign minister", "2010-09-15", "ET") == ["Seyoum Mesfin"]
    assert holders("foreign minister", "2011-01-01", "ET") == ["Hailemariam Desalegn"]
    assert holders("foreign minister", "2014-01-01", "ET") == ["Tedros Adhanom"]
    assert holders("foreign minister", "2019-04-01", "ET") == []
    assert holders("foreign minister", "2019-06-01", "ET") == ["Gedu Andargachew"]
    assert holders("foreign minister", "2022-01-01", "ET") == ["Demeke Mekonnen"]
    assert holders("foreign minister", "2024-06-01", "ET") == ["Taye Atske Selassie"]
    assert holders("foreign minister", "2025-06-01", "ET") == ["Gedion Timothewos"]


def test_ethiopia_titles_in_copy(linter):
    # Taye left the foreign ministry to become president on 7 October 2024 (Capital FM).
    assert lint(linter, "Ethiopian Foreign Minister Taye Atske Selassie spoke.", "2025-03-01") == [
        ("title-mismatch", "error", "Ethiopian Foreign Minister Taye Atske Selassie")]
    assert lint(linter, "Ethiopian President Taye Atske Selassie spoke.", "2025-03-01") == []
    assert lint(linter, "Ethiopian Prime Minister Abiy Ahmed spoke.", "2025-03-01") == []


# --- Kenya -------------------------------------------------------------------------------------

def test_kenya_president(holders):
    # Kibaki sworn in on 30 December 2002 (the public record; REIGN says the 3rd); Uhuru on 9 April
    # 2013 (Wikidata, REIGN); Ruto on Tuesday 13 September 2022 (Xinhua, Business Daily).
    assert holders("president", "2002-06-01", "KE") == ["Daniel arap Moi"]
    assert holders("president", "2005-01-01", "KE") == ["Mwai Kibaki"]
    assert holders("president", "2022-09-01", "KE") == ["Uhuru Kenyatta"]
    assert holders("president", "2022-10-01", "KE") == ["William Ruto"]


def test_kenya_prime_minister(holders):
    # Raila sworn in on 17 April 2008 (BBC, Al Jazeera), the first prime minister since 1964; the
    # office ended with Kibaki's term on 9 April 2013 (Wikidata).
    assert holders("prime minister", "2005-01-01", "KE") == []
    assert holders("prime minister", "2010-01-01", "KE") == ["Raila Odinga"]
    assert holders("prime minister", "2012-12-01", "KE") == ["Raila Odinga"]


def test_kenya_foreign_minister(holders):
    # Kalonzo from 3 January 2003 (VOA, BBC); Tuju from 7 December 2005 (Xinhua); Wetang'ula from
    # 8 January 2008 (Daily Nation); Saitoti acting from 28 October 2010 (Capital FM, AFP) and
    # still in June 2011 (Daily Nation); Ongeri from 26 March 2012 (Xinhua).
    assert holders("foreign minister", "2003-06-01", "KE") == ["Kalonzo Musyoka"]
    assert holders("foreign minister", "2007-01-01", "KE") == ["Raphael Tuju"]
    assert holders("foreign minister", "2009-01-01", "KE") == ["Moses Wetang'ula"]
    # Wetang'ula stepped aside but did not resign, so his term overlaps Saitoti's acting one.
    assert holders("foreign minister", "2011-06-01", "KE") == ["Moses Wetang'ula", "George Saitoti"]
    assert holders("foreign minister", "2012-06-01", "KE") == ["Sam Ongeri"]


def test_kenya_foreign_ministers_since_2020(holders):
    # Omamo named on 14 January 2020 (Daily Nation); Mutua sworn in on 27 October 2022 (Daily
    # Nation, AFP); Mudavadi from the reshuffle of 4 October 2023 (Reuters, Tuko), kept when the
    # cabinet was dismissed in July 2024 (The Standard) and in office in November 2025 (The Star).
    assert holders("foreign minister", "2021-01-01", "KE") == ["Raychelle Omamo"]
    assert holders("foreign minister", "2023-01-01", "KE") == ["Alfred Mutua"]
    assert holders("foreign minister", "2024-08-01", "KE") == ["Musalia Mudavadi"]
    assert holders("foreign minister", "2025-11-11", "KE") == ["Musalia Mudavadi"]


def test_kenya_titles_in_copy(linter):
    # Mutua moved to tourism on 4 October 2023 (Reuters); Ruto president since 13 September 2022.
    assert lint(linter, "Kenyan Foreign Minister Alfred Mutua spoke.", "2024-03-01") == [
        ("title-mismatch", "error", "Kenyan Foreign Minister Alfred Mutua")]
    assert lint(linter, "Kenyan Foreign Minister Musalia Mudavadi spoke.", "2024-03-01") == []
    assert lint(linter, "Kenyan President William Ruto spoke.", "2024-03-01") == []
    assert lint(linter, "Kenyan Prime Minister Raila Odinga spoke.", "2010-03-01") == []


# --- Slovakia ----------------------------------------------------------------------------------

def test_slovakia_president(holders):
    # Čaputová sworn in on 15 June 2019 (Xinhua, AP); Pellegrini on 15 June 2024 (TASR, Xinhua).
    assert holders("president", "2019-06-01", "SK") == ["Andrej Kiska"]
    assert holders("president", "2024-06-01", "SK") == ["Zuzana Čaputová"]
    assert holders("president", "2024-07-01", "SK") == ["Peter Pellegrini"]


def test_slovakia_prime_minister(holders):
    # Fico's first government from 4 July 2006 and Radičová's from 8 July 2010 (REIGN, Wikidata);
    # Ódor appointed on 15 May 2023 (AP, dpa); Fico again on 25 October 2023 (the President's
    # office), in office in November 2025 (TASR).
    assert holders("prime minister", "2006-06-01", "SK") == ["Mikuláš Dzurinda"]
    assert holders("prime minister", "2011-01-01", "SK") == ["Iveta Radičová"]
    assert holders("prime minister", "2023-06-01", "SK") == ["Ľudovít Ódor"]
    assert holders("prime minister", "2025-11-01", "SK") == ["Robert Fico"]


def test_slovakia_foreign_minister(holders):
    # Lajčák appointed on 26 January 2009 in place of Kubiš (TASR); Káčer on 13 September 2022
    # (TASR, Reuters); Wlachovský with Ódor on 15 May 2023 (AP); Blanár with Fico on 25 October
    # 2023 (MTI, Pravda).
    assert holders("foreign minister", "2008-06-01", "SK") == ["Ján Kubiš"]
    assert holders("foreign minister", "2009-06-01", "SK") == ["Miroslav Lajčák"]
    assert holders("foreign minister", "2022-10-01", "SK") == ["Rastislav Káčer"]
    assert holders("foreign minister", "2023-07-01", "SK") == ["Miroslav Wlachovský"]
    assert holders("foreign minister", "2024-06-01", "SK") == ["Juraj Blanár"]


def test_slovakia_titles_in_copy(linter):
    # Pellegrini became president on 15 June 2024 (TASR); his premiership ended in March 2020.
    assert lint(linter, "Slovak Prime Minister Peter Pellegrini spoke.", "2025-03-01") == [
        ("title-mismatch", "error", "Slovak Prime Minister Peter Pellegrini")]
    assert lint(linter, "Slovak President Peter Pellegrini spoke.", "2025-03-01") == []
    assert lint(linter, "Slovak Prime Minister Robert Fico spoke.", "2025-03-01") == []
    assert lint(linter, "Slovak Foreign Minister Juraj Blanar spoke.", "2025-03-01") == []
