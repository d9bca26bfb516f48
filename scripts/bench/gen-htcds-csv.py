#!/usr/bin/python3
"""Write a synthetic HTCDS v2.0 CSV export of about SIZE megabytes.

usage: gen-htcds-csv.py SIZE_MB SEED > export.csv

Synthetic data only: names from small fixed lists, random numbers.  Each
case has a victim, one to three perpetrators, events, and a long
narrative with quoted newlines and embedded quotes, so that the CSV parser
sees what real exports hold.  Rows are assembled from pools so that the
generator runs at a few hundred MB/s.
"""
import random
import sys

COLS = ("cas_CaseNumber,org_Name,org_ShippingCountry,cas_Status,"
        "cas_IncomingReferralDate,cas_Offences,prs_FirstName,prs_SecondName,"
        "prs_Birthdate,prs_Gender,prs_Citizenship,prs_MobilePhone,"
        "prs_MailingCity,vic_AgeWhenTrafficked,vic_TypeOfExploitation,"
        "vic_MethodsOfControl,per1_prs_FirstName,per1_prs_SecondName,"
        "per1_prs_Citizenship,per1_prs_MobilePhone,per1_per_RoleInProcess,"
        "per1_recruited,per2_prs_FirstName,per2_prs_SecondName,"
        "per2_transported,route_Origin,route_Transit,route_Destination,"
        "rec_hte_Date,rec_hte_City,exp_hte_Date,exp_hte_City,"
        "exp_hte_Description,cco_CaseComment")

GIVEN = ["Мария", "Иван", "Elena", "Γεώργιος", "Łucja", "Ştefan", "João",
         "Aino", "Giulia", "Pieter", "Ana", "Petar", "Maria", "Andrei"]
FAMILY = ["Иванова", "Петров", "Popescu", "Παπαδόπουλος", "Kowalska",
          "Ionescu", "Silva", "Virtanen", "Rossi", "Peeters", "Dimitrova"]
CC = ["BG", "RO", "GR", "PL", "PT", "FI", "IT", "BE"]
CITY = ["Sliven", "Varna", "Constanța", "Thessaloniki", "Łódź", "Porto",
        "Tampere", "Torino", "Antwerpen", "Sofia"]
EXPL = ["SexualExploitation", "ForcedLabour", "ForcedBegging",
        "ForcedCriminality", "SexualExploitation;ForcedLabour"]
CTRL = ["DebtBondage", "WithholdsDocuments;DebtBondage", "PhysicalThreats",
        "PsychologicalAbuse;TakesEarnings"]
WORDS = ("the victim was recruited by a person known as through an online "
         "advert promising work in a restaurant and travelled by bus via "
         "where documents were taken and a debt was imposed the girl was "
         "moved between flats and forced to work nights while the suspects "
         "collected the money through transfers").split()


def narrative(rng):
    lines = []
    for _ in range(rng.randint(3, 8)):
        n = rng.randint(10, 24)
        line = " ".join(rng.choice(WORDS) for _ in range(n))
        if rng.random() < 0.3:
            line += ' ""' + rng.choice(GIVEN) + '""'
        lines.append(line)
    return '"' + "\n".join(lines) + '"'


def row(rng, i):
    c1, c2, c3 = rng.choice(CC), rng.choice(CC), rng.choice(CC)
    y = rng.randint(2018, 2026)
    return ",".join([
        f"{c1}-{y}-{i:07d}", f"Authority {c1} {i % 17}", c1,
        rng.choice(["Active", "Closed", "FollowUp"]),
        f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        '"Art. 159a;Art. 159b"', rng.choice(GIVEN), rng.choice(FAMILY),
        f"{rng.randint(2005, 2014)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        rng.choice(["Feminine", "Masculine"]), c1,
        f"+359 88{rng.randint(1000000, 9999999)}", rng.choice(CITY),
        str(rng.randint(10, 17)), rng.choice(EXPL), rng.choice(CTRL),
        rng.choice(GIVEN), rng.choice(FAMILY), c2,
        f"08{rng.randint(10000000, 99999999)}", "RecruiterOrIntermediary",
        "yes", rng.choice(GIVEN), rng.choice(FAMILY), "1", c1,
        f"{c2};{c3}", rng.choice(CC), f"{y}-{rng.randint(1, 12):02d}",
        rng.choice(CITY), f"{y}-{rng.randint(1, 12):02d}", rng.choice(CITY),
        narrative(rng), narrative(rng),
    ])


def main():
    size = int(float(sys.argv[1]) * 1e6)
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    pool = [row(rng, i) for i in range(5000)]
    out = sys.stdout.buffer
    out.write((COLS + "\r\n").encode())
    written, i = 0, 0
    chunk = []
    while written < size:
        r = pool[rng.randrange(len(pool))]
        # A unique case number per row, the rest from the pool.
        cut = r.index(",")
        line = (f"{r[:2]}-{i:09d}" + r[cut:] + "\r\n").encode()
        chunk.append(line)
        written += len(line)
        i += 1
        if len(chunk) >= 4096:
            out.write(b"".join(chunk))
            chunk = []
    out.write(b"".join(chunk))


if __name__ == "__main__":
    main()
