"""Spot checks of the cabinet posts (issue 17): defence, finance, interior, justice and health
ministers and central bank governors. Each assertion names its source."""
from __future__ import annotations

import datetime as dt

import pytest


# The fixtures `kb` (the built-in knowledge base) and `linter` (the title rules) are in conftest.py.


def holders(kb, title, on, country):
    return [kb.name_of(t.person) for _, terms in kb.who(title, dt.date.fromisoformat(on), country) for t in terms]


@pytest.mark.parametrize("title, country, on, names", [
    # United States
    # Hegseth sworn in on 25 January 2025 (AP via CityNews, 25 January 2025).
    ("defense secretary", "US", "2025-02-10", ["Pete Hegseth"]),
    ("secretary of defense", "US", "2024-06-01", ["Lloyd Austin"]),
    # Bessent sworn in on 28 January 2025 (Accounting Today; Ballotpedia).
    ("treasury secretary", "US", "2025-03-01", ["Scott Bessent"]),
    # Noem confirmed and sworn in on 25 January 2025 (DHS statement via EIN Presswire; UPI).
    ("homeland security secretary", "US", "2025-06-01", ["Kristi Noem"]),
    # Bondi sworn in on 5 February 2025 (AP via Newser; HSToday).
    ("attorney general", "US", "2025-02-06", ["Pam Bondi"]),
    # Kennedy sworn in on 13 February 2025 (RTTNews via dpa-AFX).
    ("health secretary", "US", "2025-03-01", ["Robert F. Kennedy Jr."]),
    # Powell chair since 5 February 2018 (Wikidata and his Wikipedia infobox, us-cabinet scraper).
    ("Fed chair", "US", "2025-11-01", ["Jerome Powell"]),
    # Germany
    # Lindner dismissed and Kukies appointed on 7 November 2024 (Federal Government, 7 Nov 2024).
    ("finance minister", "DE", "2024-12-01", ["Jörg Kukies"]),
    ("finance minister", "DE", "2025-06-10", ["Lars Klingbeil"]),
    # Merz cabinet sworn in on 6 May 2025 (the chancellor's entry, checked before).
    ("interior minister", "DE", "2025-06-10", ["Alexander Dobrindt"]),
    # Struck appointed on 19 July 2002 (Stern; Handelsblatt/Reuters).
    ("defence minister", "DE", "2002-08-01", ["Peter Struck"]),
    # Wissing appointed justice minister on 7 November 2024 (Federal Government; Stuttgarter Zeitung).
    ("justice minister", "DE", "2025-01-15", ["Volker Wissing"]),
    # Schmidt appointed on 12 January 2001 (Ärzte Zeitung; Deutsches Ärzteblatt).
    ("health minister", "DE", "2001-02-01", ["Ulla Schmidt"]),
    # Weber appointed on 30 April 2004 (DW, taz/dpa).
    ("Bundesbank president", "DE", "2005-01-01", ["Axel Weber"]),
    # India
    # Amit Shah Home Minister since 30 May 2019 (Wikidata, india-ministers scraper).
    ("home minister", "IN", "2024-03-01", ["Amit Shah"]),
    ("home minister", "IN", "2016-03-01", ["Rajnath Singh"]),
    ("defence minister", "IN", "2020-01-01", ["Rajnath Singh"]),
    ("finance minister", "IN", "2021-02-01", ["Nirmala Sitharaman"]),
    ("health minister", "IN", "2022-01-01", ["Mansukh Mandaviya"]),
    ("law minister", "IN", "2022-01-01", ["Kiren Rijiju"]),
    ("RBI governor", "IN", "2020-01-01", ["Shaktikanta Das"]),
    # United Kingdom (IfG Ministers Database, checked against Wikidata)
    ("chancellor of the exchequer", "GB", "2023-05-02", ["Jeremy Hunt"]),
    ("home secretary", "GB", "2025-10-01", ["Shabana Mahmood"]),
    ("defence secretary", "GB", "2023-05-02", ["Ben Wallace"]),
    ("justice secretary", "GB", "2025-10-01", ["David Lammy"]),
    ("health secretary", "GB", "2022-10-01", ["Thérèse Coffey"]),
    ("governor of the Bank of England", "GB", "2021-01-01", ["Andrew Bailey"]),
    # European Union: Lagarde ECB president from 1 November 2019.
    ("ECB president", "EU", "2020-01-01", ["Christine Lagarde"]),
    # France
    # Lombard named economy and finance minister on 23 December 2024 (Challenge.ma, Le Vif);
    # Lescure in Lecornu's first government of 5 October 2025 (ATS) and kept on 12 October (TASS).
    ("finance minister", "FR", "2025-03-01", ["Éric Lombard"]),
    ("finance minister", "FR", "2025-11-01", ["Roland Lescure"]),
    # Fabius replaced Sautter on 28 March 2000 (Wikidata, france-cabinet scraper).
    ("finance minister", "FR", "2001-01-01", ["Laurent Fabius"]),
    # Nuñez succeeded Retailleau on 12 October 2025 (Adnkronos; L'Avenir).
    ("interior minister", "FR", "2025-06-01", ["Bruno Retailleau"]),
    ("interior minister", "FR", "2025-11-01", ["Laurent Nuñez"]),
    # Philippe held the interior ministry between Collomb and Castaner (Wikidata, scraper).
    ("interior minister", "FR", "2018-10-10", ["Édouard Philippe"]),
    # Vautrin took the armed forces on 12 October 2025 (TASS; Adnkronos; L'Avenir).
    ("defence minister", "FR", "2025-11-01", ["Catherine Vautrin"]),
    ("defense minister", "FR", "2023-06-01", ["Sébastien Lecornu"]),
    # Parly from the second Philippe government, 21 June 2017 (Wikidata, scraper).
    ("defence minister", "FR", "2019-01-01", ["Florence Parly"]),
    # Darmanin justice minister from 23 December 2024 (DayFR/ATS); Migaud from 21 September
    # 2024 (Pledge Times, infodujour).
    ("justice minister", "FR", "2025-06-01", ["Gérald Darmanin"]),
    ("justice minister", "FR", "2024-11-01", ["Didier Migaud"]),
    # Braun replaced Bourguignon on 4 July 2022 (Le Moniteur des pharmacies; RTL Luxembourg).
    ("health minister", "FR", "2022-08-01", ["François Braun"]),
    # Firmin Le Bodo held the ministry ad interim after Rousseau's resignation of 20 December
    # 2023 (TV5 Monde; France Info/AFP).
    ("health minister", "FR", "2024-01-05", ["Agnès Firmin Le Bodo"]),
    # Rist health minister in Lecornu's second government (L'Avenir; Adnkronos).
    ("health minister", "FR", "2025-11-01", ["Stéphanie Rist"]),
    # Villeroy de Galhau governor from 1 November 2015 (Journal officiel); Noyer before him
    # (Wikidata, scraper).
    ("Banque de France governor", "FR", "2020-01-01", ["François Villeroy de Galhau"]),
    ("central bank governor", "FR", "2010-01-01", ["Christian Noyer"]),
    # Japan
    # Kato finance minister in Ishiba's cabinet of 1 October 2024 (TASS; nippon.com); Katayama
    # in Takaichi's of 21 October 2025 (Sputnik; Anadolu/Kyodo).
    ("finance minister", "JP", "2025-01-15", ["Katsunobu Kato"]),
    ("finance minister", "JP", "2025-11-01", ["Satsuki Katayama"]),
    # Kan followed Fujii on 7 January 2010 (Wikidata, japan-ministers scraper).
    ("finance minister", "JP", "2010-03-01", ["Naoto Kan"]),
    # Matsumoto named on 21 November 2022 after Terada's resignation (Asahi; AP).
    ("internal affairs minister", "JP", "2023-01-10", ["Takeaki Matsumoto"]),
    # Hayashi in Takaichi's cabinet (Sputnik; Yomiuri).
    ("internal affairs minister", "JP", "2025-11-01", ["Yoshimasa Hayashi"]),
    # Kihara replaced Hamada on 13 September 2023 (Asahi; Yomiuri); Koizumi from 21 October 2025
    # (Anadolu/Kyodo; Yomiuri).
    ("defense minister", "JP", "2024-03-01", ["Minoru Kihara"]),
    ("defence minister", "JP", "2025-11-01", ["Shinjiro Koizumi"]),
    # Kishida held Defense while foreign minister after Inada resigned (Wikidata, scraper).
    ("defense minister", "JP", "2017-07-31", ["Fumio Kishida"]),
    # Saito named on 11 November 2022 after Hanashi resigned (Yomiuri; AP); Keisuke Suzuki from 11
    # November 2024 (nippon.com).
    ("justice minister", "JP", "2023-03-01", ["Ken Saito"]),
    ("justice minister", "JP", "2025-03-01", ["Keisuke Suzuki"]),
    # Yanagida replaced Chiba on 17 September 2010 (The Japan Times/Kyodo; ANSA).
    ("justice minister", "JP", "2010-09-10", ["Keiko Chiba"]),
    # Kato replaced Goto on 10 August 2022 (nippon.com; TASS); Fukuoka from 1 October 2024 (TASS).
    ("health minister", "JP", "2023-01-10", ["Katsunobu Kato"]),
    ("health minister", "JP", "2025-03-01", ["Takamaro Fukuoka"]),
    # Ueda replaced Kuroda on 9 April 2023 (Jiji via nippon.com).
    ("BOJ governor", "JP", "2023-03-01", ["Haruhiko Kuroda"]),
    ("central bank governor", "JP", "2024-03-01", ["Kazuo Ueda"]),
    # Canada
    # LeBlanc sworn in as finance minister on 16 December 2024 (True North); Champagne from
    # Carney's first cabinet, 14 March 2025 (iPolitics).
    ("finance minister", "CA", "2025-01-10", ["Dominic LeBlanc"]),
    ("finance minister", "CA", "2025-06-01", ["François-Philippe Champagne"]),
    ("finance minister", "CA", "2010-01-01", ["Jim Flaherty"]),
    # McGuinty public safety minister from 20 December 2024 (The Canadian Press via Darpan);
    # Anandasangaree from 13 May 2025 (CityNews/The Canadian Press).
    ("public safety minister", "CA", "2025-02-01", ["David McGuinty"]),
    ("public safety minister", "CA", "2025-06-01", ["Gary Anandasangaree"]),
    # Blair replaced Anand on 26 July 2023 (The Globe and Mail); McGuinty from 13 May 2025
    # (CityNews/The Canadian Press).
    ("defence minister", "CA", "2024-01-10", ["Bill Blair"]),
    ("defense minister", "CA", "2025-06-01", ["David McGuinty"]),
    # Virani replaced Lametti on 26 July 2023 (CTV); Fraser from 13 May 2025 (Canadian Lawyer).
    ("justice minister", "CA", "2024-01-10", ["Arif Virani"]),
    ("attorney general", "CA", "2025-06-01", ["Sean Fraser"]),
    # Holland replaced Duclos on 26 July 2023 (CP24); Michel from 13 May 2025 (Santis Health).
    ("health minister", "CA", "2024-01-10", ["Mark Holland"]),
    ("health minister", "CA", "2025-06-01", ["Marjorie Michel"]),
    # Macklem governor from 3 June 2020 (Wikidata, canada-cabinet scraper); Carney 2008-2013.
    ("Bank of Canada governor", "CA", "2021-01-01", ["Tiff Macklem"]),
    ("central bank governor", "CA", "2010-01-01", ["Mark Carney"]),
    # Italy
    # The Meloni government sworn in on 22 October 2022 (Reuters; Unione Sarda; Leggo).
    ("finance minister", "IT", "2023-06-01", ["Giancarlo Giorgetti"]),
    ("finance minister", "IT", "2022-06-01", ["Daniele Franco"]),
    ("interior minister", "IT", "2023-06-01", ["Matteo Piantedosi"]),
    # Salvini interior minister in the first Conte government (Wikidata, italy-ministers scraper).
    ("interior minister", "IT", "2019-01-01", ["Matteo Salvini"]),
    ("defence minister", "IT", "2023-06-01", ["Guido Crosetto"]),
    ("justice minister", "IT", "2023-06-01", ["Carlo Nordio"]),
    ("health minister", "IT", "2020-04-01", ["Roberto Speranza"]),
    ("health minister", "IT", "2023-06-01", ["Orazio Schillaci"]),
    # Panetta governor from 1 November 2023 (the Bank of Italy via Arena Digitale).
    ("Bank of Italy governor", "IT", "2023-10-01", ["Ignazio Visco"]),
    ("central bank governor", "IT", "2024-06-01", ["Fabio Panetta"]),
    # Australia
    # The first Albanese ministry sworn in on 1 June 2022 (7News; SBS).
    ("defence minister", "AU", "2023-06-01", ["Richard Marles"]),
    ("defence minister", "AU", "2020-06-01", ["Linda Reynolds"]),
    ("finance minister", "AU", "2023-06-01", ["Katy Gallagher"]),
    ("health minister", "AU", "2023-06-01", ["Mark Butler"]),
    # Burke sworn in on 29 July 2024 (The Canberra Times; news.com.au).
    ("home affairs minister", "AU", "2024-06-01", ["Clare O'Neil"]),
    ("home affairs minister", "AU", "2024-09-01", ["Tony Burke"]),
    # Rowland attorney-general from 13 May 2025 (NNN-AAP via MENAFN).
    ("attorney-general", "AU", "2025-06-01", ["Michelle Rowland"]),
    ("attorney-general", "AU", "2024-06-01", ["Mark Dreyfus"]),
    # Bullock from 18 September 2023 (Crikey; CNBC).
    ("RBA governor", "AU", "2023-06-01", ["Philip Lowe"]),
    ("central bank governor", "AU", "2024-06-01", ["Michele Bullock"]),
    # Brazil
    # Lula's ministers took office on 1 January 2023 (Reuters via Pledge Times; O Sul).
    ("finance minister", "BR", "2023-06-01", ["Fernando Haddad"]),
    ("finance minister", "BR", "2020-06-01", ["Paulo Guedes"]),
    ("defence minister", "BR", "2023-06-01", ["José Múcio"]),
    # Lewandowski took office on 1 February 2024 (DW via UOL; Estado de Minas).
    ("justice minister", "BR", "2024-01-15", ["Flávio Dino"]),
    ("justice minister", "BR", "2024-06-01", ["Ricardo Lewandowski"]),
    # Padilha took office on 10 March 2025 (R7; JD1 Notícias); Pazuello ad interim in 2020
    # (Wikidata, brazil-ministers scraper).
    ("health minister", "BR", "2025-06-01", ["Alexandre Padilha"]),
    ("health minister", "BR", "2020-07-01", ["Eduardo Pazuello"]),
    # Galípolo from 1 January 2025 (Gazeta do Leste; Brasil em Folhas).
    ("central bank governor", "BR", "2024-06-01", ["Roberto Campos Neto"]),
    ("central bank governor", "BR", "2025-06-01", ["Gabriel Galípolo"]),
    # Russia
    # Belousov appointed by decree on 14 May 2024 (Kremlin via Ukrainska Pravda; RT).
    ("defence minister", "RU", "2024-06-01", ["Andrei Belousov"]),
    ("defense minister", "RU", "2023-06-01", ["Sergei Shoigu"]),
    # Kudrin finance minister from 18 May 2000 (Wikidata, russia-cabinet scraper).
    ("finance minister", "RU", "2005-06-01", ["Alexei Kudrin"]),
    ("finance minister", "RU", "2024-06-01", ["Anton Siluanov"]),
    # Kolokoltsev and Chuychenko kept in May 2024 (Federation Council via ECBN).
    ("interior minister", "RU", "2024-06-01", ["Vladimir Kolokoltsev"]),
    ("justice minister", "RU", "2024-06-01", ["Konstantin Chuychenko"]),
    ("health minister", "RU", "2021-06-01", ["Mikhail Murashko"]),
    # Nabiullina governor from 24 June 2013 (Wikidata, scraper).
    ("central bank governor", "RU", "2022-06-01", ["Elvira Nabiullina"]),
])
def test_who_held_the_post(kb, title, country, on, names):
    assert holders(kb, title, on, country) == names


def lint(linter, body: str, date: str) -> list[tuple[str, str, str]]:
    source = f"---\ndate: {date}\n---\n{body}\n"
    return [(f.rule, f.severity.label, source[f.span.start:f.span.end], f.message)
            for f in linter.lint("a.md", source)]


@pytest.mark.parametrize("body, date, title, holder", [
    ("In Washington, Defense Secretary Lloyd Austin met NATO allies.", "2025-02-10",
     "Defense Secretary Lloyd Austin", "Pete Hegseth"),
    ("German Finance Minister Christian Lindner presented the budget.", "2025-06-10",
     "German Finance Minister Christian Lindner", "Lars Klingbeil"),
    ("Indian Home Minister Rajnath Singh visited Kashmir.", "2024-03-01",
     "Indian Home Minister Rajnath Singh", "Amit Shah"),
    ("French Interior Minister Gérald Darmanin spoke in Paris.", "2025-03-01",
     "French Interior Minister Gérald Darmanin", "Bruno Retailleau"),
    ("Japanese Defense Minister Gen Nakatani visited Okinawa.", "2025-11-10",
     "Japanese Defense Minister Gen Nakatani", "Shinjiro Koizumi"),
    ("Canadian Finance Minister Chrystia Freeland presented the budget.", "2025-04-01",
     "Canadian Finance Minister Chrystia Freeland", "François-Philippe Champagne"),
    ("Italian Interior Minister Matteo Salvini spoke in Rome.", "2023-06-01",
     "Italian Interior Minister Matteo Salvini", "Matteo Piantedosi"),
    ("Australian Home Affairs Minister Clare O'Neil spoke in Canberra.", "2025-01-10",
     "Australian Home Affairs Minister Clare O'Neil", "Tony Burke"),
    ("Brazilian Health Minister Nísia Trindade visited a clinic.", "2025-06-01",
     "Brazilian Health Minister Nísia Trindade", "Alexandre Padilha"),
    ("Russian Defence Minister Sergei Shoigu visited the front.", "2024-06-10",
     "Russian Defence Minister Sergei Shoigu", "Andrei Belousov"),
])
def test_the_issue_examples_are_mismatches(linter, body, date, title, holder):
    found = lint(linter, body, date)
    assert [(rule, severity, text) for rule, severity, text, _ in found] == [("title-mismatch", "error", title)]
    assert holder in found[0][3]


@pytest.mark.parametrize("body, date", [
    ("Defense Secretary Pete Hegseth met NATO allies in Washington.", "2025-02-10"),
    ("German Finance Minister Lars Klingbeil presented the budget.", "2025-06-10"),
    ("Home Minister Amit Shah visited Kashmir in India.", "2024-03-01"),
    # A title he held earlier, marked as such.
    ("Former Home Minister Rajnath Singh, now India's defence minister, spoke.", "2024-03-01"),
    # Goyal held Finance while Jaitley was ill: both names are right in June 2018.
    ("Indian Finance Minister Piyush Goyal spoke.", "2018-06-15"),
    ("Indian Finance Minister Arun Jaitley spoke.", "2018-06-15"),
    # Another country's post of the same name, and a state attorney general.
    ("Chancellor Rachel Reeves spoke in Britain.", "2025-01-10"),
    ("New York Attorney General Letitia James sued the company.", "2025-03-01"),
    # Darmanin moved from the interior to justice in December 2024.
    ("French Justice Minister Gérald Darmanin spoke in Paris.", "2025-03-01"),
    # A minister delegate for health is called the health minister too.
    ("French Health Minister Frédéric Valletoux visited a hospital.", "2024-05-02"),
    ("French Health Minister Catherine Vautrin visited a hospital.", "2024-05-02"),
    ("Japanese Defense Minister Shinjiro Koizumi visited Okinawa.", "2025-11-10"),
    ("Canadian Finance Minister François-Philippe Champagne presented the budget.", "2025-04-01"),
    # A province's finance minister, whom the knowledge base does not hold.
    ("Finance Minister Peter Bethlenfalvy presented Ontario's budget in Toronto, Canada.",
     "2025-04-01"),
    # Argentina's central bank has a president the knowledge base does not hold.
    ("Central Bank President Santiago Bausili spoke in Buenos Aires, Argentina.", "2025-06-01"),
    # A state's ministers, whom the knowledge base does not hold.
    ("Health Minister Ryan Park spoke in Sydney, Australia.", "2023-05-01"),
    ("Attorney-General Mark Speakman spoke in Sydney, Australia.", "2023-05-01"),
    # Ukraine's interior ministry is "internal affairs" too, and the knowledge base lacks it.
    ("Internal Affairs Minister Ihor Klymenko spoke in Kyiv, Ukraine.", "2024-05-01"),
    ("Internal Affairs Minister Vladimir Kolokoltsev spoke in Moscow, Russia.", "2023-05-01"),
    # The head of the Defense Agency before it became a ministry in 2007.
    ("Japanese Defense Minister Shigeru Ishiba visited Okinawa.", "2002-11-10"),
    # History before the coverage.
    ("Fed Chair Paul Volcker raised rates to fight inflation.", "2024-01-10"),
])
def test_right_titles_raise_nothing(linter, body, date):
    assert lint(linter, body, date) == []
