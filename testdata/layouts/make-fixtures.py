#!/usr/bin/env python3
"""Write the synthetic national-export fixtures of testdata/layouts/.

One small export per country, in the layout its profile (profiles/*.json)
documents: national-language column names, national date formats,
delimiters and encodings.  Every person, case and identifier is invented;
the national identifiers carry valid check digits (identifiers.md).

    python3 testdata/layouts/make-fixtures.py [OUTDIR]

OUTDIR defaults to the directory of this script.  The output is
deterministic: running it twice gives byte-identical files (the RO zip
archive included: its members get a fixed time stamp).
"""

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

# ---- national identifiers with valid check digits ---------------------


def egn(yyyy, mm, dd, seq, female):
    """BG EGN: YYMMDD SSS C; month +40 for 2000s; 9th digit odd = female."""
    m = mm + 40 if yyyy >= 2000 else mm
    seq = seq - seq % 2 + (1 if female else 0)
    d = "%02d%02d%02d%03d" % (yyyy % 100, m, dd, seq)
    w = [2, 4, 8, 5, 10, 9, 7, 3, 6]
    return d + str(sum(int(a) * b for a, b in zip(d, w)) % 11 % 10)


def pesel(yyyy, mm, dd, seq, female):
    """PL PESEL: YYMMDD ZZZ S C; month +20 for 2000s; S even = female."""
    m = mm + 20 if yyyy >= 2000 else mm
    s = (seq % 5) * 2 + (0 if female else 1)
    d = "%02d%02d%02d%03d%d" % (yyyy % 100, m, dd, seq % 1000, s)
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return d + str((10 - sum(int(a) * b for a, b in zip(d, w)) % 10) % 10)


def cnp(yyyy, mm, dd, county, seq, female):
    """RO CNP: S YYMMDD JJ NNN C; S 1/2 = 1900s, 5/6 = 2000s."""
    s = (5 if yyyy >= 2000 else 1) + (1 if female else 0)
    d = "%d%02d%02d%02d%02d%03d" % (s, yyyy % 100, mm, dd, county, seq)
    w = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]
    c = sum(int(a) * b for a, b in zip(d, w)) % 11
    return d + str(1 if c == 10 else c)


def hetu(yyyy, mm, dd, seq, female):
    """FI HETU: DDMMYY sign ZZZ check; ZZZ even = female."""
    sign = "A" if yyyy >= 2000 else "-"
    z = seq - seq % 2 + (0 if female else 1)
    body = "%02d%02d%02d%03d" % (dd, mm, yyyy % 100, z)
    chk = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(body) % 31]
    return "%s%s%03d%s" % (body[:6], sign, z, chk)


def luhn_digit(d):
    s = 0
    for i, ch in enumerate(reversed(d)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        s += v
    return str((10 - s % 10) % 10)


def amka(yyyy, mm, dd, seq, female):
    """GR AMKA: DDMMYY + 4 digits + Luhn; 10th digit odd = male."""
    seq = seq - seq % 2 + (0 if female else 1)
    d = "%02d%02d%02d%04d" % (dd, mm, yyyy % 100, seq)
    return d + luhn_digit(d)


def rrn(yyyy, mm, dd, seq, female):
    """BE rijksregisternummer / numéro national: YY.MM.DD-SSS.CC."""
    seq = seq - seq % 2 + (0 if female else 1)
    d = "%02d%02d%02d%03d" % (yyyy % 100, mm, dd, seq)
    base = int(("2" if yyyy >= 2000 else "") + d)
    c = 97 - base % 97
    return "%s.%s.%s-%s.%02d" % (d[0:2], d[2:4], d[4:6], d[6:9], c)


def nif(first8):
    """PT NIF: 9 digits, weights 9..2, r = sum mod 11, C = 0 if r < 2."""
    r = sum(int(a) * w for a, w in zip(first8, range(9, 1, -1))) % 11
    return first8 + str(0 if r < 2 else 11 - r)


CF_ODD = {
    **dict(zip("0123456789", [1, 0, 5, 7, 9, 13, 15, 17, 19, 21])),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6,
                8, 12, 14, 16, 10, 22, 25, 24, 23])),
}


def _letters(s):
    s = unicodedata.normalize("NFD", s.upper())
    return [c for c in s if "A" <= c <= "Z"]


def codice_fiscale(family, given, yyyy, mm, dd, female, place):
    """IT codice fiscale (16 characters) with its check letter."""
    def split(s):
        ls = _letters(s)
        return ([c for c in ls if c not in "AEIOU"],
                [c for c in ls if c in "AEIOU"])
    cons, vow = split(family)
    sur = "".join((cons + vow + ["X"] * 3)[:3])
    cons, vow = split(given)
    if len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    nam = "".join((cons + vow + ["X"] * 3)[:3])
    body = "%s%s%02d%s%02d%s" % (sur, nam, yyyy % 100, "ABCDEHLMPRST"[mm - 1],
                                 dd + (40 if female else 0), place)
    s = 0
    for i, ch in enumerate(body):
        if i % 2 == 0:
            s += CF_ODD[ch]
        else:
            s += int(ch) if ch.isdigit() else ord(ch) - ord("A")
    return body + chr(ord("A") + s % 26)


# ---- writers ----------------------------------------------------------


def write_csv(path, header, rows, delimiter, encoding, crlf, bom=False):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter,
                   lineterminator="\r\n" if crlf else "\n",
                   quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        missing = [k for k in r if k not in header]
        if missing:
            raise SystemExit("%s: columns not in the header: %s" %
                             (path, missing))
        w.writerow([r.get(h, "") for h in header])
    data = buf.getvalue()
    with open(path, "w", encoding=encoding, newline="") as f:
        if bom:
            f.write("\ufeff")
        f.write(data)


def write_ndjson(path, objs):
    with open(path, "w", encoding="utf-8", newline="") as f:
        for o in objs:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")


# ---- BE: Parquet de Bruxelles (French, ';', UTF-8 with BOM, CRLF) -----

BE_HEADER = [
    "Numéro de notice", "Date d'ouverture", "Faits du", "Faits au",
    "État du dossier", "Qualifications", "Formes d'exploitation",
    "Mode de recrutement", "Moyens de contrainte", "Pays d'origine",
    "Pays de transit", "Pays de destination",
    "Victime - Nom", "Victime - Prénom", "Victime - Date de naissance",
    "Victime - Sexe", "Victime - Nationalité", "Victime - Numéro national",
    "Victime - GSM", "Victime - Adresse", "Victime - Code postal",
    "Victime - Commune", "Victime - Province", "Victime - Pays",
]
for _n in (1, 2, 3):
    BE_HEADER += ["Suspect %d - %s" % (_n, c) for c in (
        "Nom", "Prénom", "Date de naissance", "Sexe", "Nationalité",
        "Rôle", "Passeport", "GSM", "A recruté", "A transporté",
        "A exploité")]
BE_HEADER += [
    "Recrutement - Date", "Recrutement - Lieu", "Recrutement - Pays",
    "Exploitation - Date", "Exploitation - Adresse",
    "Exploitation - Commune", "Exploitation - Pays",
    "Exploitation - Description", "Résumé des faits",
]


def be_suspect(n, nom, prenom, dob, sexe, nat, role, passeport, gsm,
               rec, tra, exp):
    p = "Suspect %d - " % n
    return {p + "Nom": nom, p + "Prénom": prenom,
            p + "Date de naissance": dob, p + "Sexe": sexe,
            p + "Nationalité": nat, p + "Rôle": role,
            p + "Passeport": passeport, p + "GSM": gsm,
            p + "A recruté": rec, p + "A transporté": tra,
            p + "A exploité": exp}


def be_rows():
    rows = []
    r = {
        "Numéro de notice": "BR.37.L8.004512/23",
        "Date d'ouverture": "14/03/2023",
        "Faits du": "01/09/2022", "Faits au": "28/02/2023",
        "État du dossier": "à l'instruction",
        "Qualifications": "art. 433quinquies §1er, 1° C.pén. | "
                          "art. 433septies, 1° C.pén.",
        "Formes d'exploitation": "exploitation sexuelle",
        "Mode de recrutement": "loverboy",
        "Moyens de contrainte": "violences physiques, confiscation des "
                                "gains, isolement",
        "Pays d'origine": "Roumanie", "Pays de transit": "Allemagne",
        "Pays de destination": "Belgique",
        "Victime - Nom": "Vasilescu", "Victime - Prénom": "Ioana Maria",
        "Victime - Date de naissance": "17/06/2007",
        "Victime - Sexe": "F", "Victime - Nationalité": "roumaine",
        "Victime - Numéro national": "",
        "Victime - GSM": "+40 744 210 387",
        "Victime - Adresse": "Strada Morilor 12",
        "Victime - Code postal": "550003", "Victime - Commune": "Sibiu",
        "Victime - Province": "Sibiu", "Victime - Pays": "Roumanie",
        "Recrutement - Date": "09/2022", "Recrutement - Lieu": "Sibiu",
        "Recrutement - Pays": "Roumanie",
        "Exploitation - Date": "03/11/2022",
        "Exploitation - Adresse": "Rue d'Aerschot 41",
        "Exploitation - Commune": "Schaerbeek",
        "Exploitation - Pays": "Belgique",
        "Exploitation - Description": "Vitrine louée au nom d'un tiers, "
                                      "présence quotidienne de 18h à 4h.",
        "Résumé des faits": "La mineure a été séduite par S1 qui lui a "
                            "promis une vie commune à Bruxelles. Arrivée "
                            "via Munich, elle a été placée en vitrine; les "
                            "gains étaient remis à S2.",
    }
    r.update(be_suspect(1, "Stoica", "Marian", "02/02/1996", "M",
                        "roumaine", "recruteur", "058812334",
                        "0470 55 12 89", "oui", "oui", "non"))
    r.update(be_suspect(2, "Dumont", "Kevin", "21/11/1988", "M", "belge",
                        "exploitant", "EN123456", "0486 77 01 23",
                        "non", "non", "oui"))
    rows.append(r)
    rows.append({
        "Numéro de notice": "BR.37.L8.011877/23",
        "Date d'ouverture": "02/08/2023",
        "Faits du": "15/05/2023", "Faits au": "31/07/2023",
        "État du dossier": "information en cours",
        "Qualifications": "art. 433quinquies §1er, 3° C.pén.",
        "Formes d'exploitation": "mendicité",
        "Mode de recrutement": "membre de la famille",
        "Moyens de contrainte": "confiscation des gains, menaces",
        "Pays d'origine": "Bulgarie",
        "Pays de transit": "Serbie, Hongrie, Autriche, Allemagne",
        "Pays de destination": "Belgique",
        "Victime - Nom": "Asenov", "Victime - Prénom": "Georgi",
        "Victime - Date de naissance": "05/01/2012",
        "Victime - Sexe": "M", "Victime - Nationalité": "bulgare",
        "Victime - Commune": "Sliven", "Victime - Pays": "Bulgarie",
        "Recrutement - Date": "05/2023", "Recrutement - Lieu": "Sliven",
        "Recrutement - Pays": "Bulgarie",
        "Exploitation - Date": "12/06/2023",
        "Exploitation - Adresse": "Boulevard Anspach",
        "Exploitation - Commune": "Bruxelles",
        "Exploitation - Pays": "Belgique",
        "Exploitation - Description": "Mendicité aux feux rouges, "
                                      "recette journalière exigée.",
        "Résumé des faits": "Enfant amené par son oncle (S1) et contraint "
                            "à mendier dans le centre de Bruxelles.",
        **be_suspect(1, "Asenov", "Hristo", "11/04/1979", "M", "bulgare",
                     "transporteur", "381922047", "+359 88 412 7730",
                     "oui", "oui", "oui"),
    })
    r = {
        "Numéro de notice": "NI.37.L2.000931/24",
        "Date d'ouverture": "22/01/2024",
        "Faits du": "01/06/2023", "Faits au": "15/01/2024",
        "État du dossier": "renvoi devant le tribunal",
        "Qualifications": "art. 433quinquies §1er, 1° C.pén. | "
                          "art. 433septies, 1° et 6° C.pén. | "
                          "art. 380 §1er C.pén.",
        "Formes d'exploitation": "exploitation sexuelle",
        "Mode de recrutement": "réseaux sociaux",
        "Moyens de contrainte": "menaces, servitude pour dettes, "
                                "stupéfiants",
        "Pays d'origine": "Belgique", "Pays de destination": "Belgique",
        "Victime - Nom": "Lambert", "Victime - Prénom": "Chloé",
        "Victime - Date de naissance": "30/09/2008",
        "Victime - Sexe": "F", "Victime - Nationalité": "belge",
        "Victime - Numéro national": rrn(2008, 9, 30, 164, True),
        "Victime - GSM": "0472 18 90 55",
        "Victime - Adresse": "Rue de la Station 7",
        "Victime - Code postal": "5000", "Victime - Commune": "Namur",
        "Victime - Province": "Namur", "Victime - Pays": "Belgique",
        "Recrutement - Date": "06/2023", "Recrutement - Lieu": "Namur",
        "Recrutement - Pays": "Belgique",
        "Exploitation - Date": "08/2023",
        "Exploitation - Adresse": "Hôtel, chaussée de Louvain",
        "Exploitation - Commune": "Evere",
        "Exploitation - Pays": "Belgique",
        "Exploitation - Description": "Rendez-vous fixés par annonces "
                                      "en ligne; chambres réservées par S2.",
        "Résumé des faits": "Contactée sur Snapchat, la jeune fille a été "
                            "rendue dépendante puis prostituée dans des "
                            "hôtels; une dette fictive de 2 000 EUR lui "
                            "était opposée.",
    }
    r.update(be_suspect(1, "El Amrani", "Yassine", "07/07/2001", "M",
                        "belge", "recruteur", "", "0465 90 33 21",
                        "oui", "non", "oui"))
    r.update(be_suspect(2, "Peeters", "Jonas", "19/12/1999", "M", "belge",
                        "prévenu", "", "0499 45 67 12", "non", "oui",
                        "non"))
    r.update(be_suspect(3, "Mertens", "Laura", "03/03/2003", "F", "belge",
                        "exploitant", "", "", "non", "non", "oui"))
    rows.append(r)
    rows.append({
        "Numéro de notice": "BR.37.L8.002210/22",
        "Date d'ouverture": "10/02/2022",
        "Faits du": "01/2021", "Faits au": "12/2021",
        "État du dossier": "classé sans suite",
        "Qualifications": "art. 433quinquies §1er, 3° C.pén.",
        "Formes d'exploitation": "travail forcé, servitude domestique",
        "Mode de recrutement": "fausse offre d'emploi",
        "Moyens de contrainte": "confiscation des documents",
        "Pays d'origine": "Maroc", "Pays de transit": "Espagne, France",
        "Pays de destination": "Belgique",
        "Victime - Nom": "Benali", "Victime - Prénom": "Samira",
        "Victime - Date de naissance": "2006",
        "Victime - Sexe": "F", "Victime - Nationalité": "marocaine",
        "Victime - Commune": "Anderlecht", "Victime - Pays": "Belgique",
        "Recrutement - Lieu": "Tanger", "Recrutement - Pays": "Maroc",
        "Exploitation - Commune": "Anderlecht",
        "Exploitation - Pays": "Belgique",
        "Résumé des faits": "Travail domestique non rémunéré chez un "
                            "couple; passeport retenu. Faits non établis.",
        **be_suspect(1, "Haddad", "Rachid", "1970", "M", "marocaine",
                     "exploitant", "", "", "non", "non", "oui"),
    })
    return rows


# ---- BG: Prosecutor's Office UIS (Bulgarian, ';', windows-1251, CRLF) -

BG_HEADER = [
    "Прокуратура", "Преписка №", "Дата на образуване", "Период от",
    "Период до", "Статус", "Престъпления", "Вид експлоатация",
    "Начин на вербуване", "Средства за контрол", "Държава на произход",
    "Транзитни държави", "Държава на експлоатация",
    "Пострадал - Име", "Пострадал - Презиме", "Пострадал - Фамилия",
    "Пострадал - ЕГН", "Пострадал - Дата на раждане", "Пострадал - Пол",
    "Пострадал - Гражданство", "Пострадал - Телефон",
    "Пострадал - Адрес", "Пострадал - Населено място",
    "Пострадал - Област", "Пострадал - Държава",
]
for _n in (1, 2, 3):
    BG_HEADER += ["Обвиняем %d - %s" % (_n, c) for c in (
        "Име", "Презиме", "Фамилия", "ЕГН", "Дата на раждане", "Пол",
        "Гражданство", "Телефон", "Роля", "Вербувал", "Превозвал",
        "Експлоатирал")]
BG_HEADER += [
    "Вербуване - Дата", "Вербуване - Населено място",
    "Вербуване - Област", "Вербуване - Държава",
    "Експлоатация - Дата", "Експлоатация - Адрес",
    "Експлоатация - Населено място", "Експлоатация - Държава",
    "Експлоатация - Описание", "Фабула",
]


def bg_suspect(n, ime, prezime, familia, egn_, dob, pol, graj, tel, rolia,
               verb, prev, expl):
    p = "Обвиняем %d - " % n
    return {p + "Име": ime, p + "Презиме": prezime, p + "Фамилия": familia,
            p + "ЕГН": egn_, p + "Дата на раждане": dob, p + "Пол": pol,
            p + "Гражданство": graj, p + "Телефон": tel, p + "Роля": rolia,
            p + "Вербувал": verb, p + "Превозвал": prev,
            p + "Експлоатирал": expl}


def bg_rows():
    rows = []
    r = {
        "Прокуратура": "Софийска градска прокуратура",
        "Преписка №": "12873/2023",
        "Дата на образуване": "21.04.2023 г.",
        "Период от": "01.10.2022", "Период до": "15.03.2023",
        "Статус": "висящо",
        "Престъпления": "чл. 159а, ал. 2, т. 1 НК; чл. 159б, ал. 1 НК",
        "Вид експлоатация": "сексуална експлоатация",
        "Начин на вербуване": "лавърбой",
        "Средства за контрол": "отнети документи; физическо насилие; "
                               "отнемане на доходите",
        "Държава на произход": "България",
        "Транзитни държави": "Румъния; Унгария; Австрия",
        "Държава на експлоатация": "Германия",
        "Пострадал - Име": "Цветелина", "Пострадал - Презиме": "Асенова",
        "Пострадал - Фамилия": "Стоянова",
        "Пострадал - ЕГН": egn(2007, 5, 14, 446, True),
        "Пострадал - Дата на раждане": "14.05.2007",
        "Пострадал - Пол": "Ж", "Пострадал - Гражданство": "българско",
        "Пострадал - Телефон": "0887 123 456",
        "Пострадал - Адрес": "ж.к. Надежда, бл. 12, вх. Б",
        "Пострадал - Населено място": "Сливен",
        "Пострадал - Област": "Сливен", "Пострадал - Държава": "България",
        "Вербуване - Дата": "10.2022",
        "Вербуване - Населено място": "Сливен",
        "Вербуване - Област": "Сливен", "Вербуване - Държава": "България",
        "Експлоатация - Дата": "12.12.2022",
        "Експлоатация - Адрес": "ул. Курфюрстенщрасе",
        "Експлоатация - Населено място": "Берлин",
        "Експлоатация - Държава": "Германия",
        "Експлоатация - Описание": "Улична проституция, нощни смени, "
                                   "приходите се предават на О2.",
        "Фабула": "Пострадалата е запознала с О1 в социалните мрежи; той "
                  "и обещал брак и я превозил с лек автомобил до Берлин, "
                  "където е била принудена да проституира.\n"
                  "Документите и са отнети от О2.",
    }
    r.update(bg_suspect(1, "Иван", "Петров", "Колев", egn(1994, 3, 2, 117,
                        False), "02.03.1994", "М", "българско",
                        "+359 88 765 4321", "вербовчик", "да", "да", "не"))
    r.update(bg_suspect(2, "Ion", "", "Popescu", "", "1989", "М",
                        "румънско", "+40 722 123 456", "експлоататор",
                        "не", "не", "да"))
    rows.append(r)
    rows.append({
        "Прокуратура": "Окръжна прокуратура - Варна",
        "Преписка №": "3345/2023",
        "Дата на образуване": "07.07.2023",
        "Период от": "01.03.2023", "Период до": "30.06.2023",
        "Статус": "внесен обвинителен акт",
        "Престъпления": "чл. 159а, ал. 1 НК",
        "Вид експлоатация": "принудителен труд",
        "Начин на вербуване": "фалшива обява за работа",
        "Средства за контрол": "дългово робство; заплахи",
        "Държава на произход": "България",
        "Държава на експлоатация": "България",
        "Пострадал - Име": "Мартин", "Пострадал - Презиме": "Георгиев",
        "Пострадал - Фамилия": "Илиев",
        "Пострадал - ЕГН": egn(2008, 11, 3, 220, False),
        "Пострадал - Дата на раждане": "03.11.2008",
        "Пострадал - Пол": "М", "Пострадал - Гражданство": "България",
        "Пострадал - Населено място": "Шумен",
        "Пострадал - Област": "Шумен", "Пострадал - Държава": "България",
        "Вербуване - Дата": "01.03.2023",
        "Вербуване - Населено място": "Шумен",
        "Вербуване - Държава": "България",
        "Експлоатация - Дата": "04.2023",
        "Експлоатация - Населено място": "Варна",
        "Експлоатация - Държава": "България",
        "Експлоатация - Описание": "Работа на строеж без заплащане, "
                                   "по 12 часа на ден.",
        "Фабула": "Момчето е отговорило на обява за сезонна работа.",
        **bg_suspect(1, "Стефан", "Димитров", "Русев",
                     egn(1981, 8, 19, 330, False), "19.08.1981", "М",
                     "българско", "0899 555 010", "вербовчик", "да", "не",
                     "да"),
    })
    r = {
        "Прокуратура": "Районна прокуратура - Пловдив",
        "Преписка №": "901/2024",
        "Дата на образуване": "15.01.2024",
        "Период от": "01.2023", "Период до": "12.2023",
        "Статус": "спряно",
        "Престъпления": "чл. 159а, ал. 2, т. 1 НК; чл. 182б НК",
        "Вид експлоатация": "принудителен брак",
        "Начин на вербуване": "продажба от семейството",
        "Средства за контрол": "заплахи към семейството",
        "Държава на произход": "България",
        "Държава на експлоатация": "Гърция",
        "Пострадал - Име": "Рамадана", "Пострадал - Фамилия": "Мехмедова",
        "Пострадал - ЕГН": egn(2010, 2, 27, 58, True),
        "Пострадал - Дата на раждане": "27.02.2010",
        "Пострадал - Пол": "Ж", "Пострадал - Гражданство": "българско",
        "Пострадал - Населено място": "Пловдив",
        "Пострадал - Област": "Пловдив", "Пострадал - Държава": "България",
        "Вербуване - Населено място": "Пловдив",
        "Вербуване - Държава": "България",
        "Експлоатация - Населено място": "Ксанти",
        "Експлоатация - Държава": "Гърция",
        "Фабула": "Сделка за брак между семействата срещу пари.",
    }
    r.update(bg_suspect(1, "Али", "Мустафов", "Салиев",
                        egn(1975, 6, 1, 502, False), "01.06.1975", "М",
                        "българско", "", "обвиняем", "да", "не", "не"))
    r.update(bg_suspect(2, "Сабри", "", "Хасанов", "", "", "М", "гръцко",
                        "", "съучастник", "не", "да", "не"))
    r.update(bg_suspect(3, "Есин", "", "Хасанова", "", "", "Ж", "гръцко",
                        "", "експлоататор", "не", "не", "да"))
    rows.append(r)
    rows.append({
        "Прокуратура": "Софийска градска прокуратура",
        "Преписка №": "4410/2022",
        "Дата на образуване": "30.05.2022 г.",
        "Период от": "2021", "Период до": "2022",
        "Статус": "прекратено",
        "Престъпления": "чл. 159а, ал. 1 НК",
        "Вид експлоатация": "просия; кражби",
        "Начин на вербуване": "роднина",
        "Средства за контрол": "физическо насилие",
        "Държава на произход": "България",
        "Транзитни държави": "Сърбия",
        "Държава на експлоатация": "Австрия",
        "Пострадал - Име": "Емил", "Пострадал - Фамилия": "Костадинов",
        "Пострадал - Дата на раждане": "2011", "Пострадал - Пол": "М",
        "Пострадал - Гражданство": "българско",
        "Пострадал - Населено място": "Кюстендил",
        "Експлоатация - Населено място": "Виена",
        "Експлоатация - Държава": "Австрия",
        "Фабула": "Няма достатъчно доказателства.",
        **bg_suspect(1, "Васил", "", "Костадинов", "", "1985", "М",
                     "българско", "", "превозвач", "не", "да", "не"),
    })
    return rows


# ---- FI: Poliisi, NDJSON with nested persons (UTF-8) -----------------


def fi_person(etu, suku, synt, sp, kans, hetu_, puh, osoite=None,
              rooli=None, teot=None):
    p = {"etunimet": etu, "sukunimi": suku}
    if synt:
        p["syntymäaika"] = synt
    p["sukupuoli"] = sp
    p["kansalaisuus"] = kans
    if hetu_:
        p["henkilötunnus"] = hetu_
    if puh:
        p["puhelin"] = puh
    if osoite:
        p["osoite"] = osoite
    if rooli:
        p["rooli"] = rooli
    if teot is not None:
        p["teot"] = teot
    return p


def fi_objs():
    return [
        {
            "ilmoitusnumero": "5010/R/23417/23",
            "yksikkö": "Helsingin poliisilaitos",
            "kirjattu": "3.4.2023",
            "tekoaika": {"alku": "1.1.2023", "loppu": "28.3.2023"},
            "tila": "esitutkinnassa",
            "rikosnimikkeet": ["RL 25:3a törkeä ihmiskauppa",
                               "RL 20:8a lapsen seksuaalipalvelujen "
                               "ostaminen"],
            "hyväksikäyttö": ["seksuaalinen hyväksikäyttö"],
            "värväystapa": ["sosiaalinen media"],
            "kontrollikeinot": ["velkaorjuus", "uhkailu",
                                "ansioiden haltuunotto"],
            "reitti": {"lähtömaa": "Viro", "kauttakulku": [],
                       "kohdemaa": "Suomi"},
            "asianomistaja": fi_person(
                "Kertu Liis", "Tamm", "12.8.2007", "nainen", ["Viro"], "",
                "+372 5123 4567",
                {"katuosoite": "Pärnu mnt 22", "postinumero": "10141",
                 "postitoimipaikka": "Tallinna", "maakunta": "Harjumaa",
                 "maa": "Viro"}),
            "epäillyt": [
                fi_person("Mikko Juhani", "Laaksonen", "4.2.1990", "mies",
                          ["Suomi"], hetu(1990, 2, 4, 281, False),
                          "040 765 4321", rooli="värvääjä",
                          teot={"värväsi": True, "kuljetti": True,
                                "käytti hyväksi": False}),
                fi_person("Aleksei", "Ivanov", "", "mies", ["Venäjä"], "",
                          "+358 45 112 2334", rooli="hyväksikäyttäjä",
                          teot={"värväsi": False, "kuljetti": False,
                                "käytti hyväksi": True}),
            ],
            "tapahtumat": {
                "värväys": {"pvm": "1.1.2023", "paikkakunta": "Tallinna",
                            "maa": "Viro"},
                "hyväksikäyttö": {"pvm": "2.2023",
                                  "osoite": "Hotelli, Kaisaniemenkatu",
                                  "paikkakunta": "Helsinki",
                                  "maakunta": "Uusimaa", "maa": "Suomi",
                                  "kuvaus": "Seksin myyminen hotelleissa, "
                                            "asiakkaat sovittiin "
                                            "Telegramissa."},
            },
            "kuvaus": "Asianomistaja tutustui epäiltyyn Instagramissa ja "
                      "matkusti laivalla Helsinkiin. Hänelle kerrottiin "
                      "velasta, joka piti maksaa myymällä seksiä.",
        },
        {
            "ilmoitusnumero": "8310/R/4412/23",
            "yksikkö": "Keskusrikospoliisi",
            "kirjattu": "19.6.2023",
            "tekoaika": {"alku": "5.2023", "loppu": "6.2023"},
            "tila": "syyteharkinnassa",
            "rikosnimikkeet": ["RL 25:3 ihmiskauppa"],
            "hyväksikäyttö": ["pakkotyö"],
            "värväystapa": ["valetyötarjous"],
            "kontrollikeinot": ["asiakirjojen haltuunotto",
                                "pitkät työpäivät"],
            "reitti": {"lähtömaa": "Thaimaa", "kauttakulku": ["Ruotsi"],
                       "kohdemaa": "Suomi"},
            "asianomistaja": fi_person(
                "Somchai", "Wongsakul", "2.11.2006", "mies", ["Thaimaa"],
                "", "", {"postitoimipaikka": "Rovaniemi",
                         "maakunta": "Lappi", "maa": "Suomi"}),
            "epäillyt": [
                fi_person("Jari", "Heikkinen", "30.9.1971", "mies",
                          ["Suomi"], hetu(1971, 9, 30, 513, False),
                          "050 123 9876", rooli="hyväksikäyttäjä",
                          teot={"värväsi": True, "kuljetti": False,
                                "käytti hyväksi": True}),
            ],
            "tapahtumat": {
                "värväys": {"pvm": "5.2023", "paikkakunta": "Bangkok",
                            "maa": "Thaimaa"},
                "hyväksikäyttö": {"pvm": "6.2023",
                                  "paikkakunta": "Rovaniemi",
                                  "maakunta": "Lappi", "maa": "Suomi",
                                  "kuvaus": "Marjanpoiminta 14 tuntia "
                                            "päivässä ilman palkkaa."},
            },
            "kuvaus": "Marjanpoimintaan värvätty alaikäinen.",
        },
        {
            "ilmoitusnumero": "5010/R/1208/24",
            "yksikkö": "Helsingin poliisilaitos",
            "kirjattu": "22.1.2024",
            "tekoaika": {"alku": "11.2023", "loppu": "1.2024"},
            "tila": "siirretty syyttäjälle",
            "rikosnimikkeet": ["RL 25:3a törkeä ihmiskauppa"],
            "hyväksikäyttö": ["rikoksiin pakottaminen"],
            "värväystapa": ["tuttava"],
            "kontrollikeinot": ["huumausaineet", "väkivalta"],
            "reitti": {"lähtömaa": "Suomi", "kohdemaa": "Suomi"},
            "asianomistaja": fi_person(
                "Eetu Aleksi", "Nieminen", "17.3.2008", "mies", ["Suomi"],
                hetu(2008, 3, 17, 457, False), "044 901 2233",
                {"katuosoite": "Kontulankaari 5 B 20",
                 "postinumero": "00940", "postitoimipaikka": "Helsinki",
                 "maakunta": "Uusimaa", "maa": "Suomi"}),
            "epäillyt": [
                fi_person("Ville", "Korhonen", "8.6.2000", "mies",
                          ["Suomi"], hetu(2000, 6, 8, 119, False),
                          "041 554 6677", rooli="värvääjä",
                          teot={"värväsi": True, "kuljetti": False,
                                "käytti hyväksi": False}),
                fi_person("Oona", "Virtanen", "14.12.2001", "nainen",
                          ["Suomi"], hetu(2001, 12, 14, 208, True), "",
                          rooli="epäilty",
                          teot={"värväsi": False, "kuljetti": True,
                                "käytti hyväksi": False}),
                fi_person("Rami", "Salo", "1.1.1995", "mies", ["Suomi"],
                          hetu(1995, 1, 1, 331, False), "",
                          rooli="hyväksikäyttäjä",
                          teot={"värväsi": False, "kuljetti": False,
                                "käytti hyväksi": True}),
            ],
            "tapahtumat": {
                "värväys": {"pvm": "11.2023", "paikkakunta": "Helsinki",
                            "maa": "Suomi"},
                "hyväksikäyttö": {"pvm": "12.2023",
                                  "paikkakunta": "Vantaa",
                                  "maakunta": "Uusimaa", "maa": "Suomi",
                                  "kuvaus": "Huumeiden kuljettaminen "
                                            "velan maksamiseksi."},
            },
            "kuvaus": "Nuori pakotettiin välittämään huumeita velan "
                      "kuittaamiseksi.",
        },
        {
            "ilmoitusnumero": "6140/R/778/22",
            "yksikkö": "Oulun poliisilaitos",
            "kirjattu": "9.9.2022",
            "tekoaika": {"alku": "2022"},
            "tila": "päättynyt",
            "rikosnimikkeet": ["RL 25:3 ihmiskauppa"],
            "hyväksikäyttö": ["pakkoavioliitto"],
            "värväystapa": ["sukulainen"],
            "kontrollikeinot": ["perheen uhkailu"],
            "reitti": {"lähtömaa": "Suomi", "kohdemaa": "Suomi"},
            "asianomistaja": fi_person(
                "Amina", "Yusuf", "2009", "nainen", ["Somalia", "Suomi"],
                "", "", {"postitoimipaikka": "Oulu",
                         "maakunta": "Pohjois-Pohjanmaa", "maa": "Suomi"}),
            "epäillyt": [
                fi_person("Abdi", "Yusuf", "1978", "mies", ["Somalia"], "",
                          "", rooli="epäilty", teot={}),
            ],
            "tapahtumat": {},
            "kuvaus": "Esitutkinta lopetettu, ei näyttöä.",
        },
    ]


# ---- GR: Prosecutor's Office, TSV (Greek, windows-1253, CRLF) --------

GR_HEADER = [
    "Αριθμός ΑΒΜ", "Ημερομηνία καταχώρισης", "Χρόνος τέλεσης από",
    "Χρόνος τέλεσης έως", "Κατάσταση", "Αδικήματα",
    "Μορφή εκμετάλλευσης", "Τρόπος στρατολόγησης", "Μέσα ελέγχου",
    "Χώρα προέλευσης", "Χώρες διέλευσης", "Χώρα προορισμού",
    "Θύμα Επώνυμο", "Θύμα Όνομα", "Θύμα Πατρώνυμο", "Θύμα Ημ. γέννησης",
    "Θύμα Φύλο", "Θύμα Υπηκοότητα", "Θύμα ΑΜΚΑ", "Θύμα Τηλέφωνο",
    "Θύμα Διεύθυνση", "Θύμα ΤΚ", "Θύμα Πόλη", "Θύμα Περιφέρεια",
    "Θύμα Χώρα",
]
for _n in (1, 2, 3):
    GR_HEADER += ["Κατηγορούμενος %d %s" % (_n, c) for c in (
        "Επώνυμο", "Όνομα", "Ημ. γέννησης", "Φύλο", "Υπηκοότητα", "ΑΜΚΑ",
        "Αρ. διαβατηρίου", "Τηλέφωνο", "Ρόλος", "Στρατολόγησε",
        "Μετέφερε", "Εκμεταλλεύτηκε")]
GR_HEADER += [
    "Στρατολόγηση Ημερομηνία", "Στρατολόγηση Τόπος", "Στρατολόγηση Χώρα",
    "Εκμετάλλευση Ημερομηνία", "Εκμετάλλευση Διεύθυνση",
    "Εκμετάλλευση Τόπος", "Εκμετάλλευση Περιφέρεια", "Εκμετάλλευση Χώρα",
    "Εκμετάλλευση Περιγραφή", "Περίληψη",
]


def gr_suspect(n, epo, ono, dob, fylo, yp, amka_, pas, tel, rolos, st, met,
               ekm):
    p = "Κατηγορούμενος %d " % n
    return {p + "Επώνυμο": epo, p + "Όνομα": ono, p + "Ημ. γέννησης": dob,
            p + "Φύλο": fylo, p + "Υπηκοότητα": yp, p + "ΑΜΚΑ": amka_,
            p + "Αρ. διαβατηρίου": pas, p + "Τηλέφωνο": tel,
            p + "Ρόλος": rolos, p + "Στρατολόγησε": st,
            p + "Μετέφερε": met, p + "Εκμεταλλεύτηκε": ekm}


def gr_rows():
    rows = []
    r = {
        "Αριθμός ΑΒΜ": "Α2023/4512",
        "Ημερομηνία καταχώρισης": "11/05/2023",
        "Χρόνος τέλεσης από": "01/02/2023",
        "Χρόνος τέλεσης έως": "30/04/2023",
        "Κατάσταση": "σε εξέλιξη",
        "Αδικήματα": "άρθ. 323Α παρ. 1, 4 ΠΚ; άρθ. 351 ΠΚ",
        "Μορφή εκμετάλλευσης": "σεξουαλική εκμετάλλευση",
        "Τρόπος στρατολόγησης": "ερωτική σχέση",
        "Μέσα ελέγχου": "απειλές; κατακράτηση αμοιβής; "
                        "κατακράτηση εγγράφων",
        "Χώρα προέλευσης": "Βουλγαρία",
        "Χώρες διέλευσης": "Βόρεια Μακεδονία",
        "Χώρα προορισμού": "Ελλάδα",
        "Θύμα Επώνυμο": "Δημητρόβα", "Θύμα Όνομα": "Ραντοστίνα",
        "Θύμα Πατρώνυμο": "Ιβάν",
        "Θύμα Ημ. γέννησης": "22/07/2007", "Θύμα Φύλο": "Θ",
        "Θύμα Υπηκοότητα": "Βουλγαρική",
        "Θύμα Τηλέφωνο": "+359 89 612 3344",
        "Θύμα Πόλη": "Κιουστεντίλ", "Θύμα Χώρα": "Βουλγαρία",
        "Στρατολόγηση Ημερομηνία": "01/2023",
        "Στρατολόγηση Τόπος": "Κιουστεντίλ",
        "Στρατολόγηση Χώρα": "Βουλγαρία",
        "Εκμετάλλευση Ημερομηνία": "15/02/2023",
        "Εκμετάλλευση Διεύθυνση": "Εγνατία 112",
        "Εκμετάλλευση Τόπος": "Θεσσαλονίκη",
        "Εκμετάλλευση Περιφέρεια": "Κεντρική Μακεδονία",
        "Εκμετάλλευση Χώρα": "Ελλάδα",
        "Εκμετάλλευση Περιγραφή": "Διαμέρισμα που χρησιμοποιούνταν ως "
                                  "οίκος ανοχής.",
        "Περίληψη": "Η ανήλικη μεταφέρθηκε από τον Κ1 στη Θεσσαλονίκη "
                    "με υπόσχεση γάμου και εξαναγκάστηκε σε πορνεία από "
                    "τον Κ2.",
    }
    r.update(gr_suspect(1, "Γκεόργκιεφ", "Στέφαν", "03/03/1995", "Α",
                        "Βουλγαρική", "", "382114590", "+359 88 300 1122",
                        "στρατολόγος", "ναι", "ναι", "όχι"))
    r.update(gr_suspect(2, "Παπαδόπουλος", "Νικόλαος", "12/10/1980", "Α",
                        "Ελληνική", amka(1980, 10, 12, 1234, False), "",
                        "6944 123 456", "εκμεταλλευτής", "όχι", "όχι",
                        "ναι"))
    rows.append(r)
    rows.append({
        "Αριθμός ΑΒΜ": "Α2023/9077",
        "Ημερομηνία καταχώρισης": "02/10/2023",
        "Χρόνος τέλεσης από": "06/2023", "Χρόνος τέλεσης έως": "09/2023",
        "Κατάσταση": "παραπέμφθηκε",
        "Αδικήματα": "άρθ. 323Α παρ. 1, 4 ΠΚ",
        "Μορφή εκμετάλλευσης": "επαιτεία",
        "Τρόπος στρατολόγησης": "μέλος οικογένειας",
        "Μέσα ελέγχου": "σωματική βία",
        "Χώρα προέλευσης": "Αλβανία", "Χώρα προορισμού": "Ελλάδα",
        "Θύμα Επώνυμο": "Χόξα", "Θύμα Όνομα": "Ερμάλ",
        "Θύμα Ημ. γέννησης": "2013", "Θύμα Φύλο": "Α",
        "Θύμα Υπηκοότητα": "Αλβανική", "Θύμα Πόλη": "Αθήνα",
        "Θύμα Περιφέρεια": "Αττική", "Θύμα Χώρα": "Ελλάδα",
        "Στρατολόγηση Τόπος": "Κορυτσά", "Στρατολόγηση Χώρα": "Αλβανία",
        "Εκμετάλλευση Ημερομηνία": "07/2023",
        "Εκμετάλλευση Τόπος": "Αθήνα",
        "Εκμετάλλευση Περιφέρεια": "Αττική",
        "Εκμετάλλευση Χώρα": "Ελλάδα",
        "Εκμετάλλευση Περιγραφή": "Επαιτεία σε φανάρια της Λ. Αλεξάνδρας.",
        "Περίληψη": "Το παιδί επαιτούσε για λογαριασμό του θείου του.",
        **gr_suspect(1, "Χόξα", "Αρμπέν", "1984", "Α", "Αλβανική", "",
                     "BK4471022", "", "εκμεταλλευτής", "ναι", "ναι",
                     "ναι"),
    })
    r = {
        "Αριθμός ΑΒΜ": "Α2024/0133",
        "Ημερομηνία καταχώρισης": "09/01/2024",
        "Χρόνος τέλεσης από": "10/2023", "Χρόνος τέλεσης έως": "12/2023",
        "Κατάσταση": "σε παρακολούθηση",
        "Αδικήματα": "άρθ. 323Α παρ. 1 ΠΚ; άρθ. 187 ΠΚ",
        "Μορφή εκμετάλλευσης": "καταναγκαστική εργασία",
        "Τρόπος στρατολόγησης": "ψευδής προσφορά εργασίας",
        "Μέσα ελέγχου": "χρέος; κατακράτηση εγγράφων",
        "Χώρα προέλευσης": "Πακιστάν",
        "Χώρες διέλευσης": "Ιράν; Τουρκία",
        "Χώρα προορισμού": "Ελλάδα",
        "Θύμα Επώνυμο": "Αλί", "Θύμα Όνομα": "Ιμράν",
        "Θύμα Ημ. γέννησης": "01/01/2007", "Θύμα Φύλο": "Α",
        "Θύμα Υπηκοότητα": "Πακιστανική",
        "Θύμα Πόλη": "Μανωλάδα", "Θύμα Περιφέρεια": "Δυτική Ελλάδα",
        "Θύμα Χώρα": "Ελλάδα",
        "Στρατολόγηση Τόπος": "Γκουζράτ", "Στρατολόγηση Χώρα": "Πακιστάν",
        "Εκμετάλλευση Ημερομηνία": "11/2023",
        "Εκμετάλλευση Τόπος": "Μανωλάδα",
        "Εκμετάλλευση Περιφέρεια": "Δυτική Ελλάδα",
        "Εκμετάλλευση Χώρα": "Ελλάδα",
        "Εκμετάλλευση Περιγραφή": "Συγκομιδή φράουλας χωρίς αμοιβή.",
        "Περίληψη": "Ανήλικος εργάτης γης, χρέος 6.000 ευρώ για τη "
                    "μεταφορά.",
    }
    r.update(gr_suspect(1, "Χαν", "Ταρίκ", "1982", "Α", "Πακιστανική", "",
                        "", "6977 555 321", "στρατολόγος", "ναι", "ναι",
                        "όχι"))
    r.update(gr_suspect(2, "Κωνσταντίνου", "Γεώργιος", "05/05/1966", "Α",
                        "Ελληνική", amka(1966, 5, 5, 3001, False), "",
                        "6932 000 118", "εκμεταλλευτής", "όχι", "όχι",
                        "ναι"))
    r.update(gr_suspect(3, "Ρίζα", "Αχμέτ", "", "Α", "Πακιστανική", "", "",
                        "", "μεταφορέας", "όχι", "ναι", "όχι"))
    rows.append(r)
    rows.append({
        "Αριθμός ΑΒΜ": "Α2022/7701",
        "Ημερομηνία καταχώρισης": "20/12/2022",
        "Χρόνος τέλεσης από": "2022",
        "Κατάσταση": "αρχειοθετήθηκε",
        "Αδικήματα": "άρθ. 323Α ΠΚ",
        "Μορφή εκμετάλλευσης": "σεξουαλική εκμετάλλευση",
        "Τρόπος στρατολόγησης": "μέσα κοινωνικής δικτύωσης",
        "Χώρα προέλευσης": "Ελλάδα", "Χώρα προορισμού": "Ελλάδα",
        "Θύμα Επώνυμο": "Αντωνίου", "Θύμα Όνομα": "Ελένη",
        "Θύμα Ημ. γέννησης": "14/02/2008", "Θύμα Φύλο": "Θ",
        "Θύμα Υπηκοότητα": "Ελληνική",
        "Θύμα ΑΜΚΑ": amka(2008, 2, 14, 4, True),
        "Θύμα Τηλέφωνο": "6987 112 233", "Θύμα Διεύθυνση": "Ερμού 20",
        "Θύμα ΤΚ": "262 21", "Θύμα Πόλη": "Πάτρα",
        "Θύμα Περιφέρεια": "Δυτική Ελλάδα", "Θύμα Χώρα": "Ελλάδα",
        "Περίληψη": "Δεν προέκυψαν επαρκείς ενδείξεις.",
        **gr_suspect(1, "Άγνωστος", "", "", "", "", "", "", "",
                     "κατηγορούμενος", "ναι", "όχι", "ναι"),
    })
    return rows


# ---- IT: Procura della Repubblica (Italian, ';', UTF-8, LF) ----------

IT_HEADER = [
    "Numero RGNR", "Data iscrizione", "Data fatto da", "Data fatto a",
    "Stato procedimento", "Titolo di reato", "Forma di sfruttamento",
    "Modalità di reclutamento", "Mezzi di controllo", "Paese di origine",
    "Paesi di transito", "Paese di destinazione",
    "PO Cognome", "PO Nome", "PO Data nascita", "PO Età al reclutamento",
    "PO Sesso", "PO Cittadinanza", "PO Codice fiscale", "PO Telefono",
    "PO Indirizzo", "PO CAP", "PO Comune", "PO Provincia", "PO Stato",
]
for _n in (1, 2, 3):
    IT_HEADER += ["Indagato%d %s" % (_n, c) for c in (
        "Cognome", "Nome", "Data nascita", "Sesso", "Cittadinanza",
        "Codice fiscale", "Telefono", "Ruolo", "Reclutamento", "Trasporto",
        "Sfruttamento")]
IT_HEADER += [
    "Reclutamento data", "Reclutamento luogo", "Reclutamento paese",
    "Sfruttamento data", "Sfruttamento indirizzo", "Sfruttamento comune",
    "Sfruttamento provincia", "Sfruttamento paese",
    "Sfruttamento descrizione", "Sintesi dei fatti",
]


def it_suspect(n, cog, nome, dob, sesso, citt, cf, tel, ruolo, rec, tra,
               sfr):
    p = "Indagato%d " % n
    return {p + "Cognome": cog, p + "Nome": nome, p + "Data nascita": dob,
            p + "Sesso": sesso, p + "Cittadinanza": citt,
            p + "Codice fiscale": cf, p + "Telefono": tel,
            p + "Ruolo": ruolo, p + "Reclutamento": rec,
            p + "Trasporto": tra, p + "Sfruttamento": sfr}


def it_rows():
    rows = []
    r = {
        "Numero RGNR": "4521/2023",
        "Data iscrizione": "12/03/2023 10:15",
        "Data fatto da": "01/06/2022", "Data fatto a": "28/02/2023",
        "Stato procedimento": "indagini preliminari",
        "Titolo di reato": "art. 601 c.p.; art. 600 c.p.; "
                           "art. 3 L. 75/1958",
        "Forma di sfruttamento": "sfruttamento sessuale",
        "Modalità di reclutamento": "falsa offerta di lavoro",
        "Mezzi di controllo": "debito; riti juju; sottrazione documenti; "
                              "minacce alla famiglia",
        "Paese di origine": "Nigeria",
        "Paesi di transito": "Niger; Libia",
        "Paese di destinazione": "Italia",
        "PO Cognome": "Okafor", "PO Nome": "Blessing",
        "PO Data nascita": "03/09/2006", "PO Età al reclutamento": "15",
        "PO Sesso": "F", "PO Cittadinanza": "nigeriana",
        "PO Codice fiscale": codice_fiscale("Okafor", "Blessing", 2006, 9,
                                            3, True, "Z335"),
        "PO Telefono": "+39 351 448 2210",
        "PO Indirizzo": "Via Maqueda 210", "PO CAP": "90134",
        "PO Comune": "Palermo", "PO Provincia": "PA", "PO Stato": "Italia",
        "Reclutamento data": "06/2022", "Reclutamento luogo": "Benin City",
        "Reclutamento paese": "Nigeria",
        "Sfruttamento data": "11/2022",
        "Sfruttamento indirizzo": "Via Messina Marine",
        "Sfruttamento comune": "Palermo", "Sfruttamento provincia": "PA",
        "Sfruttamento paese": "Italia",
        "Sfruttamento descrizione": "Prostituzione su strada; debito di "
                                    "30.000 euro verso la madame.",
        "Sintesi dei fatti": "La minore, reclutata a Benin City con la "
                             "promessa di un lavoro da parrucchiera, è "
                             "giunta a Lampedusa e da lì a Palermo, dove "
                             "è stata costretta a prostituirsi.",
    }
    r.update(it_suspect(1, "Osagie", "Joy", "1985", "F", "nigeriana", "",
                        "+39 388 901 1234", "sfruttatrice", "no", "no",
                        "sì"))
    r.update(it_suspect(2, "Eze", "Kingsley", "14/02/1990", "M",
                        "nigeriana", "", "", "reclutatore", "sì", "sì",
                        "no"))
    rows.append(r)
    rows.append({
        "Numero RGNR": "10877/2023",
        "Data iscrizione": "04/09/2023",
        "Data fatto da": "05/2023", "Data fatto a": "08/2023",
        "Stato procedimento": "rinvio a giudizio",
        "Titolo di reato": "art. 603-bis c.p.; art. 601 c.p.",
        "Forma di sfruttamento": "lavoro forzato",
        "Modalità di reclutamento": "conoscente",
        "Mezzi di controllo": "sottrazione guadagni; orari eccessivi",
        "Paese di origine": "Romania",
        "Paesi di transito": "Ungheria; Slovenia",
        "Paese di destinazione": "Italia",
        "PO Cognome": "Munteanu", "PO Nome": "Andrei",
        "PO Data nascita": "19/04/2007", "PO Età al reclutamento": "16",
        "PO Sesso": "M", "PO Cittadinanza": "rumena",
        "PO Codice fiscale": codice_fiscale("Munteanu", "Andrei", 2007, 4,
                                            19, False, "Z129"),
        "PO Comune": "Vittoria", "PO Provincia": "RG", "PO Stato": "Italia",
        "Reclutamento luogo": "Botoșani", "Reclutamento paese": "Romania",
        "Sfruttamento data": "06/2023",
        "Sfruttamento comune": "Vittoria", "Sfruttamento provincia": "RG",
        "Sfruttamento paese": "Italia",
        "Sfruttamento descrizione": "Lavoro in serra 12 ore al giorno "
                                    "(caporalato).",
        "Sintesi dei fatti": "Minore impiegato in serra da un caporale.",
        **it_suspect(1, "Russo", "Salvatore", "22/07/1972", "M",
                     "italiana",
                     codice_fiscale("Russo", "Salvatore", 1972, 7, 22,
                                    False, "M088"),
                     "333 123 4567", "caporale", "sì", "sì", "sì"),
    })
    r = {
        "Numero RGNR": "233/2024",
        "Data iscrizione": "15/01/2024",
        "Data fatto da": "09/2023", "Data fatto a": "12/2023",
        "Stato procedimento": "in corso",
        "Titolo di reato": "art. 600 c.p.; art. 416 c.p.",
        "Forma di sfruttamento": "accattonaggio; attività illecite",
        "Modalità di reclutamento": "familiare",
        "Mezzi di controllo": "violenza fisica",
        "Paese di origine": "Bulgaria", "Paesi di transito": "Grecia",
        "Paese di destinazione": "Italia",
        "PO Cognome": "Petrova", "PO Nome": "Elena",
        "PO Data nascita": "10/10/2011", "PO Sesso": "F",
        "PO Cittadinanza": "bulgara", "PO Comune": "Roma",
        "PO Provincia": "RM", "PO Stato": "Italia",
        "Reclutamento luogo": "Sliven", "Reclutamento paese": "Bulgaria",
        "Sfruttamento data": "10/2023", "Sfruttamento comune": "Roma",
        "Sfruttamento provincia": "RM", "Sfruttamento paese": "Italia",
        "Sfruttamento descrizione": "Borseggi sulla metro A.",
        "Sintesi dei fatti": "Minore costretta all'accattonaggio e ai "
                             "borseggi da una coppia di connazionali.",
    }
    r.update(it_suspect(1, "Petrov", "Dimitar", "1983", "M", "bulgara", "",
                        "", "trasportatore", "no", "sì", "no"))
    r.update(it_suspect(2, "Petrova", "Maria", "1986", "F", "bulgara", "",
                        "", "sfruttatrice", "sì", "no", "sì"))
    r.update(it_suspect(3, "Yordanov", "Kiril", "", "M", "bulgara", "", "",
                        "indagato", "no", "no", "sì"))
    rows.append(r)
    rows.append({
        "Numero RGNR": "7712/2022",
        "Data iscrizione": "20/05/2022",
        "Data fatto da": "2021", "Data fatto a": "2022",
        "Stato procedimento": "archiviato",
        "Titolo di reato": "art. 601 c.p.",
        "Forma di sfruttamento": "servitù domestica",
        "Modalità di reclutamento": "matrimonio combinato",
        "Paese di origine": "Albania", "Paese di destinazione": "Italia",
        "PO Cognome": "Hoxha", "PO Nome": "Arta",
        "PO Data nascita": "2006", "PO Sesso": "F",
        "PO Cittadinanza": "albanese", "PO Comune": "Bari",
        "PO Stato": "Italia",
        "Sintesi dei fatti": "Archiviazione per infondatezza della "
                             "notizia di reato.",
        **it_suspect(1, "Berisha", "Ilir", "1980", "M", "albanese", "", "",
                     "indagato", "no", "no", "sì"),
    })
    return rows


# ---- PL: Prokuratura (Polish, ';', windows-1250, CRLF) ---------------
# windows-1250 has the Romanian letters only with a cedilla (ş, ţ), not
# with the comma below (ș, ț): a Polish clerk's "Lăcătuş" is written so.

PL_HEADER = [
    "Sygnatura", "Data wszczęcia", "Czas popełnienia od",
    "Czas popełnienia do", "Stan sprawy", "Kwalifikacja prawna",
    "Wyzysk seksualny", "Praca przymusowa", "Żebractwo",
    "Przestępczość wymuszona", "Sposób werbunku", "Metody kontroli",
    "Kraj pochodzenia", "Kraje tranzytowe", "Kraj docelowy",
    "Pokrzywdzony - imię", "Pokrzywdzony - drugie imię",
    "Pokrzywdzony - nazwisko", "Pokrzywdzony - data urodzenia",
    "Pokrzywdzony - płeć", "Pokrzywdzony - obywatelstwo",
    "Pokrzywdzony - PESEL", "Pokrzywdzony - telefon",
    "Pokrzywdzony - ulica", "Pokrzywdzony - kod pocztowy",
    "Pokrzywdzony - miejscowość", "Pokrzywdzony - województwo",
    "Pokrzywdzony - kraj",
]
for _n in (1, 2, 3):
    PL_HEADER += ["Podejrzany %d - %s" % (_n, c) for c in (
        "imię", "nazwisko", "data urodzenia", "płeć", "obywatelstwo",
        "PESEL", "telefon", "rola", "zwerbował", "przewiózł",
        "wykorzystywał")]
PL_HEADER += [
    "Werbunek - data", "Werbunek - miejscowość", "Werbunek - kraj",
    "Wyzysk - data", "Wyzysk - adres", "Wyzysk - miejscowość",
    "Wyzysk - województwo", "Wyzysk - kraj", "Wyzysk - opis", "Opis czynu",
]


def pl_suspect(n, imie, nazw, dob, plec, obyw, pesel_, tel, rola, zw, prz,
               wyk):
    p = "Podejrzany %d - " % n
    return {p + "imię": imie, p + "nazwisko": nazw,
            p + "data urodzenia": dob, p + "płeć": plec,
            p + "obywatelstwo": obyw, p + "PESEL": pesel_,
            p + "telefon": tel, p + "rola": rola, p + "zwerbował": zw,
            p + "przewiózł": prz, p + "wykorzystywał": wyk}


def pl_rows():
    rows = []
    r = {
        "Sygnatura": "RP I Ds 14.2023",
        "Data wszczęcia": "17.02.2023",
        "Czas popełnienia od": "01.09.2022",
        "Czas popełnienia do": "31.01.2023",
        "Stan sprawy": "w toku",
        "Kwalifikacja prawna": "art. 189a § 1 k.k.; art. 203 k.k.; "
                               "art. 204 § 3 k.k.",
        "Wyzysk seksualny": "T", "Praca przymusowa": "N", "Żebractwo": "N",
        "Przestępczość wymuszona": "N",
        "Sposób werbunku": "loverboy",
        "Metody kontroli": "groźby, odbieranie zarobków, izolacja",
        "Kraj pochodzenia": "Polska", "Kraje tranzytowe": "Niemcy",
        "Kraj docelowy": "Holandia",
        "Pokrzywdzony - imię": "Zuzanna", "Pokrzywdzony - drugie imię":
        "Łucja", "Pokrzywdzony - nazwisko": "Wójcik",
        "Pokrzywdzony - data urodzenia": "08.05.2007",
        "Pokrzywdzony - płeć": "K", "Pokrzywdzony - obywatelstwo": "polskie",
        "Pokrzywdzony - PESEL": pesel(2007, 5, 8, 342, True),
        "Pokrzywdzony - telefon": "512 345 678",
        "Pokrzywdzony - ulica": "ul. Żeromskiego 15/4",
        "Pokrzywdzony - kod pocztowy": "41-200",
        "Pokrzywdzony - miejscowość": "Sosnowiec",
        "Pokrzywdzony - województwo": "śląskie",
        "Pokrzywdzony - kraj": "Polska",
        "Werbunek - data": "09.2022", "Werbunek - miejscowość": "Sosnowiec",
        "Werbunek - kraj": "Polska",
        "Wyzysk - data": "11.11.2022", "Wyzysk - adres": "Oudezijds "
        "Achterburgwal", "Wyzysk - miejscowość": "Amsterdam",
        "Wyzysk - kraj": "Holandia",
        "Wyzysk - opis": "Prostytucja w mieszkaniu wynajętym przez P2.",
        "Opis czynu": "Pokrzywdzona poznała P1 przez Instagram; po "
                      "wyjeździe do Amsterdamu zmuszana do prostytucji, "
                      "zarobki odbierał P2.",
    }
    r.update(pl_suspect(1, "Kamil", "Nowak", "12.12.1998", "M", "polskie",
                        pesel(1998, 12, 12, 771, False), "+48 601 222 333",
                        "werbownik", "T", "T", "N"))
    r.update(pl_suspect(2, "Dawid", "Kowalczyk", "03.04.1991", "M",
                        "polskie", pesel(1991, 4, 3, 215, False),
                        "+31 6 1234 5678", "wyzyskujący", "N", "N", "T"))
    rows.append(r)
    rows.append({
        "Sygnatura": "RP I Ds 58.2023",
        "Data wszczęcia": "05.07.2023",
        "Czas popełnienia od": "04.2023", "Czas popełnienia do": "06.2023",
        "Stan sprawy": "akt oskarżenia",
        "Kwalifikacja prawna": "art. 189a § 1 k.k.",
        "Wyzysk seksualny": "N", "Praca przymusowa": "T", "Żebractwo": "N",
        "Przestępczość wymuszona": "N",
        "Sposób werbunku": "fałszywa oferta pracy",
        "Metody kontroli": "niewola za długi, zabranie dokumentów",
        "Kraj pochodzenia": "Ukraina", "Kraj docelowy": "Polska",
        "Pokrzywdzony - imię": "Ołeksandr",
        "Pokrzywdzony - nazwisko": "Bondarenko",
        "Pokrzywdzony - data urodzenia": "21.01.2007",
        "Pokrzywdzony - płeć": "M",
        "Pokrzywdzony - obywatelstwo": "ukraińskie",
        "Pokrzywdzony - telefon": "+380 67 123 4567",
        "Pokrzywdzony - miejscowość": "Tychy",
        "Pokrzywdzony - województwo": "śląskie",
        "Pokrzywdzony - kraj": "Polska",
        "Werbunek - miejscowość": "Lwów", "Werbunek - kraj": "Ukraina",
        "Wyzysk - data": "05.2023", "Wyzysk - miejscowość": "Tychy",
        "Wyzysk - województwo": "śląskie", "Wyzysk - kraj": "Polska",
        "Wyzysk - opis": "Praca w magazynie bez wynagrodzenia.",
        "Opis czynu": "Ogłoszenie o pracy na Telegramie.",
        **pl_suspect(1, "Grzegorz", "Żak", "19.09.1979", "M", "polskie",
                     pesel(1979, 9, 19, 404, False), "", "wyzyskujący",
                     "T", "N", "T"),
    })
    r = {
        "Sygnatura": "RP I Ds 3.2024",
        "Data wszczęcia": "09.01.2024",
        "Czas popełnienia od": "10.2023", "Czas popełnienia do": "12.2023",
        "Stan sprawy": "zawieszone",
        "Kwalifikacja prawna": "art. 189a § 1 k.k.; art. 258 § 1 k.k.",
        "Wyzysk seksualny": "N", "Praca przymusowa": "N", "Żebractwo": "T",
        "Przestępczość wymuszona": "T",
        "Sposób werbunku": "członek rodziny",
        "Metody kontroli": "przemoc fizyczna",
        "Kraj pochodzenia": "Rumunia", "Kraje tranzytowe": "Węgry, Słowacja",
        "Kraj docelowy": "Polska",
        "Pokrzywdzony - imię": "Florin", "Pokrzywdzony - nazwisko": "Lăcătuş",
        "Pokrzywdzony - data urodzenia": "2012",
        "Pokrzywdzony - płeć": "M", "Pokrzywdzony - obywatelstwo": "rumuńskie",
        "Pokrzywdzony - miejscowość": "Katowice",
        "Pokrzywdzony - kraj": "Polska",
        "Werbunek - miejscowość": "Craiova", "Werbunek - kraj": "Rumunia",
        "Wyzysk - data": "11.2023", "Wyzysk - miejscowość": "Katowice",
        "Wyzysk - województwo": "śląskie", "Wyzysk - kraj": "Polska",
        "Wyzysk - opis": "Żebranie i kradzieże kieszonkowe na dworcu.",
        "Opis czynu": "Dziecko zmuszane do żebractwa przez krewnych.",
    }
    r.update(pl_suspect(1, "Marius", "Lăcătuş", "1980", "M", "rumuńskie",
                        "", "", "przewoźnik", "N", "T", "N"))
    r.update(pl_suspect(2, "Ana", "Lăcătuş", "1984", "K", "rumuńskie", "",
                        "", "wyzyskujący", "T", "N", "T"))
    r.update(pl_suspect(3, "Ionel", "Stan", "", "M", "rumuńskie", "", "",
                        "pomocnik", "N", "N", "T"))
    rows.append(r)
    rows.append({
        "Sygnatura": "RP I Ds 71.2022",
        "Data wszczęcia": "14.06.2022",
        "Czas popełnienia od": "2022",
        "Stan sprawy": "umorzone",
        "Kwalifikacja prawna": "art. 189a § 1 k.k.",
        "Wyzysk seksualny": "T", "Praca przymusowa": "N", "Żebractwo": "N",
        "Przestępczość wymuszona": "N",
        "Sposób werbunku": "media społecznościowe",
        "Kraj pochodzenia": "Polska", "Kraj docelowy": "Polska",
        "Pokrzywdzony - imię": "Oliwia", "Pokrzywdzony - nazwisko": "Dąbrowska",
        "Pokrzywdzony - data urodzenia": "02.02.2008",
        "Pokrzywdzony - płeć": "K", "Pokrzywdzony - obywatelstwo": "polskie",
        "Pokrzywdzony - PESEL": pesel(2008, 2, 2, 88, True),
        "Pokrzywdzony - miejscowość": "Gliwice",
        "Pokrzywdzony - województwo": "śląskie",
        "Pokrzywdzony - kraj": "Polska",
        "Opis czynu": "Brak danych dostatecznie uzasadniających podejrzenie.",
        **pl_suspect(1, "Nieustalony", "", "", "", "", "", "", "podejrzany",
                     "T", "N", "T"),
    })
    return rows


# ---- PT: HTCDS v2.0 CSV with Portuguese labels (',', UTF-8, LF) ------

PT_HEADER = [
    "cas_CaseNumber", "org_Name", "org_ShippingCountry", "cas_Status",
    "cas_IncomingReferralDate", "cas_IncomingReferralDetails",
    "cas_OffenceFrom", "cas_OffenceTo", "cas_Offences",
    "prs_FirstName", "prs_MiddleName", "prs_SecondName", "prs_Birthdate",
    "prs_Gender", "prs_Citizenship", "prs_IdentityNumber", "prs_Email",
    "prs_HomePhone", "prs_MobilePhone", "prs_MailingStreet",
    "prs_MailingCity", "prs_MailingState", "prs_MailingPostalCode",
    "prs_MailingCountry", "vic_AgeWhenTrafficked", "vic_TraffickingStatus",
    "vic_RelationshipToTrafficker", "vic_TypeOfExploitation",
    "vic_MethodOfRecruitment", "vic_MethodsOfControl",
]
for _n in (1, 2, 3):
    PT_HEADER += ["per%d_%s" % (_n, c) for c in (
        "prs_FirstName", "prs_MiddleName", "prs_SecondName",
        "prs_Birthdate", "prs_Gender", "prs_Citizenship",
        "prs_IdentityNumber", "prs_Email", "prs_HomePhone",
        "prs_MobilePhone", "prs_MailingStreet", "prs_MailingCity",
        "prs_MailingState", "prs_MailingPostalCode", "prs_MailingCountry",
        "per_RoleInProcess", "role", "recruited", "transported",
        "exploited")]
PT_HEADER += ["route_Origin", "route_Transit", "route_Destination"]
for _e in ("rec", "tra", "exp"):
    PT_HEADER += ["%s_hte_%s" % (_e, c) for c in (
        "Date", "Street", "City", "State", "PostalCode", "Country",
        "Description")]
PT_HEADER += ["cco_CaseComment"]


def pt_per(n, first, second, dob, gender, cit, nid, phone, rip, role, rec,
           tra, exp):
    p = "per%d_" % n
    return {p + "prs_FirstName": first, p + "prs_SecondName": second,
            p + "prs_Birthdate": dob, p + "prs_Gender": gender,
            p + "prs_Citizenship": cit, p + "prs_IdentityNumber": nid,
            p + "prs_MobilePhone": phone, p + "per_RoleInProcess": rip,
            p + "role": role, p + "recruited": rec, p + "transported": tra,
            p + "exploited": exp}


def pt_rows():
    org = "Ministério Público - DIAP de Lisboa"
    rows = []
    r = {
        "cas_CaseNumber": "1234/23.0JDLSB", "org_Name": org,
        "org_ShippingCountry": "Portugal", "cas_Status": "Em curso",
        "cas_IncomingReferralDate": "14/04/2023",
        "cas_OffenceFrom": "01/2023", "cas_OffenceTo": "31/03/2023",
        "cas_Offences": "art. 160.º, n.º 2 CP;art. 175.º CP",
        "prs_FirstName": "Beatriz", "prs_MiddleName": "Sofia",
        "prs_SecondName": "Carvalho", "prs_Birthdate": "11/07/2007",
        "prs_Gender": "Feminino", "prs_Citizenship": "Portugal",
        "prs_IdentityNumber": nif("27451236"),
        "prs_MobilePhone": "912 345 678",
        "prs_MailingStreet": "Rua do Benformoso 44",
        "prs_MailingCity": "Lisboa", "prs_MailingState": "Lisboa",
        "prs_MailingPostalCode": "1100-085", "prs_MailingCountry": "Portugal",
        "vic_AgeWhenTrafficked": "15",
        "vic_TraffickingStatus": "Vítima identificada",
        "vic_RelationshipToTrafficker": "Conhecido",
        "vic_TypeOfExploitation": "Exploração sexual",
        "vic_MethodOfRecruitment": "Loverboy;Redes sociais",
        "vic_MethodsOfControl": "Ameaças;Retenção de rendimentos",
        "route_Origin": "Portugal", "route_Transit": "Espanha",
        "route_Destination": "França",
        "rec_hte_Date": "01/2023", "rec_hte_City": "Lisboa",
        "rec_hte_State": "Lisboa", "rec_hte_Country": "Portugal",
        "exp_hte_Date": "02/2023", "exp_hte_Street": "Rue Saint-Denis",
        "exp_hte_City": "Paris", "exp_hte_State": "Île-de-France",
        "exp_hte_Country": "França",
        "exp_hte_Description": "Encontros marcados através de anúncios "
                               "online, em Paris.",
        "cco_CaseComment": "A jovem foi aliciada pelo namorado (per1) e "
                           "levada de carro para Paris, onde foi obrigada "
                           "a prostituir-se.",
    }
    r.update(pt_per(1, "Tiago", "Mendes", "02/05/1999", "Masculino",
                    "Portugal", nif("21988304"), "+351 936 112 908",
                    "Recrutador ou intermediário;Transportador",
                    "aliciador", "sim", "sim", "não"))
    r.update(pt_per(2, "Jean", "Moreau", "1985", "Masculino", "França", "",
                    "+33 6 12 34 56 78", "Explorador", "explorador",
                    "não", "não", "sim"))
    rows.append(r)
    rows.append({
        "cas_CaseNumber": "877/23.4TELSB", "org_Name": org,
        "org_ShippingCountry": "Portugal", "cas_Status": "Acusação deduzida",
        "cas_IncomingReferralDate": "02/10/2023",
        "cas_OffenceFrom": "05/2023", "cas_OffenceTo": "09/2023",
        "cas_Offences": "art. 160.º, n.º 1 CP",
        "prs_FirstName": "Ion", "prs_SecondName": "Ciobanu",
        "prs_Birthdate": "30/03/2007", "prs_Gender": "Masculino",
        "prs_Citizenship": "Moldávia", "prs_MailingCity": "Odemira",
        "prs_MailingState": "Beja", "prs_MailingCountry": "Portugal",
        "vic_AgeWhenTrafficked": "16",
        "vic_TraffickingStatus": "Vítima sinalizada",
        "vic_RelationshipToTrafficker": "Desconhecido",
        "vic_TypeOfExploitation": "Trabalho forçado",
        "vic_MethodOfRecruitment": "Falsa oferta de emprego",
        "vic_MethodsOfControl": "Servidão por dívidas;Retenção de "
                                "documentos;Horários excessivos",
        "route_Origin": "Moldávia", "route_Transit": "Roménia;Espanha",
        "route_Destination": "Portugal",
        "rec_hte_City": "Chișinău", "rec_hte_Country": "Moldávia",
        "exp_hte_Date": "06/2023", "exp_hte_City": "Odemira",
        "exp_hte_State": "Beja", "exp_hte_Country": "Portugal",
        "exp_hte_Description": "Apanha de frutos vermelhos em estufa.",
        "cco_CaseComment": "Menor trabalhava em estufas no Alentejo.",
        **pt_per(1, "Vasile", "Rusu", "1977", "Masculino", "Moldávia", "",
                 "", "Recrutador ou intermediário;Explorador", "explorador",
                 "sim", "não", "sim"),
    })
    r = {
        "cas_CaseNumber": "45/24.1PBPRT",
        "org_Name": "Ministério Público - DIAP do Porto",
        "org_ShippingCountry": "Portugal",
        "cas_Status": "Em acompanhamento",
        "cas_IncomingReferralDate": "18/01/2024",
        "cas_OffenceFrom": "10/2023", "cas_OffenceTo": "01/2024",
        "cas_Offences": "art. 160.º, n.º 2 CP;art. 299.º CP",
        "prs_FirstName": "Larissa", "prs_SecondName": "Oliveira",
        "prs_Birthdate": "05/12/2008", "prs_Gender": "Feminino",
        "prs_Citizenship": "Brasil", "prs_MobilePhone": "925 001 224",
        "prs_MailingCity": "Porto", "prs_MailingCountry": "Portugal",
        "vic_AgeWhenTrafficked": "14",
        "vic_TraffickingStatus": "Vítima identificada",
        "vic_TypeOfExploitation": "Servidão doméstica;Atividades "
                                  "criminosas forçadas",
        "vic_MethodOfRecruitment": "Familiar",
        "vic_MethodsOfControl": "Violência física;Ameaças à família",
        "route_Origin": "Brasil", "route_Destination": "Portugal",
        "rec_hte_City": "Goiânia", "rec_hte_Country": "Brasil",
        "exp_hte_Date": "11/2023", "exp_hte_City": "Porto",
        "exp_hte_Country": "Portugal",
        "cco_CaseComment": "Menor trazida por familiares, obrigada a "
                           "trabalho doméstico e a furtos.",
    }
    r.update(pt_per(1, "Marcos", "Oliveira", "1979", "Masculino", "Brasil",
                    "", "", "Transportador", "transportador", "não", "sim",
                    "não"))
    r.update(pt_per(2, "Cláudia", "Oliveira", "1983", "Feminino", "Brasil",
                    "", "", "Explorador", "explorador", "sim", "não",
                    "sim"))
    r.update(pt_per(3, "Rui", "Pinto", "", "Masculino", "Portugal", "", "",
                    "Outro", "arguido", "não", "não", "sim"))
    rows.append(r)
    rows.append({
        "cas_CaseNumber": "3310/22.7JDLSB", "org_Name": org,
        "org_ShippingCountry": "Portugal", "cas_Status": "Arquivado",
        "cas_IncomingReferralDate": "09/09/2022",
        "cas_OffenceFrom": "2022",
        "cas_Offences": "art. 160.º CP",
        "prs_FirstName": "Ana", "prs_SecondName": "Tavares",
        "prs_Birthdate": "2007", "prs_Gender": "Feminino",
        "prs_Citizenship": "Cabo Verde", "prs_MailingCity": "Amadora",
        "prs_MailingCountry": "Portugal",
        "vic_TraffickingStatus": "Não vítima",
        "vic_TypeOfExploitation": "Exploração sexual",
        "route_Origin": "Cabo Verde", "route_Destination": "Portugal",
        "cco_CaseComment": "Inquérito arquivado por falta de indícios.",
        **pt_per(1, "Desconhecido", "", "", "", "", "", "", "", "arguido",
                 "não", "não", "sim"),
    })
    return rows


# ---- RO: DIICOT (Romanian, ',', UTF-8, LF), delivered as a zip ------

RO_HEADER = [
    "Structura", "Număr dosar", "Data înregistrării",
    "Perioada faptei - de la", "Perioada faptei - până la", "Stadiu",
    "Încadrare juridică", "Forma exploatării", "Modalitate de recrutare",
    "Mijloace de control", "Țara de origine", "Țări de tranzit",
    "Țara de destinație",
    "Persoana vătămată - nume", "Persoana vătămată - prenume",
    "Persoana vătămată - CNP", "Persoana vătămată - data nașterii",
    "Persoana vătămată - sex", "Persoana vătămată - cetățenie",
    "Persoana vătămată - telefon", "Persoana vătămată - adresa",
    "Persoana vătămată - localitate", "Persoana vătămată - județ",
    "Persoana vătămată - țara",
]
for _n in (1, 2, 3):
    RO_HEADER += ["Inculpat %d - %s" % (_n, c) for c in (
        "nume", "prenume", "CNP", "data nașterii", "sex", "cetățenie",
        "telefon", "calitate", "a recrutat", "a transportat",
        "a exploatat")]
RO_HEADER += [
    "Recrutare - data", "Recrutare - localitate", "Recrutare - județ",
    "Recrutare - țara", "Exploatare - data", "Exploatare - adresa",
    "Exploatare - localitate", "Exploatare - țara",
    "Exploatare - descriere", "Situația de fapt",
]


def ro_suspect(n, nume, pren, cnp_, dob, sex, cet, tel, cal, rec, tra,
               exp):
    p = "Inculpat %d - " % n
    return {p + "nume": nume, p + "prenume": pren, p + "CNP": cnp_,
            p + "data nașterii": dob, p + "sex": sex, p + "cetățenie": cet,
            p + "telefon": tel, p + "calitate": cal, p + "a recrutat": rec,
            p + "a transportat": tra, p + "a exploatat": exp}


def ro_rows_constanta():
    rows = []
    r = {
        "Structura": "DIICOT - Serviciul Teritorial Constanța",
        "Număr dosar": "412/D/P/2023",
        "Data înregistrării": "06.03.2023",
        "Perioada faptei - de la": "01.08.2022",
        "Perioada faptei - până la": "28.02.2023",
        "Stadiu": "urmărire penală in personam",
        "Încadrare juridică": "art. 211 alin. (1) C.pen.; "
                              "art. 367 alin. (1) C.pen.",
        "Forma exploatării": "exploatare sexuală",
        "Modalitate de recrutare": "loverboy",
        "Mijloace de control": "amenințări; confiscarea câștigurilor; "
                               "reținerea actelor",
        "Țara de origine": "România",
        "Țări de tranzit": "Ungaria; Austria",
        "Țara de destinație": "Germania",
        "Persoana vătămată - nume": "Ionescu",
        "Persoana vătămată - prenume": "Andreea-Ștefania",
        "Persoana vătămată - CNP": cnp(2007, 1, 23, 13, 412, True),
        "Persoana vătămată - data nașterii": "23.01.2007",
        "Persoana vătămată - sex": "F",
        "Persoana vătămată - cetățenie": "română",
        "Persoana vătămată - telefon": "0722 123 456",
        "Persoana vătămată - adresa": "Str. Mircea cel Bătrân nr. 5",
        "Persoana vătămată - localitate": "Medgidia",
        "Persoana vătămată - județ": "Constanța",
        "Persoana vătămată - țara": "România",
        "Recrutare - data": "08.2022", "Recrutare - localitate": "Medgidia",
        "Recrutare - județ": "Constanța", "Recrutare - țara": "România",
        "Exploatare - data": "10.2022",
        "Exploatare - adresa": "Rotlichtviertel Hamburg-St. Pauli",
        "Exploatare - localitate": "Hamburg",
        "Exploatare - țara": "Germania",
        "Exploatare - descriere": "Prostituție în apartamente închiriate; "
                                  "banii erau ridicați zilnic de I2.",
        "Situația de fapt": "Minora a fost racolată de I1, care i-a "
                            "promis o relație stabilă, și dusă în "
                            "Germania.",
    }
    r.update(ro_suspect(1, "Dumitru", "Florin-Cătălin",
                        cnp(1997, 6, 2, 13, 118, False), "02.06.1997", "M",
                        "română", "+40 744 555 010", "recrutor", "da", "da",
                        "nu"))
    r.update(ro_suspect(2, "Stan", "Marius", cnp(1988, 11, 30, 13, 77,
                        False), "30.11.1988", "M", "română",
                        "+49 151 2345 6789", "exploatator", "nu", "nu",
                        "da"))
    rows.append(r)
    rows.append({
        "Structura": "DIICOT - Serviciul Teritorial Constanța",
        "Număr dosar": "977/D/P/2023",
        "Data înregistrării": "19.09.2023",
        "Perioada faptei - de la": "05.2023",
        "Perioada faptei - până la": "08.2023",
        "Stadiu": "trimis în judecată",
        "Încadrare juridică": "art. 211 alin. (1) C.pen.",
        "Forma exploatării": "muncă forțată",
        "Modalitate de recrutare": "ofertă de muncă falsă",
        "Mijloace de control": "datorii",
        "Țara de origine": "România", "Țara de destinație": "Regatul Unit",
        "Țări de tranzit": "Germania; Franța",
        "Persoana vătămată - nume": "Munteanu",
        "Persoana vătămată - prenume": "Gabriel",
        "Persoana vătămată - CNP": cnp(2006, 12, 5, 13, 231, False),
        "Persoana vătămată - data nașterii": "05.12.2006",
        "Persoana vătămată - sex": "M",
        "Persoana vătămată - cetățenie": "română",
        "Persoana vătămată - localitate": "Constanța",
        "Persoana vătămată - județ": "Constanța",
        "Persoana vătămată - țara": "România",
        "Recrutare - data": "05.2023", "Recrutare - localitate": "Constanța",
        "Recrutare - țara": "România",
        "Exploatare - data": "06.2023", "Exploatare - localitate": "Leeds",
        "Exploatare - țara": "Regatul Unit",
        "Exploatare - descriere": "Spălătorie auto, 14 ore pe zi.",
        "Situația de fapt": "Anunț de muncă pe Facebook pentru o "
                            "spălătorie auto din Anglia.",
        **ro_suspect(1, "Radu", "Costel", cnp(1984, 4, 4, 13, 551, False),
                     "04.04.1984", "M", "română", "", "recrutor", "da", "da",
                     "da"),
    })
    return rows


def ro_rows_iasi():
    rows = []
    r = {
        "Structura": "DIICOT - Serviciul Teritorial Iași",
        "Număr dosar": "88/D/P/2024",
        "Data înregistrării": "24.01.2024",
        "Perioada faptei - de la": "09.2023",
        "Perioada faptei - până la": "01.2024",
        "Stadiu": "în lucru",
        "Încadrare juridică": "art. 211 alin. (2) C.pen.; art. 213 C.pen.",
        "Forma exploatării": "cerșetorie; săvârșirea de infracțiuni",
        "Modalitate de recrutare": "membru al familiei",
        "Mijloace de control": "violență fizică; amenințarea familiei",
        "Țara de origine": "Republica Moldova",
        "Țări de tranzit": "România",
        "Țara de destinație": "Spania",
        "Persoana vătămată - nume": "Ceban",
        "Persoana vătămată - prenume": "Cristina",
        "Persoana vătămată - data nașterii": "09.09.2011",
        "Persoana vătămată - sex": "F",
        "Persoana vătămată - cetățenie": "moldoveană",
        "Persoana vătămată - localitate": "Ungheni",
        "Persoana vătămată - țara": "Republica Moldova",
        "Recrutare - localitate": "Ungheni",
        "Recrutare - țara": "Republica Moldova",
        "Exploatare - data": "11.2023", "Exploatare - localitate": "Madrid",
        "Exploatare - țara": "Spania",
        "Exploatare - descriere": "Cerșetorie la metrou și furturi din "
                                  "buzunare.",
        "Situația de fapt": "Copilul a fost dus în Spania de rude și "
                            "obligat să cerșească.",
    }
    r.update(ro_suspect(1, "Ceban", "Vasile", "", "1979", "M",
                        "moldoveană", "", "transportator", "nu", "da",
                        "nu"))
    r.update(ro_suspect(2, "Ceban", "Lilia", "", "1982", "F", "moldoveană",
                        "", "exploatator", "da", "nu", "da"))
    r.update(ro_suspect(3, "Ursu", "Ghenadie", "", "", "M", "moldoveană",
                        "", "complice", "nu", "nu", "da"))
    rows.append(r)
    rows.append({
        "Structura": "",
        "Număr dosar": "1502/D/P/2022",
        "Data înregistrării": "11.11.2022",
        "Perioada faptei - de la": "2022",
        "Stadiu": "clasat",
        "Încadrare juridică": "art. 211 C.pen.",
        "Forma exploatării": "căsătorie forțată",
        "Modalitate de recrutare": "vânzare de către familie",
        "Țara de origine": "România", "Țara de destinație": "România",
        "Persoana vătămată - nume": "Zamfir",
        "Persoana vătămată - prenume": "Ioana",
        "Persoana vătămată - CNP": cnp(2009, 3, 3, 22, 90, True),
        "Persoana vătămată - data nașterii": "03.03.2009",
        "Persoana vătămată - sex": "F",
        "Persoana vătămată - cetățenie": "română",
        "Persoana vătămată - localitate": "Pașcani",
        "Persoana vătămată - județ": "Iași",
        "Persoana vătămată - țara": "România",
        "Situația de fapt": "Nu s-a putut dovedi existența faptei.",
        **ro_suspect(1, "Necunoscut", "", "", "", "", "", "", "suspect",
                     "da", "nu", "da"),
    })
    return rows


# ---- main -------------------------------------------------------------

FIXED_TIME = 1704067200  # 2024-01-01T00:00:00Z: archive members' mtime


def make_zip(zip_path, tree_root, top):
    """Zip tree_root/top with bsdtar, reproducibly: the members are
    described by an mtree spec (fixed owner, mode and time), so no time
    stamp of the build machine ends up in the archive."""
    lines = ["#mtree"]
    for d, dirnames, filenames in sorted(os.walk(os.path.join(tree_root,
                                                              top))):
        rel = os.path.relpath(d, tree_root)
        lines.append("%s type=dir mode=0755 uid=0 gid=0 uname=root "
                     "gname=root time=%d.0" % (rel, FIXED_TIME))
        for f in sorted(filenames):
            lines.append("%s/%s type=file mode=0644 uid=0 gid=0 uname=root "
                         "gname=root time=%d.0 contents=%s/%s" %
                         (rel, f, FIXED_TIME, rel, f))
    spec = os.path.join(tree_root, "members.mtree")
    with open(spec, "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")
    if os.path.exists(zip_path):
        os.unlink(zip_path)
    subprocess.run(["bsdtar", "-a", "-cf", os.path.abspath(zip_path),
                    "@members.mtree"], cwd=tree_root, check=True)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else \
        os.path.dirname(os.path.abspath(__file__))
    for cc in ("be", "bg", "fi", "gr", "it", "pl", "pt", "ro"):
        os.makedirs(os.path.join(out, cc), exist_ok=True)
    write_csv(os.path.join(out, "be", "parquet-bruxelles.csv"), BE_HEADER,
              be_rows(), ";", "utf-8", crlf=True, bom=True)
    write_csv(os.path.join(out, "bg", "uis-prb.csv"), BG_HEADER, bg_rows(),
              ";", "cp1251", crlf=True)
    write_ndjson(os.path.join(out, "fi", "poliisi-patja.ndjson"), fi_objs())
    write_csv(os.path.join(out, "gr", "eisaggelia.tsv"), GR_HEADER,
              gr_rows(), "\t", "cp1253", crlf=True)
    write_csv(os.path.join(out, "it", "procura-sicp.csv"), IT_HEADER,
              it_rows(), ";", "utf-8", crlf=False)
    write_csv(os.path.join(out, "pl", "prokuratura.csv"), PL_HEADER,
              pl_rows(), ";", "cp1250", crlf=True)
    write_csv(os.path.join(out, "pt", "htcds-pt.csv"), PT_HEADER, pt_rows(),
              ",", "utf-8", crlf=False)
    tmp = tempfile.mkdtemp(prefix="sb-layouts.")
    try:
        top = "DIICOT_export_2024-01"
        os.makedirs(os.path.join(tmp, top, "ST_Iasi"))
        os.makedirs(os.path.join(tmp, top, "ST_Constanta"))
        write_csv(os.path.join(tmp, top, "ST_Constanta", "dosare.csv"),
                  RO_HEADER, ro_rows_constanta(), ",", "utf-8", crlf=False)
        write_csv(os.path.join(tmp, top, "ST_Iasi", "dosare.csv"),
                  RO_HEADER, ro_rows_iasi(), ",", "utf-8", crlf=False)
        make_zip(os.path.join(out, "ro", "diicot-export.zip"), tmp, top)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
