/*
 * sb_country.c: resolve a country as written (ISO code, English, native or
 * foreign-language name, citizenship adjective or demonym) to its
 * ISO 3166-1 alpha-2 code.
 *
 * Every table name is normalised once at sb_country_init() and stored in an
 * open-addressing hash table; a lookup normalises its input the same way and
 * probes.  Normalisation: NFKD, case folding, NFKD again, then drop marks and
 * everything that is not a letter or digit, and fold the few Latin letters
 * that carry a diacritic without decomposing (ł, ø, đ, ...).  Pure ASCII
 * input takes a fast path without ICU that yields the same key.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "sb_country.h"
#include "sb_hash.h"

#define KEY_MAX		128	/* longest input and key, in bytes */
#define UBUF_MAX	512	/* UTF-16 scratch buffers, in code units */

struct country {
	char		 a2[3];
	char		 a3[4];
	const char	*name;		/* English short name */
};

struct alias {
	char		 a2[3];
	const char	*names;		/* separated by '|' */
};

struct slot {
	uint32_t	 hash;
	uint32_t	 off;		/* of the key in keys */
	uint16_t	 cty;		/* index into countries[] */
	uint8_t		 len;		/* key length; 0 marks an empty slot */
};

/* Sorted by alpha-2 code: sb_country_name() searches it with bsearch(). */
static const struct country countries[] = {
	{ "AD", "AND", "Andorra" },
	{ "AE", "ARE", "United Arab Emirates" },
	{ "AF", "AFG", "Afghanistan" },
	{ "AG", "ATG", "Antigua and Barbuda" },
	{ "AI", "AIA", "Anguilla" },
	{ "AL", "ALB", "Albania" },
	{ "AM", "ARM", "Armenia" },
	{ "AO", "AGO", "Angola" },
	{ "AQ", "ATA", "Antarctica" },
	{ "AR", "ARG", "Argentina" },
	{ "AS", "ASM", "American Samoa" },
	{ "AT", "AUT", "Austria" },
	{ "AU", "AUS", "Australia" },
	{ "AW", "ABW", "Aruba" },
	{ "AX", "ALA", "Åland Islands" },
	{ "AZ", "AZE", "Azerbaijan" },
	{ "BA", "BIH", "Bosnia and Herzegovina" },
	{ "BB", "BRB", "Barbados" },
	{ "BD", "BGD", "Bangladesh" },
	{ "BE", "BEL", "Belgium" },
	{ "BF", "BFA", "Burkina Faso" },
	{ "BG", "BGR", "Bulgaria" },
	{ "BH", "BHR", "Bahrain" },
	{ "BI", "BDI", "Burundi" },
	{ "BJ", "BEN", "Benin" },
	{ "BL", "BLM", "Saint Barthélemy" },
	{ "BM", "BMU", "Bermuda" },
	{ "BN", "BRN", "Brunei Darussalam" },
	{ "BO", "BOL", "Bolivia" },
	{ "BQ", "BES", "Bonaire, Sint Eustatius and Saba" },
	{ "BR", "BRA", "Brazil" },
	{ "BS", "BHS", "Bahamas" },
	{ "BT", "BTN", "Bhutan" },
	{ "BV", "BVT", "Bouvet Island" },
	{ "BW", "BWA", "Botswana" },
	{ "BY", "BLR", "Belarus" },
	{ "BZ", "BLZ", "Belize" },
	{ "CA", "CAN", "Canada" },
	{ "CC", "CCK", "Cocos (Keeling) Islands" },
	{ "CD", "COD", "Democratic Republic of the Congo" },
	{ "CF", "CAF", "Central African Republic" },
	{ "CG", "COG", "Congo" },
	{ "CH", "CHE", "Switzerland" },
	{ "CI", "CIV", "Côte d'Ivoire" },
	{ "CK", "COK", "Cook Islands" },
	{ "CL", "CHL", "Chile" },
	{ "CM", "CMR", "Cameroon" },
	{ "CN", "CHN", "China" },
	{ "CO", "COL", "Colombia" },
	{ "CR", "CRI", "Costa Rica" },
	{ "CU", "CUB", "Cuba" },
	{ "CV", "CPV", "Cabo Verde" },
	{ "CW", "CUW", "Curaçao" },
	{ "CX", "CXR", "Christmas Island" },
	{ "CY", "CYP", "Cyprus" },
	{ "CZ", "CZE", "Czechia" },
	{ "DE", "DEU", "Germany" },
	{ "DJ", "DJI", "Djibouti" },
	{ "DK", "DNK", "Denmark" },
	{ "DM", "DMA", "Dominica" },
	{ "DO", "DOM", "Dominican Republic" },
	{ "DZ", "DZA", "Algeria" },
	{ "EC", "ECU", "Ecuador" },
	{ "EE", "EST", "Estonia" },
	{ "EG", "EGY", "Egypt" },
	{ "EH", "ESH", "Western Sahara" },
	{ "ER", "ERI", "Eritrea" },
	{ "ES", "ESP", "Spain" },
	{ "ET", "ETH", "Ethiopia" },
	{ "FI", "FIN", "Finland" },
	{ "FJ", "FJI", "Fiji" },
	{ "FK", "FLK", "Falkland Islands (Malvinas)" },
	{ "FM", "FSM", "Micronesia" },
	{ "FO", "FRO", "Faroe Islands" },
	{ "FR", "FRA", "France" },
	{ "GA", "GAB", "Gabon" },
	{ "GB", "GBR", "United Kingdom" },
	{ "GD", "GRD", "Grenada" },
	{ "GE", "GEO", "Georgia" },
	{ "GF", "GUF", "French Guiana" },
	{ "GG", "GGY", "Guernsey" },
	{ "GH", "GHA", "Ghana" },
	{ "GI", "GIB", "Gibraltar" },
	{ "GL", "GRL", "Greenland" },
	{ "GM", "GMB", "Gambia" },
	{ "GN", "GIN", "Guinea" },
	{ "GP", "GLP", "Guadeloupe" },
	{ "GQ", "GNQ", "Equatorial Guinea" },
	{ "GR", "GRC", "Greece" },
	{ "GS", "SGS", "South Georgia and the South Sandwich Islands" },
	{ "GT", "GTM", "Guatemala" },
	{ "GU", "GUM", "Guam" },
	{ "GW", "GNB", "Guinea-Bissau" },
	{ "GY", "GUY", "Guyana" },
	{ "HK", "HKG", "Hong Kong" },
	{ "HM", "HMD", "Heard Island and McDonald Islands" },
	{ "HN", "HND", "Honduras" },
	{ "HR", "HRV", "Croatia" },
	{ "HT", "HTI", "Haiti" },
	{ "HU", "HUN", "Hungary" },
	{ "ID", "IDN", "Indonesia" },
	{ "IE", "IRL", "Ireland" },
	{ "IL", "ISR", "Israel" },
	{ "IM", "IMN", "Isle of Man" },
	{ "IN", "IND", "India" },
	{ "IO", "IOT", "British Indian Ocean Territory" },
	{ "IQ", "IRQ", "Iraq" },
	{ "IR", "IRN", "Iran" },
	{ "IS", "ISL", "Iceland" },
	{ "IT", "ITA", "Italy" },
	{ "JE", "JEY", "Jersey" },
	{ "JM", "JAM", "Jamaica" },
	{ "JO", "JOR", "Jordan" },
	{ "JP", "JPN", "Japan" },
	{ "KE", "KEN", "Kenya" },
	{ "KG", "KGZ", "Kyrgyzstan" },
	{ "KH", "KHM", "Cambodia" },
	{ "KI", "KIR", "Kiribati" },
	{ "KM", "COM", "Comoros" },
	{ "KN", "KNA", "Saint Kitts and Nevis" },
	{ "KP", "PRK", "North Korea" },
	{ "KR", "KOR", "South Korea" },
	{ "KW", "KWT", "Kuwait" },
	{ "KY", "CYM", "Cayman Islands" },
	{ "KZ", "KAZ", "Kazakhstan" },
	{ "LA", "LAO", "Laos" },
	{ "LB", "LBN", "Lebanon" },
	{ "LC", "LCA", "Saint Lucia" },
	{ "LI", "LIE", "Liechtenstein" },
	{ "LK", "LKA", "Sri Lanka" },
	{ "LR", "LBR", "Liberia" },
	{ "LS", "LSO", "Lesotho" },
	{ "LT", "LTU", "Lithuania" },
	{ "LU", "LUX", "Luxembourg" },
	{ "LV", "LVA", "Latvia" },
	{ "LY", "LBY", "Libya" },
	{ "MA", "MAR", "Morocco" },
	{ "MC", "MCO", "Monaco" },
	{ "MD", "MDA", "Moldova" },
	{ "ME", "MNE", "Montenegro" },
	{ "MF", "MAF", "Saint Martin" },
	{ "MG", "MDG", "Madagascar" },
	{ "MH", "MHL", "Marshall Islands" },
	{ "MK", "MKD", "North Macedonia" },
	{ "ML", "MLI", "Mali" },
	{ "MM", "MMR", "Myanmar" },
	{ "MN", "MNG", "Mongolia" },
	{ "MO", "MAC", "Macao" },
	{ "MP", "MNP", "Northern Mariana Islands" },
	{ "MQ", "MTQ", "Martinique" },
	{ "MR", "MRT", "Mauritania" },
	{ "MS", "MSR", "Montserrat" },
	{ "MT", "MLT", "Malta" },
	{ "MU", "MUS", "Mauritius" },
	{ "MV", "MDV", "Maldives" },
	{ "MW", "MWI", "Malawi" },
	{ "MX", "MEX", "Mexico" },
	{ "MY", "MYS", "Malaysia" },
	{ "MZ", "MOZ", "Mozambique" },
	{ "NA", "NAM", "Namibia" },
	{ "NC", "NCL", "New Caledonia" },
	{ "NE", "NER", "Niger" },
	{ "NF", "NFK", "Norfolk Island" },
	{ "NG", "NGA", "Nigeria" },
	{ "NI", "NIC", "Nicaragua" },
	{ "NL", "NLD", "Netherlands" },
	{ "NO", "NOR", "Norway" },
	{ "NP", "NPL", "Nepal" },
	{ "NR", "NRU", "Nauru" },
	{ "NU", "NIU", "Niue" },
	{ "NZ", "NZL", "New Zealand" },
	{ "OM", "OMN", "Oman" },
	{ "PA", "PAN", "Panama" },
	{ "PE", "PER", "Peru" },
	{ "PF", "PYF", "French Polynesia" },
	{ "PG", "PNG", "Papua New Guinea" },
	{ "PH", "PHL", "Philippines" },
	{ "PK", "PAK", "Pakistan" },
	{ "PL", "POL", "Poland" },
	{ "PM", "SPM", "Saint Pierre and Miquelon" },
	{ "PN", "PCN", "Pitcairn" },
	{ "PR", "PRI", "Puerto Rico" },
	{ "PS", "PSE", "Palestine" },
	{ "PT", "PRT", "Portugal" },
	{ "PW", "PLW", "Palau" },
	{ "PY", "PRY", "Paraguay" },
	{ "QA", "QAT", "Qatar" },
	{ "RE", "REU", "Réunion" },
	{ "RO", "ROU", "Romania" },
	{ "RS", "SRB", "Serbia" },
	{ "RU", "RUS", "Russia" },
	{ "RW", "RWA", "Rwanda" },
	{ "SA", "SAU", "Saudi Arabia" },
	{ "SB", "SLB", "Solomon Islands" },
	{ "SC", "SYC", "Seychelles" },
	{ "SD", "SDN", "Sudan" },
	{ "SE", "SWE", "Sweden" },
	{ "SG", "SGP", "Singapore" },
	{ "SH", "SHN", "Saint Helena, Ascension and Tristan da Cunha" },
	{ "SI", "SVN", "Slovenia" },
	{ "SJ", "SJM", "Svalbard and Jan Mayen" },
	{ "SK", "SVK", "Slovakia" },
	{ "SL", "SLE", "Sierra Leone" },
	{ "SM", "SMR", "San Marino" },
	{ "SN", "SEN", "Senegal" },
	{ "SO", "SOM", "Somalia" },
	{ "SR", "SUR", "Suriname" },
	{ "SS", "SSD", "South Sudan" },
	{ "ST", "STP", "Sao Tome and Principe" },
	{ "SV", "SLV", "El Salvador" },
	{ "SX", "SXM", "Sint Maarten" },
	{ "SY", "SYR", "Syria" },
	{ "SZ", "SWZ", "Eswatini" },
	{ "TC", "TCA", "Turks and Caicos Islands" },
	{ "TD", "TCD", "Chad" },
	{ "TF", "ATF", "French Southern Territories" },
	{ "TG", "TGO", "Togo" },
	{ "TH", "THA", "Thailand" },
	{ "TJ", "TJK", "Tajikistan" },
	{ "TK", "TKL", "Tokelau" },
	{ "TL", "TLS", "Timor-Leste" },
	{ "TM", "TKM", "Turkmenistan" },
	{ "TN", "TUN", "Tunisia" },
	{ "TO", "TON", "Tonga" },
	{ "TR", "TUR", "Türkiye" },
	{ "TT", "TTO", "Trinidad and Tobago" },
	{ "TV", "TUV", "Tuvalu" },
	{ "TW", "TWN", "Taiwan" },
	{ "TZ", "TZA", "Tanzania" },
	{ "UA", "UKR", "Ukraine" },
	{ "UG", "UGA", "Uganda" },
	{ "UM", "UMI", "United States Minor Outlying Islands" },
	{ "US", "USA", "United States" },
	{ "UY", "URY", "Uruguay" },
	{ "UZ", "UZB", "Uzbekistan" },
	{ "VA", "VAT", "Holy See" },
	{ "VC", "VCT", "Saint Vincent and the Grenadines" },
	{ "VE", "VEN", "Venezuela" },
	{ "VG", "VGB", "British Virgin Islands" },
	{ "VI", "VIR", "United States Virgin Islands" },
	{ "VN", "VNM", "Viet Nam" },
	{ "VU", "VUT", "Vanuatu" },
	{ "WF", "WLF", "Wallis and Futuna" },
	{ "WS", "WSM", "Samoa" },
	{ "XK", "XKX", "Kosovo" },
	{ "YE", "YEM", "Yemen" },
	{ "YT", "MYT", "Mayotte" },
	{ "ZA", "ZAF", "South Africa" },
	{ "ZM", "ZMB", "Zambia" },
	{ "ZW", "ZWE", "Zimbabwe" },
};
#define NCOUNTRIES	(sizeof(countries) / sizeof(countries[0]))

/*
 * Other names, loaded after the codes and the short names above; on a clash
 * the first country to claim a key keeps it.  Several entries may name the
 * same country.
 *
 * First block: English alternatives (ISO long forms, former names, common
 * forms) and English demonyms for countries outside the multilingual set.
 */
static const struct alias aliases[] = {
	{ "AD", "Principality of Andorra|Andorran" },
	{ "AE", "UAE|U.A.E.|Emirates|Emirati" },
	{ "AG", "Antigua & Barbuda|Antigua|Antiguan" },
	{ "AO", "Angolan" },
	{ "AR", "Argentine Republic|Argentine|Argentinian|Argentinean" },
	{ "AS", "Samoa, American" },
	{ "AU", "Commonwealth of Australia|Australian" },
	{ "AX", "Aland Islands|Åland|Aland" },
	{ "BB", "Barbadian|Bajan" },
	{ "BF", "Burkinabe|Burkinabè|Upper Volta" },
	{ "BH", "Kingdom of Bahrain|Bahraini" },
	{ "BI", "Burundian" },
	{ "BJ", "Beninese|Dahomey" },
	{ "BL", "St. Barthélemy|St Barthelemy|Saint Barthelemy|"
	    "Saint-Barthélemy" },
	{ "BN", "Brunei|Bruneian" },
	{ "BO", "Bolivia, Plurinational State of|"
	    "Plurinational State of Bolivia|Bolivian" },
	{ "BQ", "Bonaire|Caribbean Netherlands|"
	    "Bonaire, Saint Eustatius and Saba|"
	    "Bonaire, Sint Eustatius & Saba" },
	{ "BS", "The Bahamas|Bahamas, The|Commonwealth of The Bahamas|"
	    "Bahamian" },
	{ "BT", "Bhutanese" },
	{ "BW", "Motswana|Batswana|Botswanan" },
	{ "BZ", "Belizean" },
	{ "CA", "Canadian" },
	{ "CC", "Cocos Islands|Keeling Islands|Cocos Keeling Islands" },
	{ "CD", "Congo, The Democratic Republic of the|"
	    "Congo, Democratic Republic of the|Democratic Republic of Congo|"
	    "DR Congo|D.R. Congo|DRC|D.R.C.|Congo-Kinshasa|Congo Kinshasa|"
	    "Zaire|Zaïre|RDC|République démocratique du Congo|"
	    "RD Congo|Kongo-Kinshasa|Demokratische Republik Kongo|"
	    "Democratische Republiek Congo|Demokratyczna Republika Konga|"
	    "Repubblica Democratica del Congo|República Democrática do Congo|"
	    "República Democrática del Congo|Republica Democratică Congo|"
	    "Kongon demokraattinen tasavalta|Демократична република Конго|"
	    "Λαϊκή Δημοκρατία του Κονγκό|ΛΔ Κονγκό" },
	{ "CF", "CAR|Central African|Centrafrique" },
	{ "CG", "Republic of the Congo|Congo, Republic of the|"
	    "Congo-Brazzaville|Congo Brazzaville|Kongo-Brazzaville|"
	    "République du Congo" },
	{ "CL", "Republic of Chile|Chilean|Chili|Chilien|chilienne|Chileno|"
	    "chilena|Chilí|Чили|Χιλή|Chilijczyk" },
	{ "CR", "Costa Rican" },
	{ "CU", "Republic of Cuba|Cuban|cubano|cubana|cubain|Kuba" },
	{ "CV", "Cape Verde|Cape Verdean|Cabo Verdean|Cap-Vert|Kap Verde|"
	    "Kaapverdië|Capo Verde" },
	{ "CW", "Curacao|Curaçaoan" },
	{ "DJ", "Djiboutian" },
	{ "DM", "Commonwealth of Dominica" },
	{ "EC", "Ecuadorian|Ecuadorean|ecuatoriano|ecuatoriana|equatoriano|"
	    "Équateur|Ekwador|Эквадор|Еквадор|Ισημερινός" },
	{ "EH", "Sahrawi|Sahrawi Arab Democratic Republic" },
	{ "FJ", "Fijian" },
	{ "FK", "Falkland Islands|Falklands|Malvinas|Islas Malvinas|"
	    "Falkland Islander" },
	{ "FM", "Micronesia, Federated States of|"
	    "Federated States of Micronesia|"
	    "Micronesian" },
	{ "FO", "Faroes|Faeroe Islands|Faroese|Føroyar" },
	{ "GA", "Gabonese|Gabonese Republic" },
	{ "GD", "Grenadian" },
	{ "GL", "Greenlandic|Kalaallit Nunaat|Grønland" },
	{ "GM", "The Gambia|Gambia, The|Gambian|Republic of The Gambia" },
	{ "GQ", "Equatoguinean|Equatorial Guinean|Guinea Ecuatorial|"
	    "Guinée équatoriale|Guinea Equatoriale|Guiné Equatorial|"
	    "Äquatorialguinea|Equatoriaal-Guinea|Gwinea Równikowa" },
	{ "GS", "South Georgia|South Georgia & the South Sandwich Islands" },
	{ "GT", "Guatemalan|guatemalteco|guatemalteca" },
	{ "GW", "Guinea Bissau|Bissau-Guinean|Guinée-Bissau|Guiné-Bissau|"
	    "Guinea-Bisáu|Gwinea Bissau" },
	{ "GY", "Guyanese" },
	{ "HK", "Hong Kong SAR|Hong Kong SAR China|"
	    "Hong Kong Special Administrative Region of China|Hongkong|"
	    "Hong Konger|香港" },
	{ "HM", "Heard & McDonald Islands|Heard and McDonald Islands" },
	{ "HN", "Honduran|hondureño|hondureña" },
	{ "HT", "Haitian|Haïti|haïtien" },
	{ "ID", "Republic of Indonesia|Indonesian|Indonésie|Indonesien|"
	    "Indonezja|Indonezia|Индонезия|Ινδονησία" },
	{ "IL", "State of Israel|Israeli|Israël|Izrael|Израел|Израиль|Ισραήλ" },
	{ "IO", "Chagos Islands" },
	{ "JM", "Jamaican" },
	{ "JO", "Hashemite Kingdom of Jordan|Jordanian|Jordanie|Jordanien|"
	    "Jordania|Giordania|Iordania|Jordânia|Йордания|Ιορδανία" },
	{ "JP", "Japanese|Japon|Japan|Giappone|Japonia|Japão|Япония|Ιαπωνία|"
	    "日本" },
	{ "KE", "Kenyan" },
	{ "KG", "Kyrgyz|Kirghiz|Kyrgyz Republic|Kirghizia|Kirgizstan|"
	    "Kirgistan|Kirgizja" },
	{ "KH", "Cambodian|Kampuchea|Kingdom of Cambodia|Khmer" },
	{ "KM", "Comoran|Comorian|Union of the Comoros" },
	{ "KN", "St. Kitts and Nevis|St Kitts and Nevis|"
	    "Saint Kitts & Nevis|St Kitts & Nevis|St. Kitts & Nevis|"
	    "Kittitian|Nevisian" },
	{ "KP", "Korea, Democratic People's Republic of|"
	    "Democratic People's Republic of Korea|DPRK|D.P.R.K.|"
	    "North Korean|Korea DPR" },
	{ "KR", "Korea, Republic of|Republic of Korea|Korea|ROK|"
	    "South Korean|Korean|Corée du Sud|Südkorea|Zuid-Korea|"
	    "Corea del Sud|Corea del Sur|Coreia do Sul|Coreea de Sud|"
	    "Korea Południowa|Etelä-Korea|Южна Корея|Νότια Κορέα|한국|대한민국" },
	{ "KW", "State of Kuwait|Kuwaiti|Koweït" },
	{ "KY", "Caymans|Caymanian" },
	{ "KZ", "Kazakh|Kazakhstani|Kazakstan|Kasachstan|Kazachstan|"
	    "Kazachstan|Kazahstan|Казахстан|Καζακστάν" },
	{ "LA", "Lao People's Democratic Republic|Lao PDR|Lao|Laotian" },
	{ "LB", "Lebanese|Lebanese Republic|Liban|Libanon|Libano|Líbano|"
	    "Ливан|Λίβανος|libanais|libanese|libanés|libanez" },
	{ "LC", "St. Lucia|St Lucia|Saint Lucian|St Lucian" },
	{ "LI", "Liechtensteiner|Principality of Liechtenstein" },
	{ "LR", "Liberian" },
	{ "LS", "Basotho|Mosotho" },
	{ "MC", "Monegasque|Monégasque|Principality of Monaco" },
	{ "MF", "Saint Martin (French part)|St. Martin|St Martin|"
	    "Saint-Martin|Collectivity of Saint Martin" },
	{ "MG", "Malagasy|Madagasikara" },
	{ "MH", "Marshallese|Republic of the Marshall Islands" },
	{ "ML", "Malian|Republic of Mali" },
	{ "MM", "Burma|Burmese|Myanmarese|Republic of the Union of Myanmar|"
	    "Birmanie|Birma|Мианмар" },
	{ "MN", "Mongolian|Mongol" },
	{ "MO", "Macau|Macao SAR|Macau SAR|Macao SAR China|"
	    "Macao Special Administrative Region of China|澳門|澳门" },
	{ "MR", "Mauritanian|Mauritanie" },
	{ "MU", "Mauritian" },
	{ "MV", "Maldivian" },
	{ "MW", "Malawian" },
	{ "MX", "Mexican|United Mexican States|México|Mexique|Mexiko|Messico|"
	    "Meksyk|Mexic|Meksiko|Мексико|Мексика|Μεξικό|mexicano|mexicana|"
	    "mexicain|mexikanisch|Mexikaner|messicano|meksykańskie" },
	{ "MY", "Malaysian" },
	{ "MZ", "Mozambican|Moçambique|Mozambik" },
	{ "NA", "Namibian" },
	{ "NE", "Nigerien|nigérien|nigérienne|nigerino|nigerina|"
	    "Republic of the Niger|Νίγηρας|Нигер" },
	{ "NI", "Nicaraguan|nicaragüense" },
	{ "NZ", "New Zealander|Kiwi|Aotearoa|Nouvelle-Zélande|Neuseeland|"
	    "Nieuw-Zeeland|Nuova Zelanda|Nueva Zelanda|Nowa Zelandia" },
	{ "OM", "Omani|Sultanate of Oman" },
	{ "PA", "Panamanian|panameño|panameña" },
	{ "PE", "Peruvian|Pérou|Perú|Perù|peruano|peruana|Перу|Περού" },
	{ "PG", "Papua New Guinean|Papuan|Papouasie-Nouvelle-Guinée" },
	{ "PN", "Pitcairn Islands|Pitcairn Islander" },
	{ "PR", "Puerto Rican|puertorriqueño|puertorriqueña" },
	{ "PS", "Palestine, State of|State of Palestine|Palestinian|"
	    "Palestinian Territories|Palestinian Territory|"
	    "Occupied Palestinian Territory|Palestinian Authority|"
	    "Palestina|Palästina|Palestyna|Palestijnse Gebieden|Palestiina|"
	    "Палестина|Παλαιστίνη|فلسطين|palestinien|palestinese|palestino|"
	    "palästinensisch|Palästinenser|palestyńskie|palestinian|"
	    "Palestijns|палестинско|Παλαιστίνιος" },
	{ "PY", "Paraguayan|paraguayo|paraguaya" },
	{ "QA", "Qatari|State of Qatar" },
	{ "RE", "Reunion|La Réunion|Réunionese" },
	{ "RW", "Rwandan|Rwandese|Ruanda" },
	{ "SA", "Saudi|Saudi Arabian|Kingdom of Saudi Arabia|KSA|"
	    "Arabie saoudite|Saudi-Arabien|Saoedi-Arabië|Arabia Saudita|"
	    "Arabia Saudí|Arábia Saudita|Arabia Saudyjska|Arabia Saudită|"
	    "Саудитска Арабия|Σαουδική Αραβία|السعودية" },
	{ "SB", "Solomon Islander" },
	{ "SC", "Seychellois" },
	{ "SG", "Singaporean|Republic of Singapore|Singapour|Singapur" },
	{ "SH", "Saint Helena|St Helena|St. Helena|"
	    "Saint Helena, Ascension & Tristan da Cunha" },
	{ "SJ", "Svalbard|Svalbard & Jan Mayen|Jan Mayen" },
	{ "SL", "Sierra Leonean|Sierra Léone" },
	{ "SM", "Sammarinese|Republic of San Marino" },
	{ "SR", "Surinamese|Surinam" },
	{ "SS", "South Sudanese|Republic of South Sudan|Soudan du Sud|"
	    "Sud-Soudan|Zuid-Soedan|Südsudan|Южен Судан|Etelä-Sudan|"
	    "Νότιο Σουδάν|Sud Sudan|Sudan del Sud|Sudan Południowy|"
	    "Sudão do Sul|Sudanul de Sud|Sudán del Sur" },
	{ "ST", "São Tomé and Príncipe|Sao Tome & Principe|"
	    "São Tomé & Príncipe|Sao Tomean|Santomean" },
	{ "SV", "Salvadoran|Salvadorean|salvadoreño|salvadoreña|Salvador" },
	{ "SX", "Sint Maarten (Dutch part)|St. Maarten|St Maarten" },
	{ "SZ", "Swaziland|Swazi|Kingdom of Eswatini|Liswati|Emaswati" },
	{ "TC", "Turks & Caicos Islands|Turks and Caicos" },
	{ "TD", "Chadian|Tchad|Tschad|Ciad|Czad" },
	{ "TF", "French Southern and Antarctic Lands|TAAF" },
	{ "TG", "Togolese|Togolese Republic" },
	{ "TJ", "Tajik|Tajikistani|Tadjikistan|Tadschikistan|Tadżykistan|"
	    "Таджикистан|Τατζικιστάν" },
	{ "TL", "Timor Leste|East Timor|East Timorese|Timorese|"
	    "Democratic Republic of Timor-Leste" },
	{ "TM", "Turkmen|Turkmenistani|Turkménistan|Turkmenien|Туркменистан" },
	{ "TO", "Tongan" },
	{ "TT", "Trinidad & Tobago|Trinidad|Trinidadian|Tobagonian" },
	{ "TV", "Tuvaluan" },
	{ "TW", "Taiwan, Province of China|Republic of China|"
	    "Republic of China (Taiwan)|Chinese Taipei|Taiwanese|台灣|台湾|"
	    "Taïwan|Tajwan|Тайван|Ταϊβάν" },
	{ "TZ", "Tanzania, United Republic of|United Republic of Tanzania|"
	    "Tanzanian|Tanzanie|Tansania" },
	{ "UG", "Ugandan|Ouganda" },
	{ "UM", "U.S. Minor Outlying Islands|US Minor Outlying Islands" },
	{ "UY", "Uruguayan|uruguayo|uruguaya|Oriental Republic of Uruguay" },
	{ "UZ", "Uzbek|Uzbekistani|Ouzbékistan|Usbekistan|Oezbekistan|"
	    "Uzbekistán|Uzbekistão|Uzbekistan|Узбекистан|Ουζμπεκιστάν" },
	{ "VA", "Vatican|Vatican City|Vatican City State|"
	    "Holy See (Vatican City State)|Città del Vaticano|Vaticano|"
	    "Vatikan|Vaticaanstad|Watykan|Ватикан" },
	{ "VC", "St. Vincent and the Grenadines|St Vincent and the Grenadines|"
	    "Saint Vincent|St Vincent|St Vincent & the Grenadines|Vincentian" },
	{ "VG", "Virgin Islands, British|Virgin Islands (British)|BVI" },
	{ "VI", "Virgin Islands, U.S.|Virgin Islands (U.S.)|US Virgin Islands|"
	    "U.S. Virgin Islands|USVI" },
	{ "VU", "Ni-Vanuatu|Vanuatuan" },
	{ "WF", "Wallis & Futuna|Wallis and Futuna Islands" },
	{ "WS", "Samoan|Independent State of Samoa|Western Samoa" },
	{ "YE", "Yemeni|Republic of Yemen|Yémen|Jemen|Yemen|اليمن" },
	{ "ZA", "South African|Republic of South Africa|RSA|"
	    "Afrique du Sud|Südafrika|Zuid-Afrika|Sudafrica|Sudáfrica|"
	    "África do Sul|Republika Południowej Afryki|RPA|Africa de Sud|"
	    "Etelä-Afrikka|Южна Африка|Νότια Αφρική" },
	{ "ZM", "Zambian" },
	{ "ZW", "Zimbabwean" },

	/*
	 * Multilingual block.  For each country, in this order: native
	 * name(s), English, French, Dutch, German, Bulgarian, Finnish, Greek,
	 * Italian, Polish, Portuguese, Romanian, Spanish.  Adjectives come in
	 * the genders a citizenship column uses (Bulgarian and Polish neuter
	 * for "гражданство"/"obywatelstwo", Greek feminine for "υπηκοότητα")
	 * plus the masculine, and the nouns for a man and a woman.
	 */

	/* EU member states. */
	{ "AT",
	    "Österreich|Republik Österreich|"
	    "Austrian|Republic of Austria|"
	    "Autriche|autrichien|autrichienne|"
	    "Oostenrijk|Oostenrijks|Oostenrijkse|Oostenrijker|"
	    "Oesterreich|österreichisch|österreichische|Österreicher|"
	    "Österreicherin|oesterreichisch|"
	    "Австрия|австрийско|австрийски|австрийска|австриец|австрийка|"
	    "Itävalta|itävaltalainen|"
	    "Αυστρία|Αυστριακή|Αυστριακό|Αυστριακός|Αυστριακιά|"
	    "Austria|austriaco|austriaca|austriaci|austriache|"
	    "austriackie|austriacki|austriacka|Austriak|Austriaczka|"
	    "Áustria|austríaco|austríaca|"
	    "austriac|austriacă|"
	    "austriaco|austriaca" },
	{ "BE",
	    "België|Belgique|Belgien|Royaume de Belgique|Koninkrijk België|"
	    "Belgian|Kingdom of Belgium|"
	    "belge|"
	    "Belgisch|Belgische|Belg|"
	    "belgisch|belgische|Belgier|Belgierin|"
	    "Белгия|белгийско|белгийски|белгийска|белгиец|белгийка|"
	    "Belgia|belgialainen|"
	    "Βέλγιο|Βελγική|Βελγικό|Βελγικός|Βέλγος|Βελγίδα|"
	    "Belgio|belga|belgi|belghe|"
	    "belgijskie|belgijski|belgijska|Belgijka|"
	    "Bélgica|"
	    "belgian|belgiană|"
	    "Bélgica" },
	{ "BG",
	    "България|Република България|Bulgariya|"
	    "Bulgarian|Republic of Bulgaria|"
	    "Bulgarie|bulgare|"
	    "Bulgarije|Bulgaars|Bulgaarse|Bulgaar|"
	    "Bulgarien|bulgarisch|bulgarische|Bulgare|Bulgarin|"
	    "българско|български|българска|българин|българка|"
	    "bulgarialainen|"
	    "Βουλγαρία|Βουλγαρική|Βουλγαρικό|Βουλγαρικός|Βούλγαρος|"
	    "Βουλγάρα|"
	    "bulgaro|bulgara|bulgari|"
	    "Bułgaria|bułgarskie|bułgarski|bułgarska|Bułgar|Bułgarka|"
	    "Bulgária|búlgaro|búlgara|"
	    "bulgar|bulgară|bulgăroaică|"
	    "búlgaro|búlgara" },
	{ "HR",
	    "Hrvatska|Republika Hrvatska|hrvatsko|hrvatski|Hrvat|Hrvatica|"
	    "Croatian|Croat|Republic of Croatia|"
	    "Croatie|croate|"
	    "Kroatië|Kroatisch|Kroatische|Kroaat|"
	    "Kroatien|kroatisch|kroatische|Kroate|Kroatin|"
	    "Хърватия|Хърватска|хърватско|хърватски|хърватска|хърватин|"
	    "хърватка|"
	    "Kroatia|kroatialainen|"
	    "Κροατία|Κροατική|Κροατικό|Κροατικός|Κροάτης|Κροάτισσα|"
	    "Croazia|croato|croata|croati|"
	    "Chorwacja|chorwackie|chorwacki|chorwacka|Chorwat|Chorwatka|"
	    "Croácia|"
	    "Croația|croat|croată|"
	    "Croacia" },
	{ "CY",
	    "Κύπρος|Kıbrıs|Κυπριακή Δημοκρατία|"
	    "Cypriot|Republic of Cyprus|"
	    "Chypre|chypriote|cypriote|"
	    "Cyprus|Cypriotisch|Cypriotische|Cyprioot|"
	    "Zypern|zyprisch|zyprische|Zypriot|Zypriotin|"
	    "Кипър|кипърско|кипърски|кипърска|кипърец|кипърка|"
	    "Kypros|kyproslainen|"
	    "Κυπριακή|Κυπριακό|Κυπριακός|Κύπριος|Κύπρια|"
	    "Cipro|cipriota|ciprioti|cipriote|"
	    "Cypr|cypryjskie|cypryjski|cypryjska|Cypryjczyk|Cypryjka|"
	    "Chipre|"
	    "Cipru|cipriot|cipriotă|"
	    "chipriota" },
	{ "CZ",
	    "Česko|Česká republika|české|český|česká|Čech|Češka|"
	    "Czech Republic|Czech|"
	    "Tchéquie|République tchèque|tchèque|"
	    "Tsjechië|Tsjechische Republiek|Tsjechisch|Tsjechische|Tsjech|"
	    "Tschechien|Tschechische Republik|tschechisch|tschechische|"
	    "Tscheche|Tschechin|"
	    "Чехия|Чешка република|чешко|чешки|чешка|чех|чехкиня|"
	    "Tšekki|Tšekin tasavalta|tšekkiläinen|"
	    "Τσεχία|Τσεχική Δημοκρατία|Τσεχική|Τσεχικό|Τσεχικός|Τσέχος|"
	    "Τσέχα|"
	    "Cechia|Repubblica Ceca|ceco|ceca|cechi|ceche|"
	    "Czechy|Republika Czeska|czeskie|czeski|czeska|Czeszka|"
	    "Chéquia|Tchéquia|República Checa|República Tcheca|checo|checa|"
	    "tcheco|tcheca|"
	    "Cehia|Republica Cehă|ceh|cehă|"
	    "Chequia" },
	{ "DK",
	    "Danmark|dansk|danske|dansker|"
	    "Danish|Dane|Kingdom of Denmark|"
	    "Danemark|danois|danoise|"
	    "Denemarken|Deens|Deense|Deen|"
	    "Dänemark|Daenemark|dänisch|dänische|Däne|Dänin|"
	    "Дания|датско|датски|датска|датчанин|датчанка|"
	    "Tanska|tanskalainen|"
	    "Δανία|Δανική|Δανικό|Δανικός|Δανός|Δανή|Δανέζος|Δανέζα|"
	    "Danimarca|danese|danesi|"
	    "Dania|duńskie|duński|duńska|Duńczyk|Dunka|"
	    "Dinamarca|dinamarquês|dinamarquesa|"
	    "Danemarca|danez|daneză|"
	    "danés|danesa" },
	{ "EE",
	    "Eesti|Eesti Vabariik|eestlane|"
	    "Estonian|Republic of Estonia|"
	    "Estonie|estonien|estonienne|"
	    "Estland|Estisch|Estische|Est|Estlander|"
	    "estnisch|estnische|Este|Estin|"
	    "Естония|естонско|естонски|естонска|естонец|естонка|"
	    "Viro|virolainen|"
	    "Εσθονία|Εσθονική|Εσθονικό|Εσθονικός|Εσθονός|Εσθονή|"
	    "estone|estoni|"
	    "estońskie|estoński|estońska|Estończyk|Estonka|"
	    "Estónia|Estônia|estónio|estônio|estoniano|estoniana|"
	    "eston|estonă|"
	    "estonio" },
	{ "FI",
	    "Suomi|Suomen tasavalta|suomalainen|"
	    "Finnish|Finn|Republic of Finland|"
	    "Finlande|finlandais|finlandaise|"
	    "Fins|Finse|Fin|"
	    "Finnland|finnisch|finnische|Finne|Finnin|"
	    "Финландия|финландско|финландски|финландска|финландец|"
	    "финландка|"
	    "Φινλανδία|Φινλανδική|Φινλανδικό|Φινλανδικός|Φινλανδός|"
	    "Φινλανδή|Φινλανδέζα|"
	    "Finlandia|finlandese|finlandesi|"
	    "fińskie|fiński|fińska|Finka|"
	    "Finlândia|finlandês|finlandesa|"
	    "Finlanda|finlandez|finlandeză|"
	    "finlandés" },
	{ "FR",
	    "République française|français|française|"
	    "French|French Republic|"
	    "Frankrijk|Frans|Franse|Fransman|Française|"
	    "Frankreich|französisch|französische|Franzose|Französin|"
	    "franzoesisch|"
	    "Франция|френско|френски|френска|французин|французойка|"
	    "Ranska|ranskalainen|"
	    "Γαλλία|Γαλλική|Γαλλικό|Γαλλικός|Γάλλος|Γαλλίδα|"
	    "Francia|francese|francesi|"
	    "Francja|francuskie|francuski|francuska|Francuz|Francuzka|"
	    "França|francês|francesa|"
	    "Franța|francez|franceză|"
	    "francés" },
	{ "DE",
	    "Deutschland|Bundesrepublik Deutschland|BRD|deutsch|deutsche|"
	    "Deutscher|"
	    "German|Federal Republic of Germany|"
	    "Allemagne|allemand|allemande|"
	    "Duitsland|Duits|Duitse|Duitser|"
	    "Германия|германско|германски|германска|германец|германка|"
	    "немско|немски|немска|"
	    "Saksa|saksalainen|"
	    "Γερμανία|Γερμανική|Γερμανικό|Γερμανικός|Γερμανός|Γερμανίδα|"
	    "Germania|tedesco|tedesca|tedeschi|tedesche|"
	    "Niemcy|niemieckie|niemiecki|niemiecka|Niemiec|Niemka|"
	    "Alemanha|alemão|alemã|"
	    "german|germană|"
	    "Alemania|alemán|alemana" },
	{ "GR",
	    "Ελλάδα|Ελλάς|Ελληνική Δημοκρατία|Hellas|Ellada|Ellas|EL|"
	    "Greek|Hellenic Republic|Hellenic|"
	    "Grèce|grec|grecque|"
	    "Griekenland|Grieks|Griekse|Griek|"
	    "Griechenland|griechisch|griechische|Grieche|Griechin|"
	    "Гърция|гръцко|гръцки|гръцка|грък|гъркиня|"
	    "Kreikka|kreikkalainen|"
	    "Ελληνική|Ελληνικό|Ελληνικός|Έλληνας|Ελληνίδα|"
	    "Grecia|greco|greca|greci|greche|"
	    "Grecja|greckie|grecki|grecka|Grek|Greczynka|"
	    "Grécia|grego|grega|"
	    "greacă|grecesc|"
	    "griego|griega" },
	{ "HU",
	    "Magyarország|magyar|"
	    "Hungarian|"
	    "Hongrie|hongrois|hongroise|"
	    "Hongarije|Hongaars|Hongaarse|Hongaar|"
	    "Ungarn|ungarisch|ungarische|Ungar|Ungarin|"
	    "Унгария|унгарско|унгарски|унгарска|унгарец|унгарка|"
	    "Unkari|unkarilainen|"
	    "Ουγγαρία|Ουγγρική|Ουγγρικό|Ουγγρικός|Ούγγρος|Ουγγαρέζα|"
	    "Ουγγρέζα|"
	    "Ungheria|ungherese|ungheresi|"
	    "Węgry|węgierskie|węgierski|węgierska|Węgier|Węgierka|"
	    "Hungria|húngaro|húngara|"
	    "Ungaria|maghiar|maghiară|ungur|unguroaică|"
	    "Hungría" },
	{ "IE",
	    "Éire|Poblacht na hÉireann|"
	    "Irish|Republic of Ireland|"
	    "Irlande|irlandais|irlandaise|"
	    "Ierland|Iers|Ierse|"
	    "Irland|irisch|irische|Ire|Irin|"
	    "Ирландия|ирландско|ирландски|ирландска|ирландец|ирландка|"
	    "Irlanti|irlantilainen|"
	    "Ιρλανδία|Ιρλανδική|Ιρλανδικό|Ιρλανδικός|Ιρλανδός|Ιρλανδή|"
	    "Irlanda|irlandese|irlandesi|"
	    "Irlandia|irlandzkie|irlandzki|irlandzka|Irlandczyk|Irlandka|"
	    "irlandês|irlandesa|"
	    "irlandez|irlandeză|"
	    "irlandés" },
	{ "IT",
	    "Italia|Repubblica Italiana|italiano|italiana|"
	    "Italian|Italian Republic|"
	    "Italie|italien|italienne|"
	    "Italië|Italiaans|Italiaanse|Italiaan|"
	    "Italien|italienisch|italienische|Italiener|Italienerin|"
	    "Италия|италианско|италиански|италианска|италианец|италианка|"
	    "italialainen|"
	    "Ιταλία|Ιταλική|Ιταλικό|Ιταλικός|Ιταλός|Ιταλίδα|"
	    "italiani|italiane|"
	    "Włochy|włoskie|włoski|włoska|Włoch|Włoszka|"
	    "Itália|"
	    "italiană|"
	    "" },
	{ "LV",
	    "Latvija|Latvijas Republika|latvietis|latviete|"
	    "Latvian|Lett|Republic of Latvia|"
	    "Lettonie|letton|lettone|"
	    "Letland|Lets|Letse|Let|"
	    "Lettland|lettisch|lettische|Lette|Lettin|"
	    "Латвия|латвийско|латвийски|латвийска|латвиец|латвийка|"
	    "latvialainen|"
	    "Λετονία|Λετονική|Λετονικό|Λετονικός|Λετονός|Λετονή|"
	    "Lettonia|lettoni|"
	    "Łotwa|łotewskie|łotewski|łotewska|Łotysz|Łotyszka|"
	    "Letónia|Letônia|letão|letã|"
	    "Letonia|leton|letonă|"
	    "letón|letona" },
	{ "LT",
	    "Lietuva|Lietuvos Respublika|lietuvis|lietuvė|"
	    "Lithuanian|Republic of Lithuania|"
	    "Lituanie|lituanien|lituanienne|"
	    "Litouwen|Litouws|Litouwse|Litouwer|"
	    "Litauen|litauisch|litauische|Litauer|Litauerin|"
	    "Литва|литовско|литовски|литовска|литовец|литовка|"
	    "Liettua|liettualainen|"
	    "Λιθουανία|Λιθουανική|Λιθουανικό|Λιθουανικός|Λιθουανός|"
	    "Λιθουανή|"
	    "Lituania|lituano|lituana|lituani|lituane|"
	    "Litwa|litewskie|litewski|litewska|Litwin|Litwinka|"
	    "Lituânia|"
	    "lituanian|lituaniană" },
	{ "LU",
	    "Lëtzebuerg|Luxemburg|Grand-Duché de Luxembourg|"
	    "Luxembourgish|Luxembourger|Grand Duchy of Luxembourg|"
	    "luxembourgeois|luxembourgeoise|"
	    "Luxemburgs|Luxemburgse|"
	    "luxemburgisch|luxemburgische|Luxemburger|Luxemburgerin|"
	    "Люксембург|люксембургско|люксембургски|люксембургска|"
	    "люксембургец|люксембургчанка|"
	    "luxemburgilainen|"
	    "Λουξεμβούργο|Λουξεμβουργιανή|Λουξεμβουργιανό|"
	    "Λουξεμβουργιανός|"
	    "Lussemburgo|lussemburghese|lussemburghesi|"
	    "Luksemburg|luksemburskie|luksemburski|luksemburska|"
	    "Luksemburczyk|Luksemburka|"
	    "Luxemburgo|luxemburguês|luxemburguesa|"
	    "luxemburghez|luxemburgheză|"
	    "luxemburgués" },
	{ "MT",
	    "Repubblika ta' Malta|Malti|Maltija|"
	    "Maltese|Republic of Malta|"
	    "Malte|maltais|maltaise|"
	    "Maltees|Maltezer|"
	    "maltesisch|maltesische|Malteser|Malteserin|"
	    "Малта|малтийско|малтийски|малтийска|малтиец|малтийка|"
	    "maltalainen|"
	    "Μάλτα|Μαλτέζικη|Μαλτέζικο|Μαλτέζος|Μαλτέζα|Μαλτεζική|"
	    "maltesi|"
	    "maltańskie|maltański|maltańska|Maltańczyk|Maltanka|"
	    "maltês|maltesa|"
	    "maltez|malteză|"
	    "maltés" },
	{ "NL",
	    "Nederland|Nederlands|Nederlandse|Nederlander|"
	    "Koninkrijk der Nederlanden|"
	    "Dutch|The Netherlands|Holland|Kingdom of the Netherlands|"
	    "Netherlands, Kingdom of the|"
	    "Pays-Bas|néerlandais|néerlandaise|hollandais|hollandaise|"
	    "Niederlande|niederländisch|niederländische|Niederländer|"
	    "Niederländerin|holländisch|holländische|Holländer|"
	    "Нидерландия|Холандия|нидерландско|нидерландски|нидерландска|"
	    "холандско|холандски|холандска|холандец|холандка|нидерландец|"
	    "Alankomaat|Hollanti|alankomaalainen|hollantilainen|"
	    "Ολλανδία|Κάτω Χώρες|Ολλανδική|Ολλανδικό|Ολλανδικός|Ολλανδός|"
	    "Ολλανδή|Ολλανδέζα|"
	    "Paesi Bassi|Olanda|olandese|olandesi|neerlandese|"
	    "Holandia|Niderlandy|holenderskie|holenderski|holenderska|"
	    "Holender|Holenderka|niderlandzkie|niderlandzki|niderlandzka|"
	    "Países Baixos|Holanda|neerlandês|neerlandesa|holandês|"
	    "holandesa|"
	    "Țările de Jos|Tarile de Jos|neerlandez|neerlandeză|olandez|"
	    "olandeză|"
	    "Países Bajos|neerlandés|holandés" },
	{ "PL",
	    "Polska|Rzeczpospolita Polska|polskie|polski|Polak|Polka|"
	    "Polish|Pole|Republic of Poland|"
	    "Pologne|polonais|polonaise|"
	    "Polen|Pools|Poolse|Pool|"
	    "polnisch|polnische|Polin|"
	    "Полша|полско|полски|полска|поляк|полякиня|"
	    "Puola|puolalainen|"
	    "Πολωνία|Πολωνική|Πολωνικό|Πολωνικός|Πολωνός|Πολωνέζα|Πολωνή|"
	    "Polonia|polacco|polacca|polacchi|polacche|"
	    "Polónia|Polônia|polaco|polaca|polonês|polonesa|"
	    "polonez|poloneză|"
	    "" },
	{ "PT",
	    "República Portuguesa|português|portuguesa|"
	    "Portuguese|Portuguese Republic|"
	    "portugais|portugaise|"
	    "Portugees|Portugese|"
	    "portugiesisch|portugiesische|Portugiese|Portugiesin|"
	    "Португалия|португалско|португалски|португалска|португалец|"
	    "португалка|"
	    "Portugali|portugalilainen|"
	    "Πορτογαλία|Πορτογαλική|Πορτογαλικό|Πορτογαλικός|Πορτογάλος|"
	    "Πορτογαλίδα|"
	    "Portogallo|portoghese|portoghesi|"
	    "Portugalia|portugalskie|portugalski|portugalska|Portugalczyk|"
	    "Portugalka|"
	    "portughez|portugheză|"
	    "portugués" },
	{ "RO",
	    "România|român|română|românesc|româncă|românească|"
	    "Romanian|Roumania|Rumania|"
	    "Roumanie|roumain|roumaine|"
	    "Roemenië|Roemeens|Roemeense|Roemeen|"
	    "Rumänien|Rumaenien|rumänisch|rumänische|Rumäne|Rumänin|"
	    "rumaenisch|"
	    "Румъния|румънско|румънски|румънска|румънец|румънка|"
	    "romanialainen|"
	    "Ρουμανία|Ρουμανική|Ρουμανικό|Ρουμανικός|Ρουμάνος|Ρουμάνα|"
	    "romeno|romena|romeni|romene|rumeno|rumena|"
	    "Rumunia|rumuńskie|rumuński|rumuńska|Rumun|Rumunka|"
	    "Roménia|Romênia|"
	    "Rumanía|rumano|rumana" },
	{ "SK",
	    /*
	     * Slovak "Slovensko" and "slovenská" would clash with the Slovene
	     * neuter and feminine adjectives; the country name wins.
	     */
	    "Slovensko|Slovenská republika|slovenské|slovenský|slovenská|"
	    "Slovák|"
	    "Slovak|Slovak Republic|Slovakian|"
	    "Slovaquie|slovaque|"
	    "Slowakije|Slowaaks|Slowaakse|Slowaak|"
	    "Slowakei|slowakisch|slowakische|Slowake|Slowakin|"
	    "Словакия|словашко|словашки|словашка|словак|словачка|"
	    "slovakialainen|"
	    "Σλοβακία|Σλοβακική|Σλοβακικό|Σλοβακικός|Σλοβάκος|Σλοβάκα|"
	    "Slovacchia|slovacco|slovacca|slovacchi|slovacche|"
	    "Słowacja|słowackie|słowacki|słowacka|Słowak|Słowaczka|"
	    "Eslováquia|eslovaco|eslovaca|"
	    "Slovacia|slovac|slovacă|"
	    "Eslovaquia" },
	{ "SI",
	    "Slovenija|Republika Slovenija|slovenski|Slovenec|"
	    "Slovenian|Slovene|Republic of Slovenia|"
	    "Slovénie|slovène|"
	    "Slovenië|Sloveens|Sloveense|Sloveen|"
	    "Slowenien|slowenisch|slowenische|Slowene|Slowenin|"
	    "Словения|словенско|словенски|словенска|словенец|словенка|"
	    "slovenialainen|"
	    "Σλοβενία|Σλοβενική|Σλοβενικό|Σλοβενικός|Σλοβένος|Σλοβένα|"
	    "sloveno|slovena|sloveni|"
	    "Słowenia|słoweńskie|słoweński|słoweńska|Słoweniec|Słowenka|"
	    "Eslovénia|Eslovênia|esloveno|eslovena|"
	    "sloven|slovenă|"
	    "Eslovenia" },
	{ "ES",
	    "España|Reino de España|español|española|Espanya|"
	    "Spanish|Spaniard|Kingdom of Spain|"
	    "Espagne|espagnol|espagnole|"
	    "Spanje|Spaans|Spaanse|Spanjaard|"
	    "Spanien|spanisch|spanische|Spanier|Spanierin|"
	    "Испания|испанско|испански|испанска|испанец|испанка|"
	    "Espanja|espanjalainen|"
	    "Ισπανία|Ισπανική|Ισπανικό|Ισπανικός|Ισπανός|Ισπανίδα|"
	    "Spagna|spagnolo|spagnola|spagnoli|spagnole|"
	    "Hiszpania|hiszpańskie|hiszpański|hiszpańska|Hiszpan|Hiszpanka|"
	    "Espanha|espanhol|espanhola|"
	    "Spania|spaniol|spaniolă|"
	    "" },
	{ "SE",
	    "Sverige|Konungariket Sverige|svensk|svenska|"
	    "Swedish|Swede|Kingdom of Sweden|"
	    "Suède|suédois|suédoise|"
	    "Zweden|Zweeds|Zweedse|Zweed|"
	    "Schweden|schwedisch|schwedische|Schwede|Schwedin|"
	    "Швеция|шведско|шведски|шведска|швед|шведка|"
	    "Ruotsi|ruotsalainen|"
	    "Σουηδία|Σουηδική|Σουηδικό|Σουηδικός|Σουηδός|Σουηδή|Σουηδέζα|"
	    "Svezia|svedese|svedesi|"
	    "Szwecja|szwedzkie|szwedzki|szwedzka|Szwed|Szwedka|"
	    "Suécia|sueco|sueca|"
	    "Suedia|suedez|suedeză|"
	    "Suecia" },

	/* The rest of Europe. */
	{ "GB",
	    "UK|U.K.|Great Britain|Britain|England|Scotland|Wales|"
	    "Northern Ireland|British|English|Scottish|Welsh|Briton|Scot|"
	    "United Kingdom of Great Britain and Northern Ireland|"
	    "United Kingdom of Great Britain & Northern Ireland|"
	    "Royaume-Uni|Grande-Bretagne|Angleterre|britannique|anglais|"
	    "anglaise|"
	    "Verenigd Koninkrijk|Groot-Brittannië|Engeland|Brits|Britse|Brit|"
	    "Engels|Engelse|"
	    "Vereinigtes Königreich|Großbritannien|britisch|britische|Brite|"
	    "Britin|englisch|englische|Engländer|Engländerin|"
	    "Обединеното кралство|Обединено кралство|Великобритания|Англия|"
	    "британско|британски|британска|британец|британка|английско|"
	    "англичанин|англичанка|"
	    "Yhdistynyt kuningaskunta|Iso-Britannia|Englanti|britti|"
	    "brittiläinen|englantilainen|"
	    "Ηνωμένο Βασίλειο|Μεγάλη Βρετανία|Αγγλία|Βρετανική|Βρετανικό|"
	    "Βρετανικός|Βρετανός|Βρετανίδα|Άγγλος|Αγγλίδα|"
	    "Regno Unito|Gran Bretagna|Inghilterra|britannico|britannica|"
	    "britannici|inglese|inglesi|"
	    "Wielka Brytania|Zjednoczone Królestwo|Anglia|brytyjskie|"
	    "brytyjski|brytyjska|Brytyjczyk|Brytyjka|angielskie|Anglik|"
	    "Angielka|"
	    "Reino Unido|Grã-Bretanha|Inglaterra|britânico|britânica|inglês|"
	    "inglesa|"
	    "Regatul Unit|Marea Britanie|britanic|britanică|englez|engleză|"
	    "Gran Bretaña|británico|británica|inglés" },
	{ "NO",
	    "Norge|Noreg|Kongeriket Norge|norsk|nordmann|"
	    "Norwegian|Kingdom of Norway|"
	    "Norvège|norvégien|norvégienne|"
	    "Noorwegen|Noors|Noorse|Noor|"
	    "Norwegen|norwegisch|norwegische|Norweger|Norwegerin|"
	    "Норвегия|норвежко|норвежки|норвежка|норвежец|"
	    "Norja|norjalainen|"
	    "Νορβηγία|Νορβηγική|Νορβηγικό|Νορβηγικός|Νορβηγός|Νορβηγίδα|"
	    "Norvegia|norvegese|norvegesi|"
	    "Norwegia|norweskie|norweski|norweska|Norweg|Norweżka|"
	    "Noruega|norueguês|norueguesa|"
	    "norvegian|norvegiană|"
	    "noruego" },
	{ "CH",
	    "Schweiz|Suisse|Svizzera|Svizra|Confoederatio Helvetica|Helvetia|"
	    "Schweizerische Eidgenossenschaft|Confédération suisse|"
	    "Swiss|Swiss Confederation|"
	    "Zwitserland|Zwitsers|Zwitserse|Zwitser|"
	    "schweizerisch|schweizerische|Schweizer|Schweizerin|"
	    "Швейцария|швейцарско|швейцарски|швейцарска|швейцарец|"
	    "швейцарка|"
	    "Sveitsi|sveitsiläinen|"
	    "Ελβετία|Ελβετική|Ελβετικό|Ελβετικός|Ελβετός|Ελβετίδα|"
	    "svizzero|svizzeri|svizzere|"
	    "Szwajcaria|szwajcarskie|szwajcarski|szwajcarska|Szwajcar|"
	    "Szwajcarka|"
	    "Suíça|suíço|"
	    "Elveția|elvețian|elvețiană|"
	    "Suiza|suizo" },
	{ "IS",
	    "Ísland|íslenskur|íslensk|Íslendingur|"
	    "Icelandic|Icelander|"
	    "Islande|islandais|islandaise|"
	    "IJsland|IJslands|IJslandse|IJslander|"
	    "isländisch|isländische|Isländer|Isländerin|"
	    "Исландия|исландско|исландски|исландска|исландец|исландка|"
	    "Islanti|islantilainen|"
	    "Ισλανδία|Ισλανδική|Ισλανδικό|Ισλανδικός|Ισλανδός|Ισλανδή|"
	    "Islanda|islandese|islandesi|"
	    "Islandia|islandzkie|islandzki|islandzka|Islandczyk|Islandka|"
	    "Islândia|islandês|islandesa|"
	    "islandez|islandeză|"
	    "islandés" },
	{ "AL",
	    "Shqipëri|Shqipëria|Republika e Shqipërisë|shqiptar|shqiptare|"
	    "Albanian|Republic of Albania|"
	    "Albanie|albanais|albanaise|"
	    "Albanië|Albanees|Albanese|"
	    "Albanien|albanisch|albanische|Albaner|Albanerin|"
	    "Албания|албанско|албански|албанска|албанец|албанка|"
	    "albanialainen|"
	    "Αλβανία|Αλβανική|Αλβανικό|Αλβανικός|Αλβανός|Αλβανή|Αλβανίδα|"
	    "albanesi|"
	    "albańskie|albański|albańska|Albańczyk|Albanka|"
	    "Albânia|albanês|albanesa|"
	    "albanez|albaneză|"
	    "albanés" },
	{ "BA",
	    "Bosna i Hercegovina|Босна и Херцеговина|BiH|Bosna|Босна|"
	    "bosanskohercegovački|bosanski|Bosanac|"
	    "Bosnian|Bosnia|Bosnia-Herzegovina|Bosnia & Herzegovina|"
	    "Bosnia Herzegovina|Herzegovina|Bosnian Herzegovinian|"
	    "Bosnie-Herzégovine|Bosnie|bosnien|bosnienne|bosniaque|"
	    "Bosnië en Herzegovina|Bosnië-Herzegovina|Bosnië|Bosnisch|"
	    "Bosnische|Bosniër|"
	    "Bosnien und Herzegowina|Bosnien-Herzegowina|Bosnien|bosnisch|"
	    "bosnische|Bosnier|Bosnierin|"
	    "босненско|босненски|босненска|босненец|босненка|"
	    "Bosnia ja Hertsegovina|bosnialainen|"
	    "Βοσνία και Ερζεγοβίνη|Βοσνία-Ερζεγοβίνη|Βοσνία|Βοσνιακή|"
	    "Βοσνιακό|Βοσνιακός|Βόσνιος|Βόσνια|"
	    "Bosnia ed Erzegovina|Bosnia-Erzegovina|bosniaco|bosniaca|"
	    "bosniaci|bosniache|"
	    "Bośnia i Hercegowina|Bośnia|bośniackie|bośniacki|bośniacka|"
	    "Bośniak|Bośniaczka|"
	    "Bósnia e Herzegovina|Bósnia e Herzegóvina|Bósnia-Herzegovina|"
	    "Bósnia|bósnio|"
	    "Bosnia și Herțegovina|bosniac|bosniacă|"
	    "Bosnia y Herzegovina|bosnio|bosnioherzegovino" },
	{ "XK",
	    "Kosova|Kosovë|Republika e Kosovës|Косово|Republic of Kosovo|"
	    "XKS|kosovar|kosovare|"
	    "Kosovan|Kosovar|"
	    "Kosovaars|Kosovaarse|Kosovaar|"
	    "kosovarisch|kosovarische|Kosovarin|"
	    "косовско|косовски|косовска|косовар|косоварка|"
	    "kosovolainen|"
	    "Κόσοβο|Κοσσυφοπέδιο|Κοσοβάρος|Κοσοβάρα|Κοσοβάρικη|"
	    "kosovaro|kosovara|kosovari|"
	    "Kosowo|kosowskie|kosowski|kosowska|Kosowianin|Kosowianka|"
	    "Kosowar|"
	    "Cosovo|kosovarense|"
	    "kosovară" },
	{ "ME",
	    "Crna Gora|Црна Гора|crnogorski|Crnogorac|Crnogorka|"
	    "Montenegrin|"
	    "Monténégro|monténégrin|monténégrine|"
	    "Montenegrijns|Montenegrijnse|Montenegrijn|"
	    "montenegrinisch|montenegrinische|Montenegriner|"
	    "Montenegrinerin|"
	    "Черна гора|черногорско|черногорски|черногорска|черногорец|"
	    "черногорка|"
	    "montenegrolainen|"
	    "Μαυροβούνιο|Μαυροβουνιακή|Μαυροβουνιακό|Μαυροβουνιακός|"
	    "Μαυροβούνιος|Μαυροβουνία|"
	    "montenegrino|montenegrina|montenegrini|montenegrine|"
	    "Czarnogóra|czarnogórskie|czarnogórski|czarnogórska|"
	    "Czarnogórzec|Czarnogórka|"
	    "Muntenegru|muntenegrean|muntenegreană" },
	{ "MK",
	    "Северна Македонија|Македонија|Severna Makedonija|Makedonija|"
	    "македонски|Македонец|"
	    "Macedonia|FYROM|F.Y.R.O.M.|Former Yugoslav Republic of Macedonia|"
	    "The former Yugoslav Republic of Macedonia|"
	    "Macedonia, the former Yugoslav Republic of|"
	    "Republic of North Macedonia|Republic of Macedonia|Macedonian|"
	    "North Macedonian|"
	    "Macédoine du Nord|Macédoine|macédonien|macédonienne|ARYM|"
	    "Noord-Macedonië|Macedonië|Macedonisch|Macedonische|Macedoniër|"
	    "Nordmazedonien|Mazedonien|mazedonisch|mazedonische|"
	    "nordmazedonisch|nordmazedonische|Mazedonier|Mazedonierin|"
	    "Nordmazedonier|"
	    "Северна Македония|Македония|македонско|македонска|македонец|"
	    "македонка|северномакедонско|северномакедонски|"
	    "северномакедонска|"
	    "Pohjois-Makedonia|Makedonia|pohjoismakedonialainen|"
	    "makedonialainen|"
	    "Βόρεια Μακεδονία|ΠΓΔΜ|Π.Γ.Δ.Μ.|Μακεδονία|Σκόπια|"
	    "Βορειομακεδονική|Βορειομακεδονικό|Βορειομακεδόνας|"
	    "Macedonia del Nord|macedone|macedoni|nordmacedone|"
	    "Macedonia Północna|macedońskie|macedoński|macedońska|"
	    "Macedończyk|Macedonka|północnomacedońskie|"
	    "Macedónia do Norte|Macedônia do Norte|Macedónia|Macedônia|"
	    "macedónio|macedônio|macedónia|norte-macedónio|"
	    "Macedonia de Nord|macedonean|macedoneană|nord-macedonean|"
	    "Macedonia del Norte|macedonio|norte-macedonio|ERYM" },
	{ "RS",
	    "Србија|Srbija|Република Србија|Republika Srbija|српски|srpski|"
	    "српско|srpsko|Србин|Srbin|Srpkinja|"
	    "Serbian|Serb|Republic of Serbia|"
	    "Serbie|serbe|"
	    "Servië|Servisch|Servische|Serviër|"
	    "Serbien|serbisch|serbische|Serbe|Serbin|"
	    "Сърбия|сръбско|сръбски|сръбска|сърбин|сръбкиня|"
	    "Serbia|serbialainen|"
	    "Σερβία|Σερβική|Σερβικό|Σερβικός|Σέρβος|Σέρβα|"
	    "serbo|serba|serbi|"
	    "serbskie|serbski|serbska|Serbka|"
	    "Sérvia|sérvio|sérvia|"
	    "sârb|sârbă|sârbesc|"
	    "serbio" },
	{ "MD",
	    "Republica Moldova|moldovean|moldoveancă|moldoveană|moldovenesc|"
	    "Moldovan|Republic of Moldova|Moldova, Republic of|Moldavia|"
	    "Moldavian|"
	    "Moldavie|moldave|"
	    "Moldavië|Moldavisch|Moldavische|Moldaviër|"
	    "Moldau|Moldawien|Republik Moldau|moldauisch|moldauische|"
	    "moldawisch|moldawische|Moldauer|Moldauerin|Moldawier|"
	    "Молдова|Молдавия|молдовско|молдовски|молдовска|молдовец|"
	    "молдовка|молдавско|молдавски|молдавска|молдованин|молдованка|"
	    "moldovalainen|"
	    "Μολδαβία|Μολδαβική|Μολδαβικό|Μολδαβικός|Μολδαβός|Μολδαβή|"
	    "Μολδοβα|"
	    "moldavo|moldava|moldavi|"
	    "Mołdawia|mołdawskie|mołdawski|mołdawska|Mołdawianin|"
	    "Mołdawianka|"
	    "Moldávia|"
	    "" },
	{ "UA",
	    "Україна|український|українська|українське|українець|українка|"
	    "Украина|украинский|украинская|"
	    "Ukrainian|"
	    "ukrainien|ukrainienne|"
	    "Oekraïne|Oekraïens|Oekraïense|Oekraïner|"
	    "ukrainisch|ukrainische|Ukrainer|Ukrainerin|"
	    "Украйна|украинско|украински|украинска|украинец|украинка|"
	    "Ukraina|ukrainalainen|"
	    "Ουκρανία|Ουκρανική|Ουκρανικό|Ουκρανικός|Ουκρανός|Ουκρανή|"
	    "Ucraina|ucraino|ucraini|ucraine|"
	    "ukraińskie|ukraiński|ukraińska|Ukrainiec|Ukrainka|"
	    "Ucrânia|ucraniano|ucraniana|"
	    "ucrainean|ucraineană|"
	    "Ucrania" },
	{ "BY",
	    "Беларусь|Рэспубліка Беларусь|беларус|беларуска|"
	    "Белоруссия|белорусский|белорус|"
	    "Belarusian|Belarussian|Byelorussia|Belorussia|Byelorussian|"
	    "Belorussian|White Russia|Republic of Belarus|"
	    "Biélorussie|Bélarus|biélorusse|bélarusse|"
	    "Wit-Rusland|Wit-Russisch|Wit-Russische|Wit-Rus|Belarussisch|"
	    "Belarussische|"
	    "Weißrussland|Weissrussland|belarussisch|belarussische|"
	    "weißrussisch|weißrussische|Belarusse|Belarussin|Weißrusse|"
	    "Weißrussin|"
	    "Беларус|Беларусия|беларуско|беларуски|беларусин|беларускиня|"
	    "Valko-Venäjä|valkovenäläinen|"
	    "Λευκορωσία|Λευκορωσική|Λευκορωσικό|Λευκορωσικός|Λευκορώσος|"
	    "Λευκορωσίδα|"
	    "Bielorussia|bielorusso|bielorussa|bielorussi|bielorusse|"
	    "Białoruś|białoruskie|białoruski|białoruska|Białorusin|"
	    "Białorusinka|"
	    "Bielorrússia|bielorrusso|bielorrussa|"
	    "Bielorusia|belarusă|bielorus|bielorusă|"
	    "Bielorrusia|bielorruso|bielorrusa" },
	{ "RU",
	    "Россия|Российская Федерация|русский|российское|российский|"
	    "россиянин|россиянка|Rossiya|"
	    "Russian|Russian Federation|"
	    "Russie|russe|Fédération de Russie|"
	    "Rusland|Russisch|Russische|Rus|Russische Federatie|"
	    "Russland|russisch|russische|Russe|Russin|Russische Föderation|"
	    "Русия|руско|руски|руска|руснак|рускиня|Руска федерация|"
	    "Venäjä|venäläinen|Venäjän federaatio|"
	    "Ρωσία|Ρωσική|Ρωσικό|Ρωσικός|Ρώσος|Ρωσίδα|Ρωσική Ομοσπονδία|"
	    "russo|russa|russi|Federazione Russa|"
	    "Rosja|rosyjskie|rosyjski|rosyjska|Rosjanin|Rosjanka|"
	    "Federacja Rosyjska|"
	    "Rússia|Federação Russa|"
	    "Rusia|rusă|Federația Rusă|"
	    "ruso|rusa|Federación de Rusia|Federación Rusa" },
	{ "TR",
	    "Türkiye Cumhuriyeti|Türk|"
	    "Turkey|Turkish|Turk|Republic of Turkey|Republic of Türkiye|"
	    "Turquie|turc|turque|"
	    "Turkije|Turks|Turkse|"
	    "Türkei|Tuerkei|türkisch|türkische|Türke|Türkin|tuerkisch|"
	    "Турция|турско|турски|турска|турчин|туркиня|"
	    "Turkki|turkkilainen|"
	    "Τουρκία|Τουρκική|Τουρκικό|Τουρκικός|Τούρκος|Τουρκάλα|"
	    "Turchia|turco|turca|turchi|turche|"
	    "Turcja|tureckie|turecki|turecka|Turek|Turczynka|"
	    "Turquia|"
	    "Turcia|turcă|"
	    "Turquía" },
	{ "GE",
	    "საქართველო|Sakartvelo|"
	    "Georgian|"
	    "Géorgie|géorgien|géorgienne|"
	    "Georgië|Georgisch|Georgische|Georgiër|"
	    "Georgien|georgisch|georgische|Georgier|Georgierin|"
	    "Грузия|грузинско|грузински|грузинска|грузинец|грузинка|"
	    "georgialainen|"
	    "Γεωργία|Γεωργιανή|Γεωργιανό|Γεωργιανός|"
	    "georgiano|georgiana|georgiani|georgiane|"
	    "Gruzja|gruzińskie|gruziński|gruzińska|Gruzin|Gruzinka|"
	    "Geórgia|"
	    "georgiană" },
	{ "AM",
	    "Հայաստան|Hayastan|"
	    "Armenian|"
	    "Arménie|arménien|arménienne|"
	    "Armenië|Armeens|Armeense|Armeniër|"
	    "Armenien|armenisch|armenische|Armenier|Armenierin|"
	    "Армения|арменско|арменски|арменска|арменец|арменка|"
	    "armenialainen|"
	    "Αρμενία|Αρμενική|Αρμενικό|Αρμενικός|Αρμένιος|Αρμένισσα|"
	    "armeno|armena|armeni|armene|"
	    "ormiańskie|ormiański|ormiańska|Ormianin|Ormianka|armeńskie|"
	    "Arménia|Armênia|arménio|armênio|"
	    "armean|armeancă|armenesc|"
	    "armenio" },
	{ "AZ",
	    "Azərbaycan|Azerbaycan|azərbaycanlı|"
	    "Azerbaijani|Azeri|Azerbaidjan|"
	    "Azerbaïdjan|azerbaïdjanais|azerbaïdjanaise|azéri|"
	    "Azerbeidzjan|Azerbeidzjaans|Azerbeidzjaanse|Azerbeidzjaan|"
	    "Aserbaidschan|aserbaidschanisch|aserbaidschanische|"
	    "Aserbaidschaner|Aserbaidschanerin|"
	    "Азербайджан|азербайджанско|азербайджански|азербайджанска|"
	    "азербайджанец|азербайджанка|"
	    "Azerbaidžan|azerbaidžanilainen|"
	    "Αζερμπαϊτζάν|Αζερική|Αζερικό|Αζέρος|Αζέρα|Αζερμπαϊτζανός|"
	    "Azerbaigian|azero|azera|azere|azerbaigiano|azerbaigiana|"
	    "Azerbejdżan|azerbejdżańskie|azerbejdżański|azerbejdżańska|Azer|"
	    "Azerka|Azerbejdżanin|"
	    "Azerbaijão|azerbaijano|azerbaijana|"
	    "azeră|"
	    "Azerbaiyán|azerbaiyano|azerbaiyana|azerí" },

	/* Africa. */
	{ "MA",
	    "المغرب|المملكة المغربية|ⵍⵎⵖⵔⵉⴱ|Maghrib|"
	    "Moroccan|Kingdom of Morocco|"
	    "Maroc|marocain|marocaine|"
	    "Marokko|Marokkaans|Marokkaanse|Marokkaan|"
	    "marokkanisch|marokkanische|Marokkaner|Marokkanerin|"
	    "Мароко|мароканско|марокански|мароканска|мароканец|мароканка|"
	    "marokkolainen|"
	    "Μαρόκο|Μαροκινή|Μαροκινό|Μαροκινός|"
	    "Marocco|marocchino|marocchina|marocchini|marocchine|"
	    "Maroko|marokańskie|marokański|marokańska|Marokańczyk|Marokanka|"
	    "Marrocos|marroquino|marroquina|"
	    "marocan|marocană|"
	    "Marruecos|marroquí" },
	{ "DZ",
	    "الجزائر|Dzayer|"
	    "Algerian|People's Democratic Republic of Algeria|"
	    "Algérie|algérien|algérienne|"
	    "Algerije|Algerijns|Algerijnse|Algerijn|"
	    "Algerien|algerisch|algerische|Algerier|Algerierin|"
	    "Алжир|алжирско|алжирски|алжирска|алжирец|алжирка|"
	    "algerialainen|"
	    "Αλγερία|Αλγερινή|Αλγερινό|Αλγερινός|"
	    "algerino|algerina|algerini|algerine|"
	    "Algieria|algierskie|algierski|algierska|Algierczyk|Algierka|"
	    "Argélia|argelino|argelina|"
	    "algeriană|"
	    "Argelia" },
	{ "TN",
	    "تونس|الجمهورية التونسية|"
	    "Tunisian|Republic of Tunisia|"
	    "Tunisie|tunisien|tunisienne|"
	    "Tunesië|Tunesisch|Tunesische|Tunesiër|"
	    "Tunesien|tunesisch|tunesische|Tunesier|Tunesierin|"
	    "Тунис|тунизийско|тунизийски|тунизийска|тунизиец|тунизийка|"
	    "туниско|туниски|туниска|"
	    "tunisialainen|"
	    "Τυνησία|Τυνησιακή|Τυνησιακό|Τυνήσιος|Τυνήσια|"
	    "tunisino|tunisina|tunisini|tunisine|"
	    "Tunezja|tunezyjskie|tunezyjski|tunezyjska|Tunezyjczyk|"
	    "Tunezyjka|"
	    "Tunísia|tunisiano|tunisiana|"
	    "tunisian|tunisiană|"
	    "Túnez|tunecino|tunecina" },
	{ "LY",
	    "ليبيا|Lībiyā|"
	    "Libyan|State of Libya|Libyan Arab Jamahiriya|"
	    "Libye|libyen|libyenne|"
	    "Libië|Libisch|Libische|Libiër|"
	    "Libyen|libysch|libysche|Libyer|Libyerin|"
	    "Либия|либийско|либийски|либийска|либиец|либийка|"
	    "libyalainen|"
	    "Λιβύη|Λιβυκή|Λιβυκό|Λίβυος|Λίβυα|"
	    "Libia|libico|libica|libici|libiche|"
	    "libijskie|libijski|libijska|Libijczyk|Libijka|"
	    "Líbia|líbio|"
	    "libian|libiană|"
	    "libio" },
	{ "EG",
	    "مصر|جمهورية مصر العربية|Misr|"
	    "Egyptian|Arab Republic of Egypt|"
	    "Égypte|égyptien|égyptienne|"
	    "Egyptisch|Egyptische|Egyptenaar|"
	    "Ägypten|Aegypten|ägyptisch|ägyptische|Ägypter|Ägypterin|"
	    "Египет|египетско|египетски|египетска|египтянин|египтянка|"
	    "Egypti|egyptiläinen|"
	    "Αίγυπτος|Αιγυπτιακή|Αιγυπτιακό|Αιγυπτιακός|Αιγύπτιος|Αιγύπτια|"
	    "Egitto|egiziano|egiziana|egiziani|egiziane|"
	    "Egipt|egipskie|egipski|egipska|Egipcjanin|Egipcjanka|"
	    "Egito|Egipto|egípcio|egípcia|"
	    "egiptean|egipteană|"
	    "egipcio|egipcia" },
	{ "NG",
	    "Nigerian|Federal Republic of Nigeria|"
	    "Nigéria|nigérian|nigériane|nigérianne|"
	    "Nigeriaans|Nigeriaanse|Nigeriaan|"
	    "nigerianisch|nigerianische|Nigerianer|Nigerianerin|"
	    "Нигерия|нигерийско|нигерийски|нигерийска|нигериец|нигерийка|"
	    "nigerialainen|"
	    "Νιγηρία|Νιγηριανή|Νιγηριανό|Νιγηριανός|"
	    "nigeriano|nigeriana|nigeriani|nigeriane|"
	    "nigeryjskie|nigeryjski|nigeryjska|Nigeryjczyk|Nigeryjka|"
	    "nigeriană" },
	{ "GH",
	    "Ghanaian|Republic of Ghana|"
	    "ghanéen|ghanéenne|"
	    "Ghanees|Ghanese|"
	    "ghanaisch|ghanaische|Ghanaer|Ghanaerin|"
	    "Гана|ганайско|ганайски|ганайска|ганаец|ганайка|"
	    "ghanalainen|"
	    "Γκάνα|Γκανέζικη|Γκανέζικο|Γκανέζος|Γκανέζα|"
	    "ghanesi|"
	    "ghańskie|ghański|ghańska|Ghańczyk|Ghanka|"
	    "Gana|ganês|ganesa|ganense|"
	    "ghanez|ghaneză|"
	    "ganés|ghanés" },
	{ "SN",
	    "Senegalese|Republic of Senegal|"
	    "Sénégal|sénégalais|sénégalaise|"
	    "Senegalees|"
	    "senegalesisch|senegalesische|Senegalesin|"
	    "Сенегал|сенегалско|сенегалски|сенегалска|сенегалец|сенегалка|"
	    "senegalilainen|"
	    "Σενεγάλη|Σενεγαλέζικη|Σενεγαλέζος|Σενεγαλέζα|Σενεγαλική|"
	    "senegalesi|"
	    "senegalskie|senegalski|senegalska|Senegalczyk|Senegalka|"
	    "senegalês|senegalesa|"
	    "senegalez|senegaleză|"
	    "senegalés" },
	{ "GN",
	    "Guinée|République de Guinée|"
	    "Guinean|Republic of Guinea|Guinea-Conakry|Guinea Conakry|"
	    "guinéen|guinéenne|Guinée-Conakry|"
	    "Guinee|Guinees|Guinese|Guineeër|"
	    "guineisch|guineische|Guineer|Guineerin|"
	    "Гвинея|гвинейско|гвинейски|гвинейска|гвинеец|гвинейка|"
	    "guinealainen|"
	    "Γουινέα|Γουινεάτης|Γουινεάτισσα|Γουινεατική|"
	    "guineano|guineana|guineani|guineane|"
	    "Gwinea|gwinejskie|gwinejski|gwinejska|Gwinejczyk|Gwinejka|"
	    "Guiné|Guiné-Conacri|"
	    "Guineea|guineez|guineeză|"
	    "" },
	{ "CI",
	    "Ivory Coast|Ivorian|Cote d'Ivoire|Republic of Côte d'Ivoire|"
	    "ivoirien|ivoirienne|"
	    "Ivoorkust|Ivoriaans|Ivoriaanse|Ivoriaan|"
	    "Elfenbeinküste|ivorisch|ivorische|Ivorer|Ivorerin|"
	    "Кот д'Ивоар|Кот д’Ивоар|Бряг на слоновата кост|"
	    "котдивоарско|котдивоарски|котдивоарска|котдивоарец|"
	    "Norsunluurannikko|norsunluurannikkolainen|"
	    "Ακτή Ελεφαντοστού|Ιβοριανή|Ιβοριανός|"
	    "Costa d'Avorio|ivoriano|ivoriana|ivoriani|ivoriane|"
	    "Wybrzeże Kości Słoniowej|iworyjskie|iworyjski|iworyjska|"
	    "Iworyjczyk|Iworyjka|"
	    "Costa do Marfim|marfinense|costa-marfinense|ivoriense|"
	    "Coasta de Fildeș|ivoriană|"
	    "Costa de Marfil|marfileño|marfileña" },
	{ "CM",
	    "Cameroun|Cameroonian|Republic of Cameroon|"
	    "camerounais|camerounaise|"
	    "Kameroen|Kameroens|Kameroense|Kameroener|"
	    "Kamerun|kamerunisch|kamerunische|Kameruner|Kamerunerin|"
	    "Камерун|камерунско|камерунски|камерунска|камерунец|камерунка|"
	    "kamerunilainen|"
	    "Καμερούν|Καμερουνέζος|Καμερουνέζα|Καμερουνέζικη|"
	    "Camerun|camerunese|camerunesi|camerunense|"
	    "kameruńskie|kameruński|kameruńska|Kameruńczyk|Kamerunka|"
	    "Camarões|camaronês|camaronesa|camaronense|"
	    "camerunez|cameruneză|"
	    "Camerún|camerunés|camerunesa" },
	{ "ER",
	    "ኤርትራ|إريتريا|Ertra|State of Eritrea|"
	    "Eritrean|"
	    "Érythrée|érythréen|érythréenne|"
	    "Eritrees|Eritrese|Eritreeër|"
	    "eritreisch|eritreische|Eritreer|Eritreerin|"
	    "Еритрея|еритрейско|еритрейски|еритрейска|еритреец|еритрейка|"
	    "eritrealainen|"
	    "Ερυθραία|Ερυθραίος|Ερυθραϊκή|"
	    "eritreo|eritrei|eritree|"
	    "Erytrea|erytrejskie|erytrejski|erytrejska|Erytrejczyk|"
	    "Erytrejka|"
	    "Eritreia|eritreu|"
	    "Eritreea|eritreean|eritreeană" },
	{ "ET",
	    "ኢትዮጵያ|Ityop'ia|"
	    "Ethiopian|Federal Democratic Republic of Ethiopia|Abyssinia|"
	    "Éthiopie|éthiopien|éthiopienne|"
	    "Ethiopië|Ethiopisch|Ethiopische|Ethiopiër|"
	    "Äthiopien|Aethiopien|äthiopisch|äthiopische|Äthiopier|"
	    "Äthiopierin|"
	    "Етиопия|етиопско|етиопски|етиопска|етиопец|етиопка|"
	    "Etiopia|etiopialainen|"
	    "Αιθιοπία|Αιθιοπική|Αιθιοπικό|Αιθίοπας|Αιθιοπίδα|"
	    "etiope|etiopi|"
	    "etiopskie|etiopski|etiopska|Etiopczyk|Etiopka|"
	    "Etiópia|"
	    "etiopian|etiopiană|"
	    "Etiopía" },
	{ "SO",
	    "Soomaaliya|الصومال|Soomaali|Federal Republic of Somalia|"
	    "Somali|Somalian|Somaliland|"
	    "Somalie|somalien|somalienne|"
	    "Somalië|Somalisch|Somalische|Somaliër|"
	    "somalisch|somalische|Somalier|Somalierin|"
	    "Сомалия|сомалийско|сомалийски|сомалийска|сомалиец|сомалийка|"
	    "somalialainen|"
	    "Σομαλία|Σομαλική|Σομαλικό|Σομαλός|Σομαλή|"
	    "somalo|somala|somale|"
	    "somalijskie|somalijski|somalijska|Somalijczyk|Somalijka|"
	    "Somália|somaliano|somaliana|"
	    "somalez|somaleză|"
	    "somalí" },
	{ "SD",
	    "السودان|Republic of the Sudan|the Sudan|"
	    "Sudanese|"
	    "Soudan|soudanais|soudanaise|"
	    "Soedan|Soedanees|Soedanese|"
	    "sudanesisch|sudanesische|Sudanesin|"
	    "Судан|суданско|судански|суданска|суданец|суданка|"
	    "sudanilainen|"
	    "Σουδάν|Σουδανική|Σουδανικό|Σουδανός|Σουδανή|Σουδανέζος|"
	    "sudanesi|"
	    "sudańskie|sudański|sudańska|Sudańczyk|Sudanka|"
	    "Sudão|sudanês|sudanesa|"
	    "sudanez|sudaneză|"
	    "Sudán|sudanés" },

	/* Middle East and Asia. */
	{ "SY",
	    "سوريا|سورية|الجمهورية العربية السورية|"
	    "Syrian|Syrian Arab Republic|"
	    "Syrie|syrien|syrienne|"
	    "Syrië|Syrisch|Syrische|Syriër|"
	    "Syrien|syrisch|syrische|Syrer|Syrerin|"
	    "Сирия|сирийско|сирийски|сирийска|сириец|сирийка|"
	    "Syyria|syyrialainen|"
	    "Συρία|Συριακή|Συριακό|Συριακός|Σύριος|Σύρια|Σύρος|"
	    "Siria|siriano|siriana|siriani|siriane|"
	    "Syria|syryjskie|syryjski|syryjska|Syryjczyk|Syryjka|"
	    "Síria|sírio|"
	    "sirian|siriană|"
	    "sirio" },
	{ "IQ",
	    "العراق|جمهورية العراق|"
	    "Iraqi|Republic of Iraq|"
	    "Irak|irakien|irakienne|"
	    "Iraaks|Iraakse|Irakees|"
	    "irakisch|irakische|Iraker|Irakerin|"
	    "Ирак|иракско|иракски|иракска|иракчанин|иракчанка|"
	    "irakilainen|"
	    "Ιράκ|Ιρακινή|Ιρακινό|Ιρακινός|"
	    "iracheno|irachena|iracheni|irachene|"
	    "irackie|iracki|iracka|Irakijczyk|Irakijka|"
	    "Iraque|iraquiano|iraquiana|"
	    "irakian|irakiană|"
	    "iraquí" },
	{ "IR",
	    "ایران|جمهوری اسلامی ایران|Īrān|"
	    "Iranian|Persia|Persian|Islamic Republic of Iran|"
	    "Iran, Islamic Republic of|"
	    "iranien|iranienne|"
	    "Iraans|Iraanse|Iraniër|"
	    "iranisch|iranische|Iraner|Iranerin|"
	    "Иран|иранско|ирански|иранска|иранец|иранка|"
	    "iranilainen|"
	    "Ιράν|Ιρανική|Ιρανικό|Ιρανικός|Ιρανός|Ιρανή|"
	    "iraniano|iraniana|iraniani|iraniane|"
	    "irańskie|irański|irańska|Irańczyk|Iranka|"
	    "Irã|Irão|"
	    "iranian|iraniană|"
	    "Irán|iraní" },
	{ "AF",
	    "افغانستان|Islamic Republic of Afghanistan|"
	    "Islamic Emirate of Afghanistan|"
	    "Afghan|Afghani|"
	    "afghane|"
	    "Afghaans|Afghaanse|Afghaan|"
	    "afghanisch|afghanische|Afghanin|"
	    "Афганистан|афганистанско|афганистански|афганистанска|"
	    "афганско|афгански|афганска|афганистанец|афганец|афганка|"
	    "Afganistan|afganistanilainen|afgaani|"
	    "Αφγανιστάν|Αφγανική|Αφγανικό|Αφγανός|Αφγανή|"
	    "afghano|afghana|"
	    "afgańskie|afgański|afgańska|Afgańczyk|Afganka|"
	    "Afeganistão|afegão|afegã|"
	    "afgan|afgană|"
	    "Afganistán|afgano|afgana" },
	{ "PK",
	    "پاکستان|Islamic Republic of Pakistan|"
	    "Pakistani|"
	    "pakistanais|pakistanaise|"
	    "Pakistaans|Pakistaanse|Pakistaan|"
	    "pakistanisch|pakistanische|Pakistaner|Pakistanerin|"
	    "Пакистан|пакистанско|пакистански|пакистанска|пакистанец|"
	    "пакистанка|"
	    "pakistanilainen|"
	    "Πακιστάν|Πακιστανική|Πακιστανικό|Πακιστανός|Πακιστανή|"
	    "pakistano|pakistana|pakistane|"
	    "pakistańskie|pakistański|pakistańska|Pakistańczyk|Pakistanka|"
	    "Paquistão|paquistanês|paquistanesa|"
	    "pakistanez|pakistaneză|"
	    "Pakistán|paquistaní|pakistaní" },
	{ "BD",
	    "বাংলাদেশ|People's Republic of Bangladesh|"
	    "Bangladeshi|"
	    "bangladais|bangladaise|"
	    "Bengalees|Bengaals|Bengaalse|"
	    "Bangladesch|bangladeschisch|bangladeschische|Bangladescher|"
	    "Bangladescherin|"
	    "Бангладеш|бангладешко|бангладешки|бангладешка|бангладешец|"
	    "bangladeshilainen|"
	    "Μπανγκλαντές|Μπαγκλαντές|Μπαγκλαντεσιανή|Μπαγκλαντεσιανός|"
	    "bengalese|bengalesi|bangladese|"
	    "Bangladesz|bangladeskie|bangladeski|bangladeska|Banglijczyk|"
	    "Bangladeszczyk|"
	    "Bangladexe|bangladês|bangladeshiano|bengali|"
	    "bangladeshez|bangladeshian|"
	    "Bangladés|bangladesí" },
	{ "IN",
	    "भारत|Bharat|भारत गणराज्य|"
	    "Indian|Republic of India|"
	    "Inde|indien|indienne|"
	    "Indiaas|Indiase|Indiër|"
	    "Indien|indisch|indische|Inder|Inderin|"
	    "Индия|индийско|индийски|индийска|индиец|индийка|"
	    "Intia|intialainen|"
	    "Ινδία|Ινδική|Ινδικό|Ινδικός|Ινδός|Ινδή|"
	    "indiano|indiana|indiani|indiane|"
	    "Indie|indyjskie|indyjski|indyjska|Hindus|Hinduska|"
	    "Índia|"
	    "indiană|"
	    "indio" },
	{ "LK",
	    "ශ්‍රී ලංකාව|இலங்கை|"
	    "Sri Lankan|Ceylon|Democratic Socialist Republic of Sri Lanka|"
	    "srilankais|srilankaise|sri-lankais|sri-lankaise|"
	    "Sri Lankaans|Sri Lankaanse|Srilankaan|"
	    "sri-lankisch|sri-lankische|Sri-Lanker|Sri-Lankerin|"
	    "Шри Ланка|шриланкийско|шриланкийски|шриланкийска|шриланкиец|"
	    "srilankalainen|"
	    "Σρι Λάνκα|Σριλανκέζος|Σριλανκέζα|Σριλανκέζικη|"
	    "singalese|singalesi|srilankese|"
	    "lankijskie|lankijski|lankijska|Lankijczyk|Cejlon|"
	    "cingalês|cingalesa|srilankês|"
	    "sri-lankez|sri-lankeză|"
	    "Ceilán|esrilanqués|esrilanquesa|ceilanés|ceilandés" },
	{ "NP",
	    "नेपाल|Federal Democratic Republic of Nepal|"
	    "Nepali|Nepalese|"
	    "Népal|népalais|népalaise|"
	    "Nepalees|"
	    "nepalesisch|nepalesische|Nepalesin|nepalisch|"
	    "Непал|непалско|непалски|непалска|непалец|непалка|"
	    "nepalilainen|"
	    "Νεπάλ|Νεπαλέζος|Νεπαλέζα|Νεπαλική|"
	    "nepalesi|"
	    "nepalskie|nepalski|nepalska|Nepalczyk|Nepalka|"
	    "nepalês|nepalesa|"
	    "nepalez|nepaleză|"
	    "nepalí|nepalés" },
	{ "CN",
	    "中国|中國|中华人民共和国|中華人民共和國|Zhongguo|"
	    "Chinese|People's Republic of China|PRC|P.R.C.|PR China|"
	    "P.R. China|Mainland China|China, People's Republic of|"
	    "Chine|chinois|chinoise|"
	    "Chinees|"
	    "chinesisch|chinesische|Chinesin|Volksrepublik China|"
	    "Китай|китайско|китайски|китайска|китаец|китайка|"
	    "Kiina|kiinalainen|"
	    "Κίνα|Κινεζική|Κινεζικό|Κινεζικός|Κινέζος|Κινέζα|"
	    "Cina|cinese|cinesi|Repubblica Popolare Cinese|"
	    "Chiny|chińskie|chiński|chińska|Chińczyk|Chinka|"
	    "chinês|chinesa|"
	    "chinez|chineză|"
	    "chino" },
	{ "VN",
	    "Việt Nam|Cộng hòa Xã hội chủ nghĩa Việt Nam|"
	    "Vietnam|Vietnamese|Socialist Republic of Viet Nam|"
	    "Viêt Nam|vietnamien|vietnamienne|"
	    "Vietnamees|"
	    "vietnamesisch|vietnamesische|Vietnamesin|"
	    "Виетнам|виетнамско|виетнамски|виетнамска|виетнамец|"
	    "виетнамка|"
	    "vietnamilainen|"
	    "Βιετνάμ|Βιετναμέζος|Βιετναμέζα|Βιετναμική|"
	    "vietnamita|vietnamiti|"
	    "Wietnam|wietnamskie|wietnamski|wietnamska|Wietnamczyk|"
	    "Wietnamka|"
	    "Vietnã|Vietname|"
	    "vietnamez|vietnameză" },
	{ "TH",
	    "ประเทศไทย|ไทย|Prathet Thai|Muang Thai|"
	    "Thai|Kingdom of Thailand|Siam|"
	    "Thaïlande|thaïlandais|thaïlandaise|thaï|"
	    "Thais|Thaise|Thailander|"
	    "thailändisch|thailändische|Thailänder|Thailänderin|"
	    "Тайланд|Таиланд|тайландско|тайландски|тайландска|тайландец|"
	    "тайландка|"
	    "Thaimaa|thaimaalainen|"
	    "Ταϊλάνδη|Ταϊλανδέζος|Ταϊλανδέζα|Ταϊλανδική|"
	    "Thailandia|tailandese|thailandese|thailandesi|tailandesi|"
	    "Tajlandia|tajlandzkie|tajlandzki|tajlandzka|tajskie|Taj|Tajka|"
	    "Tailândia|tailandês|tailandesa|"
	    "Thailanda|thailandez|thailandeză|tailandez|"
	    "Tailandia|tailandés" },
	{ "PH",
	    "Pilipinas|Republika ng Pilipinas|"
	    "Filipino|Filipina|Philippine|the Philippines|"
	    "Republic of the Philippines|"
	    "philippin|"
	    "Filipijnen|Filipijns|Filipijnse|Filipijn|"
	    "Philippinen|philippinisch|philippinische|Philippiner|"
	    "Philippinerin|"
	    "Филипини|филипинско|филипински|филипинска|филипинец|"
	    "филипинка|"
	    "Filippiinit|filippiiniläinen|"
	    "Φιλιππίνες|Φιλιππινέζος|Φιλιππινέζα|Φιλιππινική|"
	    "Filippine|filippino|filippina|filippini|"
	    "Filipiny|filipińskie|filipiński|filipińska|Filipińczyk|"
	    "Filipinka|"
	    "Filipinas|"
	    "Filipine|filipinez|filipineză" },

	/* The Americas. */
	{ "BR",
	    "Brasil|República Federativa do Brasil|brasileiro|brasileira|"
	    "Brazilian|Federative Republic of Brazil|"
	    "Brésil|brésilien|brésilienne|"
	    "Brazilië|Braziliaans|Braziliaanse|Braziliaan|"
	    "Brasilien|brasilianisch|brasilianische|Brasilianer|"
	    "Brasilianerin|"
	    "Бразилия|бразилско|бразилски|бразилска|бразилец|бразилка|"
	    "Brasilia|brasilialainen|"
	    "Βραζιλία|Βραζιλιάνος|Βραζιλιάνα|Βραζιλιανή|Βραζιλιάνικη|"
	    "Brasile|brasiliano|brasiliana|brasiliani|brasiliane|"
	    "Brazylia|brazylijskie|brazylijski|brazylijska|Brazylijczyk|"
	    "Brazylijka|"
	    "Brazilia|brazilian|braziliană|"
	    "brasileño|brasileña" },
	{ "CO",
	    "República de Colombia|"
	    "Colombian|Republic of Colombia|"
	    "Colombie|colombien|colombienne|"
	    "Colombiaans|Colombiaanse|Colombiaan|"
	    "Kolumbien|kolumbianisch|kolumbianische|Kolumbianer|"
	    "Kolumbianerin|"
	    "Колумбия|колумбийско|колумбийски|колумбийска|колумбиец|"
	    "колумбийка|"
	    "Kolumbia|kolumbialainen|"
	    "Κολομβία|Κολομβιανή|Κολομβιανό|Κολομβιανός|"
	    "colombiano|colombiana|colombiani|colombiane|"
	    "kolumbijskie|kolumbijski|kolumbijska|Kolumbijczyk|Kolumbijka|"
	    "Colômbia|"
	    "Columbia|columbian|columbiană" },
	{ "VE",
	    "República Bolivariana de Venezuela|"
	    "Venezuelan|Bolivarian Republic of Venezuela|"
	    "Venezuela, Bolivarian Republic of|"
	    "Vénézuéla|vénézuélien|vénézuélienne|"
	    "Venezolaans|Venezolaanse|Venezolaan|"
	    "venezolanisch|venezolanische|Venezolaner|Venezolanerin|"
	    "Венецуела|венецуелско|венецуелски|венецуелска|венецуелец|"
	    "венецуелка|"
	    "venezuelalainen|"
	    "Βενεζουέλα|Βενεζουελανή|Βενεζουελανός|Βενεζουελάνα|"
	    "venezuelano|venezuelana|venezuelani|venezuelane|"
	    "Wenezuela|wenezuelskie|wenezuelski|wenezuelska|Wenezuelczyk|"
	    "Wenezuelka|"
	    "venezuelean|venezueleană|"
	    "venezolano|venezolana" },
	{ "DO",
	    /* "Dominican" is also Dominica's demonym; the Republic wins. */
	    "Dominican|Dominican Rep.|"
	    "République dominicaine|dominicain|dominicaine|"
	    "Dominicaanse Republiek|Dominicaans|Dominicaanse|Dominicaan|"
	    "Dominikanische Republik|dominikanisch|dominikanische|"
	    "Dominikaner|Dominikanerin|"
	    "Доминиканска република|доминиканско|доминикански|"
	    "доминиканска|доминиканец|доминиканка|"
	    "Dominikaaninen tasavalta|dominikaaninen|"
	    "Δομινικανή Δημοκρατία|Δομινικανή|Δομινικανός|"
	    "Repubblica Dominicana|dominicano|dominicana|dominicani|"
	    "dominicane|"
	    "Dominikana|Republika Dominikańska|dominikańskie|dominikański|"
	    "dominikańska|Dominikańczyk|Dominikanka|"
	    "República Dominicana|"
	    "Republica Dominicană|dominicană" },
	{ "US",
	    "United States of America|USA|U.S.A.|US|U.S.|America|American|"
	    "United States, The|"
	    "États-Unis|États-Unis d'Amérique|américain|américaine|"
	    "étatsunien|étatsunienne|"
	    "Verenigde Staten|Verenigde Staten van Amerika|Amerika|"
	    "Amerikaans|Amerikaanse|Amerikaan|"
	    "Vereinigte Staaten|Vereinigte Staaten von Amerika|"
	    "amerikanisch|amerikanische|Amerikaner|Amerikanerin|"
	    "САЩ|Съединени американски щати|Съединените американски щати|"
	    "Съединените щати|Америка|американско|американски|"
	    "американска|американец|американка|"
	    "Yhdysvallat|Amerikan yhdysvallat|yhdysvaltalainen|"
	    "amerikkalainen|"
	    "ΗΠΑ|Ηνωμένες Πολιτείες|Ηνωμένες Πολιτείες της Αμερικής|"
	    "Αμερική|Αμερικανική|Αμερικανικό|Αμερικανικός|Αμερικανός|"
	    "Αμερικανίδα|"
	    "Stati Uniti|Stati Uniti d'America|statunitense|statunitensi|"
	    "americano|americana|americani|"
	    "Stany Zjednoczone|Stany Zjednoczone Ameryki|Ameryka|"
	    "amerykańskie|amerykański|amerykańska|Amerykanin|Amerykanka|"
	    "Estados Unidos|Estados Unidos da América|EUA|estadunidense|"
	    "norte-americano|norte-americana|"
	    "Statele Unite|Statele Unite ale Americii|SUA|americană|"
	    "Estados Unidos de América|EE. UU.|EEUU|EE.UU.|estadounidense|"
	    "norteamericano|norteamericana" },
};
#define NALIASES	(sizeof(aliases) / sizeof(aliases[0]))

/* Built by sb_country_init(), read-only afterwards. */
static struct slot		*tab;		/* tabmask + 1 slots */
static uint32_t			 tabmask;
static char			*keys;		/* all keys, back to back */
static size_t			 keyslen, keyscap;
static const UNormalizer2	*nfkd;
static unsigned char		 asciimap[128];	/* 0: drop, else key byte */

/*
 * Latin letters whose diacritic is part of the letter, so NFKD leaves them
 * alone, and the ligatures; applied after case folding.
 */
static const char *
latin_extra(UChar32 c)
{
	switch (c) {
	case 0x00E6:	return "ae";	/* æ */
	case 0x00F0:	return "d";	/* ð */
	case 0x00F8:	return "o";	/* ø */
	case 0x00FE:	return "th";	/* þ */
	case 0x0111:	return "d";	/* đ */
	case 0x0127:	return "h";	/* ħ */
	case 0x0131:	return "i";	/* dotless ı */
	case 0x0142:	return "l";	/* ł */
	case 0x0153:	return "oe";	/* œ */
	case 0x0167:	return "t";	/* ŧ */
	default:	return NULL;
	}
}

static void
asciimap_init(void)
{
	int c;

	memset(asciimap, 0, sizeof(asciimap));
	for (c = '0'; c <= '9'; c++)
		asciimap[c] = (unsigned char)c;
	for (c = 'a'; c <= 'z'; c++) {
		asciimap[c] = (unsigned char)c;
		asciimap[c - 'a' + 'A'] = (unsigned char)c;
	}
}

/*
 * Fast path: the key of pure ASCII input is its letters and digits, lower
 * cased.  Returns the key length, or -1 if s holds a non-ASCII byte.
 */
static int
key_ascii(const char *s, size_t len, char *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (p[i] & 0x80)
			return -1;
		if (asciimap[p[i]] != 0)
			out[n++] = (char)asciimap[p[i]];
	}
	return (int)n;
}

/* Append c to out as UTF-8; -1 if that would pass KEY_MAX. */
static int
put_utf8(char *out, size_t *n, UChar32 c)
{
	unsigned char b[4];
	size_t i, len;

	if (c < 0x80) {
		b[0] = (unsigned char)c;
		len = 1;
	} else if (c < 0x800) {
		b[0] = (unsigned char)(0xC0 | (c >> 6));
		b[1] = (unsigned char)(0x80 | (c & 0x3F));
		len = 2;
	} else if (c < 0x10000) {
		b[0] = (unsigned char)(0xE0 | (c >> 12));
		b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (unsigned char)(0x80 | (c & 0x3F));
		len = 3;
	} else {
		b[0] = (unsigned char)(0xF0 | (c >> 18));
		b[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
		b[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		b[3] = (unsigned char)(0x80 | (c & 0x3F));
		len = 4;
	}
	if (*n + len > KEY_MAX)
		return -1;
	for (i = 0; i < len; i++)
		out[(*n)++] = (char)b[i];
	return 0;
}

static int
is_mark(UChar32 c)
{
	int8_t t = u_charType(c);

	return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
	    t == U_ENCLOSING_MARK || t == U_MODIFIER_LETTER;
}

/*
 * Keep the letters and digits of folded, decomposed text u, as UTF-8.
 * Returns the key length, or -1 if it would pass KEY_MAX.
 */
static int
key_filter(const UChar *u, int32_t ulen, char *out)
{
	const char *x;
	int32_t i = 0;
	size_t n = 0;
	UChar32 c;

	while (i < ulen) {
		U16_NEXT(u, i, ulen, c);
		if (is_mark(c))
			continue;
		if (c == 0x03C2)		/* final sigma */
			c = 0x03C3;
		if ((x = latin_extra(c)) != NULL) {
			while (*x != '\0')
				if (put_utf8(out, &n, *x++) == -1)
					return -1;
			continue;
		}
		if (u_isalnum(c) && put_utf8(out, &n, c) == -1)
			return -1;
	}
	return (int)n;
}

/*
 * Slow path: NFKD, full case folding, NFKD again (folding can produce
 * composed or compatibility characters), then key_filter().  Returns the
 * key length, or -1 on invalid UTF-8 or an over-long result.
 */
static int
key_icu(const char *s, size_t len, char *out)
{
	UChar a[UBUF_MAX], b[UBUF_MAX];
	UErrorCode e = U_ZERO_ERROR;
	int32_t n;

	u_strFromUTF8(a, UBUF_MAX, &n, s, (int32_t)len, &e);
	if (U_FAILURE(e) || n >= UBUF_MAX)
		return -1;
	n = unorm2_normalize(nfkd, a, n, b, UBUF_MAX, &e);
	if (U_FAILURE(e) || n >= UBUF_MAX)
		return -1;
	n = u_strFoldCase(a, UBUF_MAX, b, n, U_FOLD_CASE_DEFAULT, &e);
	if (U_FAILURE(e) || n >= UBUF_MAX)
		return -1;
	if (unorm2_isNormalized(nfkd, a, n, &e) || U_FAILURE(e))
		return U_FAILURE(e) ? -1 : key_filter(a, n, out);
	n = unorm2_normalize(nfkd, a, n, b, UBUF_MAX, &e);
	if (U_FAILURE(e) || n >= UBUF_MAX)
		return -1;
	return key_filter(b, n, out);
}

/* The key of s into out (KEY_MAX bytes); its length, or -1. */
static int
make_key(const char *s, size_t len, char *out)
{
	int n;

	if (len > KEY_MAX)
		return -1;
	if ((n = key_ascii(s, len, out)) >= 0)
		return n;
	return key_icu(s, len, out);
}

/* The slot holding key k, or the empty slot where it belongs. */
static struct slot *
probe(const char *k, size_t len, uint32_t h)
{
	struct slot *sl;
	uint32_t i;

	for (i = h & tabmask;; i = (i + 1) & tabmask) {
		sl = &tab[i];
		if (sl->len == 0)
			return sl;
		if (sl->hash == h && sl->len == len &&
		    memcmp(keys + sl->off, k, len) == 0)
			return sl;
	}
}

static int
cmp_a2(const void *key, const void *elem)
{
	const struct country *c = elem;

	return strcmp(key, c->a2);
}

/* Index of the country with alpha-2 code a2 (upper case), or -1. */
static int
country_index(const char *a2)
{
	const struct country *c;

	c = bsearch(a2, countries, NCOUNTRIES, sizeof(countries[0]), cmp_a2);
	return c == NULL ? -1 : (int)(c - countries);
}

static int
keys_append(const char *k, size_t len, uint32_t *off)
{
	size_t ncap;
	char *p;

	if (keyslen + len > keyscap) {
		ncap = keyscap == 0 ? 16384 : keyscap * 2;
		while (ncap < keyslen + len)
			ncap *= 2;
		if (ncap > UINT32_MAX || (p = realloc(keys, ncap)) == NULL)
			return -1;
		keys = p;
		keyscap = ncap;
	}
	memcpy(keys + keyslen, k, len);
	*off = (uint32_t)keyslen;
	keyslen += len;
	return 0;
}

/*
 * Enter name s for country cty.  A key already taken stays with its first
 * country.  -1 if the name has no usable key or on allocation failure.
 */
static int
add_name(const char *s, size_t len, int cty)
{
	char k[KEY_MAX];
	struct slot *sl;
	uint32_t h;
	int n;

	if ((n = make_key(s, len, k)) <= 0)
		return -1;
	h = sb_fnv1a32(k, (size_t)n);
	sl = probe(k, (size_t)n, h);
	if (sl->len != 0)
		return 0;
	if (keys_append(k, (size_t)n, &sl->off) == -1)
		return -1;
	sl->hash = h;
	sl->len = (uint8_t)n;
	sl->cty = (uint16_t)cty;
	return 0;
}

/* Enter every name of a '|'-separated list; empty items are skipped. */
static int
add_names(const char *list, int cty)
{
	const char *p, *bar;
	size_t len;

	for (p = list; *p != '\0'; p = bar + (*bar == '|')) {
		if ((bar = strchr(p, '|')) == NULL)
			bar = p + strlen(p);
		len = (size_t)(bar - p);
		if (len > 0 && add_name(p, len, cty) == -1)
			return -1;
	}
	return 0;
}

/* Number of names in all tables: an upper bound on the keys. */
static size_t
count_names(void)
{
	const char *p;
	size_t i, n = NCOUNTRIES * 3;

	for (i = 0; i < NALIASES; i++)
		for (n++, p = aliases[i].names; *p != '\0'; p++)
			if (*p == '|')
				n++;
	return n;
}

static int
tab_alloc(size_t nnames)
{
	size_t cap = 1024;

	while (cap < nnames * 2)
		cap *= 2;
	if ((tab = calloc(cap, sizeof(tab[0]))) == NULL)
		return -1;
	tabmask = (uint32_t)(cap - 1);
	return 0;
}

/* Codes first, then English names: they win any clash. */
static int
load_countries(void)
{
	const struct country *c;
	size_t i;

	for (i = 0; i < NCOUNTRIES; i++) {
		c = &countries[i];
		if (i > 0 && strcmp(countries[i - 1].a2, c->a2) >= 0)
			return -1;	/* bsearch needs the order */
		if (add_name(c->a2, 2, (int)i) == -1 ||
		    add_name(c->a3, 3, (int)i) == -1)
			return -1;
	}
	for (i = 0; i < NCOUNTRIES; i++)
		if (add_names(countries[i].name, (int)i) == -1)
			return -1;
	return 0;
}

static int
load_aliases(void)
{
	size_t i;
	int cty;

	for (i = 0; i < NALIASES; i++) {
		if ((cty = country_index(aliases[i].a2)) == -1)
			return -1;
		if (add_names(aliases[i].names, cty) == -1)
			return -1;
	}
	return 0;
}

int
sb_country_init(void)
{
	UErrorCode e = U_ZERO_ERROR;

	if (tab != NULL)
		return 0;
	asciimap_init();
	nfkd = unorm2_getNFKDInstance(&e);
	if (U_FAILURE(e) || nfkd == NULL)
		return -1;
	if (tab_alloc(count_names()) == -1 || load_countries() == -1 ||
	    load_aliases() == -1)
		goto fail;
	return 0;
fail:
	sb_country_free();
	return -1;
}

void
sb_country_free(void)
{
	free(tab);
	free(keys);
	tab = NULL;
	tabmask = 0;
	keys = NULL;
	keyslen = keyscap = 0;
	nfkd = NULL;		/* owned by ICU, never freed */
}

const char *
sb_country_lookup(const char *s, size_t len)
{
	char k[KEY_MAX];
	struct slot *sl;
	int n;

	if (s == NULL || tab == NULL || (n = make_key(s, len, k)) <= 0)
		return NULL;
	sl = probe(k, (size_t)n, sb_fnv1a32(k, (size_t)n));
	return sl->len == 0 ? NULL : countries[sl->cty].a2;
}

const char *
sb_country_name(const char *alpha2)
{
	char up[3];
	int i;

	if (alpha2 == NULL)
		return NULL;
	for (i = 0; i < 2; i++) {
		if (alpha2[i] >= 'a' && alpha2[i] <= 'z')
			up[i] = (char)(alpha2[i] - 'a' + 'A');
		else if (alpha2[i] >= 'A' && alpha2[i] <= 'Z')
			up[i] = alpha2[i];
		else
			return NULL;
	}
	if (alpha2[2] != '\0')
		return NULL;
	up[2] = '\0';
	return (i = country_index(up)) == -1 ? NULL : countries[i].name;
}
