"""Spot checks of the G20 cabinet posts of Turkey, Saudi Arabia, Indonesia and China (issue 17):
the defence, finance, interior, justice and health ministers and the central bank governors.
Each assertion names its source in a comment (the file headers in rules/data/officeholders/ give
the full list). `newslint kb who` is asked with the country's name, as a reader would ask it."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import positions
from newslint.commands.kb import who

# The fixture `linter` (the title rules) is in conftest.py.


def holders(linter, title: str, country: str, on: str) -> list[str]:
    """The names `newslint kb who TITLE --country COUNTRY --on ON` prints."""
    return [line.split(": ", 1)[1].split(" (")[0]
            for line in who(linter, title, country, dt.date.fromisoformat(on))]


@pytest.mark.parametrize("title, country, on, names", [
    # --- Turkey ---
    # The 2023 cabinet, announced on 3 June 2023 (Hürriyet Daily News; Xinhua via Ahram Online).
    ("Treasury and Finance Minister", "Turkey", "2023-07-01", ["Mehmet Şimşek"]),
    ("finance minister", "Türkiye", "2023-05-01", ["Nureddin Nebati"]),
    # Elvan appointed by the Official Gazette of 10 November 2020 (Daily Sabah; AP).
    ("finance minister", "Turkish", "2021-06-01", ["Lütfi Elvan"]),
    ("interior minister", "Turkey", "2023-07-01", ["Ali Yerlikaya"]),
    # Soylu took the interior from Ala on 31 August 2016 (TRT World; Hürriyet Daily News).
    ("interior minister", "Turkey", "2016-07-01", ["Efkan Ala"]),
    ("interior minister", "Turkey", "2016-09-15", ["Süleyman Soylu"]),
    ("defence minister", "Turkey", "2023-07-01", ["Yaşar Güler"]),
    # Gönül back at defence on 3 July 2015 after Yılmaz's election as Speaker (Report.az/Anadolu;
    # Middle East Monitor).
    ("defense minister", "Turkey", "2014-01-01", ["İsmet Yılmaz"]),
    ("defense minister", "Turkey", "2015-09-01", ["Vecdi Gönül"]),
    # Bozdağ back at justice on 29 January 2022 (Bloomberg; TRT/AA); Tunç in the 2023 cabinet
    # (Daily Sabah).
    ("justice minister", "Turkey", "2022-06-01", ["Bekir Bozdağ"]),
    ("justice minister", "Turkey", "2025-06-01", ["Yılmaz Tunç"]),
    # Memişoğlu replaced Koca on 2 July 2024 (Daily Sabah; Duvar; Rudaw).
    ("health minister", "Turkey", "2024-06-01", ["Fahrettin Koca"]),
    ("health minister", "Turkey", "2024-08-01", ["Kemal Memişoğlu"]),
    # Akdağ health minister from Gül's government to 24 January 2013 (AA; Today's Zaman).
    ("health minister", "Turkey", "2008-01-01", ["Recep Akdağ"]),
    # Karahan appointed on 3 February 2024 (Reuters via Devdiscourse; Bloomberg); Erkan from
    # 9 June 2023 (Bloomberg via wn.com); Kavcıoğlu from 20 March 2021 (Hürriyet Daily News/AA).
    ("central bank governor", "Turkey", "2024-03-01", ["Fatih Karahan"]),
    ("CBRT governor", "Turkey", "2023-10-01", ["Hafize Gaye Erkan"]),
    ("Turkish central bank governor", "Turkey", "2022-01-01", ["Şahap Kavcıoğlu"]),
    # Başçı acting after Serdengeçti's term ended on 14 March 2006 (Reuters via Kathimerini);
    # Yılmaz's term ran to 18 April 2011, not the 13th Wikidata gives (bne IntelliNews).
    ("central bank governor", "Turkey", "2006-04-01", ["Erdem Başçı"]),
    ("central bank governor", "Turkey", "2011-04-15", ["Durmuş Yılmaz"]),
    # --- Saudi Arabia ---
    # Khalid bin Salman named defence minister on 27 September 2022 (SPA via Daily Pakistan).
    ("defence minister", "Saudi Arabia", "2022-06-01", ["Mohammed bin Salman"]),
    ("defense minister", "Saudi Arabia", "2023-01-01", ["Khalid bin Salman Al Saud"]),
    # Salman appointed on 5 November 2011 (BBC; AFP via Energy Daily).
    ("defence minister", "Saudi", "2013-01-01", ["Salman bin Abdulaziz Al Saud"]),
    # Al-Jadaan replaced al-Assaf on 31 October 2016 (MEES; Bloomberg via Straits Times).
    ("finance minister", "Saudi Arabia", "2016-06-01", ["Ibrahim Abdulaziz Al-Assaf"]),
    ("finance minister", "Saudi Arabia", "2017-01-01", ["Mohammed Al-Jadaan"]),
    # Mohammed bin Nayef from 5 November 2012 (Saudi Gazette/SPA; BBC), his nephew from
    # 21 June 2017 (Arab News).
    ("interior minister", "Saudi Arabia", "2012-08-01", ["Ahmed bin Abdulaziz Al Saud"]),
    ("interior minister", "Saudi Arabia", "2016-01-01", ["Mohammed bin Nayef"]),
    ("interior minister", "Saudi Arabia", "2020-01-01", ["Abdulaziz bin Saud bin Nayef Al Saud"]),
    # Al-Issa from 14 February 2009 (Arab News), al-Samaani from 29 January 2015 (MEED).
    ("justice minister", "Saudi Arabia", "2010-01-01", ["Mohammed Al-Issa"]),
    ("justice minister", "Saudi Arabia", "2025-01-01", ["Walid Al-Samaani"]),
    # Fakeih acting from 21 April 2014 (the royal order); AlJalajel from 15 October 2021
    # (Reuters via Khaleej Times).
    ("health minister", "Saudi Arabia", "2014-06-01", ["Adel Fakeih"]),
    ("health minister", "Saudi Arabia", "2020-01-01", ["Tawfiq Al-Rabiah"]),
    ("health minister", "Saudi Arabia", "2022-01-01", ["Fahad AlJalajel"]),
    # Al-Kholifey from 7 May 2016 (AFP via Deccan Chronicle); Al-Mubarak again from 24 January
    # 2021 (Bloomberg via Mugtama); Ayman Al-Sayari from 3 February 2023 (Nabaa TV).
    ("SAMA governor", "Saudi Arabia", "2018-01-01", ["Ahmed Al-Kholifey"]),
    ("central bank governor", "Saudi Arabia", "2022-01-01", ["Fahad Al-Mubarak"]),
    ("Saudi central bank governor", "Saudi Arabia", "2024-01-01", ["Ayman Al-Sayari"]),
    # --- Indonesia ---
    # Purbaya sworn in on 8 September 2025 (Asia News Network; Detik); Sri Mulyani kept in
    # Prabowo's cabinet of 21 October 2024 (Asia News Network).
    ("finance minister", "Indonesia", "2025-06-01", ["Sri Mulyani Indrawati"]),
    ("finance minister", "Indonesia", "2025-10-01", ["Purbaya Yudhi Sadewa"]),
    # Hatta Rajasa acting from 19 April 2013, Chatib Basri sworn in on 21 May (Antara via Yahoo).
    ("finance minister", "Indonesian", "2013-05-01", ["Hatta Rajasa"]),
    ("home affairs minister", "Indonesia", "2025-01-01", ["Tito Karnavian"]),
    ("interior minister", "Indonesia", "2010-01-01", ["Gamawan Fauzi"]),
    # Widodo Adi Sutjipto ad interim during Ma'ruf's illness until Yudhoyono ended Ma'ruf's term
    # on 28 August 2007; Mardiyanto followed (Antara; VOI).
    ("home affairs minister", "Indonesia", "2007-06-01", ["Mohammad Ma'ruf", "Widodo Adi Sutjipto"]),
    ("home affairs minister", "Indonesia", "2008-01-01", ["Mardiyanto"]),
    # Sjafrie sworn in with Prabowo's cabinet on 21 October 2024 (Republika; Arab News).
    ("defence minister", "Indonesia", "2024-06-01", ["Prabowo Subianto"]),
    ("defense minister", "Indonesia", "2025-01-01", ["Sjafrie Sjamsoeddin"]),
    # Supratman sworn in on 19 August 2024 (VOI); Tjahjo acting from 1 October 2019 (Bisnis).
    ("law minister", "Indonesia", "2024-09-01", ["Supratman Andi Agtas"]),
    ("justice minister", "Indonesia", "2019-10-10", ["Tjahjo Kumolo"]),
    ("law minister", "Indonesia", "2022-01-01", ["Yasonna Laoly"]),
    # Lopa 9 February to 2 June 2001 (Antara via Republika; The Jakarta Post).
    ("justice minister", "Indonesia", "2001-04-01", ["Baharuddin Lopa"]),
    # Budi Gunadi sworn in on 23 December 2020 (The Straits Times).
    ("health minister", "Indonesia", "2020-06-01", ["Terawan Agus Putranto"]),
    ("health minister", "Indonesia", "2021-06-01", ["Budi Gunadi Sadikin"]),
    # Miranda Goeltom acting from 16 May 2009 (Viva; Antara); Darmin acting from 27 July 2009
    # (Republika); Perry Warjiyo from 24 May 2018 (Wikidata).
    ("BI governor", "Indonesia", "2009-06-01", ["Miranda Goeltom"]),
    ("central bank governor", "Indonesia", "2010-01-01", ["Darmin Nasution"]),
    ("Bank Indonesia governor", "Indonesia", "2024-01-01", ["Perry Warjiyo"]),
    # --- China ---
    # Lan Fo'an for Liu Kun on 24 October 2023 (Xinhua via India TV); Xie Xuren for Jin Renqing
    # on 30 August 2007 (Xinhua via China Daily).
    ("finance minister", "China", "2023-06-01", ["Liu Kun"]),
    ("finance minister", "China", "2024-01-01", ["Lan Fo'an"]),
    ("finance minister", "Chinese", "2007-09-15", ["Xie Xuren"]),
    # Wang Xiaohong from 24 June 2022 (Reuters via Devdiscourse); Meng Jianzhu from 28 October
    # 2007 (China Daily via China.org).
    ("Public Security Minister", "China", "2022-01-01", ["Zhao Kezhi"]),
    ("public security minister", "China", "2023-01-01", ["Wang Xiaohong"]),
    ("interior minister", "China", "2010-01-01", ["Meng Jianzhu"]),
    # Li Shangfu removed on 24 October 2023, Dong Jun appointed on 29 December (Xinhua via TRT):
    # no holder in between.
    ("defence minister", "China", "2023-06-01", ["Li Shangfu"]),
    ("defense minister", "China", "2024-01-15", ["Dong Jun"]),
    # He Rong for Tang Yijun on 24 February 2023 (Xinhua via People's Daily).
    ("justice minister", "China", "2022-06-01", ["Tang Yijun"]),
    ("justice minister", "China", "2023-06-01", ["He Rong"]),
    # Wu Yi from 26 April 2003 (Xinhua via China.org); Chen Zhu from 29 June 2007 (the NPC's
    # notice); Lei Haichao from 28 June 2024 (Reuters via Devdiscourse).
    ("health minister", "China", "2004-01-01", ["Wu Yi"]),
    ("health minister", "China", "2010-01-01", ["Chen Zhu"]),
    ("health minister", "China", "2024-08-01", ["Lei Haichao"]),
    # Pan Gongsheng for Yi Gang on 25 July 2023 (Global Times; AP via The Hindu).
    ("PBOC governor", "China", "2023-06-01", ["Yi Gang"]),
    ("central bank governor", "China", "2024-01-01", ["Pan Gongsheng"]),
])
def test_who_held_the_post(linter, title, country, on, names):
    assert holders(linter, title, country, on) == names


def test_a_vacancy_has_no_holder(linter):
    # Between Li Shangfu's removal (24 October 2023) and Dong Jun's appointment (29 December).
    assert who(linter, "defence minister", "China", dt.date(2023, 11, 15)) == [
        "Minister of National Defense of China: no holder on 2023-11-15"]


def lint(linter, body: str, date: str) -> list[tuple[str, int, int, str]]:
    source = f"---\ndate: {date}\n---\n{body}\n"
    return [(*positions([f], source)[0], f.message) for f in linter.lint("a.md", source)]


@pytest.mark.parametrize("body, date, expected", [
    # Güler succeeded Akar on 3 June 2023 (Rudaw; Xinhua via Ahram Online).
    ("Turkish Defence Minister Hulusi Akar visited the troops.", "2024-03-01",
     ("title-mismatch", 4, 1, "Hulusi Akar left the office of Minister of National Defence of Turkey "
      "on 2023-06-03; on 2024-03-01 it was held by Yaşar Güler.")),
    # AlJalajel succeeded Tawfiq Al-Rabiah on 15 October 2021 (Reuters via Khaleej Times).
    ("Saudi Health Minister Tawfiq Al-Rabiah opened a hospital.", "2023-03-01",
     ("title-mismatch", 4, 1, "Tawfiq Al-Rabiah left the office of Minister of Health of Saudi Arabia "
      "on 2021-10-15; on 2023-03-01 it was held by Fahad AlJalajel.")),
    # Purbaya succeeded Sri Mulyani on 8 September 2025 (Asia News Network; Detik).
    ("Indonesian Finance Minister Sri Mulyani Indrawati spoke in Jakarta.", "2025-10-01",
     ("title-mismatch", 4, 1, "Sri Mulyani Indrawati left the office of Minister of Finance of "
      "Indonesia on 2025-09-08; on 2025-10-01 it was held by Purbaya Yudhi Sadewa.")),
    # Dong Jun succeeded Li Shangfu on 29 December 2023 (Xinhua via TRT).
    ("Chinese Defence Minister Li Shangfu met his counterparts.", "2024-03-01",
     ("title-mismatch", 4, 1, "Li Shangfu left the office of Minister of National Defense of China "
      "on 2023-10-24; on 2024-03-01 it was held by Dong Jun.")),
    # While the post was vacant only title-unverified can be said.
    ("Chinese Defence Minister Li Shangfu met his counterparts.", "2023-11-15",
     ("title-unverified", 4, 1, "Cannot confirm 'Chinese Defence Minister Li Shangfu': the knowledge "
      "base does not show Li Shangfu as Minister of National Defense of China on 2023-11-15.")),
])
def test_a_former_holder_is_reported(linter, body, date, expected):
    assert lint(linter, body, date) == [expected]


@pytest.mark.parametrize("body, date", [
    ("Turkish Defence Minister Yaşar Güler visited the troops.", "2024-03-01"),
    # Şimşek held the finance ministry twice; the title is right in both terms.
    ("Turkish Finance Minister Mehmet Simsek spoke in Ankara.", "2012-05-01"),
    ("Turkish Finance Minister Mehmet Simsek spoke in Ankara.", "2024-05-01"),
    # Ağbal was finance minister, then central bank governor.
    ("Former Finance Minister Naci Agbal, now Turkey's central bank governor, spoke.", "2021-01-10"),
    ("Saudi Interior Minister Prince Abdulaziz bin Saud met police chiefs.", "2023-03-01"),
    ("Saudi Finance Minister Mohammed Al-Jadaan spoke in Riyadh.", "2023-03-01"),
    # An acting minister is the minister too.
    ("Saudi Health Minister Adel Fakeih spoke about MERS.", "2014-06-01"),
    ("Finance Minister Purbaya Yudhi Sadewa spoke in Jakarta, Indonesia.", "2025-10-01"),
    # Both the minister and the acting minister are right while the acting term runs.
    ("Indonesian Home Affairs Minister Mohammad Ma'ruf met governors.", "2007-05-01"),
    ("Indonesian Law Minister Yasonna Laoly spoke in Jakarta.", "2022-01-01"),
    ("Chinese Defence Minister Dong Jun met his counterparts.", "2024-03-01"),
    ("PBOC Governor Pan Gongsheng spoke in Beijing, China.", "2024-03-01"),
    # A Chinese surname alone is not read as a minister's name.
    ("Chinese Finance Minister Lan Fo'an met Li, a trader.", "2024-03-01"),
])
def test_right_titles_raise_nothing(linter, body, date):
    assert lint(linter, body, date) == []
