/*
 * sb_synth_narr.c: narratives of synthetic cases, with their spans.
 *
 * A template is UTF-8 text with directives:
 *   $V $S $T      the victim, a suspect, another suspect; then one of
 *     N G C I D A   the name in the nominative, genitive, accusative,
 *                   instrumental, dative (Finnish allative) or ablative
 *                   (a language without that case writes the nominative);
 *                   "!f" "!g" "!s" "!i" "!n" before the case letter force
 *                   the full name, given name, surname, initial and
 *                   surname, or nickname (a template asking for one binds
 *                   only a person who has one); without it the first
 *                   mention is the full name (or the initial and surname)
 *                   and later ones vary, nicknames included;
 *     {fem|masc}    text agreeing with the person's sex;
 *     p e b c n s l h x   one of the person's phone, email, iban, card,
 *                   national_id, passport, plate, handle, ip;
 *     r d           their street address, their date of birth.
 *   $@1 $@2 $@3   the recruitment date, the exploitation (or transit)
 *                 date, the date the case was opened;
 *   $@p $@q       the place of recruitment, the place of exploitation;
 *   $@x           the type of exploitation, as the template's grammar
 *                 needs it;
 *   $$            a dollar sign.
 * A template whose directive the case cannot fill (no second suspect, no
 * passport, a partial date) is skipped.  The first templates of each
 * language (nintro of them) open a narrative.
 */
#include "sb_synth_narr.h"

#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sb_names.h"
#include "sb_ids.h"
#include "sb_rng.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define BASE_MAX 128 /* a name part as written (mention fields) */
#define WORD_MAX 160 /* one word of a name, inflected */
#define MAX_WORDS 12 /* words of one name as written */
#define SURF_MAX 512 /* a name, an address, an identifier */
#define MAX_TPL 24   /* templates of one language */

/* ------------------------------------------------------------------ */
/* Languages                                                           */

enum morph { M_NONE, M_PL, M_EL, M_RO, M_FI };
enum numdate { ND_DOT, ND_DOT1, ND_SLASH, ND_SLASH1, ND_DASH };
enum longdate { LD_DMY, LD_FI, LD_PT, LD_FR };
/* Exploitation categories, for $@x. */
enum { X_SEX, X_LABOUR, X_BEG, X_CRIME, X_OTHER, X_COUNT };

struct lang {
	const char *code;
	enum morph morph;
	const char *const *tpl;
	int nintro; /* tpl[0..nintro) open */
	int ntpl;
	const char *const *month; /* as written after a day */
	enum numdate num[2];      /* usual, then less usual */
	enum longdate longd;
	const char *const *expl; /* X_COUNT phrases */
};

/*
 * The templates.  The same thirteen facts in every language, so that
 * every language plants every kind of identifier: three openings (the
 * victim with a date of birth, a national number and an address, a
 * passport), then recruitment through a handle, a phone, an account, a
 * card, a plate, an IP address and an email, a suspect's date of birth
 * and national number, the victim's passport found at a suspect's
 * address, the victim's phone and email, a second suspect's nickname and
 * handle, the victim's own phone and email, and the exploitation.
 */
static const char *const en_tpl[] = {
    "$V!fN, born on $Vd, was identified as a presumed victim of "
    "trafficking on $@3.",
    "The proceedings concern the minor $VN ($Vn), resident at $Vr.",
    "On $@3 the police identified $VN, holder of passport no. $Vs, in "
    "$@q.",
    "$SN recruited $V{her|him} in $@p on $@1, promising work abroad; the "
    "first contact was made through the profile $Sh.",
    "$VN stated that $SN called $V{her|him} regularly from the number "
    "$Sp.",
    "The earnings were transferred to the account $Sb held by $SN.",
    "$SN paid for the bus tickets with the card $Sc.",
    "On $@2 $VN was taken to $@q in a car with registration $Sl, driven "
    "by $SN.",
    "The advertisements were posted from the IP address $Sx and the "
    "e-mail address $Se, both used by $SN.",
    "$SN, born on $Sd, $Sn, was arrested on $@3.",
    "In the flat at $Sr the police found the passport of $VN (no. $Vs), "
    "kept by $SN.",
    "The number $Vp and the e-mail $Ve of the victim were found in the "
    "contacts of $TN.",
    "$T!fN, known as \"$T!nN\", used the account $Th and coordinated the "
    "transfers with $SN.",
    "According to the family, $V!gN used the number $Vp and the address "
    "$Ve.",
    "$VN was subjected to $@x in $@q from $@2 onwards.",
};

static const char *const bg_tpl[] = {
    "$V!fN, $V{родена|роден} на $Vd г., е $V{установена|установен} "
    "като предполагаема жертва на трафик на $@3 г.",
    "Производството се отнася до $V{непълнолетната|непълнолетния} $VN "
    "($Vn), с адрес $Vr.",
    "На $@3 г. полицията установи в $@q $VN, "
    "$V{притежателка|притежател} на паспорт № $Vs.",
    "$SN е $S{вербувала|вербувал} $V{пострадалата|пострадалия} в $@p "
    "на $@1 г. с обещание за работа в чужбина; първият контакт е бил "
    "чрез профила $Sh.",
    "$VN заяви, че $SN редовно се е $S{обаждала|обаждал} от номер $Sp.",
    "Парите са превеждани по сметка $Sb на $SN.",
    "$SN е $S{платила|платил} автобусните билети с карта $Sc.",
    "На $@2 г. $VN е $V{превозена|превозен} до $@q с лек автомобил с "
    "рег. № $Sl, управляван от $SN.",
    "Обявите са публикувани от IP адрес $Sx и електронна поща $Se, "
    "използвани от $SN.",
    "$SN, $S{родена|роден} на $Sd г., $Sn, е $S{задържана|задържан} на "
    "$@3 г.",
    "В жилището на адрес $Sr полицията откри паспорта на $VN (№ $Vs), "
    "държан от $SN.",
    "Номерът $Vp и имейлът $Ve на $V{пострадалата|пострадалия} са "
    "открити в контактите на $TN.",
    "$T!fN, $T{известна|известен} като „$T!nN“, е "
    "$T{използвала|използвал} профила $Th и е "
    "$T{координирала|координирал} преводите, нареждани от $SN.",
    "Според семейството $V!gN е $V{използвала|използвал} номер $Vp и "
    "адрес $Ve.",
    "$VN е $V{била подложена|бил подложен} на $@x в $@q от $@2 г.",
};

static const char *const el_tpl[] = {
    "$V{Η|Ο} $V!fN, $V{γεννημένη|γεννημένος} στις $Vd, ταυτοποιήθηκε ως "
    "πιθανό θύμα εμπορίας ανθρώπων στις $@3.",
    "Η υπόθεση αφορά $V{την ανήλικη|τον ανήλικο} $VC ($Vn), με διεύθυνση "
    "κατοικίας $Vr.",
    "Στις $@3 η αστυνομία εντόπισε στην πόλη $@q $V{την|τον} $VC, "
    "κάτοχο διαβατηρίου με αριθμό $Vs.",
    "$S{Η|Ο} $SN στρατολόγησε $V{την|τον} $VC στην πόλη $@p στις $@1, "
    "$S{υποσχόμενη|υποσχόμενος} εργασία στο εξωτερικό, ενώ η πρώτη "
    "επαφή έγινε μέσω του λογαριασμού $Sh.",
    "$V{Η|Ο} $VN κατέθεσε ότι $S{η|ο} $SN $V{της|του} τηλεφωνούσε "
    "τακτικά από τον αριθμό $Sp.",
    "Τα χρήματα κατατίθεντο στον λογαριασμό $Sb $S{της|του} $SG.",
    "$S{Η|Ο} $SN πλήρωσε τα εισιτήρια του λεωφορείου με την κάρτα $Sc.",
    "Στις $@2 $V{η|ο} $VN μεταφέρθηκε στην πόλη $@q με αυτοκίνητο με "
    "αριθμό κυκλοφορίας $Sl, που οδηγούσε $S{η|ο} $SN.",
    "Οι αγγελίες αναρτήθηκαν από τη διεύθυνση IP $Sx και το e-mail $Se, "
    "που χρησιμοποιούσε $S{η|ο} $SN.",
    "$S{Η|Ο} $SN, $S{γεννημένη|γεννημένος} στις $Sd, $Sn, συνελήφθη "
    "στις $@3.",
    "Στο διαμέρισμα στη διεύθυνση $Sr η αστυνομία βρήκε το διαβατήριο "
    "$V{της|του} $VG (αριθμός $Vs), που κρατούσε $S{η|ο} $SN.",
    "Ο αριθμός $Vp και το e-mail $Ve του θύματος βρέθηκαν στις επαφές "
    "$T{της|του} $TG.",
    "$T{Η|Ο} $T!fN, $T{γνωστή|γνωστός} ως «$T!nN», χρησιμοποιούσε τον "
    "λογαριασμό $Th και συντόνιζε τις μεταφορές χρημάτων με "
    "$S{την|τον} $SC.",
    "Σύμφωνα με την οικογένεια, $V{η|ο} $V!gN χρησιμοποιούσε τον αριθμό "
    "$Vp και τη διεύθυνση $Ve.",
    "$V{Η|Ο} $VN υπέστη $@x στην πόλη $@q από τις $@2.",
};

static const char *const fi_tpl[] = {
    "$V!fN (syntynyt $Vd) tunnistettiin ihmiskaupan oletetuksi uhriksi "
    "$@3.",
    "Asianomistaja on alaikäinen $VN ($Vn), osoite $Vr.",
    "Poliisi tavoitti $@3 paikkakunnalla $@q $VG, jonka passin numero on "
    "$Vs.",
    "$SN värväsi uhrin paikkakunnalla $@p $@1 lupaamalla työtä "
    "ulkomailta; ensimmäinen yhteydenotto tehtiin profiilin $Sh kautta.",
    "$VN kertoi saaneensa viestejä $SA, joka soitti hänelle "
    "säännöllisesti numerosta $Sp.",
    "Rahat siirrettiin $SG tilille $Sb.",
    "$SN maksoi linja-autoliput kortilla $Sc.",
    "$VN kuljetettiin $@2 paikkakunnalle $@q autolla, jonka "
    "rekisteritunnus on $Sl; autoa kuljetti $SN.",
    "Ilmoitukset julkaistiin IP-osoitteesta $Sx ja "
    "sähköpostiosoitteesta $Se, joita käytti $SN.",
    "$SN (syntynyt $Sd, $Sn) pidätettiin $@3.",
    "Osoitteessa $Sr sijaitsevasta asunnosta poliisi löysi $VG passin "
    "(numero $Vs), jota $SN piti hallussaan.",
    "Uhrin puhelinnumero $Vp ja sähköpostiosoite $Ve löytyivät $TG "
    "yhteystiedoista.",
    "$T!fN, joka tunnetaan nimellä ”$T!nN”, käytti tiliä $Th ja välitti "
    "rahansiirrot $SD.",
    "Perheen mukaan $V!gN käytti numeroa $Vp ja sähköpostiosoitetta $Ve.",
    "$VN joutui $@x paikkakunnalla $@q $@2 alkaen.",
};

static const char *const it_tpl[] = {
    "$V!fN, $V{nata|nato} in data $Vd, è $V{stata identificata|stato "
    "identificato} come presunta vittima di tratta in data $@3.",
    "Il procedimento riguarda $V{la minore|il minore} $VN ($Vn), "
    "residente in $Vr.",
    "In data $@3 la polizia ha rintracciato a $@q $VN, titolare del "
    "passaporto n. $Vs.",
    "$SN ha reclutato la vittima a $@p in data $@1, "
    "$V{promettendole|promettendogli} un lavoro all'estero; il primo "
    "contatto è avvenuto tramite il profilo $Sh.",
    "$VN ha dichiarato che $SN $V{la|lo} chiamava regolarmente dal numero "
    "$Sp.",
    "I proventi venivano versati sul conto $Sb intestato a $SN.",
    "$SN ha pagato i biglietti dell'autobus con la carta $Sc.",
    "In data $@2 $VN è $V{stata trasportata|stato trasportato} a $@q con "
    "un'auto targata $Sl, guidata da $SN.",
    "Gli annunci sono stati pubblicati dall'indirizzo IP $Sx e "
    "dall'indirizzo e-mail $Se, entrambi in uso a $SN.",
    "$SN, $S{nata|nato} in data $Sd, $Sn, è $S{stata arrestata|stato "
    "arrestato} in data $@3.",
    "Nell'appartamento sito in $Sr la polizia ha trovato il passaporto di "
    "$VN (n. $Vs), trattenuto da $SN.",
    "Il numero $Vp e l'indirizzo e-mail $Ve della vittima sono stati "
    "trovati nella rubrica di $TN.",
    "$T!fN, $T{detta|detto} «$T!nN», usava il profilo $Th e coordinava i "
    "trasferimenti di denaro con $SN.",
    "Secondo la famiglia, $V!gN usava il numero $Vp e l'indirizzo $Ve.",
    "$VN è $V{stata sottoposta|stato sottoposto} a $@x a $@q; i fatti "
    "sono stati accertati in data $@2.",
};

static const char *const pl_tpl[] = {
    "$V!fN, $V{urodzona|urodzony} $Vd r., $V{została "
    "zidentyfikowana|został zidentyfikowany} jako domniemana ofiara "
    "handlu ludźmi dnia $@3 r.",
    "Postępowanie dotyczy $V{małoletniej|małoletniego} $VG ($Vn), zam. "
    "$Vr.",
    "Dnia $@3 r. policja ujawniła w miejscowości $@q $VC, "
    "$V{posiadaczkę|posiadacza} paszportu nr $Vs.",
    "$SN $S{zwerbowała|zwerbował} $V{pokrzywdzoną|pokrzywdzonego} w "
    "miejscowości $@p dnia $@1 r., obiecując pracę za granicą; pierwszy "
    "kontakt nastąpił przez profil $Sh.",
    "$VN $V{zeznała|zeznał}, że $SN regularnie $S{dzwoniła|dzwonił} do "
    "$V{niej|niego} z numeru $Sp.",
    "Pieniądze przelewano na rachunek $Sb należący do $SG.",
    "$SN $S{zapłaciła|zapłacił} za bilety autobusowe kartą $Sc.",
    "Dnia $@2 r. $VN $V{została przewieziona|został przewieziony} do "
    "miejscowości $@q samochodem o nr rej. $Sl, którym kierował$S{a|} "
    "$SN.",
    "Ogłoszenia zamieszczano z adresu IP $Sx oraz adresu e-mail $Se, z "
    "których korzystał$S{a|} $SN.",
    "$SN, $S{urodzona|urodzony} $Sd r., $Sn, $S{została "
    "zatrzymana|został zatrzymany} dnia $@3 r.",
    "W mieszkaniu pod adresem $Sr policja znalazła paszport $VG (nr $Vs), "
    "przetrzymywany przez $SC.",
    "Numer $Vp i adres e-mail $Ve $V{pokrzywdzonej|pokrzywdzonego} "
    "znaleziono w kontaktach $TG.",
    "$T!fN, $T{znana|znany} jako „$T!nN”, $T{używała|używał} konta $Th i "
    "$T{koordynowała|koordynował} przelewy z $SI.",
    "Według rodziny $V!gN $V{korzystała|korzystał} z numeru $Vp i adresu "
    "$Ve.",
    "$VN $V{była poddana|był poddany} $@x w miejscowości $@q od $@2 r.",
    "$SN $S{spotykała|spotykał} się z $V!gI w mieszkaniu pod adresem $Sr.",
};

static const char *const pt_tpl[] = {
    "$V!fN, $V{nascida|nascido} em $Vd, foi $V{identificada|identificado} "
    "como presumível vítima de tráfico de seres humanos em $@3.",
    "O processo diz respeito $V{à menor|ao menor} $VN ($Vn), com "
    "residência em $Vr.",
    "Em $@3, a polícia identificou em $@q $VN, titular do passaporte n.º "
    "$Vs.",
    "$SN recrutou a vítima em $@p em $@1, prometendo-lhe trabalho no "
    "estrangeiro; o primeiro contacto foi feito através do perfil $Sh.",
    "$VN declarou que $SN lhe telefonava regularmente do número $Sp.",
    "O dinheiro era transferido para a conta $Sb, titulada por $SN.",
    "$SN pagou os bilhetes de autocarro com o cartão $Sc.",
    "Em $@2, $VN foi $V{transportada|transportado} para $@q num automóvel "
    "com a matrícula $Sl, conduzido por $SN.",
    "Os anúncios foram publicados a partir do endereço IP $Sx e do "
    "endereço de correio eletrónico $Se, ambos utilizados por $SN.",
    "$SN, $S{nascida|nascido} em $Sd, $Sn, foi $S{detida|detido} em $@3.",
    "No apartamento situado em $Sr, a polícia encontrou o passaporte de "
    "$VN (n.º $Vs), retido por $SN.",
    "O número $Vp e o endereço eletrónico $Ve da vítima foram encontrados "
    "nos contactos de $TN.",
    "$T!fN, $T{conhecida|conhecido} por «$T!nN», usava a conta $Th e "
    "coordenava as transferências com $SN.",
    "Segundo a família, $V!gN usava o número $Vp e o endereço $Ve.",
    "$VN foi $V{sujeita|sujeito} a $@x em $@q a partir de $@2.",
};

static const char *const ro_tpl[] = {
    "$V!fN, $V{născută|născut} la $Vd, a fost "
    "$V{identificată|identificat} ca presupusă victimă a traficului de "
    "persoane la $@3.",
    "Cauza privește $V{minora|minorul} $VN ($Vn), cu domiciliul în $Vr.",
    "La $@3, poliția a identificat-$V{o|l} în localitatea $@q pe $VN, "
    "$V{titulară|titular} a pașaportului nr. $Vs.",
    "$SN a recrutat victima în localitatea $@p la $@1, promițându-i un "
    "loc de muncă în străinătate; primul contact a avut loc prin profilul "
    "$Sh.",
    "$VN a declarat că $SN $V{o|îl} suna regulat de pe numărul $Sp.",
    "Banii erau virați în contul $Sb al $SG.",
    "$SN a plătit biletele de autocar cu cardul $Sc.",
    "La $@2, $VN a fost $V{transportată|transportat} la $@q cu "
    "autoturismul cu numărul de înmatriculare $Sl, condus de $SN.",
    "Anunțurile au fost publicate de la adresa IP $Sx și de pe adresa de "
    "e-mail $Se, folosite de $SN.",
    "$SN, $S{născută|născut} la $Sd, $Sn, a fost $S{reținută|reținut} la "
    "$@3.",
    "În apartamentul din $Sr, poliția a găsit pașaportul $VG (nr. $Vs), "
    "păstrat de $SN.",
    "Numărul $Vp și adresa de e-mail $Ve ale victimei au fost găsite în "
    "agenda telefonică a $TG.",
    "$T!fN, $T{cunoscută|cunoscut} sub numele de „$T!nN”, folosea "
    "profilul $Th și coordona transferurile împreună cu $SN.",
    "Potrivit familiei, telefonul $V!gG avea numărul $Vp, iar adresa de "
    "e-mail era $Ve.",
    "$VN a fost $V{supusă|supus} $@x în localitatea $@q începând cu $@2.",
};

static const char *const fr_tpl[] = {
    "$V!fN, $V{née|né} le $Vd, a été $V{identifiée|identifié} comme "
    "victime présumée de traite des êtres humains le $@3.",
    "La procédure concerne $V{la mineure|le mineur} $VN ($Vn), "
    "$V{domiciliée|domicilié} $Vr.",
    "Le $@3, la police a identifié à $@q $VN, titulaire du passeport n° "
    "$Vs.",
    "$SN a recruté la victime à $@p le $@1 en lui promettant un travail à "
    "l'étranger ; le premier contact a eu lieu via le profil $Sh.",
    "$VN a déclaré que $SN l'appelait régulièrement depuis le numéro $Sp.",
    "Les gains étaient versés sur le compte $Sb (titulaire : $SN).",
    "$SN a payé les billets de bus avec la carte $Sc.",
    "Le $@2, $VN a été $V{transportée|transporté} à $@q dans une voiture "
    "immatriculée $Sl, conduite par $SN.",
    "Les annonces ont été publiées depuis l'adresse IP $Sx et l'adresse "
    "e-mail $Se, utilisées par $SN.",
    "$SN, $S{née|né} le $Sd, $Sn, a été $S{arrêtée|arrêté} le $@3.",
    "Dans l'appartement situé $Sr, la police a trouvé le passeport (n° "
    "$Vs) de la victime $VN, conservé par $SN.",
    "Le numéro $Vp et l'adresse e-mail $Ve de la victime figuraient dans "
    "le répertoire du téléphone saisi chez $TN.",
    "$T!fN, $T{surnommée|surnommé} « $T!nN », utilisait le compte $Th et "
    "coordonnait les virements avec $SN.",
    "Selon sa famille, $V!gN utilisait le numéro $Vp et l'adresse $Ve.",
    "$VN a été $V{soumise|soumis} à $@x à $@q à partir du $@2.",
};

static const char *const nl_tpl[] = {
    "$V!fN, geboren op $Vd, werd op $@3 geïdentificeerd als vermoedelijk "
    "slachtoffer van mensenhandel.",
    "De procedure betreft de minderjarige $VN ($Vn), met adres $Vr.",
    "Op $@3 trof de politie in $@q $VN aan, $V{houdster|houder} van "
    "paspoort nr. $Vs.",
    "$SN ronselde het slachtoffer op $@1 in $@p met de belofte van werk "
    "in het buitenland; het eerste contact verliep via het profiel $Sh.",
    "$VN verklaarde dat $SN $V{haar|hem} regelmatig belde vanaf het "
    "nummer $Sp.",
    "De opbrengsten werden gestort op rekening $Sb op naam van $SN.",
    "$SN betaalde de bustickets met de kaart $Sc.",
    "Op $@2 werd $VN naar $@q vervoerd in een wagen met nummerplaat $Sl, "
    "bestuurd door $SN.",
    "De advertenties werden geplaatst vanaf IP-adres $Sx en e-mailadres "
    "$Se, beide in gebruik bij $SN.",
    "$SN, geboren op $Sd, $Sn, werd op $@3 gearresteerd.",
    "In de woning op het adres $Sr vond de politie het paspoort van $VN "
    "(nr. $Vs), dat in het bezit was van $SN.",
    "Het nummer $Vp en het e-mailadres $Ve van het slachtoffer werden "
    "teruggevonden in de contacten van $TN.",
    "$T!fN, bijgenaamd \"$T!nN\", gebruikte het account $Th en "
    "coördineerde de overschrijvingen met $SN.",
    "Volgens de familie gebruikte $V!gN het nummer $Vp en het adres $Ve.",
    "$VN werd vanaf $@2 in $@q onderworpen aan $@x.",
};

static const char *const en_month[12] = {"January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December"};
static const char *const bg_month[12] = {"януари", "февруари", "март", "април",
    "май", "юни", "юли", "август", "септември", "октомври", "ноември",
    "декември"};
static const char *const el_month[12] = {"Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου",
    "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου", "Αυγούστου", "Σεπτεμβρίου",
    "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου"};
static const char *const fi_month[12] = {"tammikuuta", "helmikuuta",
    "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta",
    "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"};
static const char *const it_month[12] = {"gennaio", "febbraio", "marzo",
    "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
    "novembre", "dicembre"};
static const char *const pl_month[12] = {"stycznia", "lutego", "marca",
    "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
    "października", "listopada", "grudnia"};
static const char *const pt_month[12] = {"janeiro", "fevereiro", "março",
    "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
    "novembro", "dezembro"};
static const char *const ro_month[12] = {"ianuarie", "februarie", "martie",
    "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie",
    "noiembrie", "decembrie"};
static const char *const fr_month[12] = {"janvier", "février", "mars", "avril",
    "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre"};
static const char *const nl_month[12] = {"januari", "februari", "maart",
    "april", "mei", "juni", "juli", "augustus", "september", "oktober",
    "november", "december"};

/* $@x in each template's grammar: sexual, labour, begging, criminality,
 * other. */
static const char *const en_expl[X_COUNT] = {"sexual exploitation",
    "forced labour", "forced begging", "forced criminality", "exploitation"};
static const char *const bg_expl[X_COUNT] = {"сексуална експлоатация",
    "принудителен труд", "принудителна просия", "принуда към престъпна дейност",
    "експлоатация"};
static const char *const el_expl[X_COUNT] = {"σεξουαλική εκμετάλλευση",
    "καταναγκαστική εργασία", "εξαναγκασμό σε επαιτεία",
    "εξαναγκασμό σε εγκληματικές πράξεις", "εκμετάλλευση"};
static const char *const fi_expl[X_COUNT] = {
    "seksuaalisen hyväksikäytön kohteeksi", "pakkotyöhön",
    "pakotetuksi kerjäämään", "pakotetuksi tekemään rikoksia",
    "hyväksikäytön kohteeksi"};
static const char *const it_expl[X_COUNT] = {"sfruttamento sessuale",
    "lavoro forzato", "accattonaggio forzato", "attività criminali forzate",
    "sfruttamento"};
static const char *const pl_expl[X_COUNT] = {"wykorzystywaniu seksualnemu",
    "pracy przymusowej", "przymusowemu żebractwu",
    "zmuszaniu do popełniania przestępstw", "wyzyskowi"};
static const char *const pt_expl[X_COUNT] = {"exploração sexual",
    "trabalho forçado", "mendicidade forçada", "prática forçada de crimes",
    "exploração"};
static const char *const ro_expl[X_COUNT] = {"exploatării sexuale",
    "muncii forțate", "cerșetoriei forțate",
    "constrângerii la săvârșirea de infracțiuni", "exploatării"};
static const char *const fr_expl[X_COUNT] = {"l'exploitation sexuelle",
    "un travail forcé", "la mendicité forcée", "la criminalité forcée",
    "l'exploitation"};
static const char *const nl_expl[X_COUNT] = {"seksuele uitbuiting",
    "dwangarbeid", "gedwongen bedelarij", "gedwongen criminaliteit",
    "uitbuiting"};

#define LANG(c, m, t, mo, n1, n2, ld, x)                                       \
	{                                                                      \
		c, m, t, 3, (int)NELEM(t), mo, {n1, n2}, ld, x                 \
	}

static const struct lang langs[] = {
    LANG("bg", M_NONE, bg_tpl, bg_month, ND_DOT, ND_DOT, LD_DMY, bg_expl),
    LANG("el", M_EL, el_tpl, el_month, ND_SLASH, ND_SLASH1, LD_DMY, el_expl),
    LANG("en", M_NONE, en_tpl, en_month, ND_SLASH, ND_SLASH, LD_DMY, en_expl),
    LANG("fi", M_FI, fi_tpl, fi_month, ND_DOT1, ND_DOT1, LD_FI, fi_expl),
    LANG("fr", M_NONE, fr_tpl, fr_month, ND_SLASH, ND_SLASH, LD_FR, fr_expl),
    LANG("it", M_NONE, it_tpl, it_month, ND_SLASH, ND_SLASH, LD_DMY, it_expl),
    LANG("nl", M_NONE, nl_tpl, nl_month, ND_DASH, ND_SLASH, LD_DMY, nl_expl),
    LANG("pl", M_PL, pl_tpl, pl_month, ND_DOT, ND_DOT, LD_DMY, pl_expl),
    LANG("pt", M_NONE, pt_tpl, pt_month, ND_SLASH, ND_DASH, LD_PT, pt_expl),
    LANG("ro", M_RO, ro_tpl, ro_month, ND_DOT, ND_DOT, LD_DMY, ro_expl),
};

/* The label written before a national number, outside its span. */
static const struct {
	const char *scheme, *lang, *label;
} id_labels[] = {
    {"EGN", "bg", "ЕГН"},
    {"LNCH", "bg", "ЛНЧ"},
    {"AMKA", "el", "ΑΜΚΑ"},
    {"AFM", "el", "ΑΦΜ"},
    {"HETU", "fi", "henkilötunnus"},
    {"CF", "", "codice fiscale"},
    {"CC", "pt", "CC n.º"},
    {"NN", "nl", "rijksregisternummer"},
    {"NN", "fr", "numéro national"},
    {"BIS", "nl", "BIS-nummer"},
    {"BIS", "fr", "numéro BIS"},
    {"LNCH", "", "LNCh"},
};

/* Street addresses by the person's country; '#' is the house number. */
static const struct {
	const char *cc;
	const char *street[6];
} streets[] = {
    {"BG",
        {"ул. „Граф Игнатиев“ #", "бул. „Витоша“ #", "ул. „Раковски“ #",
            "ул. „Шипка“ #, ет. 3", "бул. „Васил Левски“ #",
            "ул. „Христо Ботев“ #, вх. Б"}},
    {"GR",
        {"Ερμού #", "Πατησίων #", "Εγνατίας #", "Τσιμισκή #",
            "Λεωφόρος Συγγρού #", "Αγίου Δημητρίου #"}},
    {"PL",
        {"ul. Marszałkowska #", "ul. Długa #/4", "ul. Piotrkowska #",
            "al. Jerozolimskie #", "ul. Mickiewicza # m. 7",
            "ul. Słowackiego #"}},
    {"IT",
        {"via Roma #", "via Garibaldi #", "corso Vittorio Emanuele II #",
            "via Giuseppe Mazzini #", "piazza Dante #", "via dei Mille #"}},
    {"PT",
        {"Rua Augusta, #", "Avenida da Liberdade, #",
            "Rua de Santa Catarina, #", "Rua do Carmo, #",
            "Rua Direita, #, 2.º Esq.", "Travessa do Fala-Só, #"}},
    {"RO",
        {"str. Mihai Eminescu nr. #", "bd. Unirii nr. #",
            "str. Victoriei nr. #", "Calea Moșilor nr. #",
            "str. Ștefan cel Mare nr. #, bl. A2, ap. 15",
            "str. Avram Iancu nr. #"}},
    {"FI",
        {"Mannerheimintie # B 12", "Hämeenkatu # A 3", "Aleksanterinkatu #",
            "Kauppakatu #", "Rautatienkatu # C 21", "Puistokatu #"}},
    {"BE",
        {"Kerkstraat #", "Stationsstraat # bus 3", "rue Neuve #",
            "chaussée de Louvain #", "Nieuwstraat #", "rue de la Loi #"}},
    {"UA",
        {"вул. Шевченка, #", "вул. Франка, #, кв. 5", "просп. Миру, #",
            "вул. Соборна, #", "вул. Лесі Українки, #",
            "вул. Грушевського, #"}},
    {"MD",
        {"str. Ștefan cel Mare nr. #", "bd. Dacia nr. #", "str. Columna nr. #",
            "str. Ismail nr. #", "bd. Moscova nr. #",
            "str. Mihai Viteazul nr. #"}},
    {"AL",
        {"Rruga e Kavajës #", "Rruga Myslym Shyri #", "Bulevardi Zogu I #",
            "Rruga e Durrësit #", "Rruga Sami Frashëri #",
            "Rruga e Elbasanit #"}},
    {"NG",
        {"# Allen Avenue", "# Adeola Odeku Street", "# Broad Street",
            "# Awolowo Road", "# Ring Road", "# Sapele Road"}},
    {"MA",
        {"# rue Ibn Batouta", "# avenue Mohammed V", "# rue Al Massira",
            "# boulevard Zerktouni", "# rue Tarik Ibn Ziad",
            "# avenue Hassan II"}},
    {"SY",
        {"Baghdad Street #", "Al-Thawra Street #", "Al-Hamra Street #",
            "Al-Qasr Street #", "Al-Nil Street #", "Al-Jalaa Street #"}},
    {"VN",
        {"# Lê Lợi", "# Trần Hưng Đạo", "# Nguyễn Huệ", "# Hai Bà Trưng",
            "# Lý Thường Kiệt", "# Điện Biên Phủ"}},
};

/* ------------------------------------------------------------------ */
/* State                                                               */

struct np { /* a person the narrative can name */
	const struct sb_syn_mention *m;
	const struct sb_syn_person *p;
	char sex;
	bool suspect;
	char given[BASE_MAX]; /* as written, or its ASCII form */
	char family[BASE_MAX];
	char nick[BASE_MAX]; /* "" when none */
	bool nick_done;      /* nick looked up */
	char init[16];       /* "И." */
	bool named;          /* mentioned already */
	unsigned used;       /* ids written already */
};

struct narr {
	struct sb_syn_case *c;
	const struct lang *L;
	struct sb_rng *rng;
	iconv_t cd;     /* (iconv_t)-1: anything fits */
	bool cd_cached; /* cd belongs to the thread's cache */
	struct np np[SB_SYN_MAX_MENTIONS];
	int nnp;
	int victim;  /* index into np, -1 none */
	int bind[3]; /* V S T */
};

struct sent { /* a sentence being written */
	char t[SB_SYN_NARR_MAX];
	size_t len;
	struct sb_syn_span sp[SB_SYN_MAX_SPANS];
	int nsp;
	bool over;
};

/* ------------------------------------------------------------------ */
/* UTF-8                                                               */

static size_t
u8len(unsigned char b)
{
	return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

/* The code point at s[0..n), its length in *k (at least 1). */
static uint32_t
u8dec(const char *s, size_t n, size_t *k)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t l = u8len(u[0]), i;
	uint32_t cp;

	if (l > n)
		l = 1;
	*k = l;
	if (l == 1)
		return u[0];
	cp = u[0] & (0x3F >> (l - 1));
	for (i = 1; i < l; i++)
		cp = cp << 6 | (u[i] & 0x3F);
	return cp;
}

/* The offset of the last code point of s[0..n), n > 0. */
static size_t
u8last(const char *s, size_t n)
{
	size_t i = n - 1;

	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static uint32_t
lastcp(const char *s, size_t n)
{
	size_t k, i;

	if (n == 0)
		return 0;
	i = u8last(s, n);
	return u8dec(s + i, n - i, &k);
}

static bool
cp_upper(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return true;
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) ||
	    (c >= 0x218 && c <= 0x21B))
		return c % 2 == 0;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return c % 2 == 1;
	return c == 0x178 || (c >= 0x386 && c <= 0x38F) ||
	    (c >= 0x391 && c <= 0x3AB) || (c >= 0x400 && c <= 0x42F);
}

static bool
cp_latin(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

static bool
cp_greek(uint32_t c)
{
	return (c >= 0x370 && c <= 0x3FF) || (c >= 0x1F00 && c <= 0x1FFF);
}

static bool
ends(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);

	return n >= k && memcmp(w + n - k, suf, k) == 0;
}

/* o = w[0..n-cut) + add; false if it does not fit cap. */
static bool
repl(char *o, size_t cap, const char *w, size_t n, size_t cut, const char *add)
{
	size_t a = strlen(add);

	if (cut > n || n - cut + a + 1 > cap)
		return false;
	memmove(o, w, n - cut);
	memcpy(o + n - cut, add, a + 1);
	return true;
}

/* ------------------------------------------------------------------ */
/* Encoding                                                            */

/*
 * iconv descriptors, a few per thread: opening one loads the converter
 * module and closing the last one unloads it, which would cost more than
 * the narrative itself.
 */
#define CD_SLOTS 4

struct narr_tls {
	char enc[CD_SLOTS][32];
	iconv_t cd[CD_SLOTS];
	unsigned next;
};

static pthread_once_t tls_once = PTHREAD_ONCE_INIT;
static pthread_key_t tls_key;
static int tls_key_ok;

static void
tls_free(void *p)
{
	struct narr_tls *t = p;
	int i;

	if (t == NULL)
		return;
	for (i = 0; i < CD_SLOTS; i++)
		if (t->enc[i][0] != '\0')
			iconv_close(t->cd[i]);
	free(t);
}

static void
tls_init(void)
{
	tls_key_ok = pthread_key_create(&tls_key, tls_free) == 0;
}

/* A descriptor from UTF-8 to enc, in its initial state; *cached says
 * whether the thread keeps it (else the caller closes it). */
static iconv_t
cd_open(const char *enc, bool *cached)
{
	struct narr_tls *t = NULL;
	iconv_t cd;
	unsigned i;

	*cached = false;
	(void)pthread_once(&tls_once, tls_init);
	if (tls_key_ok && (t = pthread_getspecific(tls_key)) == NULL &&
	    (t = calloc(1, sizeof(*t))) != NULL &&
	    pthread_setspecific(tls_key, t) != 0) {
		free(t);
		t = NULL;
	}
	for (i = 0; t != NULL && i < CD_SLOTS; i++)
		if (t->enc[i][0] != '\0' && strcmp(t->enc[i], enc) == 0) {
			iconv(t->cd[i], NULL, NULL, NULL, NULL);
			*cached = true;
			return t->cd[i];
		}
	if ((cd = iconv_open(enc, "UTF-8")) == (iconv_t)-1)
		return cd;
	if (t != NULL && strlen(enc) < sizeof t->enc[0]) {
		i = t->next++ % CD_SLOTS;
		if (t->enc[i][0] != '\0')
			iconv_close(t->cd[i]);
		memcpy(t->enc[i], enc, strlen(enc) + 1);
		t->cd[i] = cd;
		*cached = true;
	}
	return cd;
}

void
sb_synth_narr_release(void)
{
	struct narr_tls *t;

	(void)pthread_once(&tls_once, tls_init);
	if (!tls_key_ok || (t = pthread_getspecific(tls_key)) == NULL)
		return;
	(void)pthread_setspecific(tls_key, NULL);
	tls_free(t);
}

/* True if s[0..len) converts to the export's encoding. */
static bool
fits(struct narr *n, const char *s, size_t len)
{
	char buf[256], *in = (char *)(uintptr_t)s, *o;
	size_t il = len, ol;

	if (n->cd == (iconv_t)-1)
		return true;
	iconv(n->cd, NULL, NULL, NULL, NULL);
	while (il > 0) {
		o = buf;
		ol = sizeof buf;
		if (iconv(n->cd, &in, &il, &o, &ol) == (size_t)-1 &&
		    errno != E2BIG)
			return false;
	}
	o = buf;
	ol = sizeof buf;
	return iconv(n->cd, NULL, NULL, &o, &ol) != (size_t)-1;
}

/* s[0..len) with the Romanian comma letters (ș ț) as the cedilla ones
 * (ş ţ) of the legacy code pages; false if there were none. */
static bool
cedilla(const char *s, size_t len, char *out, size_t cap)
{
	size_t i, k = 0;
	uint32_t c;
	bool any = false;

	for (i = 0; i < len && k + 3 < cap;) {
		if ((unsigned char)s[i] == 0xC8 && i + 1 < len &&
		    (c = (unsigned char)s[i + 1]) >= 0x98 && c <= 0x9B) {
			/* U+0218..U+021B to U+015E U+015F U+0162 U+0163 */
			out[k++] = (char)0xC5;
			out[k++] = (char)(c <= 0x99 ? 0x9E + (c - 0x98)
			                            : 0xA2 + (c - 0x9A));
			any = true;
			i += 2;
		} else
			out[k++] = s[i++];
	}
	out[k] = '\0';
	return any && i == len;
}

/* s[0..len) as it can be written: itself, with cedillas for Romanian
 * commas, or its ASCII form. */
static void
writable(struct narr *n, const char *s, size_t len, char *out, size_t cap)
{
	char a[SB_NAMES_MAX * 4];
	size_t i, k = 0;
	int r;

	if (len < sizeof a && cedilla(s, len, a, sizeof a) &&
	    fits(n, a, strlen(a)) && !fits(n, s, len)) {
		s = a;
		len = strlen(a);
	}
	if (fits(n, s, len)) {
		if (len >= cap)
			len = u8last(s, cap); /* cut at a character */
		memcpy(out, s, len);
		out[len] = '\0';
		return;
	}
	r = len <= SB_NAMES_MAX ? sb_names_ascii(s, len, a, sizeof a) : -1;
	if (r < 0) {
		for (i = 0, r = 0; i < len && (size_t)r + 1 < sizeof a; i++)
			if ((unsigned char)s[i] < 0x80)
				a[r++] = s[i];
		a[r] = '\0';
	}
	for (i = 0; a[i] != '\0' && k + 1 < cap; i++)
		out[k++] = a[i];
	while (k > 0 && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
}

/* ------------------------------------------------------------------ */
/* Sentence buffer                                                     */

static void
put(struct sent *s, const char *p, size_t len)
{
	if (s->over || s->len + len >= sizeof s->t) {
		s->over = true;
		return;
	}
	memcpy(s->t + s->len, p, len);
	s->len += len;
	s->t[s->len] = '\0';
}

static void
puts_(struct sent *s, const char *p)
{
	put(s, p, strlen(p));
}

/* Write p[0..len) as a span of type for person. */
static void
put_span(struct sent *s, const char *p, size_t len, const char *type,
    uint32_t person)
{
	size_t start = s->len;

	if (len == 0 || s->nsp >= SB_SYN_MAX_SPANS) {
		s->over = true;
		return;
	}
	put(s, p, len);
	if (s->over)
		return;
	memset(&s->sp[s->nsp], 0, sizeof(s->sp[0]));
	s->sp[s->nsp].start = start;
	s->sp[s->nsp].end = s->len;
	s->sp[s->nsp].type = type;
	s->sp[s->nsp].person = person;
	s->nsp++;
}

/* Legacy and ASCII stand-ins for template characters an encoding lacks. */
static const struct {
	uint32_t cp;
	const char *alt[2];
} standins[] = {
    {0x0218, {"Ş", "S"}},
    {0x0219, {"ş", "s"}},
    {0x021A, {"Ţ", "T"}},
    {0x021B, {"ţ", "t"}},
    {0x201E, {"\"", NULL}},
    {0x201C, {"\"", NULL}},
    {0x201D, {"\"", NULL}},
    {0x00AB, {"\"", NULL}},
    {0x00BB, {"\"", NULL}},
    {0x2018, {"'", NULL}},
    {0x2019, {"'", NULL}},
    {0x2116, {"No", NULL}},
    {0x20AC, {"EUR", NULL}},
    {0x00BA, {"o", NULL}},
};

/* Template text: as written if the encoding holds it, else character by
 * character with stand-ins. */
static void
put_text(struct narr *n, struct sent *s, const char *p, size_t len)
{
	size_t i, k, j, m;
	uint32_t cp;
	char a[32];
	int r;

	if (fits(n, p, len)) {
		put(s, p, len);
		return;
	}
	for (i = 0; i < len; i += k) {
		cp = u8dec(p + i, len - i, &k);
		if (fits(n, p + i, k)) {
			put(s, p + i, k);
			continue;
		}
		for (j = 0; j < NELEM(standins); j++) {
			if (standins[j].cp != cp)
				continue;
			for (m = 0; m < 2 && standins[j].alt[m] != NULL; m++)
				if (fits(n, standins[j].alt[m],
				        strlen(standins[j].alt[m])))
					break;
			if (m < 2 && standins[j].alt[m] != NULL) {
				puts_(s, standins[j].alt[m]);
				break;
			}
		}
		if (j < NELEM(standins))
			continue;
		if ((r = sb_names_ascii(p + i, k, a, sizeof a)) > 0 &&
		    fits(n, a, (size_t)r))
			put(s, a, (size_t)r);
	}
}

/* ------------------------------------------------------------------ */
/* Inflection                                                          */

/* Polish genitive of a word in -a (Anna Anny, Ola Oli, Kasia Kasi,
 * Maria Marii, Alicja Alicji, Maja Mai, Monika Moniki). */
static bool
pl_gen_a(const char *w, size_t n, char *o, size_t cap)
{
	if (ends(w, n, "sia") || ends(w, n, "zia") || ends(w, n, "cia") ||
	    (ends(w, n, "nia") && n <= 5))
		return repl(o, cap, w, n, 1, "");
	if (ends(w, n, "ka") || ends(w, n, "ga") || ends(w, n, "la"))
		return repl(o, cap, w, n, 1, "i");
	if (n >= 3 && ends(w, n, "ja") && strchr("aeiouy", w[n - 3]) != NULL)
		return repl(o, cap, w, n, 2, "i");
	if (ends(w, n, "ia") || ends(w, n, "ja") || ends(w, n, "ya"))
		return repl(o, cap, w, n, 1, "i");
	return repl(o, cap, w, n, 1, "y");
}

/* A masculine Polish noun stem for the oblique cases (Marek Mark-,
 * Paweł Pawł-, Stępień Stępni-, Krzysiek Krzyśk-). */
static bool
pl_stem(const char *w, size_t n, char *o, size_t cap)
{
	static const char *const soft[][2] = {{"siek", "śk"}, {"ziek", "źk"},
	    {"ciek", "ćk"}, {"niek", "ńk"}, {"ień", "ni"}, {"nder", "ndr"},
	    {"eł", "ł"}, {"ń", "ni"}, {"ś", "si"}, {"ć", "ci"}, {"ź", "zi"}};
	size_t i;

	for (i = 0; i < NELEM(soft); i++)
		if (ends(w, n, soft[i][0]) && n > strlen(soft[i][0]) + 1)
			return repl(
			    o, cap, w, n, strlen(soft[i][0]), soft[i][1]);
	if ((ends(w, n, "ek") || ends(w, n, "ec")) && n > 4)
		return repl(o, cap, w, n, 2, ends(w, n, "ek") ? "k" : "c");
	if (ends(w, n, "o"))
		return repl(o, cap, w, n, 1, "");
	return repl(o, cap, w, n, 0, "");
}

/* Polish genitive (G), accusative (C) and instrumental (I). */
static bool
pl_word(
    const char *w, size_t n, char sex, bool family, int k, char *o, size_t cap)
{
	char st[WORD_MAX];
	size_t sl;

	if (k != 'G' && k != 'C' && k != 'I')
		return false;
	if (sex == 'F') {
		if (!ends(w, n, "a"))
			return false; /* Nowak, Carmen: indeclinable */
		if (family &&
		    (ends(w, n, "ska") || ends(w, n, "cka") ||
		        ends(w, n, "dzka") || ends(w, n, "ova") ||
		        ends(w, n, "eva") || ends(w, n, "owa") ||
		        ends(w, n, "ewa")))
			return k == 'G' ? repl(o, cap, w, n, 1,
			                      ends(w, n, "ka") ? "iej" : "ej")
			                : repl(o, cap, w, n, 1, "ą");
		return k == 'G' ? pl_gen_a(w, n, o, cap)
		                : repl(o, cap, w, n, 1, k == 'C' ? "ę" : "ą");
	}
	if (ends(w, n, "ki") || ends(w, n, "gi") || ends(w, n, "i"))
		return repl(o, cap, w, n, 0, k == 'I' ? "m" : "ego");
	if (ends(w, n, "y"))
		return repl(o, cap, w, n, 1, k == 'I' ? "ym" : "ego");
	if (ends(w, n, "a"))
		return k == 'G' ? pl_gen_a(w, n, o, cap)
		                : repl(o, cap, w, n, 1, k == 'C' ? "ę" : "ą");
	if (ends(w, n, "e") || ends(w, n, "u") || ends(w, n, "ó") ||
	    ends(w, n, "ą") || ends(w, n, "ę"))
		return false;
	if (!pl_stem(w, n, st, sizeof st))
		return false;
	sl = strlen(st);
	if (k != 'I')
		return repl(o, cap, st, sl, 0, "a");
	return repl(o, cap, st, sl, 0,
	    ends(st, sl, "k") || ends(st, sl, "g") ? "iem" : "em");
}

static bool
el_vowel(uint32_t c)
{
	static const uint32_t v[] = {0x3B1, 0x3B5, 0x3B7, 0x3B9, 0x3BF, 0x3C5,
	    0x3C9, 0x3AC, 0x3AD, 0x3AE, 0x3AF, 0x3CC, 0x3CD, 0x3CE};
	size_t i;

	for (i = 0; i < NELEM(v); i++)
		if (v[i] == c)
			return true;
	return false;
}

/* Greek genitive (G) and accusative (C): Γιώργος του Γιώργου, τον
 * Γιώργο; Μαρία της Μαρίας.  Women's surnames are genitives already. */
static bool
el_word(
    const char *w, size_t n, char sex, bool family, int k, char *o, size_t cap)
{
	char z[WORD_MAX];
	uint32_t c;
	size_t i;

	if (!ends(w, n, "ς")) {
		c = lastcp(w, n);
		return sex == 'F' && !family && k == 'G' &&
		    (c == 0x3B1 || c == 0x3AC || c == 0x3B7 || c == 0x3AE) &&
		    repl(o, cap, w, n, 0, "ς");
	}
	if (sex != 'M' || n < 4 || n >= sizeof z)
		return false;
	i = u8last(w, n - 2);
	if (!el_vowel(lastcp(w, n - 2)) || i == 0)
		return false;
	if (k == 'C')
		return repl(o, cap, w, n, 2, "");
	if (k != 'G')
		return false;
	memcpy(z, w, n);
	z[n] = '\0';
	return sb_names_family_form("GR", z, 'F', o, cap) > 0 &&
	    strcmp(o, z) != 0;
}

/* Romanian genitive-dative of a woman's given name in -a: Maria Mariei,
 * Andreea Andreei, Raluca Ralucăi, Olga Olgăi. */
static bool
ro_word(const char *w, size_t n, char *o, size_t cap)
{
	if (!ends(w, n, "a") || n < 3)
		return false;
	if (ends(w, n, "ea"))
		return repl(o, cap, w, n, 1, "i");
	if (ends(w, n, "ca") || ends(w, n, "ga"))
		return repl(o, cap, w, n, 1, "ăi");
	return repl(o, cap, w, n, 1, "ei");
}

/* Finnish genitive (G), allative (D) and ablative (A) of the last word:
 * Virtanen Virtasen Virtaselle Virtaselta, Niemi Niemen, Laine Laineen,
 * Matti Matin, Pekka Pekan, Petrov Petrovin. */
static bool
fi_word(const char *w, size_t n, bool family, int k, char *o, size_t cap)
{
	static const char *const native[][2] = {{"niemi", "nieme"},
	    {"mäki", "mäe"}, {"lahti", "lahde"}, {"koski", "koske"},
	    {"salmi", "salme"}, {"järvi", "järve"}, {"lampi", "lamme"},
	    {"vuori", "vuore"}, {"Niemi", "Nieme"}, {"Mäki", "Mäe"},
	    {"Lahti", "Lahde"}, {"Koski", "Koske"}, {"Salmi", "Salme"},
	    {"Järvi", "Järve"}, {"Lampi", "Lamme"}, {"Vuori", "Vuore"},
	    {"laine", "lainee"}, {"Laine", "Lainee"}};
	char st[WORD_MAX];
	const char *end;
	bool back;
	size_t i, last;
	uint32_t c;

	if (k != 'G' && k != 'D' && k != 'A')
		return false;
	back = strpbrk(w, "aouAOU") != NULL &&
	    (size_t)(strpbrk(w, "aouAOU") - w) < n;
	end = k == 'G' ? "n" : k == 'D' ? "lle" : back ? "lta" : "ltä";
	if (ends(w, n, "nen") && n > 4)
		return repl(st, sizeof st, w, n, 3, "se") &&
		    repl(o, cap, st, strlen(st), 0, end);
	for (i = 0; family && i < NELEM(native); i++)
		if (ends(w, n, native[i][0]))
			return repl(st, sizeof st, w, n, strlen(native[i][0]),
			           native[i][1]) &&
			    repl(o, cap, st, strlen(st), 0, end);
	c = lastcp(w, n);
	if (c != 0 && c < 0x80 && strchr("aeiouy", (int)c) != NULL) {
		last = n - 1;
		/* kk pp tt before the last vowel lose one consonant. */
		if (last >= 3 && w[last - 1] == w[last - 2] &&
		    strchr("kpt", w[last - 1]) != NULL) {
			memcpy(st, w, last - 1);
			memcpy(st + last - 1, w + last, 1);
			return repl(o, cap, st, last, 0, end);
		}
		return repl(o, cap, w, n, 0, end);
	}
	if (c == 0xE4 || c == 0xF6) /* ä ö */
		return repl(o, cap, w, n, 0, end);
	if (c >= 'a' && c <= 'z')
		return repl(st, sizeof st, w, n, 0, "i") &&
		    repl(o, cap, st, strlen(st), 0, end);
	return false;
}

/* Inflect one word, part by part between hyphens (Kowalska-Nowak). */
static bool
infl_word(const struct narr *n, const struct np *q, const char *w, bool family,
    int k, char *o, size_t cap)
{
	char part[WORD_MAX], res[WORD_MAX];
	const char *h;
	size_t len = strlen(w), pl, ol = 0;
	bool any = false, r;
	uint32_t c;

	if (len + 1 > cap)
		return false;
	for (;;) {
		h = n->L->morph == M_FI ? NULL : strchr(w, '-');
		pl = h != NULL ? (size_t)(h - w) : strlen(w);
		if (pl >= sizeof part)
			return false;
		memcpy(part, w, pl);
		part[pl] = '\0';
		r = false;
		c = lastcp(part, pl);
		if (pl > 1 && !cp_upper(c)) {
			switch (n->L->morph) {
			case M_PL:
				r = cp_latin(c) &&
				    pl_word(part, pl, q->sex, family, k, res,
				        sizeof res);
				break;
			case M_EL:
				r = cp_greek(c) &&
				    el_word(part, pl, q->sex, family, k, res,
				        sizeof res);
				break;
			case M_FI:
				r = cp_latin(c) &&
				    fi_word(
				        part, pl, family, k, res, sizeof res);
				break;
			default:
				break;
			}
		}
		if (!r)
			memcpy(res, part, pl + 1);
		any |= r;
		if (ol + strlen(res) + 2 > cap)
			return false;
		memcpy(o + ol, res, strlen(res));
		ol += strlen(res);
		if (h == NULL)
			break;
		o[ol++] = '-';
		w = h + 1;
	}
	o[ol] = '\0';
	return any;
}

/* ------------------------------------------------------------------ */
/* Names                                                               */

static bool
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* The nicknames of a given name as written, or of its first word, or of
 * the person's native given name. */
static const char *const *
nicknames(const struct sb_syn_mention *m, size_t *nn)
{
	const char *const *nk;
	const char *src[2] = {m->given, m->p->given};
	char first[BASE_MAX];
	size_t i, l;

	for (i = 0; i < 2; i++) {
		l = strnlen(src[i], sizeof first - 1);
		memcpy(first, src[i], l);
		first[l] = '\0';
		if ((nk = sb_names_nicknames(first, nn)) != NULL && *nn > 0)
			return nk;
		first[strcspn(first, " -")] = '\0';
		if ((nk = sb_names_nicknames(first, nn)) != NULL && *nn > 0)
			return nk;
	}
	*nn = 0;
	return NULL;
}

/* The person's nickname, looked up the first time it is asked for; ""
 * when there is none. */
static const char *
nick_of(struct narr *n, struct np *q)
{
	const char *const *nk;
	const char *v;
	char a[BASE_MAX];
	size_t nn;

	if (q->nick_done)
		return q->nick;
	q->nick_done = true;
	if ((nk = nicknames(q->m, &nn)) == NULL)
		return q->nick;
	v = nk[nn == 1 ? 0 : sb_rng_below(n->rng, (uint32_t)nn)];
	/* A name written in Latin letters gets a Latin nickname. */
	if (is_ascii(q->given) && !is_ascii(v) &&
	    sb_names_ascii(v, strlen(v), a, sizeof a) > 0)
		v = a;
	writable(n, v, strlen(v), q->nick, sizeof q->nick);
	return q->nick;
}

enum { F_FULL, F_GIVEN, F_FAMILY, F_INIT, F_NICK };

struct word {
	char w[WORD_MAX];
	int kind; /* F_GIVEN F_FAMILY F_INIT */
};

static int
add_words(struct word *w, int nw, const char *s, int kind)
{
	const char *e;
	size_t l;

	while (*s != '\0' && nw < MAX_WORDS) {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		e = strchr(s, ' ');
		l = e != NULL ? (size_t)(e - s) : strlen(s);
		if (l >= sizeof w[nw].w)
			l = u8last(s, sizeof w[nw].w);
		memcpy(w[nw].w, s, l);
		w[nw].w[l] = '\0';
		w[nw].kind = kind;
		nw++;
		s += l;
	}
	return nw;
}

static int
pick_form(struct narr *n, struct np *q, int forced)
{
	static const int later[] = {F_FULL, F_FULL, F_FULL, F_FULL, F_GIVEN,
	    F_GIVEN, F_GIVEN, F_GIVEN, F_GIVEN, F_FAMILY, F_FAMILY, F_FAMILY,
	    F_FAMILY, F_FAMILY, F_INIT, F_INIT, F_INIT, F_NICK, F_NICK, F_NICK};
	int f;

	switch (forced) {
	case 'f':
		f = F_FULL;
		break;
	case 'g':
		f = F_GIVEN;
		break;
	case 's':
		f = F_FAMILY;
		break;
	case 'i':
		f = F_INIT;
		break;
	case 'n':
		f = F_NICK;
		break;
	default:
		if (!q->named)
			f = sb_rng_chance(n->rng, 0.8) ? F_FULL : F_INIT;
		else
			f = later[sb_rng_below(n->rng, NELEM(later))];
		break;
	}
	if (f == F_NICK && nick_of(n, q)[0] == '\0')
		f = F_GIVEN;
	if ((f == F_INIT || f == F_FULL) &&
	    (q->given[0] == '\0' || q->family[0] == '\0'))
		f = q->given[0] != '\0' ? F_GIVEN : F_FAMILY;
	if (f == F_GIVEN && q->given[0] == '\0')
		f = F_FAMILY;
	if (f == F_FAMILY && q->family[0] == '\0')
		f = F_GIVEN;
	return f;
}

/* Join words into out; false if it does not fit. */
static bool
join(const struct word *w, int nw, char *out, size_t cap)
{
	size_t k = 0, l;
	int i;

	for (i = 0; i < nw; i++) {
		l = strlen(w[i].w);
		if (k + l + 2 > cap)
			return false;
		if (i > 0)
			out[k++] = ' ';
		memcpy(out + k, w[i].w, l);
		k += l;
	}
	out[k] = '\0';
	return k > 0;
}

/* Write the name of bound person `who` in case k. */
static bool
put_name(struct narr *n, struct sent *s, int who, int forced, int k)
{
	struct np *q = &n->np[n->bind[who]];
	struct word w[MAX_WORDS];
	char surf[SURF_MAX], tmp[WORD_MAX], all[SURF_MAX];
	const char *prefix = "";
	int nw = 0, f, i;
	bool infl = false;

	f = pick_form(n, q, forced);
	if (f == F_FULL || f == F_GIVEN)
		nw = add_words(w, nw, q->given, F_GIVEN);
	if (f == F_NICK)
		nw = add_words(w, nw, q->nick, F_GIVEN);
	if (f == F_INIT)
		nw = add_words(w, nw, q->init, F_INIT);
	if (f == F_FULL || f == F_FAMILY || f == F_INIT)
		nw = add_words(w, nw, q->family, F_FAMILY);
	if (nw == 0 || !join(w, nw, surf, sizeof surf))
		return false;
	if (k != 'N') {
		switch (n->L->morph) {
		case M_PL:
		case M_EL:
			for (i = 0; i < nw; i++)
				if (w[i].kind != F_INIT &&
				    infl_word(n, q, w[i].w,
				        w[i].kind == F_FAMILY, k, tmp,
				        sizeof tmp))
					memcpy(w[i].w, tmp, strlen(tmp) + 1);
			infl = true;
			break;
		case M_FI:
			if (w[nw - 1].kind != F_INIT &&
			    infl_word(n, q, w[nw - 1].w,
			        w[nw - 1].kind == F_FAMILY, k, tmp, sizeof tmp))
				memcpy(w[nw - 1].w, tmp, strlen(tmp) + 1);
			infl = true;
			break;
		case M_RO:
			if (k != 'G' && k != 'D')
				break;
			if (q->sex == 'F' && w[0].kind == F_GIVEN &&
			    !cp_upper(lastcp(w[0].w, strlen(w[0].w))) &&
			    ro_word(w[0].w, strlen(w[0].w), tmp, sizeof tmp)) {
				memcpy(w[0].w, tmp, strlen(tmp) + 1);
				infl = true;
			} else
				prefix = "lui ";
			break;
		default:
			break;
		}
		/* An ending the encoding cannot hold: the nominative. */
		if (infl &&
		    (!join(w, nw, all, sizeof all) ||
		        !fits(n, all, strlen(all))))
			prefix = n->L->morph == M_RO ? "lui " : "";
		else if (infl)
			memcpy(surf, all, strlen(all) + 1);
	}
	puts_(s, prefix);
	put_span(s, surf, strlen(surf), "person", q->p->id);
	q->named = true;
	return !s->over;
}

/* ------------------------------------------------------------------ */
/* Dates, places, addresses                                            */

/* y, m, d of a full ISO date; false for a partial or bad one. */
static bool
iso_full(const char *s, int *y, int *m, int *d)
{
	int i;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

static bool
put_date(struct narr *n, struct sent *s, int y, int m, int d, uint32_t person)
{
	const struct lang *L = n->L;
	char buf[96], day[8];
	uint32_t u = sb_rng_below(n->rng, 20);
	int style;

	if (u == 0) {
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	} else if (u < 13) {
		style = L->num[u < 9 ? 0 : 1];
		switch (style) {
		case ND_DOT:
			snprintf(buf, sizeof buf, "%02d.%02d.%04d", d, m, y);
			break;
		case ND_DOT1:
			snprintf(buf, sizeof buf, "%d.%d.%04d", d, m, y);
			break;
		case ND_SLASH1:
			snprintf(buf, sizeof buf, "%d/%d/%04d", d, m, y);
			break;
		case ND_DASH:
			snprintf(buf, sizeof buf, "%02d-%02d-%04d", d, m, y);
			break;
		default:
			snprintf(buf, sizeof buf, "%02d/%02d/%04d", d, m, y);
			break;
		}
	} else {
		snprintf(day, sizeof day, "%d", d);
		switch (L->longd) {
		case LD_FI:
			snprintf(buf, sizeof buf, "%d. %s %04d", d,
			    L->month[m - 1], y);
			break;
		case LD_PT:
			snprintf(buf, sizeof buf, "%d de %s de %04d", d,
			    L->month[m - 1], y);
			break;
		case LD_FR:
			snprintf(buf, sizeof buf, "%s %s %04d",
			    d == 1 ? "1er" : day, L->month[m - 1], y);
			break;
		default:
			snprintf(buf, sizeof buf, "%d %s %04d", d,
			    L->month[m - 1], y);
			break;
		}
		if (!fits(n, buf, strlen(buf)))
			snprintf(buf, sizeof buf, "%02d.%02d.%04d", d, m, y);
	}
	put_span(s, buf, strlen(buf), "date", person);
	return !s->over;
}

static const struct sb_syn_event *
event(const struct sb_syn_case *c, const char *type, bool full)
{
	int i, y, m, d;

	for (i = 0; i < c->nev && i < (int)NELEM(c->ev); i++)
		if (c->ev[i].type != NULL && strcmp(c->ev[i].type, type) == 0 &&
		    (!full || iso_full(c->ev[i].date, &y, &m, &d)))
			return &c->ev[i];
	return NULL;
}

/* $@1 $@2 $@3. */
static bool
put_case_date(struct narr *n, struct sent *s, int which)
{
	const struct sb_syn_case *c = n->c;
	const struct sb_syn_event *e = NULL;
	const char *iso;
	int y, m, d;

	if (which == '1') {
		e = event(c, "Recruitment", true);
		iso = e != NULL ? e->date : c->from;
	} else if (which == '2') {
		if ((e = event(c, "Exploitation", true)) == NULL)
			e = event(c, "Transit", true);
		iso = e != NULL ? e->date : c->to;
	} else
		iso = c->opened;
	if (!iso_full(iso, &y, &m, &d))
		return false;
	return put_date(n, s, y, m, d, 0);
}

/* $@p $@q: written, not a span. */
static bool
put_place(struct narr *n, struct sent *s, int which)
{
	const struct sb_syn_event *e;
	const char *loc = NULL;
	char buf[BASE_MAX];

	if (which == 'p') {
		if ((e = event(n->c, "Recruitment", false)) != NULL &&
		    e->locality[0] != '\0')
			loc = e->locality;
		else if (n->victim >= 0 && n->np[n->victim].p->locality[0])
			loc = n->np[n->victim].p->locality;
	} else {
		if ((e = event(n->c, "Exploitation", false)) == NULL ||
		    e->locality[0] == '\0')
			e = event(n->c, "Transit", false);
		if (e != NULL && e->locality[0] != '\0')
			loc = e->locality;
	}
	if (loc == NULL)
		return false;
	writable(n, loc, strnlen(loc, sizeof e->locality), buf, sizeof buf);
	if (buf[0] == '\0')
		return false;
	puts_(s, buf);
	return !s->over;
}

static uint32_t
mix(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352dU;
	x ^= x >> 15;
	x *= 0x846ca68bU;
	x ^= x >> 16;
	return x;
}

/* A person's street address: the same for them in every case. */
static bool
put_address(struct narr *n, struct sent *s, const struct np *q)
{
	const struct sb_syn_person *p = q->p;
	char raw[SURF_MAX], buf[SURF_MAX], num[12], loc[BASE_MAX];
	const char *pat, *h;
	size_t i, j;
	uint32_t x = mix(p->id ^ 0x5bd1e995U);

	for (i = 0; i < NELEM(streets); i++)
		if (strcmp(streets[i].cc, p->cc) == 0)
			break;
	if (i == NELEM(streets)) {
		for (i = 0; i < NELEM(streets); i++)
			if (strcmp(streets[i].cc, n->c->cc) == 0)
				break;
		if (i == NELEM(streets))
			i = 0;
	}
	pat = streets[i].street[x % 6];
	snprintf(num, sizeof num, "%u", 1 + (x >> 8) % 140);
	if ((h = strchr(pat, '#')) == NULL)
		return false;
	j = (size_t)(h - pat);
	snprintf(raw, sizeof raw, "%.*s%s%s", (int)j, pat, num, h + 1);
	writable(n, raw, strlen(raw), buf, sizeof buf);
	put_span(s, buf, strlen(buf), "address", p->id);
	if (p->locality[0] != '\0' && sb_rng_chance(n->rng, 0.5)) {
		writable(n, p->locality,
		    strnlen(p->locality, sizeof p->locality), loc, sizeof loc);
		if (loc[0] != '\0') {
			puts_(s, ", ");
			puts_(s, loc);
		}
	}
	return !s->over;
}

/* ------------------------------------------------------------------ */
/* Identifiers                                                         */

static const struct {
	char letter;
	const char *type;
} idtypes[] = {
    {'p', "phone"},
    {'e', "email"},
    {'b', "iban"},
    {'c', "card"},
    {'n', "national_id"},
    {'s', "passport"},
    {'l', "plate"},
    {'h', "handle"},
    {'x', "ip"},
};

static const char *
id_type(int letter)
{
	size_t i;

	for (i = 0; i < NELEM(idtypes); i++)
		if (idtypes[i].letter == letter)
			return idtypes[i].type;
	return NULL;
}

static bool
has_id(const struct sb_syn_person *p, const char *type)
{
	int i;

	for (i = 0; i < p->nids && i < SB_SYN_MAX_IDS; i++)
		if (p->ids[i].type != NULL &&
		    strcmp(p->ids[i].type, type) == 0 &&
		    p->ids[i].value[0] != '\0')
			return true;
	return false;
}

/* One of the person's identifiers of a type, one not written yet if
 * there is one. */
static const struct sb_syn_id *
pick_id(struct narr *n, struct np *q, const char *type)
{
	int i, cand[SB_SYN_MAX_IDS], nc = 0, fresh = 0;

	for (i = 0; i < q->p->nids && i < SB_SYN_MAX_IDS; i++)
		if (q->p->ids[i].type != NULL &&
		    strcmp(q->p->ids[i].type, type) == 0 &&
		    q->p->ids[i].value[0] != '\0' && (q->used & 1u << i) == 0)
			cand[nc++] = i;
	if (nc == 0)
		for (i = 0; i < q->p->nids && i < SB_SYN_MAX_IDS; i++)
			if (q->p->ids[i].type != NULL &&
			    strcmp(q->p->ids[i].type, type) == 0 &&
			    q->p->ids[i].value[0] != '\0')
				cand[nc++] = i;
	if (nc == 0)
		return NULL;
	fresh = cand[nc == 1 ? 0 : sb_rng_below(n->rng, (uint32_t)nc)];
	q->used |= 1u << fresh;
	return &q->p->ids[fresh];
}

/* A plate in its country's written form, from canonical or written. */
static void
plate_form(struct narr *n, const struct sb_syn_id *id, char *out, size_t cap)
{
	static const char lat[] = "ABEKMHOPCTYXZIN";
	static const char *const cyr[] = {"А", "В", "Е", "К", "М", "Н", "О",
	    "Р", "С", "Т", "У", "Х", NULL, NULL, NULL};
	static const char *const gre[] = {"Α", "Β", "Ε", "Κ", "Μ", "Η", "Ο",
	    "Ρ", NULL, "Τ", "Υ", "Χ", "Ζ", "Ι", "Ν"};
	const char *v = id->value, *cc = id->country, *sep = " ", *q;
	const char *const *alpha = NULL;
	char c[SB_ID_BUFSZ], f[SB_ID_BUFSZ * 3];
	size_t i, k = 0, len;
	bool pairs = false;

	snprintf(out, cap, "%s", v);
	if (strpbrk(v, " -") != NULL ||
	    sb_plate_canonical(cc, v, strlen(v), c, sizeof c) < 0)
		goto script;
	if (strcmp(cc, "BE") == 0 || strcmp(cc, "FI") == 0 ||
	    strcmp(cc, "GR") == 0)
		sep = "-";
	if (strcmp(cc, "PT") == 0) {
		sep = "-";
		pairs = true;
	}
	len = strlen(c);
	for (i = 0; i < len && k + 3 < sizeof f; i++) {
		if (i > 0 &&
		    (pairs ? i % 2 == 0
		           : (c[i] >= '0' && c[i] <= '9') !=
		                (c[i - 1] >= '0' && c[i - 1] <= '9')) &&
		    (strcmp(cc, "PL") != 0 ||
		        i == strspn(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")))
			f[k++] = *sep;
		f[k++] = c[i];
	}
	f[k] = '\0';
	if (sb_plate_valid(cc, f, k))
		snprintf(out, cap, "%s", f);
script:
	/* Bulgarian and Greek plates in their own letters, as clerks type
	 * them. */
	if (strcmp(cc, "BG") == 0 && strcmp(n->L->code, "bg") == 0)
		alpha = cyr;
	if (strcmp(cc, "GR") == 0 && strcmp(n->L->code, "el") == 0)
		alpha = gre;
	if (alpha == NULL || !sb_rng_chance(n->rng, 0.5))
		return;
	for (k = 0, q = out; *q != '\0' && k + 4 < sizeof f; q++) {
		const char *m = strchr(lat, *q);
		if (m != NULL && *q != '\0' && alpha[m - lat] != NULL) {
			memcpy(f + k, alpha[m - lat], strlen(alpha[m - lat]));
			k += strlen(alpha[m - lat]);
		} else
			f[k++] = *q;
	}
	f[k] = '\0';
	if (sb_plate_valid(cc, f, k) && fits(n, f, k))
		snprintf(out, cap, "%s", f);
}

static const char *
id_label(const struct narr *n, const char *scheme)
{
	size_t i;

	for (i = 0; i < NELEM(id_labels); i++)
		if (strcmp(id_labels[i].scheme, scheme) == 0 &&
		    (id_labels[i].lang[0] == '\0' ||
		        strcmp(id_labels[i].lang, n->L->code) == 0))
			return id_labels[i].label;
	return scheme[0] != '\0' ? scheme : "ID";
}

static bool
put_id(struct narr *n, struct sent *s, struct np *q, int letter)
{
	static const int intl[] = {SB_PHONE_E164, SB_PHONE_INTL, SB_PHONE_INTL,
	    SB_PHONE_INTL_00, SB_PHONE_INTL_TRUNK};
	const char *type = id_type(letter), *v, *pc;
	const struct sb_syn_id *id;
	char out[SURF_MAX], lab[64];
	int sch, style;
	size_t i, k;

	if (type == NULL || (id = pick_id(n, q, type)) == NULL)
		return false;
	v = id->value;
	snprintf(out, sizeof out, "%s", v);
	switch (letter) {
	case 'p':
		pc = sb_phone_country(v);
		if (pc != NULL && strcmp(pc, n->c->cc) == 0)
			style = (int)sb_rng_below(n->rng, SB_PHONE_STYLE_COUNT);
		else
			style = intl[sb_rng_below(n->rng, NELEM(intl))];
		if (sb_phone_format(v, style, out, sizeof out) < 0 &&
		    sb_phone_format(v, SB_PHONE_INTL, out, sizeof out) < 0)
			snprintf(out, sizeof out, "%s", v);
		break;
	case 'b':
		if (sb_rng_chance(n->rng, 0.85) &&
		    sb_iban_format(v, strlen(v), out, sizeof out) < 0)
			snprintf(out, sizeof out, "%s", v);
		break;
	case 'c':
		if (sb_rng_chance(n->rng, 0.75)) {
			char sep = sb_rng_chance(n->rng, 0.8) ? ' ' : '-';
			for (i = 0, k = 0; v[i] != '\0' && k + 2 < sizeof out;
			     i++) {
				if (i > 0 && i % 4 == 0)
					out[k++] = sep;
				out[k++] = v[i];
			}
			out[k] = '\0';
		}
		break;
	case 'n':
		sch = sb_id_scheme_by_name(id->scheme);
		if (sch >= 0 &&
		    sb_id_format((enum sb_id_scheme)sch, v, strlen(v), out,
		        sizeof out) < 0)
			snprintf(out, sizeof out, "%s", v);
		writable(n, id_label(n, id->scheme),
		    strlen(id_label(n, id->scheme)), lab, sizeof lab);
		puts_(s, lab);
		puts_(s, " ");
		break;
	case 'l':
		plate_form(n, id, out, sizeof out);
		break;
	case 'h':
		if (v[0] != '@')
			snprintf(out, sizeof out, "@%s", v);
		break;
	default:
		break;
	}
	if (!fits(n, out, strlen(out)))
		snprintf(out, sizeof out, "%s", v);
	put_span(s, out, strlen(out), type, q->p->id);
	return !s->over;
}

/* ------------------------------------------------------------------ */
/* Templates                                                           */

struct slot {
	int key;            /* 0 V, 1 S, 2 T, '@' case facts, '$' */
	int what;           /* '{', a case letter, an id letter, r, d */
	int form;           /* forced name form or 0 */
	const char *alt[2]; /* {fem|masc} */
	size_t altlen[2];
	size_t len; /* bytes of the directive */
};

/* Parse the directive at t ('$'); -1 if malformed. */
static int
parse_slot(const char *t, struct slot *sl)
{
	const char *p = t + 1, *bar, *close;

	memset(sl, 0, sizeof(*sl));
	if (*p == '$') {
		sl->key = '$';
		sl->len = 2;
		return 0;
	}
	if (*p == '@') {
		if (p[1] == '\0' || strchr("123pqx", p[1]) == NULL)
			return -1;
		sl->key = '@';
		sl->what = p[1];
		sl->len = 3;
		return 0;
	}
	if (*p == '\0' || strchr("VST", *p) == NULL)
		return -1;
	sl->key = *p == 'V' ? 0 : *p == 'S' ? 1 : 2;
	p++;
	if (*p == '{') {
		if ((close = strchr(p, '}')) == NULL ||
		    (bar = memchr(p, '|', (size_t)(close - p))) == NULL)
			return -1;
		sl->what = '{';
		sl->alt[0] = p + 1;
		sl->altlen[0] = (size_t)(bar - p - 1);
		sl->alt[1] = bar + 1;
		sl->altlen[1] = (size_t)(close - bar - 1);
		sl->len = (size_t)(close + 1 - t);
		return 0;
	}
	if (*p == '!') {
		if (p[1] == '\0' || strchr("fgsin", p[1]) == NULL)
			return -1;
		sl->form = p[1];
		p += 2;
		if (*p == '\0' || strchr("NGCIDA", *p) == NULL)
			return -1;
	}
	if (*p == '\0' || strchr("NGCIDApebcnslhxrd", *p) == NULL)
		return -1;
	sl->what = *p;
	sl->len = (size_t)(p + 1 - t);
	return 0;
}

#define NEED_NICK (1u << 16) /* with need[]: a nickname ("!n") */

/* What a template asks of V, S, T: which are used, which ids they need.
 * -1 if malformed. */
static int
needs(const char *t, bool use[3], unsigned need[3])
{
	struct slot sl;
	size_t i;

	use[0] = use[1] = use[2] = false;
	need[0] = need[1] = need[2] = 0;
	while ((t = strchr(t, '$')) != NULL) {
		if (parse_slot(t, &sl) < 0)
			return -1;
		if (sl.key >= 0 && sl.key <= 2) {
			use[sl.key] = true;
			if (sl.form == 'n')
				need[sl.key] |= NEED_NICK;
			for (i = 0; i < NELEM(idtypes); i++)
				if (idtypes[i].letter == sl.what)
					need[sl.key] |= 1u << i;
		}
		t += sl.len;
	}
	return 0;
}

static bool
can_bind(struct narr *n, struct np *q, unsigned need)
{
	size_t i;

	if ((q->given[0] == '\0' && q->family[0] == '\0') ||
	    ((need & NEED_NICK) != 0 && nick_of(n, q)[0] == '\0'))
		return false;
	for (i = 0; i < NELEM(idtypes); i++)
		if ((need & 1u << i) != 0 && !has_id(q->p, idtypes[i].type))
			return false;
	return true;
}

/* Bind V, S and T for a template; false if the case cannot fill it. */
static bool
bind(struct narr *n, const bool use[3], const unsigned need[3])
{
	int cand[SB_SYN_MAX_MENTIONS], nc, i, k;

	n->bind[0] = n->bind[1] = n->bind[2] = -1;
	if (use[0]) {
		if (n->victim < 0 || !can_bind(n, &n->np[n->victim], need[0]))
			return false;
		n->bind[0] = n->victim;
	}
	for (k = 1; k <= 2; k++) {
		if (!use[k])
			continue;
		for (i = 0, nc = 0; i < n->nnp; i++)
			if (n->np[i].suspect && i != n->bind[1] &&
			    can_bind(n, &n->np[i], need[k]))
				cand[nc++] = i;
		if (nc == 0)
			return false;
		n->bind[k] =
		    cand[nc == 1 ? 0 : sb_rng_below(n->rng, (uint32_t)nc)];
	}
	return true;
}

static uint32_t
expl_kind(const struct sb_syn_case *c)
{
	const char *e = c->nexploitation > 0 ? c->exploitation[0] : NULL;

	if (e == NULL)
		return X_OTHER;
	if (strcmp(e, "SexualExploitation") == 0)
		return X_SEX;
	if (strcmp(e, "ForcedLabour") == 0 || strcmp(e, "ChildLabour") == 0 ||
	    strcmp(e, "Servitude") == 0)
		return X_LABOUR;
	if (strcmp(e, "ForcedBegging") == 0)
		return X_BEG;
	if (strcmp(e, "ForcedCriminality") == 0)
		return X_CRIME;
	return X_OTHER;
}

/* The date of birth as the export records it, else the true one. */
static bool
dob_of(const struct np *q, int *y, int *m, int *d)
{
	if (iso_full(q->m->dob, y, m, d))
		return true;
	*y = q->p->year;
	*m = q->p->month;
	*d = q->p->day;
	return *y > 0 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

/* Render template t into s; false if the case cannot fill it. */
static bool
render(struct narr *n, const char *t, struct sent *s)
{
	struct slot sl;
	struct np *q;
	const char *d;
	bool use[3];
	unsigned need[3];
	int y, m, dd, a;

	if (needs(t, use, need) < 0 || !bind(n, use, need))
		return false;
	while (*t != '\0' && !s->over) {
		if ((d = strchr(t, '$')) == NULL)
			d = t + strlen(t);
		if (d > t)
			put_text(n, s, t, (size_t)(d - t));
		if (*d == '\0')
			break;
		if (parse_slot(d, &sl) < 0)
			return false;
		t = d + sl.len;
		if (sl.key == '$') {
			puts_(s, "$");
			continue;
		}
		if (sl.key == '@') {
			if (sl.what == 'p' || sl.what == 'q') {
				if (!put_place(n, s, sl.what))
					return false;
			} else if (sl.what == 'x') {
				d = n->L->expl[expl_kind(n->c)];
				put_text(n, s, d, strlen(d));
			} else if (!put_case_date(n, s, sl.what))
				return false;
			continue;
		}
		q = &n->np[n->bind[sl.key]];
		if (sl.what == '{') {
			a = q->sex == 'F' ? 0 : 1;
			put_text(n, s, sl.alt[a], sl.altlen[a]);
		} else if (strchr("NGCIDA", sl.what) != NULL) {
			if (!put_name(n, s, sl.key, sl.form, sl.what))
				return false;
		} else if (sl.what == 'r') {
			if (!put_address(n, s, q))
				return false;
		} else if (sl.what == 'd') {
			if (!dob_of(q, &y, &m, &dd) ||
			    !put_date(n, s, y, m, dd, q->p->id))
				return false;
		} else if (!put_id(n, s, q, sl.what))
			return false;
	}
	return !s->over;
}

/* ------------------------------------------------------------------ */
/* Narratives                                                          */

static void
init_person(
    struct narr *n, struct np *q, const struct sb_syn_mention *m, bool suspect)
{
	size_t k;

	memset(q, 0, sizeof(*q));
	q->m = m;
	q->p = m->p;
	q->sex = m->p->sex;
	q->suspect = suspect;
	writable(n, m->given, strnlen(m->given, sizeof m->given), q->given,
	    sizeof q->given);
	writable(n, m->family, strnlen(m->family, sizeof m->family), q->family,
	    sizeof q->family);
	if (q->given[0] != '\0') {
		k = u8len((unsigned char)q->given[0]);
		if (k > strlen(q->given))
			k = 1;
		memcpy(q->init, q->given, k);
		q->init[k] = '.';
		q->init[k + 1] = '\0';
	}
}

/* Add one sentence: 1 added, 0 the case cannot fill it, -1 no room. */
static int
add_sentence(struct narr *n, const char *tpl)
{
	struct sb_syn_case *c = n->c;
	struct sent s;
	struct {
		bool named;
		unsigned used;
	} snap[SB_SYN_MAX_MENTIONS];
	const char *sep = "";
	size_t len = strlen(c->narrative), off;
	int i;

	for (i = 0; i < n->nnp; i++) {
		snap[i].named = n->np[i].named;
		snap[i].used = n->np[i].used;
	}
	s.len = 0;
	s.nsp = 0;
	s.over = false;
	s.t[0] = '\0';
	if (render(n, tpl, &s)) {
		if (len > 0)
			sep = sb_rng_chance(n->rng, 0.15) ? "\n" : " ";
		off = len + strlen(sep);
		if (off + s.len + 1 <= sizeof c->narrative &&
		    c->nspans + s.nsp <= SB_SYN_MAX_SPANS) {
			memcpy(c->narrative + len, sep, strlen(sep));
			memcpy(c->narrative + off, s.t, s.len + 1);
			for (i = 0; i < s.nsp; i++) {
				c->spans[c->nspans] = s.sp[i];
				c->spans[c->nspans].start += off;
				c->spans[c->nspans].end += off;
				c->nspans++;
			}
			return 1;
		}
		s.over = true;
	}
	for (i = 0; i < n->nnp; i++) {
		n->np[i].named = snap[i].named;
		n->np[i].used = snap[i].used;
	}
	return s.over ? -1 : 0;
}

static const struct lang *
find_lang(const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < NELEM(langs); i++)
		if (strcasecmp(code, langs[i].code) == 0)
			return &langs[i];
	return NULL;
}

static bool
is_utf8(const char *enc)
{
	char k[8];
	size_t i, j = 0;

	if (enc == NULL)
		return true;
	for (i = 0; enc[i] != '\0' && j + 1 < sizeof k; i++)
		if (enc[i] != '-' && enc[i] != '_')
			k[j++] = (char)(enc[i] | 0x20);
	k[j] = '\0';
	return strncmp(k, "utf8", 4) == 0;
}

const char *
sb_synth_narr_lang(const char *cc, struct sb_rng *rng)
{
	static const char *const map[][2] = {{"BG", "bg"}, {"FI", "fi"},
	    {"GR", "el"}, {"IT", "it"}, {"PL", "pl"}, {"PT", "pt"},
	    {"RO", "ro"}};
	size_t i;

	if (rng != NULL && sb_rng_chance(rng, 0.1))
		return "en";
	if (cc == NULL)
		return "en";
	if (strcasecmp(cc, "BE") == 0)
		return rng == NULL || sb_rng_chance(rng, 0.6) ? "nl" : "fr";
	for (i = 0; i < NELEM(map); i++)
		if (strcasecmp(cc, map[i][0]) == 0)
			return map[i][1];
	return "en";
}

int
sb_synth_narr_templates(const char *lang)
{
	const struct lang *L = find_lang(lang);
	bool use[3];
	unsigned need[3];
	int i;

	if (L == NULL || L->ntpl > MAX_TPL || L->nintro >= L->ntpl)
		return -1;
	for (i = 0; i < L->ntpl; i++)
		if (needs(L->tpl[i], use, need) < 0)
			return -1;
	return L->ntpl;
}

int
sb_synth_narrative(struct sb_syn_case *c, const char *lang,
    const char *encoding, struct sb_rng *rng)
{
	struct narr n;
	const char *role;
	int order[MAX_TPL], nbody, i, j, k, target, done = 0, r = 0;

	if (c == NULL || rng == NULL)
		return SB_FATAL;
	c->narrative[0] = '\0';
	c->nspans = 0;
	if (lang == NULL)
		lang = sb_synth_narr_lang(c->cc, rng);
	memset(&n, 0, sizeof n);
	if ((n.L = find_lang(lang)) == NULL || n.L->ntpl > MAX_TPL)
		return SB_FATAL;
	c->lang = n.L->code;
	n.c = c;
	n.rng = rng;
	n.victim = -1;
	n.cd = (iconv_t)-1;
	if (!is_utf8(encoding) &&
	    (n.cd = cd_open(encoding, &n.cd_cached)) == (iconv_t)-1)
		return SB_FATAL;
	for (i = 0; i < c->nmen && i < SB_SYN_MAX_MENTIONS; i++) {
		if (c->men[i].p == NULL)
			continue;
		role = c->men[i].role != NULL ? c->men[i].role : "suspect";
		if (i == 0)
			n.victim = n.nnp;
		init_person(&n, &n.np[n.nnp++], &c->men[i],
		    i > 0 && strcmp(role, "victim") != 0 &&
		        strcmp(role, "witness") != 0 &&
		        strcmp(role, "other") != 0);
	}

	target = 3 + (int)sb_rng_below(rng, 6);
	/* An opening, then the other templates in a random order. */
	k = (int)sb_rng_below(rng, (uint32_t)n.L->nintro);
	for (j = 0; j < n.L->nintro && r == 0; j++)
		r = add_sentence(&n, n.L->tpl[(k + j) % n.L->nintro]);
	done = r > 0;
	nbody = n.L->ntpl - n.L->nintro;
	for (i = 0; i < nbody; i++)
		order[i] = n.L->nintro + i;
	for (i = nbody - 1; i > 0; i--) {
		j = (int)sb_rng_below(rng, (uint32_t)i + 1);
		k = order[i];
		order[i] = order[j];
		order[j] = k;
	}
	for (i = 0; i < nbody && done < target && r >= 0; i++)
		if ((r = add_sentence(&n, n.L->tpl[order[i]])) > 0)
			done++;
	if (n.cd != (iconv_t)-1 && !n.cd_cached)
		iconv_close(n.cd);
	return SB_OK;
}
