/*
 * sb_names.c: synthetic personal names and their cross-border variants.
 *
 * The lists below were written by hand from general knowledge of common
 * names; they are not copied from any register or data set.
 */
#include "sb_names.h"
#include "sb_hash.h"
#include "sb_mem.h"
#include "names_lat.h"

#include <ctype.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchar.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---------------------------------------------------------------- BE */

static const char *const be_f[] = {
	"Marie", "Anne", "Nathalie", "Martine", "Christine", "Isabelle",
	"Monique", "Nicole", "Sandrine", "Catherine", "Françoise",
	"Véronique", "Sophie", "Julie", "Céline", "Emma", "Louise", "Camille",
	"Chloé", "Léa", "Manon", "Juliette", "Clara", "Élise", "Margaux",
	"Amélie", "Hélène", "Brigitte", "Valérie", "Mathilde",
	"An", "Els", "Katrien", "Griet", "Liesbeth", "Hilde", "Veerle",
	"Sofie", "Lotte", "Femke", "Elke", "Inge", "Mieke", "Annelies",
	"Marleen", "Kristel", "Nele", "Leen", "Sarah", "Laura", "Lisa",
	"Nina", "Fien", "Jana", "Lien", "Ine", "Eva", "Marijke", "Jolien",
	"Tine", "Karolien", "Stefanie", "Charlotte", "Noor", "Lore",
	"Maria", "Johanna", "Elisabeth",
};

static const char *const be_m[] = {
	"Jean", "Pierre", "Michel", "Philippe", "Alain", "André", "Jacques",
	"Marc", "Luc", "Patrick", "Didier", "Christophe", "Olivier",
	"Nicolas", "Thomas", "Julien", "François", "Benoît", "Laurent",
	"Frédéric", "Sébastien", "Stéphane", "Vincent", "Guillaume",
	"Maxime", "Louis", "Arthur", "Lucas", "Théo", "Jules", "Hugo",
	"Jean-Pierre", "Jean-Luc", "Thibault",
	"Jan", "Peter", "Johan", "Dirk", "Koen", "Bart", "Wim", "Geert",
	"Tom", "Kris", "Stijn", "Pieter", "Joris", "Wouter", "Jef", "Frans",
	"Jozef", "Willy", "Filip", "Hans", "Rik", "Jens", "Sander", "Lars",
	"Ruben", "Seppe", "Wout", "Bram", "Jonas", "Lander", "Ward", "Arne",
	"Kobe", "Senne", "Noah", "Hendrik", "Willem", "Johannes",
};

static const char *const be_fam[] = {
	"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems",
	"Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert",
	"Dupont", "Martin", "Simon", "Leroy", "Hermans", "Vermeulen",
	"Van Damme", "Michiels", "Pauwels", "Declercq", "Dumont", "Desmet",
	"Lemaire", "Laurent", "Smets", "Aerts", "Van de Velde", "Segers",
	"De Backer", "Renard", "Gilles", "Lejeune", "François", "Dupuis",
	"Verstraete", "Claessens", "Van den Broeck", "Vandenberghe",
	"De Vos", "Bogaerts", "Van Dyck", "Wuyts", "Cools", "Verhoeven",
	"Stevens", "Leclercq", "Noël", "Martens", "Hendrickx", "Coppens",
	"Thys", "Baert", "Verbeke", "Moens", "De Clercq", "Vandamme",
	"Lemmens", "Van Acker", "Collard", "Gérard", "Mathieu", "Henry",
	"Fontaine", "Lefèvre", "Lecomte", "Dumoulin", "Charlier", "Piette",
	"Delvaux", "Jacquet", "Bodart", "Goffin", "Lambrecht",
	"Vanderstraeten", "Van Hecke", "De Wilde", "Verschueren", "Callens",
	"De Meyer", "Vanhove", "Geerts", "Bertrand", "Cornet", "Rousseau",
	"Denis", "Lemaître", "Massart", "Hubert", "Delhaye", "Timmermans",
	"Huysmans", "Claeys", "Dierickx", "Van Hoof", "De Coninck",
	"Vandenbroucke", "Desmedt", "Mahieu", "Van Parys", "Deprez",
	"Dewulf", "Lenaerts",
};

/* ---------------------------------------------------------------- BG */

static const char *const bg_f[] = {
	"Мария", "Иванка", "Елена", "Йорданка", "Пенка", "Маргарита",
	"Виолета", "Лиляна", "Галина", "Стефка", "Росица", "Даниела",
	"Радка", "Надежда", "Валентина", "Снежана", "Красимира",
	"Антоанета", "Емилия", "Цветанка", "Милена", "Екатерина", "Светла",
	"Десислава", "Гергана", "Петя", "Николета", "Татяна", "Теодора",
	"Силвия", "Ралица", "Магдалена", "Зорница", "Радостина",
	"Цветелина", "Веселина", "Боряна", "Александра", "Виктория",
	"Габриела", "Симона", "Кристина", "Михаела", "Никол", "Яна",
	"Деница", "Полина", "Ивана", "Анелия", "Евгения", "Мариана", "Ваня",
	"Румяна", "Величка", "Христина", "Диана", "Моника", "Донка",
	"Тодорка", "Павлина", "Стоянка", "Божидара", "Калина", "Невена",
	"Катерина", "Анна",
};

static const char *const bg_m[] = {
	"Иван", "Георги", "Димитър", "Николай", "Петър", "Христо", "Стоян",
	"Тодор", "Васил", "Атанас", "Йордан", "Александър", "Стефан",
	"Красимир", "Пламен", "Ангел", "Кирил", "Любомир", "Борислав",
	"Валентин", "Емил", "Иво", "Калоян", "Мартин", "Никола", "Радослав",
	"Светослав", "Цветан", "Веселин", "Владимир", "Даниел", "Деян",
	"Живко", "Здравко", "Илия", "Константин", "Лъчезар", "Методи",
	"Милен", "Огнян", "Павел", "Румен", "Симеон", "Тихомир", "Христиан",
	"Явор", "Асен", "Богдан", "Божидар", "Венцислав", "Виктор",
	"Добромир", "Евгени", "Захари", "Ивайло", "Камен", "Кристиан",
	"Младен", "Неделчо", "Орлин", "Пенчо", "Райчо", "Росен", "Трифон",
	"Чавдар", "Янко", "Жельо", "Стойчо",
};

static const char *const bg_fam[] = {
	"Иванов", "Георгиев", "Димитров", "Петров", "Николов", "Христов",
	"Стоянов", "Тодоров", "Илиев", "Василев", "Атанасов", "Петков",
	"Ангелов", "Йорданов", "Колев", "Марков", "Попов", "Костов",
	"Михайлов", "Стефанов", "Добрев", "Павлов", "Русев", "Кръстев",
	"Томов", "Станчев", "Симеонов", "Александров", "Маринов", "Райчев",
	"Найденов", "Ганчев", "Славов", "Бойчев", "Витанов", "Гочев",
	"Денев", "Енчев", "Жеков", "Златев", "Игнатов", "Йотов", "Кирилов",
	"Лазаров", "Малинов", "Неделчев", "Недялков", "Ненов", "Панайотов",
	"Пенев", "Радев", "Рачев", "Спасов", "Стойчев", "Танев", "Трифонов",
	"Филипов", "Христозов", "Цанев", "Цветков", "Чакъров", "Шишков",
	"Янев", "Борисов", "Вълчев", "Герасимов", "Грозев", "Динев",
	"Дончев", "Драганов", "Евтимов", "Желев", "Зафиров", "Калчев",
	"Каменов", "Кацаров", "Киров", "Хаджиев", "Кантарджиев",
	"Казанджиев", "Стамболийски", "Левски", "Раковски", "Славейков",
	"Гешев", "Бонев", "Мутафчиев", "Сарафов", "Маджаров", "Делчев",
	"Груев", "Ботев", "Вазов", "Мишев", "Пейчев", "Стоев", "Тонев",
	"Узунов", "Чолаков", "Йовчев", "Бакалов", "Генов", "Първанов",
	"Кънчев", "Събев", "Щерев", "Жечев", "Ючев",
};

/* ---------------------------------------------------------------- FI */

static const char *const fi_f[] = {
	"Maria", "Helena", "Johanna", "Anneli", "Kaarina", "Marjatta", "Anna",
	"Liisa", "Annikki", "Hannele", "Tuula", "Päivi", "Leena", "Sari",
	"Pirjo", "Ritva", "Tiina", "Anne", "Minna", "Riitta", "Eeva", "Sirpa",
	"Merja", "Seija", "Elina", "Kristiina", "Aino", "Eila", "Aila",
	"Marja", "Irmeli", "Hanna", "Tarja", "Satu", "Katja", "Laura",
	"Emilia", "Sofia", "Aada", "Ella", "Helmi", "Venla", "Emma", "Iida",
	"Lotta", "Olivia", "Veera", "Ilona", "Siiri", "Henna", "Jenni",
	"Noora", "Milla", "Oona", "Pihla", "Elsa", "Linnea", "Kerttu",
	"Hilkka", "Raija", "Terttu", "Sinikka", "Orvokki", "Annika", "Heli",
	"Jaana", "Katariina", "Elisabet", "Kyllikki",
};

static const char *const fi_m[] = {
	"Juhani", "Johannes", "Olavi", "Antero", "Tapani", "Kalevi", "Matti",
	"Mikael", "Timo", "Pekka", "Kari", "Jari", "Mikko", "Antti", "Juha",
	"Heikki", "Markku", "Jukka", "Hannu", "Seppo", "Petri", "Ilmari",
	"Erkki", "Sami", "Janne", "Ville", "Tuomas", "Jussi", "Teemu",
	"Lauri", "Eino", "Väinö", "Onni", "Leo", "Oliver", "Elias", "Eetu",
	"Aleksi", "Niilo", "Akseli", "Veeti", "Toivo", "Vilho", "Arttu",
	"Joonas", "Kimmo", "Pasi", "Petteri", "Raimo", "Risto", "Veikko",
	"Esa", "Ari", "Harri", "Jyrki", "Keijo", "Lasse", "Marko", "Olli",
	"Pertti", "Reijo", "Ismo", "Tero", "Jouni", "Aleksanteri", "Jaakko",
	"Kristian",
};

static const char *const fi_fam[] = {
	"Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä",
	"Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen",
	"Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi",
	"Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen",
	"Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila",
	"Savolainen", "Lahtinen", "Ahonen", "Leppänen", "Hiltunen",
	"Kallio", "Miettinen", "Leinonen", "Väisänen", "Hirvonen",
	"Aaltonen", "Hyvönen", "Nurmi", "Anttila", "Räsänen", "Lindholm",
	"Laaksonen", "Honkanen", "Pitkänen", "Lindroos", "Manninen",
	"Kettunen", "Mustonen", "Kokkonen", "Tikkanen", "Peltonen",
	"Koivisto", "Vainio", "Seppälä", "Lappalainen", "Oksanen", "Laakso",
	"Rissanen", "Kärkkäinen", "Nyman", "Ojala", "Hakala", "Huttunen",
	"Rautiainen", "Toivonen", "Rinne", "Pesonen", "Ikonen", "Lindqvist",
	"Vesterinen", "Partanen", "Suominen", "Mikkonen", "Kivelä",
	"Pulkkinen", "Kauppinen", "Ruotsalainen", "Lehto", "Hänninen",
	"Sjöberg", "Forsman", "Kivinen", "Vuorinen", "Eskola", "Tolonen",
	"Heino", "Åberg", "Backman", "Granholm", "Lundqvist", "Holmström",
	"Sundström", "Jääskeläinen", "Kemppainen", "Ylönen", "Määttä",
	"Söderberg", "Heiskanen", "Nevalainen", "Ketola",
};

/* ---------------------------------------------------------------- GR */

static const char *const gr_f[] = {
	"Μαρία", "Ελένη", "Αικατερίνη", "Βασιλική", "Σοφία", "Αγγελική",
	"Γεωργία", "Δήμητρα", "Κωνσταντίνα", "Παρασκευή", "Ευαγγελία",
	"Χριστίνα", "Ιωάννα", "Αναστασία", "Ειρήνη", "Παναγιώτα",
	"Ευθυμία", "Θεοδώρα", "Σταυρούλα", "Χρυσούλα", "Αθανασία",
	"Δέσποινα", "Κυριακή", "Αλεξάνδρα", "Νικολέτα", "Φωτεινή",
	"Ευγενία", "Άννα", "Μαργαρίτα", "Αργυρώ", "Ολυμπία", "Ζωή",
	"Πηνελόπη", "Αντωνία", "Σπυριδούλα", "Ευτυχία", "Στυλιανή",
	"Μαρίνα", "Δανάη", "Αφροδίτη", "Καλλιόπη", "Ευανθία", "Βαρβάρα",
	"Χαρίκλεια", "Ξανθή", "Μυρτώ", "Ασημίνα", "Ευδοκία", "Ελπίδα",
	"Αρετή", "Ροδάνθη", "Ουρανία", "Μελίνα", "Ευφροσύνη", "Πολυξένη",
	"Ιφιγένεια", "Λαμπρινή", "Αγλαΐα", "Αριάδνη", "Νεφέλη",
	"Μαγδαληνή", "Χαρούλα", "Θεοπίστη",
};

static const char *const gr_m[] = {
	"Γεώργιος", "Ιωάννης", "Κωνσταντίνος", "Δημήτριος", "Νικόλαος",
	"Παναγιώτης", "Βασίλειος", "Χρήστος", "Αθανάσιος", "Μιχαήλ",
	"Ευάγγελος", "Σπυρίδων", "Αντώνιος", "Αναστάσιος", "Θεόδωρος",
	"Ανδρέας", "Χαράλαμπος", "Παύλος", "Ηλίας", "Εμμανουήλ", "Σταύρος",
	"Αλέξανδρος", "Πέτρος", "Άγγελος", "Κυριάκος", "Στυλιανός",
	"Απόστολος", "Γρηγόριος", "Λεωνίδας", "Σωτήριος", "Στέφανος",
	"Αριστείδης", "Περικλής", "Θεοφάνης", "Ευστάθιος", "Φώτιος",
	"Αχιλλέας", "Μάριος", "Ορέστης", "Σάββας", "Ζαχαρίας", "Λάμπρος",
	"Μάρκος", "Φίλιππος", "Διονύσιος", "Ηρακλής", "Οδυσσέας",
	"Πρόδρομος", "Χρυσόστομος", "Νεκτάριος", "Ραφαήλ", "Αργύριος",
	"Θωμάς", "Ιάκωβος", "Λάζαρος", "Μιλτιάδης", "Πολυχρόνης", "Δανιήλ",
	"Ματθαίος", "Κλεάνθης", "Τρύφων", "Άρης", "Ευθύμιος",
};

static const char *const gr_fam[] = {
	"Παπαδόπουλος", "Παπαδάκης", "Γεωργίου", "Οικονόμου",
	"Παπαγεωργίου", "Νικολάου", "Δημητρίου", "Ιωάννου", "Παπανικολάου",
	"Βασιλείου", "Κωνσταντινίδης", "Μακρής", "Παππάς", "Αθανασίου",
	"Αντωνίου", "Χριστοδούλου", "Αλεξίου", "Μαυρίδης", "Γεωργιάδης",
	"Παπαθανασίου", "Ιωαννίδης", "Νικολαΐδης", "Κωστόπουλος",
	"Αλεξόπουλος", "Σταθόπουλος", "Αναστασίου", "Πετρόπουλος",
	"Γιαννόπουλος", "Δημόπουλος", "Αθανασόπουλος", "Παναγιωτόπουλος",
	"Νικολόπουλος", "Κυριακόπουλος", "Μιχαηλίδης", "Θεοδωρίδης",
	"Χατζηγεωργίου", "Χατζηδάκης", "Καραγιάννης", "Καραμανλής",
	"Λαμπράκης", "Μαρκόπουλος", "Βλάχος", "Ζαφειρίου", "Σαββίδης",
	"Τσακίρης", "Τσολάκης", "Σπυρόπουλος", "Φραγκιαδάκης",
	"Χριστόπουλος", "Μπακογιάννης", "Ξενάκης", "Ρήγας",
	"Σιδηρόπουλος", "Τζανετάκης", "Φωτόπουλος", "Αγγελόπουλος",
	"Βασιλόπουλος", "Γκίκας", "Δασκαλάκης", "Ευαγγέλου", "Ζερβός",
	"Θεοχάρης", "Καλογεράκης", "Κατσαρός", "Λιάπης", "Μανωλάκης",
	"Μητσοτάκης", "Παπαδημητρίου", "Παπαϊωάννου", "Ρούσσος", "Σαμαράς",
	"Φιλίππου", "Χαραλαμπίδης", "Ψαρράς", "Αλεξανδρόπουλος",
	"Βενιζέλος", "Γεωργακόπουλος", "Διαμαντόπουλος", "Ζαχαρίου",
	"Κανελλόπουλος", "Καρράς", "Κεφαλάς", "Κοντός", "Λυμπερόπουλος",
	"Μαργαρίτης", "Μπούρας", "Πανταζής", "Σταυρόπουλος", "Στεφανίδης",
	"Τριανταφύλλου", "Φλώρος", "Χρυσοχοΐδης", "Ψυχογιός", "Γαλάνης",
	"Δρόσος", "Αποστολόπουλος", "Ηλιόπουλος", "Πολίτης", "Αρβανίτης",
	"Τσάκωνας", "Ντόκος", "Μπαλτάς",
};

/* ---------------------------------------------------------------- IT */

static const char *const it_f[] = {
	"Maria", "Anna", "Giuseppina", "Rosa", "Angela", "Giovanna",
	"Teresa", "Lucia", "Carmela", "Caterina", "Francesca",
	"Antonietta", "Carla", "Elena", "Concetta", "Rita", "Margherita",
	"Franca", "Paola", "Laura", "Giulia", "Sofia", "Aurora", "Alice",
	"Ginevra", "Emma", "Giorgia", "Beatrice", "Martina", "Chiara",
	"Sara", "Federica", "Valentina", "Silvia", "Alessandra",
	"Elisabetta", "Patrizia", "Roberta", "Daniela", "Cristina",
	"Simona", "Monica", "Barbara", "Stefania", "Antonella", "Raffaella",
	"Nunzia", "Annunziata", "Assunta", "Immacolata", "Filomena",
	"Graziella", "Luisa", "Gabriella", "Marina", "Serena", "Ilaria",
	"Veronica", "Michela", "Noemi", "Greta", "Arianna", "Vittoria",
	"Benedetta", "Ludovica", "Lorenza", "Nicoletta",
};

static const char *const it_m[] = {
	"Giuseppe", "Giovanni", "Antonio", "Mario", "Francesco", "Luigi",
	"Angelo", "Vincenzo", "Pietro", "Salvatore", "Carlo", "Franco",
	"Domenico", "Bruno", "Paolo", "Michele", "Giorgio", "Aldo", "Sergio",
	"Luciano", "Roberto", "Alessandro", "Andrea", "Marco", "Stefano",
	"Matteo", "Lorenzo", "Leonardo", "Riccardo", "Gabriele", "Tommaso",
	"Edoardo", "Federico", "Davide", "Simone", "Emanuele", "Fabio",
	"Massimo", "Maurizio", "Claudio", "Gianluca", "Raffaele", "Gennaro",
	"Ciro", "Rocco", "Nicola", "Enrico", "Filippo", "Giacomo",
	"Cristian", "Daniele", "Alberto", "Umberto", "Renato", "Walter",
	"Mattia", "Nicolò", "Samuele", "Diego", "Ettore", "Ugo", "Vittorio",
	"Dario", "Gaetano", "Calogero",
};

static const char *const it_fam[] = {
	"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
	"Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti",
	"De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi",
	"Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi",
	"Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile",
	"Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis",
	"D'Angelo", "Marchetti", "Parisi", "Villa", "Conte", "Ferraro",
	"Ferri", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini",
	"Messina", "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo",
	"Sanna", "Farina", "Rizzi", "Monti", "Cattaneo", "Morelli", "Amato",
	"Silvestri", "Mazza", "Testa", "Grassi", "Pellegrino", "Carbone",
	"Giuliani", "Benedetti", "Barone", "Rossetti", "Caputo",
	"Montanari", "Guerra", "Palmieri", "Bernardi", "Martino", "Fiore",
	"De Rosa", "Ferretti", "Bellini", "Basile", "Riva", "Donati",
	"Piras", "Vitali", "Battaglia", "Sartori", "Neri", "Costantini",
	"Milani", "Pagano", "Ruggiero", "Sorrentino", "D'Amico", "Orlando",
	"Negri", "Mele", "Cirillo", "Di Stefano", "Lo Russo", "Dell'Acqua",
};

/* ---------------------------------------------------------------- PL */

static const char *const pl_f[] = {
	"Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara",
	"Ewa", "Krystyna", "Elżbieta", "Zofia", "Teresa", "Magdalena",
	"Joanna", "Janina", "Monika", "Danuta", "Jadwiga", "Aleksandra",
	"Halina", "Irena", "Beata", "Marta", "Dorota", "Karolina", "Jolanta",
	"Natalia", "Iwona", "Alicja", "Grażyna", "Justyna", "Bożena",
	"Stanisława", "Urszula", "Renata", "Agata", "Paulina", "Julia",
	"Zuzanna", "Wiktoria", "Hanna", "Maja", "Lena", "Oliwia", "Amelia",
	"Helena", "Emilia", "Gabriela", "Weronika", "Dominika", "Patrycja",
	"Sylwia", "Edyta", "Wanda", "Marianna", "Kinga", "Łucja", "Izabela",
	"Kamila", "Klaudia", "Wiesława", "Genowefa", "Jagoda", "Ilona",
	"Lucyna",
};

static const char *const pl_m[] = {
	"Jan", "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał",
	"Marcin", "Stanisław", "Jakub", "Marek", "Łukasz", "Grzegorz",
	"Mateusz", "Wojciech", "Mariusz", "Dariusz", "Zbigniew", "Jerzy",
	"Maciej", "Rafał", "Adam", "Robert", "Kamil", "Józef", "Tadeusz",
	"Ryszard", "Kazimierz", "Bartłomiej", "Sławomir", "Janusz", "Jacek",
	"Szymon", "Przemysław", "Artur", "Sebastian", "Daniel", "Henryk",
	"Mirosław", "Dawid", "Leszek", "Damian", "Roman", "Zdzisław",
	"Bogdan", "Władysław", "Edward", "Filip", "Antoni", "Aleksander",
	"Franciszek", "Wiktor", "Igor", "Oskar", "Kacper", "Witold",
	"Bogusław", "Czesław", "Eugeniusz", "Waldemar", "Zenon", "Hubert",
	"Radosław", "Arkadiusz",
};

static const char *const pl_fam[] = {
	"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk",
	"Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak",
	"Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Wojciechowski",
	"Kwiatkowski", "Krawczyk", "Kaczmarek", "Piotrowski", "Grabowski",
	"Zając", "Pawłowski", "Michalski", "Król", "Wieczorek", "Jabłoński",
	"Wróbel", "Nowakowski", "Majewski", "Olszewski", "Stępień",
	"Malinowski", "Jaworski", "Adamczyk", "Dudek", "Nowicki", "Pawlak",
	"Górski", "Witkowski", "Walczak", "Sikora", "Baran", "Rutkowski",
	"Michalak", "Szewczyk", "Ostrowski", "Tomaszewski", "Pietrzak",
	"Zalewski", "Wróblewski", "Marciniak", "Jasiński", "Zawadzki",
	"Bąk", "Jakubowski", "Sadowski", "Duda", "Włodarczyk", "Wilk",
	"Chmielewski", "Borkowski", "Sokołowski", "Szczepański", "Sawicki",
	"Lis", "Kucharski", "Kalinowski", "Wysocki", "Mazurek", "Kubiak",
	"Maciejewski", "Czarnecki", "Kołodziej", "Urbański", "Kaźmierczak",
	"Sobczak", "Konieczny", "Głowacki", "Zakrzewski", "Krajewski",
	"Krupa", "Wasilewski", "Laskowski", "Ziółkowski", "Gajewski",
	"Szulc", "Mróz", "Brzeziński", "Makowski", "Kaczmarczyk",
	"Przybylski", "Czerwiński", "Borowski", "Błaszczyk", "Górecki",
	"Kowalewski", "Cieślak", "Sikorski", "Biały", "Wesoły", "Żak",
	"Szczęsny", "Grzelak",
};

/* ---------------------------------------------------------------- PT */

static const char *const pt_f[] = {
	"Maria", "Ana", "Beatriz", "Mariana", "Inês", "Leonor", "Matilde",
	"Carolina", "Sofia", "Joana", "Catarina", "Francisca", "Margarida",
	"Rita", "Sara", "Marta", "Teresa", "Isabel", "Helena", "Luísa",
	"Patrícia", "Cristina", "Sandra", "Susana", "Paula", "Filipa",
	"Raquel", "Andreia", "Cláudia", "Sónia", "Vânia", "Tânia", "Mónica",
	"Daniela", "Fernanda", "Conceição", "Fátima", "Rosa", "Lurdes",
	"Graça", "Manuela", "Irene", "Alice", "Madalena", "Clara", "Laura",
	"Lara", "Bruna", "Diana", "Adriana", "Luana", "Eduarda", "Benedita",
	"Constança", "Júlia", "Gabriela", "Alexandra", "Rosário", "Glória",
	"Aurora", "Natália", "Vitória", "Lúcia", "Ermelinda",
};

static const char *const pt_m[] = {
	"João", "José", "António", "Manuel", "Francisco", "Pedro", "Luís",
	"Carlos", "Paulo", "Jorge", "Rui", "Miguel", "Tiago", "Nuno",
	"Ricardo", "Bruno", "Fernando", "Joaquim", "Diogo", "Gonçalo",
	"Rafael", "Rodrigo", "Martim", "Tomás", "Duarte", "Afonso",
	"Henrique", "Gabriel", "Santiago", "Guilherme", "Lourenço",
	"Salvador", "Vasco", "Hugo", "Filipe", "André", "Sérgio", "Vítor",
	"Armando", "Álvaro", "Artur", "Augusto", "Bernardo", "Domingos",
	"Eduardo", "Fábio", "Hélder", "Ivo", "Júlio", "Leonardo", "Marco",
	"Mário", "Nélson", "Óscar", "Renato", "Simão", "Telmo", "Valter",
	"Xavier", "Abel", "Alberto", "Amândio", "Cristiano", "Alexandre",
};

static const char *const pt_fam[] = {
	"Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa",
	"Rodrigues", "Martins", "Jesus", "Sousa", "Fernandes", "Gonçalves",
	"Gomes", "Lopes", "Marques", "Alves", "Almeida", "Ribeiro", "Pinto",
	"Carvalho", "Teixeira", "Moreira", "Correia", "Mendes", "Nunes",
	"Soares", "Vieira", "Monteiro", "Cardoso", "Rocha", "Neves",
	"Coelho", "Cruz", "Cunha", "Pires", "Ramos", "Reis", "Simões",
	"Antunes", "Matos", "Fonseca", "Machado", "Araújo", "Barbosa",
	"Tavares", "Lourenço", "Castro", "Figueiredo", "Azevedo", "Freitas",
	"Henriques", "Batista", "Sá", "Guerreiro", "Magalhães", "Brito",
	"Campos", "Loureiro", "Lima", "Faria", "Mota", "Pinheiro",
	"Baptista", "Leite", "Miranda", "Esteves", "Cordeiro", "Amaral",
	"Branco", "Sequeira", "Valente", "Borges", "Barros", "Morais",
	"Carneiro", "Paiva", "Vaz", "Macedo", "Abreu", "Conceição",
	"Assunção", "Frade", "Garcia", "Louro", "Melo", "Nogueira",
	"Patrício", "Queirós", "Rebelo", "Sampaio", "Tomé", "Vasconcelos",
	"Xavier", "Calado", "Damião", "Brandão", "Falcão", "Leitão",
	"Galvão", "Gaspar", "Portela", "Raposo",
};

/* ---------------------------------------------------------------- RO */

static const char *const ro_f[] = {
	"Maria", "Elena", "Ioana", "Andreea", "Mihaela", "Ana", "Gabriela",
	"Cristina", "Alexandra", "Daniela", "Georgiana", "Florentina",
	"Ramona", "Alina", "Nicoleta", "Adriana", "Mariana", "Simona",
	"Roxana", "Diana", "Camelia", "Raluca", "Oana", "Bianca", "Irina",
	"Larisa", "Monica", "Carmen", "Loredana", "Luminița", "Rodica",
	"Doina", "Florica", "Aurelia", "Viorica", "Ecaterina", "Cătălina",
	"Ștefania", "Petronela", "Denisa", "Anca", "Corina", "Iuliana",
	"Claudia", "Valentina", "Lăcrămioara", "Mădălina", "Sorina",
	"Violeta", "Gheorghița", "Ionela", "Angela", "Marinela", "Teodora",
	"Veronica", "Ileana", "Tatiana", "Emilia", "Paula", "Sânziana",
	"Smaranda", "Brândușa", "Ilinca", "Florina",
};

static const char *const ro_m[] = {
	"Ion", "Gheorghe", "Vasile", "Constantin", "Nicolae", "Ioan",
	"Mihai", "Dumitru", "Alexandru", "Andrei", "Ștefan", "Florin",
	"Adrian", "Daniel", "Marian", "Cristian", "Gabriel", "Ionuț",
	"Bogdan", "Răzvan", "Cosmin", "Ciprian", "Sorin", "Marius", "Iulian",
	"Octavian", "Radu", "Petru", "Emil", "Lucian", "Aurel", "Viorel",
	"Valentin", "Cătălin", "Costel", "Eugen", "Mircea", "Dragoș",
	"Liviu", "Ovidiu", "Sebastian", "Traian", "Silviu", "Vlad", "Tudor",
	"Horia", "Dănuț", "Laurențiu", "Mădălin", "Robert", "Sergiu",
	"Teodor", "Victor", "Grigore", "Remus", "Nelu", "Petrică", "Gigel",
	"Marcel", "Ilie", "Toma", "Emanuel", "Costin", "Fănel",
};

static const char *const ro_fam[] = {
	"Popa", "Popescu", "Pop", "Radu", "Dumitru", "Stan", "Stoica",
	"Gheorghe", "Matei", "Ciobanu", "Ionescu", "Rusu", "Mihai",
	"Constantin", "Marin", "Florea", "Munteanu", "Dinu", "Tudor",
	"Moldovan", "Lungu", "Șerban", "Barbu", "Dobre", "Ene", "Sandu",
	"Ioniță", "Nistor", "Toma", "Neagu", "Cristea", "Stanciu", "Diaconu",
	"Oprea", "Niculescu", "Mocanu", "Dragomir", "Lazăr", "Sârbu",
	"Cojocaru", "Ilie", "Manea", "Voicu", "Popovici", "Vasile",
	"Dumitrescu", "Nedelcu", "Sima", "Preda", "Costea", "Grigore",
	"Mihăilă", "Bălan", "Zamfir", "Tănase", "Neacșu", "Pană", "Bucur",
	"Anghel", "Cozma", "Enache", "Nica", "Roman", "Iordache",
	"Stănescu", "Vlad", "Fărcaș", "Crăciun", "Gavrilă", "Moraru",
	"Pavel", "Surdu", "Ursu", "Vasilescu", "Țurcanu", "Tudose",
	"Chiriac", "Olteanu", "Paraschiv", "Petrescu", "Iliescu",
	"Constantinescu", "Georgescu", "Marinescu", "Mitrea", "Bratu",
	"Țăranu", "Ștefănescu", "Pârvu", "Băluță", "Goia", "Nițu", "Lupu",
	"Stoian", "Sava", "Mureșan", "Ardeleanu", "Bogdan", "Croitoru",
	"Dima", "Frunză", "Căldăraru", "Lăutaru", "Rădulescu",
};

/* -------------------------------------------- origin countries: AL */

static const char *const al_f[] = {
	"Anila", "Blerina", "Elona", "Ermira", "Fatjona", "Mirela", "Arjola",
	"Besjana", "Klodiana", "Dorina", "Entela", "Jonida", "Lindita",
	"Majlinda", "Rudina", "Valbona", "Xhensila", "Erisa", "Kejsi",
	"Ajola", "Brunilda", "Drita", "Flutura", "Mimoza", "Teuta",
	"Gjyste", "Lumturie",
};

static const char *const al_m[] = {
	"Arben", "Ardit", "Besnik", "Bledar", "Dritan", "Edmond", "Ermal",
	"Fatmir", "Gentian", "Ilir", "Klodian", "Altin", "Gëzim", "Agron",
	"Artan", "Erion", "Kledi", "Sokol", "Elvis", "Florian", "Shpëtim",
	"Xhevdet", "Ylli", "Mërgim", "Aleksandër", "Gjergj", "Luan",
};

static const char *const al_fam[] = {
	"Hoxha", "Shehu", "Leka", "Gjoka", "Kola", "Hysa", "Marku", "Prifti",
	"Dervishi", "Çela", "Basha", "Brahimi", "Daci", "Dushku", "Gjini",
	"Hasani", "Kelmendi", "Koçi", "Lika", "Mema", "Muça", "Ndreu",
	"Rama", "Sinani", "Tafa", "Xhafa", "Zeneli", "Berisha", "Meta",
	"Topalli", "Bregu", "Lleshi", "Mehmeti", "Deda", "Gjonaj",
	"Krasniqi", "Dyrmishi", "Qosja",
};

/* ---------------------------------------------------------------- MA */

static const char *const ma_f[] = {
	"Fatima", "Khadija", "Aicha", "Meryem", "Salma", "Nadia", "Samira",
	"Naima", "Latifa", "Hanane", "Loubna", "Imane", "Zineb", "Soukaina",
	"Houda", "Karima", "Malika", "Rachida", "Asmae", "Ikram", "Siham",
	"Hajar", "Noura", "Wafae", "Khaoula",
};

static const char *const ma_m[] = {
	"Mohamed", "Ahmed", "Youssef", "Mustapha", "Abdelkader", "Hassan",
	"Rachid", "Said", "Omar", "Khalid", "Abdellah", "Hamza", "Mehdi",
	"Ayoub", "Karim", "Driss", "Hicham", "Brahim", "Mounir", "Nabil",
	"Abderrahim", "Abdelaziz", "Adil", "Yassine", "Othmane",
};

static const char *const ma_fam[] = {
	"Alaoui", "El Idrissi", "Benali", "Bennani", "Tazi", "Berrada",
	"El Amrani", "Chraibi", "Benjelloun", "El Fassi", "Lahlou",
	"Zerouali", "Bouzid", "El Mansouri", "Naciri", "Ait Ahmed",
	"Ait Ali", "Benkirane", "Filali", "Hajji", "Kettani", "Ouazzani",
	"Sebti", "Skalli", "Tahiri", "El Khatib", "Bakkali", "Boukhari",
	"Cherkaoui", "Daoudi", "El Ouardi", "Haddad", "Lamrani", "Rifi",
	"Saidi", "Ziani",
};

/* ---------------------------------------------------------------- MD */

static const char *const md_f[] = {
	"Ana", "Maria", "Elena", "Natalia", "Tatiana", "Olga", "Svetlana",
	"Lilia", "Ludmila", "Valentina", "Galina", "Nadejda", "Veronica",
	"Cristina", "Victoria", "Irina", "Mariana", "Doina", "Angela",
	"Aurelia", "Snejana", "Liuba", "Tamara", "Daniela", "Corina",
};

static const char *const md_m[] = {
	"Ion", "Vasile", "Gheorghe", "Nicolae", "Sergiu", "Andrei", "Victor",
	"Vladimir", "Alexandru", "Dumitru", "Igor", "Iurie", "Valeriu",
	"Vitalie", "Oleg", "Ruslan", "Serghei", "Eugen", "Mihail", "Petru",
	"Anatol", "Veaceslav", "Ghenadie", "Dorin", "Vadim",
};

static const char *const md_fam[] = {
	"Rusu", "Ceban", "Ciobanu", "Cebotari", "Țurcan", "Lungu",
	"Munteanu", "Rotari", "Cojocaru", "Sârbu", "Guțu", "Bivol",
	"Croitoru", "Popa", "Moraru", "Grosu", "Rusnac", "Melnic", "Botnari",
	"Plămădeală", "Bodiu", "Gherman", "Caraman", "Chiriac", "Ursu",
	"Roșca", "Balan", "Cazacu", "Prodan", "Covalenco", "Postolachi",
	"Tabac", "Lupașcu", "Bejenaru",
};

/* ---------------------------------------------------------------- NG */

static const char *const ng_f[] = {
	"Chioma", "Ngozi", "Amaka", "Adaeze", "Chiamaka", "Nkechi",
	"Ifeoma", "Blessing", "Joy", "Precious", "Faith", "Mercy", "Gift",
	"Esther", "Funmilayo", "Folake", "Bukola", "Yetunde", "Temitope",
	"Aisha", "Fatima", "Hauwa", "Zainab", "Amina", "Halima", "Eseosa",
	"Ivie", "Efe", "Omosede", "Osayuwamen", "Itohan", "Oluwabunmi",
};

static const char *const ng_m[] = {
	"Chinedu", "Emeka", "Chukwuemeka", "Obinna", "Ikenna", "Nnamdi",
	"Uchenna", "Chibuike", "Oluwaseun", "Olumide", "Adebayo",
	"Babatunde", "Oluwatobi", "Adewale", "Segun", "Tunde", "Femi",
	"Kunle", "Ibrahim", "Musa", "Abubakar", "Usman", "Sani", "Osagie",
	"Osaro", "Efosa", "Godwin", "Sunday", "Friday", "Samuel", "Emmanuel",
	"Victor", "Chinonso",
};

static const char *const ng_fam[] = {
	"Okafor", "Okonkwo", "Eze", "Nwosu", "Okeke", "Obi", "Nwachukwu",
	"Chukwu", "Adeyemi", "Ogunleye", "Olawale", "Oladipo", "Adeleke",
	"Bello", "Abdullahi", "Mohammed", "Ibrahim", "Yusuf", "Suleiman",
	"Omoregie", "Igbinedion", "Osagie", "Ogbeide", "Edokpolo",
	"Ehigiator", "Aigbe", "Obaseki", "Osazuwa", "Iyamu", "Uwaifo",
	"Okoro", "Ekwueme", "Nnaji", "Ogundipe", "Akinyemi",
};

/* ---------------------------------------------------------------- SY */

static const char *const sy_f[] = {
	"Fatima", "Lina", "Rania", "Hala", "Yasmin", "Reem", "Dima", "Rasha",
	"Lama", "Hiba", "Nour", "Maya", "Sara", "Aya", "Rawan", "Bushra",
	"Ghada", "Amal", "Mariam", "Sawsan", "Samar", "Nisreen", "Razan",
	"Alaa", "Huda", "Layla",
};

static const char *const sy_m[] = {
	"Mohammad", "Ahmad", "Mahmoud", "Khaled", "Omar", "Ali", "Hussein",
	"Abdullah", "Yousef", "Ibrahim", "Hassan", "Mustafa", "Abdulrahman",
	"Fadi", "Rami", "Samer", "Tarek", "Wael", "Firas", "Ammar", "Anas",
	"Bilal", "Hamza", "Majd", "Jamil", "Osama", "Zaid",
};

static const char *const sy_fam[] = {
	"Al-Ahmad", "Al-Hassan", "Al-Ali", "Al-Khatib", "Haddad", "Hamdan",
	"Hamoud", "Al-Masri", "Al-Halabi", "Al-Shami", "Kurdi", "Al-Hamwi",
	"Darwish", "Khalil", "Mansour", "Nasser", "Qassem", "Saleh",
	"Shaheen", "Yassin", "Zein", "Othman", "Sabbagh", "Jaber", "Kassem",
	"Al-Homsi", "Al-Zoubi", "Hamadeh", "Al-Rifai", "Attar", "Haj Ali",
	"Sheikh",
};

/* ---------------------------------------------------------------- UA */

static const char *const ua_f[] = {
	"Олена", "Тетяна", "Наталія", "Оксана", "Ірина", "Юлія", "Світлана",
	"Ольга", "Марія", "Анна", "Катерина", "Людмила", "Галина",
	"Валентина", "Вікторія", "Надія", "Дарина", "Софія", "Анастасія",
	"Христина", "Мирослава", "Богдана", "Ганна", "Лариса", "Зоряна",
	"Олександра", "Ярослава", "Соломія", "Інна", "Євгенія",
};

static const char *const ua_m[] = {
	"Олександр", "Сергій", "Андрій", "Володимир", "Микола", "Іван",
	"Дмитро", "Віктор", "Юрій", "Олег", "Василь", "Петро", "Михайло",
	"Богдан", "Тарас", "Ярослав", "Максим", "Артем", "Денис", "Віталій",
	"Роман", "Степан", "Григорій", "Павло", "Остап", "Назар", "Євген",
	"Ігор",
};

static const char *const ua_fam[] = {
	"Мельник", "Шевченко", "Бойко", "Коваленко", "Бондаренко",
	"Ткаченко", "Кравченко", "Ковальчук", "Коваль", "Олійник",
	"Шевчук", "Поліщук", "Лисенко", "Бондар", "Марченко", "Мороз",
	"Руденко", "Савченко", "Петренко", "Кравчук", "Клименко",
	"Павленко", "Гончаренко", "Ткачук", "Романенко", "Ковальський",
	"Левченко", "Зінченко", "Кузьменко", "Іваненко", "Вовк", "Кушнір",
	"Гнатюк", "Литвиненко", "Сидоренко", "Карпенко", "Савчук",
	"Яковенко", "Гриценко", "Кравець", "Тимошенко", "Павлюк",
	"Приходько", "Волошин", "Левицький", "Заєць", "Білоус", "Стельмах",
	"Петров", "Соловйов", "Гладкий",
};

/* ---------------------------------------------------------------- VN */

static const char *const vn_f[] = {
	"Linh", "Lan", "Hương", "Hoa", "Mai", "Ngọc", "Trang", "Thảo", "Hà",
	"Hằng", "Nhung", "Phương", "Thủy", "Anh", "Hạnh", "Yến", "Loan",
	"Dung", "Huyền", "Vy", "Nga", "Tuyết", "Thu", "Quỳnh", "Giang",
};

static const char *const vn_m[] = {
	"Minh", "Hùng", "Dũng", "Tuấn", "Hải", "Nam", "Long", "Hoàng",
	"Đức", "Quang", "Thắng", "Cường", "Sơn", "Huy", "Khánh", "Phong",
	"Tùng", "Thành", "Bình", "Hiếu", "Trung", "Việt", "Vinh", "Tâm",
	"Lâm",
};

static const char *const vn_fam[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
	"Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương",
	"Lâm", "Mai", "Đoàn", "Trịnh", "Đào", "Cao", "Lương", "Tạ", "Hà",
	"Tô", "Quách", "Vương",
};

#define CLIST(cc, f, m, fam)                                            \
	{ cc, f, NELEM(f), m, NELEM(m), fam, NELEM(fam) }

static const struct country {
	char cc[3];
	const char *const *f;
	size_t nf;
	const char *const *m;
	size_t nm;
	const char *const *fam;
	size_t nfam;
} countries[] = {
	CLIST("AL", al_f, al_m, al_fam),
	CLIST("BE", be_f, be_m, be_fam),
	CLIST("BG", bg_f, bg_m, bg_fam),
	CLIST("FI", fi_f, fi_m, fi_fam),
	CLIST("GR", gr_f, gr_m, gr_fam),
	CLIST("IT", it_f, it_m, it_fam),
	CLIST("MA", ma_f, ma_m, ma_fam),
	CLIST("MD", md_f, md_m, md_fam),
	CLIST("NG", ng_f, ng_m, ng_fam),
	CLIST("PL", pl_f, pl_m, pl_fam),
	CLIST("PT", pt_f, pt_m, pt_fam),
	CLIST("RO", ro_f, ro_m, ro_fam),
	CLIST("SY", sy_f, sy_m, sy_fam),
	CLIST("UA", ua_f, ua_m, ua_fam),
	CLIST("VN", vn_f, vn_m, vn_fam),
};

static const char *const country_codes[] = {
	"AL", "BE", "BG", "FI", "GR", "IT", "MA", "MD", "NG", "PL", "PT",
	"RO", "SY", "UA", "VN",
};

/* ---------------------------------------------------------- nicknames */

#define NICK_MAX 4

static const struct nick {
	const char *given;
	const char *const nick[NICK_MAX + 1];	/* NULL-terminated */
} nicks[] = {
	/* BG */
	{ "Иван", { "Ваньо", "Ванко", "Ванката" } },
	{ "Георги", { "Гошо", "Жоро", "Гого" } },
	{ "Димитър", { "Митко", "Димо", "Мичо" } },
	{ "Николай", { "Ники", "Кольо" } },
	{ "Петър", { "Пешо", "Петьо" } },
	{ "Стоян", { "Стойчо", "Цоньо" } },
	{ "Тодор", { "Тошо", "Тошко" } },
	{ "Александър", { "Сашо", "Алекс" } },
	{ "Христо", { "Ицо", "Ико" } },
	{ "Йордан", { "Данчо", "Дачо" } },
	{ "Васил", { "Васко", "Васката" } },
	{ "Атанас", { "Наско", "Тачо" } },
	{ "Константин", { "Коце", "Косьо", "Коко" } },
	{ "Стефан", { "Стефчо", "Стефо" } },
	{ "Красимир", { "Краси" } },
	{ "Любомир", { "Любо" } },
	{ "Мария", { "Мими", "Маша", "Марийка" } },
	{ "Елена", { "Ели", "Еленка" } },
	{ "Екатерина", { "Катя", "Кати" } },
	{ "Радостина", { "Ради" } },
	{ "Цветелина", { "Цвети" } },
	{ "Антоанета", { "Тони" } },
	{ "Десислава", { "Деси" } },
	{ "Йорданка", { "Данче", "Данка" } },
	{ "Емилия", { "Еми" } },
	/* GR */
	{ "Γεώργιος", { "Γιώργος", "Γιωργάκης", "Γιώργης" } },
	{ "Ιωάννης", { "Γιάννης", "Γιαννάκης", "Γιάννος" } },
	{ "Κωνσταντίνος", { "Κώστας", "Ντίνος", "Κωστάκης" } },
	{ "Δημήτριος", { "Δημήτρης", "Μήτσος", "Τάκης" } },
	{ "Νικόλαος", { "Νίκος", "Νικολάκης" } },
	{ "Παναγιώτης", { "Πάνος", "Τάκης", "Νότης" } },
	{ "Βασίλειος", { "Βασίλης", "Βάσος", "Λάκης" } },
	{ "Αθανάσιος", { "Θανάσης", "Σάκης", "Νάσος" } },
	{ "Ευάγγελος", { "Βαγγέλης", "Άκης" } },
	{ "Σπυρίδων", { "Σπύρος" } },
	{ "Μιχαήλ", { "Μιχάλης" } },
	{ "Εμμανουήλ", { "Μανώλης", "Μάνος" } },
	{ "Θεόδωρος", { "Θοδωρής", "Θόδωρος" } },
	{ "Αλέξανδρος", { "Αλέκος", "Αλέξης" } },
	{ "Αναστάσιος", { "Τάσος" } },
	{ "Χαράλαμπος", { "Χάρης", "Μπάμπης" } },
	{ "Αικατερίνη", { "Κατερίνα", "Κατίνα" } },
	{ "Ελένη", { "Λένα", "Ελενίτσα" } },
	{ "Μαρία", { "Μαίρη", "Μαράκι" } },
	{ "Αναστασία", { "Τασούλα", "Νατάσα" } },
	{ "Ευαγγελία", { "Λίτσα", "Εύα", "Βαγγελιώ" } },
	{ "Παρασκευή", { "Βούλα", "Εύη" } },
	{ "Κυριακή", { "Κική", "Κούλα" } },
	{ "Βασιλική", { "Βάσω", "Κική" } },
	{ "Παναγιώτα", { "Γιώτα", "Πένυ" } },
	{ "Κωνσταντίνα", { "Ντίνα", "Κωστούλα" } },
	/* PL */
	{ "Aleksandra", { "Ola", "Ala", "Olka" } },
	{ "Małgorzata", { "Gosia", "Małgosia" } },
	{ "Katarzyna", { "Kasia", "Kaśka" } },
	{ "Agnieszka", { "Aga", "Agusia" } },
	{ "Anna", { "Ania", "Anka", "Anusia" } },
	{ "Joanna", { "Asia", "Joasia" } },
	{ "Magdalena", { "Magda", "Madzia" } },
	{ "Barbara", { "Basia" } },
	{ "Elżbieta", { "Ela", "Elka" } },
	{ "Krystyna", { "Krysia" } },
	{ "Zofia", { "Zosia" } },
	{ "Jadwiga", { "Jadzia" } },
	{ "Aleksander", { "Olek", "Oleś" } },
	{ "Wojciech", { "Wojtek" } },
	{ "Krzysztof", { "Krzyś", "Krzysiek" } },
	{ "Tomasz", { "Tomek" } },
	{ "Józef", { "Józek", "Józio" } },
	{ "Andrzej", { "Jędrek", "Andrzejek" } },
	{ "Stanisław", { "Staszek", "Stasiek" } },
	{ "Piotr", { "Piotrek" } },
	{ "Bartłomiej", { "Bartek" } },
	{ "Jakub", { "Kuba", "Kubuś" } },
	{ "Grzegorz", { "Grzesiek", "Grześ" } },
	{ "Maciej", { "Maciek" } },
	{ "Jerzy", { "Jurek" } },
	{ "Łukasz", { "Łukaszek" } },
	/* IT */
	{ "Giuseppe", { "Peppe", "Beppe", "Pino", "Peppino" } },
	{ "Giovanni", { "Gianni", "Nanni", "Vanni" } },
	{ "Francesco", { "Franco", "Checco", "Ciccio" } },
	{ "Antonio", { "Totò", "Tonino", "Nino" } },
	{ "Salvatore", { "Totò", "Turi", "Salvo" } },
	{ "Vincenzo", { "Enzo", "Vince" } },
	{ "Alessandro", { "Sandro", "Ale" } },
	{ "Domenico", { "Mimmo", "Mimì" } },
	{ "Luigi", { "Gino", "Gigi" } },
	{ "Giuseppina", { "Pina", "Peppina" } },
	{ "Francesca", { "Franca", "Cecca" } },
	{ "Elisabetta", { "Betta", "Elisa" } },
	{ "Alessandra", { "Sandra", "Ale" } },
	{ "Margherita", { "Rita", "Ghita" } },
	{ "Giovanna", { "Gianna", "Vanna" } },
	{ "Raffaele", { "Lello", "Raffa" } },
	{ "Gabriele", { "Lele", "Gabri" } },
	{ "Emanuele", { "Lele", "Manu" } },
	{ "Carmela", { "Carmen", "Melina" } },
	{ "Annunziata", { "Nunzia", "Titina" } },
	{ "Concetta", { "Cetta", "Tina" } },
	/* PT */
	{ "João", { "Joãozinho", "Jota" } },
	{ "José", { "Zé", "Zezinho" } },
	{ "Francisco", { "Chico", "Xico" } },
	{ "António", { "Tó", "Toni", "Tonecas" } },
	{ "Manuel", { "Manel", "Nel", "Manelito" } },
	{ "Fernando", { "Nando" } },
	{ "Joaquim", { "Quim", "Quinzinho" } },
	{ "Pedro", { "Pedrinho" } },
	{ "Gonçalo", { "Gonçalinho" } },
	{ "Alexandre", { "Xande", "Alex" } },
	{ "Conceição", { "São", "Ção" } },
	{ "Margarida", { "Guida", "Magui" } },
	{ "Isabel", { "Bela", "Belinha" } },
	{ "Beatriz", { "Bia" } },
	{ "Ana", { "Aninhas", "Anita" } },
	{ "Teresa", { "Teté", "Tessa" } },
	/* RO, MD */
	{ "Ion", { "Ionel", "Ionuț", "Nelu" } },
	{ "Gheorghe", { "Gică", "Ghiță", "Gigel" } },
	{ "Constantin", { "Costel", "Costică", "Dinu" } },
	{ "Vasile", { "Vasilică", "Sile" } },
	{ "Nicolae", { "Nicu", "Nae", "Niculiță" } },
	{ "Dumitru", { "Mitică", "Mitruț" } },
	{ "Alexandru", { "Sandu", "Alex", "Săndel" } },
	{ "Mihai", { "Mihăiță", "Mișu" } },
	{ "Ștefan", { "Fănel", "Ștefănel", "Fane" } },
	{ "Ioan", { "Ionel", "Nelu" } },
	{ "Elena", { "Lenuța", "Ela" } },
	{ "Maria", { "Mia", "Mari" } },
	{ "Ecaterina", { "Catinca", "Tinca" } },
	{ "Gabriela", { "Gabi" } },
	{ "Ioana", { "Ionela", "Oana" } },
	/* FI */
	{ "Juhani", { "Jussi", "Juha", "Jukka" } },
	{ "Johannes", { "Juho", "Hannes", "Jan" } },
	{ "Matti", { "Masa", "Matte" } },
	{ "Aleksanteri", { "Aleksi", "Santeri", "Santtu" } },
	{ "Kristiina", { "Tiina", "Kirsi" } },
	{ "Katariina", { "Kati", "Kaija", "Katri" } },
	{ "Elisabet", { "Liisa", "Elsa", "Eliisa" } },
	{ "Johanna", { "Hanna", "Jonna", "Hanne" } },
	{ "Mikael", { "Mika", "Mikko" } },
	{ "Tapani", { "Tapsa" } },
	{ "Heikki", { "Hessu" } },
	{ "Jaakko", { "Jaska" } },
	/* BE */
	{ "Hendrik", { "Henk", "Rik" } },
	{ "Willem", { "Wim", "Pim" } },
	{ "Jozef", { "Jef", "Jos", "Jo" } },
	{ "Frans", { "Sus", "Fons" } },
	{ "Pieter", { "Piet" } },
	{ "Elisabeth", { "Els", "Lies", "Liesbeth" } },
	{ "Catherine", { "Cathy", "Cath" } },
	{ "Christophe", { "Chris" } },
	{ "Nicolas", { "Nico" } },
	{ "Jean-Pierre", { "JP", "Jean" } },
	/* UA */
	{ "Олександр", { "Сашко", "Саша", "Лесь" } },
	{ "Володимир", { "Вова", "Володя" } },
	{ "Микола", { "Коля", "Миколка" } },
	{ "Іван", { "Івась", "Іванко" } },
	{ "Дмитро", { "Діма", "Митько" } },
	{ "Тетяна", { "Таня" } },
	{ "Олена", { "Лена", "Оленка" } },
	{ "Наталія", { "Наташа", "Ната" } },
	{ "Катерина", { "Катя", "Катруся", "Кати" } },
	/* AL, NG, MA, SY */
	{ "Aleksandër", { "Leka", "Sandri" } },
	{ "Oluwaseun", { "Seun" } },
	{ "Oluwatobi", { "Tobi" } },
	{ "Chukwuemeka", { "Emeka" } },
	{ "Chiamaka", { "Amaka" } },
	{ "Funmilayo", { "Funmi" } },
	{ "Oluwabunmi", { "Bunmi" } },
	{ "Babatunde", { "Tunde" } },
	{ "Chinonso", { "Nonso" } },
	{ "Mohamed", { "Moha", "Simo", "Hamou" } },
	{ "Mohammad", { "Hamoudi", "Hamada" } },
	{ "Abdulrahman", { "Abboud", "Abdo" } },
	{ "Abdellah", { "Abdou" } },
};

/* ------------------------------------------------------------- lists */

static const struct country *
find_country(const char *cc)
{
	size_t i;

	if (cc == NULL || cc[0] == '\0' || cc[1] == '\0' || cc[2] != '\0')
		return NULL;
	for (i = 0; i < NELEM(countries); i++)
		if (toupper((unsigned char)cc[0]) == countries[i].cc[0] &&
		    toupper((unsigned char)cc[1]) == countries[i].cc[1])
			return &countries[i];
	return NULL;
}

const char *const *
sb_names_countries(size_t *n)
{
	if (n != NULL)
		*n = NELEM(country_codes);
	return country_codes;
}

const char *const *
sb_names_given(const char *cc, char sex, size_t *n)
{
	const struct country *c;
	size_t dummy;

	if (n == NULL)
		n = &dummy;
	*n = 0;
	if ((c = find_country(cc)) == NULL)
		return NULL;
	if (sex == 'F' || sex == 'f') {
		*n = c->nf;
		return c->f;
	}
	if (sex == 'M' || sex == 'm') {
		*n = c->nm;
		return c->m;
	}
	return NULL;
}

const char *const *
sb_names_family(const char *cc, size_t *n)
{
	const struct country *c;
	size_t dummy;

	if (n == NULL)
		n = &dummy;
	*n = 0;
	if ((c = find_country(cc)) == NULL)
		return NULL;
	*n = c->nfam;
	return c->fam;
}

/* The table in strcmp order (the first of equal names first): every
 * word of every given name is looked up, and a linear walk was 1.5% of
 * sb-anonymise's time. */
static const struct nick *nick_order[NELEM(nicks)];
static pthread_once_t nick_once = PTHREAD_ONCE_INIT;

static int
nick_cmp(const void *a, const void *b)
{
	const struct nick *x = *(const struct nick *const *)a;
	const struct nick *y = *(const struct nick *const *)b;
	int c = strcmp(x->given, y->given);

	return c != 0 ? c : (x > y) - (x < y);
}

static void
nick_sort(void)
{
	for (size_t i = 0; i < NELEM(nicks); i++)
		nick_order[i] = &nicks[i];
	qsort(nick_order, NELEM(nicks), sizeof(nick_order[0]), nick_cmp);
}

static const struct nick *
find_nick(const char *given)
{
	size_t lo = 0, hi = NELEM(nicks), mid;

	(void)pthread_once(&nick_once, nick_sort);
	/* The first entry not below given. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(nick_order[mid]->given, given) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < NELEM(nicks) && strcmp(nick_order[lo]->given, given) == 0)
		return nick_order[lo];
	return NULL;
}

const char *const *
sb_names_nicknames(const char *given, size_t *n)
{
	const struct nick *k;
	size_t dummy, i;

	if (n == NULL)
		n = &dummy;
	*n = 0;
	if (given == NULL || (k = find_nick(given)) == NULL)
		return NULL;
	for (i = 0; i < NICK_MAX && k->nick[i] != NULL; i++)
		;
	*n = i;
	return k->nick;
}

/* ----------------------------------------------------------- helpers */

/* Decode s[0..n) into cps (at most max code points); -1 when s is not
 * UTF-8, holds a NUL, or is too long. */
static int
decode_max(const char *s, size_t n, UChar32 *cps, int max)
{
	int32_t i = 0, len = 0;
	UChar32 c;

	if (n > INT32_MAX)
		return -1;
	while (i < (int32_t)n) {
		U8_NEXT(s, i, (int32_t)n, c);
		if (c <= 0 || len >= max)
			return -1;
		cps[len++] = c;
	}
	return len;
}

static int
decode(const char *s, size_t n, UChar32 *cps, int max)
{
	if (n > SB_NAMES_MAX)
		return -1;
	return decode_max(s, n, cps, max);
}

/* A bounded output buffer; bad is set when something did not fit. */
struct obuf {
	char *p;
	size_t cap;
	size_t len;
	int bad;
};

static void
ob_mem(struct obuf *o, const char *s, size_t n)
{
	if (o->bad || o->len + n >= o->cap) {
		o->bad = 1;
		return;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
}

static void
ob_str(struct obuf *o, const char *s)
{
	ob_mem(o, s, strlen(s));
}

static void
ob_cp(struct obuf *o, UChar32 c)
{
	char t[U8_MAX_LENGTH];
	int32_t k = 0;

	U8_APPEND_UNSAFE(t, k, c);
	ob_mem(o, t, (size_t)k);
}

/* s (UTF-8) with its first letter in upper case when up is set. */
static void
ob_cased(struct obuf *o, const char *s, int up)
{
	int32_t i = 0, n = (int32_t)strlen(s);
	UChar32 c;

	if (up && n > 0) {
		U8_NEXT(s, i, n, c);
		if (c < 0)
			i = 0;
		else
			ob_cp(o, u_toupper(c));
	}
	ob_str(o, s + i);
}

static int
ob_end(struct obuf *o)
{
	if (o->bad || o->cap == 0 || o->len > INT32_MAX)
		return -1;
	o->p[o->len] = '\0';
	return (int)o->len;
}

static int
encode(const UChar32 *cps, int n, char *out, size_t cap)
{
	struct obuf ob = { out, cap, 0, 0 };
	int i;

	for (i = 0; i < n; i++)
		ob_cp(&ob, cps[i]);
	return ob_end(&ob);
}

static int
copy_out(const char *s, size_t n, char *out, size_t cap)
{
	struct obuf ob = { out, cap, 0, 0 };

	ob_mem(&ob, s, n);
	return ob_end(&ob);
}

static size_t
u32len(const char32_t *s)
{
	size_t n = 0;

	while (s[n] != 0)
		n++;
	return n;
}

static int
is_letter(UChar32 c)
{
	return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

static int
is_greek(UChar32 c)
{
	return (c >= 0x370 && c <= 0x3FF) || (c >= 0x1F00 && c <= 0x1FFF);
}

static int
is_cyrillic(UChar32 c)
{
	return c >= 0x400 && c <= 0x52F;
}

/* The caller's random stream; below() is unbiased (after a few tries
 * it settles for the modulo, so a broken stream cannot hang us). */
struct rng {
	sb_rand_fn fn;
	void *ctx;
};

static uint32_t
below(struct rng *r, uint32_t n)
{
	uint32_t x, lim;
	int tries;

	if (n <= 1) {
		(void)r->fn(r->ctx);
		return 0;
	}
	lim = (uint32_t)(0u - n) % n;
	for (tries = 0;; tries++) {
		x = r->fn(r->ctx);
		if (x >= lim || tries >= 8)
			return x % n;
	}
}

/* ------------------------------------------------------- family forms */

enum { FL_NONE, FL_BG, FL_RU, FL_UA, FL_PL, FL_GR };

static int
family_lang(const char *cc)
{
	static const struct {
		char cc[3];
		int lang;
	} map[] = {
		{ "BG", FL_BG }, { "MK", FL_BG }, { "RU", FL_RU },
		{ "BY", FL_RU }, { "UA", FL_UA }, { "PL", FL_PL },
		{ "GR", FL_GR }, { "CY", FL_GR },
	};
	size_t i;

	for (i = 0; i < NELEM(map); i++)
		if (toupper((unsigned char)cc[0]) == map[i].cc[0] &&
		    toupper((unsigned char)cc[1]) == map[i].cc[1])
			return map[i].lang;
	return FL_NONE;
}

struct suffix_rule {
	const char32_t *from;	/* lower case */
	const char32_t *to;
};

static const struct suffix_rule bg_to_f[] = {
	{ U"ов", U"ова" }, { U"ев", U"ева" }, { U"ин", U"ина" },
	{ U"ски", U"ска" }, { U"цки", U"цка" }, { NULL, NULL },
};
static const struct suffix_rule bg_to_m[] = {
	{ U"ова", U"ов" }, { U"ева", U"ев" }, { U"ина", U"ин" },
	{ U"ска", U"ски" }, { U"цка", U"цки" }, { NULL, NULL },
};
static const struct suffix_rule ru_to_f[] = {
	{ U"ский", U"ская" }, { U"цкий", U"цкая" }, { U"ской", U"ская" },
	{ U"ой", U"ая" }, { U"ый", U"ая" }, { U"ов", U"ова" },
	{ U"ев", U"ева" }, { U"ёв", U"ёва" }, { U"ин", U"ина" },
	{ U"ын", U"ына" }, { NULL, NULL },
};
static const struct suffix_rule ru_to_m[] = {
	{ U"ская", U"ский" }, { U"цкая", U"цкий" }, { U"ова", U"ов" },
	{ U"ева", U"ев" }, { U"ёва", U"ёв" }, { U"ина", U"ин" },
	{ U"ына", U"ын" }, { NULL, NULL },
};
static const struct suffix_rule ua_to_f[] = {
	{ U"ський", U"ська" }, { U"цький", U"цька" }, { U"зький", U"зька" },
	{ U"ий", U"а" }, { U"ов", U"ова" }, { U"ев", U"ева" },
	{ U"єв", U"єва" }, { U"ін", U"іна" }, { U"їн", U"їна" },
	{ U"ин", U"ина" }, { NULL, NULL },
};
static const struct suffix_rule ua_to_m[] = {
	{ U"ська", U"ський" }, { U"цька", U"цький" }, { U"зька", U"зький" },
	{ U"ова", U"ов" }, { U"ева", U"ев" }, { U"єва", U"єв" },
	{ U"іна", U"ін" }, { U"їна", U"їн" }, { U"ина", U"ин" },
	{ NULL, NULL },
};
static const struct suffix_rule pl_to_f[] = {
	{ U"ki", U"ka" }, { U"gi", U"ga" }, { U"y", U"a" }, { NULL, NULL },
};
static const struct suffix_rule pl_to_m[] = {
	{ U"ska", U"ski" }, { U"cka", U"cki" }, { U"zka", U"zki" },
	{ NULL, NULL },
};

static int
ends_ci(const UChar32 *w, int n, const char32_t *suf)
{
	int k = (int)u32len(suf), i;

	if (k >= n)
		return 0;
	for (i = 0; i < k; i++)
		if (u_tolower(w[n - k + i]) != (UChar32)suf[i])
			return 0;
	return 1;
}

/* Apply the first matching rule to w[0..n) in place (w has room for
 * n + 2); returns the new length. */
static int
apply_suffix(UChar32 *w, int n, const struct suffix_rule *rules)
{
	const char32_t *t;
	int caps, len;

	for (; rules->from != NULL; rules++) {
		if (!ends_ci(w, n, rules->from))
			continue;
		caps = u_isupper(w[n - 1]);
		len = n - (int)u32len(rules->from);
		for (t = rules->to; *t != 0; t++)
			w[len++] = caps ? u_toupper((UChar32)*t) : (UChar32)*t;
		return len;
	}
	return n;
}

/* Greek accents: plain vowel and the same vowel with tonos. */
static const char32_t gr_plain[] = U"αεηιουωϊϋΑΕΗΙΟΥΩ";
static const char32_t gr_tonos[] = U"άέήίόύώΐΰΆΈΉΊΌΎΏ";

/* c's counterpart in `to` when c stands in `from`, else c. */
static UChar32
gr_map(UChar32 c, const char32_t *from, const char32_t *to)
{
	for (size_t i = 0; from[i] != 0; i++)
		if ((UChar32)from[i] == c)
			return (UChar32)to[i];
	return c;
}

static UChar32
gr_strip(UChar32 c)
{
	return gr_map(c, gr_tonos, gr_plain);
}

static UChar32
gr_accent(UChar32 c)
{
	return gr_map(c, gr_plain, gr_tonos);
}

/* Lower case, no tonos, final sigma as sigma. */
static UChar32
gr_base(UChar32 c)
{
	c = gr_strip(u_tolower(c));
	return c == 0x3C2 ? 0x3C3 : c;
}

static int
gr_vowel(UChar32 c)
{
	c = gr_base(c);
	return c == 0x3B1 || c == 0x3B5 || c == 0x3B7 || c == 0x3B9 ||
	    c == 0x3BF || c == 0x3C5 || c == 0x3C9 || c == 0x3CA ||
	    c == 0x3CB;
}

/* αι ει οι ου αυ ευ ηυ υι, on gr_base() letters. */
static int
gr_digraph(UChar32 a, UChar32 b)
{
	return (b == 0x3B9 && (a == 0x3B1 || a == 0x3B5 || a == 0x3BF ||
	    a == 0x3C5)) || (b == 0x3C5 && (a == 0x3BF || a == 0x3B1 ||
	    a == 0x3B5 || a == 0x3B7));
}

/* The genitive a Greek woman carries, in place; returns the length. */
static int
gr_female(UChar32 *w, int n)
{
	UChar32 last, prev;
	int a, j, groups, gs, ge, t, stem;

	if (n < 3)
		return n;
	last = u_tolower(w[n - 1]);
	prev = u_tolower(w[n - 2]);
	if (last != 0x3C2 && last != 0x3C3)
		return n;
	switch (prev) {
	case 0x3B7: case 0x3AE: case 0x3B1: case 0x3AC:	/* η ή α ά */
		return n - 1;
	case 0x3CC:					/* ός: ού */
		w[n - 2] = u_isupper(w[n - 2]) ? 0x39F : 0x3BF;
		w[n - 1] = u_isupper(w[n - 1]) ? 0x38E : 0x3CD;
		return n;
	case 0x3BF:					/* ος: ου */
		break;
	default:
		return n;
	}
	w[n - 1] = u_isupper(w[n - 1]) ? 0x3A5 : 0x3C5;
	/* Stress on the antepenult moves to the penult. */
	stem = n - 2;
	for (a = stem - 1; a >= 0 && gr_strip(w[a]) == w[a]; a--)
		;
	if (a < 0)
		return n;
	for (j = a + 1; j < stem && gr_vowel(w[j]); j++)
		;
	groups = 0;
	gs = ge = -1;
	while (j < stem) {
		if (!gr_vowel(w[j])) {
			j++;
			continue;
		}
		gs = j;
		while (j < stem && gr_vowel(w[j]))
			j++;
		ge = j;
		groups++;
	}
	if (groups != 1)
		return n;
	t = ge - gs >= 2 && gr_digraph(gr_base(w[gs]), gr_base(w[gs + 1])) ?
	    gs + 1 : ge - 1;
	w[a] = gr_strip(w[a]);
	w[t] = gr_accent(w[t]);
	return n;
}

int
sb_names_family_form(const char *cc, const char *family, char sex,
    char *out, size_t cap)
{
	UChar32 in[SB_NAMES_MAX], res[SB_NAMES_MAX * 2], w[SB_NAMES_MAX + 2];
	const struct suffix_rule *rules = NULL;
	int n, lang, i, j, k, len = 0, female;

	if (cc == NULL || family == NULL || out == NULL || cap == 0)
		return -1;
	if (sex != 'F' && sex != 'M' && sex != 'f' && sex != 'm')
		return -1;
	if (strlen(cc) != 2)
		return -1;
	female = sex == 'F' || sex == 'f';
	if ((n = decode(family, strlen(family), in, SB_NAMES_MAX)) < 0)
		return -1;
	lang = family_lang(cc);
	switch (lang) {
	case FL_BG:
		rules = female ? bg_to_f : bg_to_m;
		break;
	case FL_RU:
		rules = female ? ru_to_f : ru_to_m;
		break;
	case FL_UA:
		rules = female ? ua_to_f : ua_to_m;
		break;
	case FL_PL:
		rules = female ? pl_to_f : pl_to_m;
		break;
	}
	for (i = 0; i < n;) {
		if (!is_letter(in[i])) {
			res[len++] = in[i++];
			continue;
		}
		for (j = i; j < n && is_letter(in[j]); j++)
			;
		k = j - i;
		memcpy(w, in + i, (size_t)k * sizeof(*w));
		if (rules != NULL)
			k = apply_suffix(w, k, rules);
		else if (lang == FL_GR && female)
			k = gr_female(w, k);
		memcpy(res + len, w, (size_t)k * sizeof(*w));
		len += k;
		i = j;
	}
	return encode(res, len, out, cap);
}

/* ------------------------------------------------------------- ASCII */

/*
 * ICU "Any-Latin; Latin-ASCII", after mapping the Cyrillic hard sign to
 * "a" and dropping the soft sign, then dropping what is left outside
 * ASCII.  Each thread keeps its own transliterator (they must not be
 * shared) and a direct-mapped cache of short results, since the
 * generator asks for the same few thousand names again and again.
 */
static const char ascii_rules[] =
    "[\\u044A] > a; [\\u042A] > A; [\\u044C\\u042C] > ;"
    "::Any-Latin; ::Latin-ASCII;"
    "[^\\u0000-\\u007F] > ;";

/*
 * The first half of the romanisation, for names in Greek letters:
 * UNGEGN's reading, in context ("ου", "μπ"), leaves Latin letters and
 * combining marks, which the letter table below finishes as the whole
 * romanisation would (checked on 200,000 random Greek strings; t_names
 * checks more), at less than half the cost of the whole in ICU.
 */
static const char greek_rules[] =
    "::NFKC; ::[:Greek:] Greek-Latin/UNGEGN;";

/*
 * The same half without ICU's transliterator registry, which any rule
 * naming a transliterator ("::NFKC", "::Greek-Latin") loads: 138 M
 * instructions, 15 ms of a core, for the one pass of rules UNGEGN
 * makes between its NFD and its NFC.  That pass (GREEK_PASS, with its
 * filter GREEK_FILTER) is asked of ICU at build time; the
 * normalisations are made here with unorm2, which needs no registry.
 * Empty when this machine's ICU makes UNGEGN otherwise: then the
 * registry, as above.
 */
#include "names_greek.inc"

static const char greek_pass_rules[] = "::" GREEK_FILTER ";" GREEK_PASS;

enum { TR_ASCII, TR_ROMAN, TR_GREEK, TR_GPASS, TR_COUNT };
static const char *const tr_rules[TR_COUNT] = {ascii_rules, roman_rules,
    greek_rules, greek_pass_rules};

#define CACHE_SLOTS 4096	/* a power of two */
#define CACHE_WAYS 4
#define CACHE_STR 48		/* longest cached input and output + 1 */
#define ASCII_U16 (SB_NAMES_MAX * 8)

struct cache_ent {
	uint8_t inlen;		/* 0: empty */
	uint8_t outlen;
	char in[CACHE_STR];
	char out[CACHE_STR];
};

/* Each letter's romanisation (names_lat.h), as ICU gave it at build
 * time. */
static const struct lat_ent lat_table[LAT_N] = {
#include "names_lat.inc"
};

/* A cache (CACHE_SLOTS entries, 400 KB) is made when its
 * transliteration is first asked for: sb-anonymise asks only for the
 * romanisation, and fresh memory is dear on a virtual machine.  Under
 * 512 KB it is not put on a huge page (sb_mem.h), so only the pages in
 * use are made: 16,384 entries cost a whole 2 MiB page a thread (about
 * 2.5 ms), for the few Greek names the letter table leaves to it; no
 * slower for sb-synth's ASCII forms (20k cases). */
struct names_tls {
	UTransliterator *tr[TR_COUNT];
	struct cache_ent *cache[TR_COUNT];
};

static pthread_once_t tls_once = PTHREAD_ONCE_INIT;
static pthread_key_t tls_key;
static int tls_key_ok;

static void
tls_free(void *p)
{
	struct names_tls *t = p;

	int i;

	if (t == NULL)
		return;
	for (i = 0; i < TR_COUNT; i++) {
		if (t->tr[i] != NULL)
			utrans_close(t->tr[i]);
		free(t->cache[i]);
	}
	free(t);
}

static void
tls_init(void)
{
	tls_key_ok = pthread_key_create(&tls_key, tls_free) == 0;
}

/* ASCII to UTF-16; ICU's own rule parser reads the \\u escapes. */
static void
widen(const char *s, UChar *u)
{
	while ((*u++ = (UChar)(unsigned char)*s++) != 0)
		;
}

static UTransliterator *
ascii_open(int which)
{
	UChar rules[sizeof(greek_pass_rules) > sizeof(roman_rules) ?
	    sizeof(greek_pass_rules) : sizeof(roman_rules)], id[32];
	UErrorCode err = U_ZERO_ERROR;
	UParseError pe;
	UTransliterator *tr;

	static const char *const ids[TR_COUNT] = {"sb-names-ascii",
	    "sb-names-roman", "sb-names-greek", "sb-names-greek-pass"};

	_Static_assert(sizeof(ascii_rules) <= sizeof(rules),
	    "ascii_rules fit");
	widen(tr_rules[which], rules);
	widen(ids[which], id);
	tr = utrans_openU(id, -1, UTRANS_FORWARD, rules, -1, &pe, &err);
	if (U_FAILURE(err))
		return NULL;
	return tr;
}

static struct names_tls *
tls_get(void)
{
	struct names_tls *t;

	(void)pthread_once(&tls_once, tls_init);
	if (!tls_key_ok)
		return NULL;
	if ((t = pthread_getspecific(tls_key)) != NULL)
		return t;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	/* The transliterators are opened when first needed: Any-Latin
	 * costs milliseconds to build, and most threads need one of them. */
	if (pthread_setspecific(tls_key, t) != 0) {
		tls_free(t);
		return NULL;
	}
	return t;
}

void
sb_names_release(void)
{
	struct names_tls *t;

	(void)pthread_once(&tls_once, tls_init);
	if (!tls_key_ok || (t = pthread_getspecific(tls_key)) == NULL)
		return;
	(void)pthread_setspecific(tls_key, NULL);
	tls_free(t);
}

static int
ascii_run(UTransliterator *tr, const char *s, size_t n, char *out,
    size_t cap)
{
	UChar buf[ASCII_U16];
	UErrorCode err = U_ZERO_ERROR;
	int32_t len, limit, olen;

	u_strFromUTF8(buf, ASCII_U16, &len, s, (int32_t)n, &err);
	if (U_FAILURE(err))
		return -1;
	limit = len;
	utrans_transUChars(tr, buf, &len, ASCII_U16, 0, &limit, &err);
	if (U_FAILURE(err))
		return -1;
	u_strToUTF8(out, (int32_t)cap, &olen, buf, len, &err);
	if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING ||
	    (size_t)olen >= cap)
		return -1;
	return olen;
}

/* The romanisation of letter c from the table, or NULL when the table
 * has none. */
static const struct lat_ent *
lat_letter(UChar32 c)
{
	int slot = lat_slot(c);

	if (slot < 0 || lat_table[slot].len > LAT_MAX)
		return NULL;
	return &lat_table[slot];
}

/* The romanisation of s[0..n) when it holds only ASCII and the letters
 * of the table (combining marks only if marks): its length, or -1 for
 * anything else (then ICU decides, and says what is wrong). */
static int
roman_letters(const char *s, size_t n, char *out, size_t cap, bool marks)
{
	const struct lat_ent *l;
	size_t o = 0;
	int32_t i = 0;
	UChar32 c;

	while (i < (int32_t)n) {
		if ((unsigned char)s[i] < 0x80) {
			if (o + 1 >= cap)
				return -1;
			out[o++] = (char)tolower((unsigned char)s[i++]);
			continue;
		}
		U8_NEXT(s, i, (int32_t)n, c);
		if (c < 0 || (!marks && c >= LAT_M_LO && c <= LAT_M_HI) ||
		    (l = lat_letter(c)) == NULL || o + l->len >= cap)
			return -1;
		memcpy(out + o, l->s, l->len);
		o += l->len;
	}
	out[o] = '\0';
	return (int)o;
}

/* What greek_half() asks, made once: the Greek script, the pass's
 * filter and the normalisers.  Each thread makes its own pass (5.6 M
 * instructions): clones of one pass share its rules, and gave wrong
 * romanisations, now and then, when two threads used them at once. */
static pthread_once_t greek_once = PTHREAD_ONCE_INIT;
static USet *greek_script, *greek_filter;
static const UNormalizer2 *greek_nfkc, *greek_nfd, *greek_nfc;

static USet *
frozen_set(const char *pattern)
{
	UChar u[sizeof(GREEK_FILTER) > 16 ? sizeof(GREEK_FILTER) : 16];
	UErrorCode err = U_ZERO_ERROR;
	USet *set;

	widen(pattern, u);
	set = uset_openPattern(u, -1, &err);
	if (U_FAILURE(err)) {
		uset_close(set);
		return NULL;
	}
	uset_freeze(set);
	return set;
}

static void
greek_init(void)
{
	UErrorCode err = U_ZERO_ERROR;

	if (GREEK_PASS[0] == '\0')
		return;
	greek_nfkc = unorm2_getNFKCInstance(&err);
	greek_nfd = unorm2_getNFDInstance(&err);
	greek_nfc = unorm2_getNFCInstance(&err);
	if (U_FAILURE(err))
		return;
	greek_script = frozen_set("[:Greek:]");
	greek_filter = frozen_set(GREEK_FILTER);
}

/*
 * ICU's "::NFKC; ::[:Greek:] Greek-Latin/UNGEGN;" on s[0..n) into
 * out[0..cap), without the registry: NFKC; NFD on each run of Greek
 * letters (the filter's runs); the pass over the whole text, whose
 * filter then takes just those runs, with the text around them as
 * context, as ICU's filtered compound gives it; NFC.  A character
 * outside the runs that the pass's filter would take, or a letter just
 * before a run, ends the shortcut: -2 (t_names holds the rest against
 * ICU on random strings).  Its length, or -1.
 */
static int
greek_half(struct names_tls *t, const char *s, size_t n, char *out,
    size_t cap)
{
	UChar a[ASCII_U16], b[ASCII_U16];
	UErrorCode err = U_ZERO_ERROR;
	int32_t al, bl = 0, i = 0, j, k, limit, olen;
	UChar32 c;

	(void)pthread_once(&greek_once, greek_init);
	if (greek_script == NULL || greek_filter == NULL)
		return -2;
	if (t->tr[TR_GPASS] == NULL &&
	    (t->tr[TR_GPASS] = ascii_open(TR_GPASS)) == NULL)
		return -2;
	u_strFromUTF8(b, ASCII_U16, &bl, s, (int32_t)n, &err);
	al = unorm2_normalize(greek_nfkc, b, bl, a, ASCII_U16, &err);
	if (U_FAILURE(err))
		return -1;
	for (bl = 0; i < al;) {
		j = i;
		U16_NEXT(a, i, al, c);
		if (!uset_contains(greek_script, c)) {
			if (uset_contains(greek_filter, c) ||
			    bl + (i - j) > ASCII_U16)
				return -2;
			while (j < i)
				b[bl++] = a[j++];
			continue;
		}
		/* A letter just before a run: UNGEGN may move an accent of
		 * the run onto it ("iύ"), which ICU then leaves apart (it
		 * composes the run alone) and NFC here would not. */
		if (bl > 0) {
			UChar32 p;
			int32_t q = bl;

			U16_PREV(b, 0, q, p);
			if (u_isalpha(p))
				return -2;
		}
		for (k = i; k < al; k = i) {
			U16_NEXT(a, i, al, c);
			if (!uset_contains(greek_script, c)) {
				i = k;
				break;
			}
		}
		bl += unorm2_normalize(greek_nfd, a + j, i - j, b + bl,
		    ASCII_U16 - bl, &err);
		if (U_FAILURE(err))
			return -1;
	}
	limit = bl;
	utrans_transUChars(t->tr[TR_GPASS], b, &bl, ASCII_U16, 0, &limit,
	    &err);
	al = unorm2_normalize(greek_nfc, b, bl, a, ASCII_U16, &err);
	u_strToUTF8(out, (int32_t)cap, &olen, a, al, &err);
	if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING ||
	    (size_t)olen >= cap)
		return -1;
	return olen;
}

int
sb_names_greek_half(const char *s, size_t n, char *out, size_t cap)
{
	struct names_tls *t = tls_get();

	if (t == NULL || n > SB_NAMES_MAX)
		return -1;
	return greek_half(t, s, n, out, cap);
}

/* The romanisation of s[0..n) when it holds Greek letters, the letters
 * of the table and ASCII but no Cyrillic (which the whole romanisation
 * reads before Greek): UNGEGN's half by ICU, the rest from the table.
 * Its length, or -1 (then the whole goes to ICU). */
static int
roman_greek(struct names_tls *t, const char *s, size_t n, char *out,
    size_t cap)
{
	char mid[SB_NAMES_MAX * 4];
	int32_t i = 0;
	UChar32 c;
	bool greek = false;
	int r;

	while (i < (int32_t)n) {
		U8_NEXT(s, i, (int32_t)n, c);
		if (c >= 0x0370 && c <= 0x03FF)
			greek = true;
		else if (c < 0 || (c >= 0x80 && lat_slot(c) < 0) ||
		    (c >= LAT_C_LO && c <= LAT_C_HI) ||
		    (c >= LAT_M_LO && c <= LAT_M_HI))
			return -1;
	}
	if (!greek)
		return -1;
	r = greek_half(t, s, n, mid, sizeof(mid));
	if (r == -2) {
		if (t->tr[TR_GREEK] == NULL &&
		    (t->tr[TR_GREEK] = ascii_open(TR_GREEK)) == NULL)
			return -1;
		r = ascii_run(t->tr[TR_GREEK], s, n, mid, sizeof(mid));
	}
	if (r < 0)
		return -1;
	return roman_letters(mid, (size_t)r, out, cap, true);
}

static int
translit(int which, const char *s, size_t n, char *out, size_t cap)
{
	struct names_tls *t;
	struct cache_ent *e = NULL;
	UTransliterator *tr;
	size_t i;
	uint32_t h, k;
	int ascii = 1, r;

	if (s == NULL || out == NULL || cap == 0 || cap > INT32_MAX ||
	    n > SB_NAMES_MAX)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] == '\0')
			return -1;
		if ((unsigned char)s[i] >= 0x80)
			ascii = 0;
	}
	if (ascii && which == TR_ASCII)
		return copy_out(s, n, out, cap);
	if (ascii) {
		if ((r = copy_out(s, n, out, cap)) >= 0)
			for (i = 0; i < (size_t)r; i++)
				out[i] = (char)tolower((unsigned char)out[i]);
		return r;
	}
	if (which == TR_ROMAN && (r = roman_letters(s, n, out, cap,
	    false)) >= 0)
		return r;
	t = tls_get();
	if (t != NULL && t->cache[which] == NULL)
		t->cache[which] = sb_table_alloc(CACHE_SLOTS *
		    sizeof(struct cache_ent));
	if (t != NULL && t->cache[which] != NULL && n < CACHE_STR) {
		/* Four slots from the hash on; a miss takes an empty one,
		 * or evicts one chosen by other bits of the hash. */
		h = sb_fnv1a32(s, n);
		for (k = 0; k < CACHE_WAYS; k++) {
			struct cache_ent *c =
			    &t->cache[which][(h + k) & (CACHE_SLOTS - 1)];

			if (c->inlen == n && memcmp(c->in, s, n) == 0)
				return copy_out(c->out, c->outlen, out, cap);
			if (c->inlen == 0 && e == NULL)
				e = c;
		}
		if (e == NULL)
			e = &t->cache[which][(h + (h >> 24) % CACHE_WAYS) &
			    (CACHE_SLOTS - 1)];
	}
	/* A Greek name (names recur: after the cache) half by ICU. */
	if (t != NULL && which == TR_ROMAN &&
	    (r = roman_greek(t, s, n, out, cap)) >= 0)
		goto done;
	if (t != NULL && t->tr[which] == NULL &&
	    (t->tr[which] = ascii_open(which)) == NULL)
		return -1;
	if ((tr = t != NULL ? t->tr[which] : ascii_open(which)) == NULL)
		return -1;
	r = ascii_run(tr, s, n, out, cap);
	if (t == NULL)
		utrans_close(tr);
done:
	if (e != NULL && r >= 0 && r < CACHE_STR) {
		memcpy(e->in, s, n);
		e->inlen = (uint8_t)n;
		memcpy(e->out, out, (size_t)r);
		e->outlen = (uint8_t)r;
	}
	return r;
}

int
sb_names_ascii(const char *s, size_t n, char *out, size_t cap)
{
	return translit(TR_ASCII, s, n, out, cap);
}

int
sb_names_romanise(const char *s, size_t n, char *out, size_t cap)
{
	return translit(TR_ROMAN, s, n, out, cap);
}

static pthread_t warm_thread;
static int warm_started;

static void *
warm(void *arg)
{
	char out[8];

	(void)arg;
	/* Where this ICU's UNGEGN is one pass, the sets and normalisers it
	 * needs; where not, a Greek letter, whose romanisation loads ICU's
	 * registry (Latin and Cyrillic letters need no ICU). */
	(void)pthread_once(&greek_once, greek_init);
	if (greek_script == NULL || greek_filter == NULL)
		(void)translit(TR_ROMAN, "\xce\xa9", 2, out, sizeof(out));
	return NULL;
}

int
sb_names_warm_start(void)
{
	if (warm_started)
		return 0;
	if (pthread_create(&warm_thread, NULL, warm, NULL) != 0)
		return -1;
	warm_started = 1;
	return 0;
}

void
sb_names_warm_end(void)
{
	if (!warm_started)
		return;
	(void)pthread_join(warm_thread, NULL);
	warm_started = 0;
}

/* ---------------------------------------------------------- variants */

#define ALT_MAX (SB_NAMES_MAX * 4 + 64)

/* Full Unicode upper case; Greek loses its accents, as Greeks write
 * capitals. */
static int
upper(const char *s, size_t slen, const UChar32 *cps, int n, char *out,
    size_t cap)
{
	UChar in[SB_NAMES_MAX], up[SB_NAMES_MAX * 3];
	UErrorCode err = U_ZERO_ERROR;
	const char *loc = "";
	int32_t len, ulen, olen;
	int i;

	for (i = 0; i < n; i++)
		if (is_greek(cps[i]))
			loc = "el";
	u_strFromUTF8(in, (int32_t)NELEM(in), &len, s, (int32_t)slen, &err);
	if (U_FAILURE(err))
		return -1;
	ulen = u_strToUpper(up, (int32_t)NELEM(up), in, len, loc, &err);
	if (U_FAILURE(err))
		return -1;
	u_strToUTF8(out, (int32_t)cap, &olen, up, ulen, &err);
	if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING ||
	    (size_t)olen >= cap)
		return -1;
	return olen;
}

/* ---- typo */

/* Key rows: Latin QWERTY, Nordic (for å ö ä only: the first layout
 * holding a letter wins), Russian ЙЦУКЕН, Ukrainian, Greek.  Rows are
 * offset like a real keyboard. */
static const char32_t *const layouts[][3] = {
	{ U"qwertyuiop", U"asdfghjkl", U"zxcvbnm" },
	{ U"qwertyuiopå", U"asdfghjklöä", U"zxcvbnm" },
	{ U"йцукенгшщзхъ", U"фывапролджэ", U"ячсмитьбю" },
	{ U"йцукенгшщзхї", U"фівапролджє", U"ячсмитьбю" },
	{ U";ςερτυθιοπ", U"ασδφγηξκλ", U"ζχψωβνμ" },
};

/* Keys next to the lower-case letter c; returns how many (up to 6). */
static int
neighbours(UChar32 c, UChar32 nb[6])
{
	static const int dr[] = { 0, 0, -1, -1, 1, 1 };
	static const int dc[] = { -1, 1, 0, 1, -1, 0 };
	size_t l;
	int r, col, k, m, rr, cc, q, dup;
	UChar32 key;

	for (l = 0; l < NELEM(layouts); l++) {
		for (r = 0; r < 3; r++) {
			for (col = 0; layouts[l][r][col] != 0; col++)
				if ((UChar32)layouts[l][r][col] == c)
					break;
			if (layouts[l][r][col] == 0)
				continue;
			m = 0;
			for (k = 0; k < 6; k++) {
				rr = r + dr[k];
				cc = col + dc[k];
				if (rr < 0 || rr > 2 || cc < 0 ||
				    (size_t)cc >= u32len(layouts[l][rr]))
					continue;
				key = (UChar32)layouts[l][rr][cc];
				if (!u_isalpha(key) || key == c)
					continue;
				for (dup = 0, q = 0; q < m; q++)
					dup |= nb[q] == key;
				if (!dup)
					nb[m++] = key;
			}
			return m;
		}
	}
	return 0;
}

static UChar32
like_case(UChar32 c, int up)
{
	return up ? u_toupper(c) : u_tolower(c);
}

enum { TY_SUBST, TY_DELETE, TY_INSERT, TY_SWAP };

/* One slip on cps[0..n) after the first letter, into w (room n + 1);
 * returns the new length, or -1 when this kind of slip has no place. */
static int
typo_try(int op, const UChar32 *cps, int n, int first, struct rng *r,
    UChar32 *w)
{
	int pos[SB_NAMES_MAX + 1], np = 0, p, i, m;
	UChar32 nb[6], ins;
	int up;

	memcpy(w, cps, (size_t)n * sizeof(*w));
	switch (op) {
	case TY_SUBST:
		for (i = first + 1; i < n; i++)
			if (is_letter(cps[i]) &&
			    neighbours(u_tolower(cps[i]), nb) > 0)
				pos[np++] = i;
		if (np == 0)
			return -1;
		p = pos[below(r, (uint32_t)np)];
		m = neighbours(u_tolower(cps[p]), nb);
		w[p] = like_case(nb[below(r, (uint32_t)m)], u_isupper(cps[p]));
		return n;
	case TY_DELETE:
		for (i = first + 1; i < n; i++)
			if (is_letter(cps[i]))
				pos[np++] = i;
		if (np == 0)
			return -1;
		p = pos[below(r, (uint32_t)np)];
		memmove(w + p, w + p + 1, (size_t)(n - p - 1) * sizeof(*w));
		return n - 1;
	case TY_INSERT:
		for (i = first + 1; i <= n; i++)
			if (is_letter(cps[i - 1]))
				pos[np++] = i;
		if (np == 0)
			return -1;
		p = pos[below(r, (uint32_t)np)];
		ins = u_tolower(cps[p - 1]);
		if (below(r, 3) != 0 && (m = neighbours(ins, nb)) > 0)
			ins = nb[below(r, (uint32_t)m)];
		if (p - 1 == first)
			up = p < n && is_letter(cps[p]) && u_isupper(cps[p]);
		else
			up = u_isupper(cps[p - 1]);
		memmove(w + p + 1, w + p, (size_t)(n - p) * sizeof(*w));
		w[p] = like_case(ins, up);
		return n + 1;
	case TY_SWAP:
		for (i = first + 1; i + 1 < n; i++)
			if (is_letter(cps[i]) && is_letter(cps[i + 1]) &&
			    cps[i] != cps[i + 1])
				pos[np++] = i;
		if (np == 0)
			return -1;
		p = pos[below(r, (uint32_t)np)];
		w[p] = cps[p + 1];
		w[p + 1] = cps[p];
		return n;
	}
	return -1;
}

static int
typo(const UChar32 *cps, int n, struct rng *r, char *out, size_t cap)
{
	UChar32 w[SB_NAMES_MAX + 1];
	int first, op, tries, m = -1;

	for (first = 0; first < n && !is_letter(cps[first]); first++)
		;
	if (first == n)
		return encode(cps, n, out, cap);
	op = (int)below(r, 4);
	for (tries = 0; tries < 4 && m < 0; tries++, op = (op + 1) % 4)
		m = typo_try(op, cps, n, first, r, w);
	if (m < 0)
		return -1;	/* not reached: an insertion always fits */
	return encode(w, m, out, cap);
}

/* ---- nickname */

static int
nickname(const char *s, size_t slen, int is_given, struct rng *r,
    char *out, size_t cap)
{
	const struct nick *k;
	char first[SB_NAMES_MAX + 1];
	struct obuf ob = { out, cap, 0, 0 };
	size_t i, nn;

	if (!is_given)
		return copy_out(s, slen, out, cap);
	if ((k = find_nick(s)) == NULL) {
		i = strcspn(s, " -");
		if (i == slen)
			return copy_out(s, slen, out, cap);
		memcpy(first, s, i);
		first[i] = '\0';
		if ((k = find_nick(first)) == NULL)
			return copy_out(s, slen, out, cap);
		s += i;
	} else
		s += slen;
	for (nn = 0; nn < NICK_MAX && k->nick[nn] != NULL; nn++)
		;
	ob_str(&ob, k->nick[below(r, (uint32_t)nn)]);
	ob_str(&ob, s);
	return ob_end(&ob);
}

/* ---- alternative transliteration */

/*
 * Four clerks' habits, chosen once per name.  For Cyrillic: 0 English
 * (the Bulgarian streamlined and Ukrainian national passport systems),
 * 1 German, 2 French, 3 Polish.  For Greek: 0 ELOT 743 (passports),
 * 1 English phonetic (Yannis), 2 classical (Basileios, Philippos),
 * 3 phonetic with kh and dh.
 */
enum { ST_EN, ST_DE, ST_FR, ST_PL, ST_COUNT };

struct cyr_map {
	char32_t c;		/* lower case */
	const char *s[ST_COUNT];
};

static const struct cyr_map cyr_maps[] = {
	{ U'а', { "a", "a", "a", "a" } },
	{ U'б', { "b", "b", "b", "b" } },
	{ U'в', { "v", "w", "v", "w" } },
	{ U'г', { "g", "g", "g", "g" } },
	{ U'д', { "d", "d", "d", "d" } },
	{ U'е', { "e", "e", "e", "e" } },
	{ U'ж', { "zh", "sch", "j", "ż" } },
	{ U'з', { "z", "s", "z", "z" } },
	{ U'и', { "i", "i", "i", "i" } },
	{ U'й', { "y", "j", "i", "j" } },
	{ U'к', { "k", "k", "k", "k" } },
	{ U'л', { "l", "l", "l", "l" } },
	{ U'м', { "m", "m", "m", "m" } },
	{ U'н', { "n", "n", "n", "n" } },
	{ U'о', { "o", "o", "o", "o" } },
	{ U'п', { "p", "p", "p", "p" } },
	{ U'р', { "r", "r", "r", "r" } },
	{ U'с', { "s", "s", "s", "s" } },
	{ U'т', { "t", "t", "t", "t" } },
	{ U'у', { "u", "u", "ou", "u" } },
	{ U'ф', { "f", "f", "f", "f" } },
	{ U'х', { "h", "ch", "kh", "ch" } },
	{ U'ц', { "ts", "z", "ts", "c" } },
	{ U'ч', { "ch", "tsch", "tch", "cz" } },
	{ U'ш', { "sh", "sch", "ch", "sz" } },
	{ U'щ', { "sht", "scht", "cht", "szt" } },
	{ U'ъ', { "a", "a", "u", "y" } },
	{ U'ь', { "", "", "", "" } },
	{ U'ю', { "yu", "ju", "iou", "ju" } },
	{ U'я', { "ya", "ja", "ia", "ja" } },
	{ U'ё', { "yo", "jo", "io", "jo" } },
	{ U'ы', { "y", "y", "y", "y" } },
	{ U'э', { "e", "e", "e", "e" } },
	{ U'є', { "ye", "je", "ie", "je" } },
	{ U'і', { "i", "i", "i", "i" } },
	{ U'ї', { "yi", "ji", "ï", "ji" } },
	{ U'ґ', { "g", "g", "g", "g" } },
};

/* Ukrainian differs from Bulgarian in these. */
static const struct cyr_map cyr_maps_ua[] = {
	{ U'г', { "h", "h", "h", "h" } },
	{ U'и', { "y", "y", "y", "y" } },
	{ U'щ', { "shch", "schtsch", "chtch", "szcz" } },
};

static const char *
cyr_lookup(UChar32 c, int style, int ua)
{
	size_t i;

	if (ua)
		for (i = 0; i < NELEM(cyr_maps_ua); i++)
			if ((UChar32)cyr_maps_ua[i].c == c)
				return cyr_maps_ua[i].s[style];
	for (i = 0; i < NELEM(cyr_maps); i++)
		if ((UChar32)cyr_maps[i].c == c)
			return cyr_maps[i].s[style];
	return NULL;
}

/* One Cyrillic letter at cps[i] into ob; returns the code points used,
 * 0 for a letter it does not know. */
static int
cyr_unit(const UChar32 *cps, int n, int i, int style, int ua,
    struct obuf *ob)
{
	UChar32 c = u_tolower(cps[i]);
	UChar32 next = i + 1 < n ? u_tolower(cps[i + 1]) : 0;
	UChar32 prev = i > 0 ? u_tolower(cps[i - 1]) : 0;
	int initial = i == 0 || !is_letter(cps[i - 1]);
	int final = i + 1 == n || !is_letter(cps[i + 1]);
	int up = u_isupper(cps[i]);
	const char *s;

	if (c == U'ь' && next == U'о') {
		static const char *const yo[] = { "y", "j", "i", "j" };

		ob_cased(ob, yo[style], up);
		return 1;
	}
	if (c == U'я' && prev == U'и' && final && style == ST_EN && !ua) {
		ob_cased(ob, "a", up);		/* -ия: -ia */
		return 1;
	}
	if (ua && style == ST_EN && !initial) {
		/* The national system spells these so inside a word. */
		s = c == U'є' ? "ie" : c == U'ї' ? "i" : c == U'й' ? "i" :
		    c == U'ю' ? "iu" : c == U'я' ? "ia" : NULL;
		if (s != NULL) {
			ob_cased(ob, s, up);
			return 1;
		}
	}
	if ((s = cyr_lookup(c, style, ua)) == NULL)
		return 0;
	ob_cased(ob, s, up);
	return 1;
}

/* Greek, on gr_base() letters. */
struct gr_single {
	char32_t c;
	const char *s[ST_COUNT];
};

static const struct gr_single gr_singles[] = {
	{ U'α', { "a", "a", "a", "a" } },
	{ U'β', { "v", "v", "b", "v" } },
	{ U'γ', { "g", "g", "g", "g" } },
	{ U'δ', { "d", "d", "d", "dh" } },
	{ U'ε', { "e", "e", "e", "e" } },
	{ U'ζ', { "z", "z", "z", "z" } },
	{ U'η', { "i", "i", "e", "i" } },
	{ U'θ', { "th", "th", "th", "th" } },
	{ U'ι', { "i", "i", "i", "i" } },
	{ U'κ', { "k", "k", "k", "k" } },
	{ U'λ', { "l", "l", "l", "l" } },
	{ U'μ', { "m", "m", "m", "m" } },
	{ U'ν', { "n", "n", "n", "n" } },
	{ U'ξ', { "x", "x", "x", "ks" } },
	{ U'ο', { "o", "o", "o", "o" } },
	{ U'π', { "p", "p", "p", "p" } },
	{ U'ρ', { "r", "r", "r", "r" } },
	{ U'σ', { "s", "s", "s", "s" } },
	{ U'τ', { "t", "t", "t", "t" } },
	{ U'υ', { "y", "i", "y", "i" } },
	{ U'φ', { "f", "f", "ph", "f" } },
	{ U'χ', { "ch", "h", "ch", "kh" } },
	{ U'ψ', { "ps", "ps", "ps", "ps" } },
	{ U'ω', { "o", "o", "o", "o" } },
	{ U'ϊ', { "i", "i", "i", "i" } },
	{ U'ϋ', { "y", "i", "y", "i" } },
};

/* Greek vowel digraphs; for αυ ευ ηυ an empty string means "v before a
 * voiced sound or vowel, f before a voiceless one" (the last two). */
static const struct gr_pair {
	char32_t a, b;
	const char *s[ST_COUNT + 2];
} gr_vowel2[] = {
	{ U'α', U'ι', { "ai", "e", "ai", "e" } },
	{ U'ε', U'ι', { "ei", "i", "ei", "i" } },
	{ U'ο', U'ι', { "oi", "i", "oi", "i" } },
	{ U'υ', U'ι', { "yi", "i", "yi", "i" } },
	{ U'ο', U'υ', { "ou", "ou", "ou", "u" } },
	{ U'α', U'υ', { "", "", "au", "", "av", "af" } },
	{ U'ε', U'υ', { "", "", "eu", "", "ev", "ef" } },
	{ U'η', U'υ', { "", "", "eu", "", "iv", "if" } },
};

/* Greek consonant pairs, at the start of a word and inside it. */
static const struct gr_cons {
	char32_t a, b;
	const char *initial[ST_COUNT];
	const char *inside[ST_COUNT];
} gr_cons2[] = {
	{ U'μ', U'π', { "b", "b", "mp", "b" }, { "mp", "mb", "mp", "mb" } },
	{ U'ν', U'τ', { "d", "d", "nt", "d" }, { "nt", "nd", "nt", "nd" } },
	{ U'γ', U'κ', { "g", "g", "gk", "g" }, { "gk", "ng", "nk", "ng" } },
	{ U'γ', U'γ', { "ng", "ng", "ng", "ng" }, { "ng", "ng", "ng", "ng" } },
	{ U'γ', U'ξ', { "nx", "nx", "nx", "nks" },
	    { "nx", "nx", "nx", "nks" } },
	{ U'γ', U'χ', { "nch", "nh", "nch", "nkh" },
	    { "nch", "nh", "nch", "nkh" } },
	{ U'τ', U'σ', { "ts", "ts", "ts", "ts" }, { "ts", "ts", "ts", "ts" } },
	{ U'τ', U'ζ', { "tz", "dz", "tz", "dz" }, { "tz", "dz", "tz", "dz" } },
};

static const struct gr_cons *
gr_cons_pair(UChar32 a, UChar32 b)
{
	size_t i;

	for (i = 0; i < NELEM(gr_cons2); i++)
		if ((UChar32)gr_cons2[i].a == a && (UChar32)gr_cons2[i].b == b)
			return &gr_cons2[i];
	return NULL;
}

static int
gr_voiceless(UChar32 c)
{
	return c == 0 || c == U'θ' || c == U'κ' || c == U'ξ' || c == U'π' ||
	    c == U'σ' || c == U'τ' || c == U'φ' || c == U'χ' || c == U'ψ';
}

static int
gr_front(UChar32 c, UChar32 d)
{
	return c == U'ε' || c == U'η' || c == U'ι' || c == U'υ' ||
	    ((c == U'α' || c == U'ο') && d == U'ι');
}

/* One Greek letter or digraph at cps[i] into ob; returns the code
 * points used, 0 for a letter it does not know (polytonic ones). */
static int
greek_unit(const UChar32 *cps, int n, int i, int style, struct obuf *ob)
{
	UChar32 c = gr_base(cps[i]);
	UChar32 d = i + 1 < n && is_greek(cps[i + 1]) ? gr_base(cps[i + 1]) : 0;
	UChar32 e = i + 2 < n && is_greek(cps[i + 2]) ? gr_base(cps[i + 2]) : 0;
	int initial = i == 0 || !is_letter(cps[i - 1]);
	int up = u_isupper(cps[i]);
	const struct gr_cons *pc;
	const char *s = NULL, *v;
	int used = 2;
	size_t j;

	/* Vowel digraphs (a diaeresis on the second letter breaks them). */
	if (gr_digraph(c, d)) {
		for (j = 0; j < NELEM(gr_vowel2); j++)
			if ((UChar32)gr_vowel2[j].a == c &&
			    (UChar32)gr_vowel2[j].b == d) {
				/* af, ef, if before a voiceless sound */
				v = gr_vowel2[j].s[style];
				s = v[0] != '\0' ? v : gr_vowel2[j].s[
				    gr_voiceless(e) ? ST_COUNT + 1 : ST_COUNT];
				break;
			}
	} else if ((pc = gr_cons_pair(c, d)) != NULL) {
		s = initial ? pc->initial[style] : pc->inside[style];
	} else if (c == U'γ' && d == U'ι' && style == ST_DE && gr_vowel(e) &&
	    !gr_digraph(d, e)) {
		s = "y";	/* phonetic Γιάννης: Yannis */
	} else if (c == U'γ' && gr_front(d, e)) {
		static const char *const soft[] = { "g", "y", "g", "gh" };

		s = soft[style];
		used = 1;
	} else
		used = 1;
	for (j = 0; s == NULL && j < NELEM(gr_singles); j++)
		if ((UChar32)gr_singles[j].c == c)
			s = gr_singles[j].s[style];
	if (s == NULL)
		return 0;
	ob_cased(ob, s, up);
	return used;
}

/* Diacritics spelt another way, by style. */
static const struct latin_alt {
	char32_t c;		/* lower case */
	const char *s[ST_COUNT];
} latin_alts[] = {
	{ U'ș', { "sh", "sch", "ş", "s" } },
	{ U'ş', { "sh", "sch", "ș", "s" } },
	{ U'ț', { "tz", "tz", "ţ", "ts" } },
	{ U'ţ', { "tz", "tz", "ț", "ts" } },
	{ U'ă', { "a", "a", "ã", "a" } },
	{ U'â', { "a", "î", "i", "a" } },
	{ U'î', { "i", "i", "â", "i" } },
	{ U'ą', { "a", "on", "on", "om" } },
	{ U'ę', { "e", "en", "en", "em" } },
	{ U'ć', { "c", "tsch", "tch", "ch" } },
	{ U'ł', { "l", "l", "l", "l" } },
	{ U'ń', { "n", "n", "gn", "ni" } },
	{ U'ó', { "o", "o", "ò", "u" } },
	{ U'ś', { "s", "sch", "ch", "sh" } },
	{ U'ź', { "z", "s", "z", "zh" } },
	{ U'ż', { "z", "sch", "j", "zh" } },
	{ U'ä', { "ae", "ae", "a", "a" } },
	{ U'ö', { "oe", "oe", "o", "o" } },
	{ U'ü', { "ue", "ue", "u", "u" } },
	{ U'å', { "aa", "a", "o", "a" } },
	{ U'ø', { "oe", "o", "o", "oe" } },
	{ U'æ', { "ae", "ae", "ae", "ae" } },
	{ U'ß', { "ss", "ss", "ss", "ss" } },
	{ U'ã', { "a", "an", "a", "an" } },
	{ U'õ', { "o", "on", "o", "on" } },
	{ U'ç', { "c", "ss", "s", "ch" } },
	{ U'é', { "e", "e", "è", "e" } },
	{ U'è', { "e", "e", "é", "e" } },
	{ U'ê', { "e", "e", "é", "e" } },
	{ U'ë', { "e", "e", "e", "e" } },
	{ U'á', { "a", "a", "à", "a" } },
	{ U'à', { "a", "a", "á", "a" } },
	{ U'í', { "i", "i", "ì", "i" } },
	{ U'ì', { "i", "i", "í", "i" } },
	{ U'ú', { "u", "u", "ù", "u" } },
	{ U'ù', { "u", "u", "ú", "u" } },
	{ U'ô', { "o", "o", "ó", "o" } },
	{ U'ò', { "o", "o", "ó", "o" } },
	{ U'ï', { "i", "i", "i", "i" } },
	{ U'ñ', { "n", "n", "gn", "ny" } },
	{ U'č', { "ch", "tsch", "tch", "cz" } },
	{ U'š', { "sh", "sch", "ch", "sz" } },
	{ U'ž', { "zh", "sch", "j", "ż" } },
	{ U'đ', { "d", "dj", "d", "dz" } },
	{ U'ý', { "y", "y", "i", "y" } },
};

/* Spelling swaps on Latin text: pattern (lower case ASCII), replacement,
 * and where in a word the pattern must sit. */
enum { AT_ANY, AT_START, AT_END, AT_INSIDE };

static const struct swap {
	const char *from;
	const char *to;
	int at;
	const char *notafter;	/* not after these letters (lower case) */
} swaps[] = {
	{ "ov", "off", AT_END, NULL }, { "ov", "of", AT_END, NULL },
	{ "ov", "ow", AT_END, NULL }, { "ev", "eff", AT_END, NULL },
	{ "ev", "ew", AT_END, NULL }, { "ev", "ef", AT_END, NULL },
	{ "ova", "owa", AT_END, NULL }, { "eva", "ewa", AT_END, NULL },
	{ "ski", "sky", AT_END, NULL }, { "ski", "skiy", AT_END, NULL },
	{ "sky", "ski", AT_END, NULL }, { "cki", "cky", AT_END, NULL },
	{ "cki", "tski", AT_END, NULL }, { "skyi", "skiy", AT_END, NULL },
	{ "skyi", "sky", AT_END, NULL }, { "iy", "i", AT_END, NULL },
	{ "ii", "iy", AT_END, NULL }, { "ij", "iy", AT_END, NULL },
	{ "yi", "iy", AT_END, NULL }, { "ia", "ya", AT_END, NULL },
	{ "iya", "ia", AT_END, NULL }, { "ya", "ia", AT_INSIDE, NULL },
	{ "ja", "ya", AT_INSIDE, NULL }, { "y", "i", AT_END, NULL },
	{ "i", "y", AT_END, NULL }, { "ya", "ja", AT_START, NULL },
	{ "ya", "ia", AT_START, NULL }, { "yo", "jo", AT_START, NULL },
	{ "jo", "yo", AT_START, NULL }, { "jo", "io", AT_START, NULL },
	{ "yu", "ju", AT_START, NULL }, { "yu", "iu", AT_START, NULL },
	{ "iu", "yu", AT_START, NULL }, { "ye", "e", AT_START, NULL },
	{ "ya", "a", AT_INSIDE, "i" }, { "j", "y", AT_START, NULL },
	{ "y", "j", AT_START, NULL }, { "y", "i", AT_START, NULL },
	{ "kh", "h", AT_ANY, NULL }, { "kh", "ch", AT_ANY, NULL },
	{ "h", "kh", AT_START, NULL }, { "hr", "chr", AT_START, NULL },
	{ "ch", "h", AT_START, NULL }, { "ou", "u", AT_ANY, NULL },
	{ "ph", "f", AT_ANY, NULL }, { "f", "ph", AT_ANY, NULL },
	{ "th", "t", AT_ANY, NULL }, { "ts", "tz", AT_ANY, NULL },
	{ "tz", "ts", AT_ANY, NULL }, { "ts", "c", AT_ANY, NULL },
	{ "ts", "z", AT_START, NULL }, { "sh", "sch", AT_ANY, NULL },
	{ "sh", "ch", AT_ANY, NULL }, { "sh", "sz", AT_ANY, NULL },
	{ "sch", "sh", AT_ANY, NULL }, { "sz", "sh", AT_ANY, NULL },
	{ "cz", "ch", AT_ANY, NULL }, { "tch", "ch", AT_ANY, NULL },
	{ "tsch", "ch", AT_ANY, NULL }, { "zh", "j", AT_ANY, NULL },
	{ "zh", "z", AT_ANY, NULL }, { "w", "v", AT_ANY, NULL },
	{ "v", "w", AT_ANY, NULL }, { "x", "ks", AT_INSIDE, NULL },
	{ "ks", "x", AT_ANY, NULL }, { "ck", "k", AT_ANY, NULL },
	{ "c", "k", AT_START, NULL }, { "k", "c", AT_START, NULL },
	{ "ko", "co", AT_INSIDE, NULL }, { "ka", "ca", AT_INSIDE, NULL },
	{ "co", "ko", AT_INSIDE, NULL }, { "ca", "ka", AT_INSIDE, NULL },
	{ "ie", "ye", AT_INSIDE, NULL }, { "ei", "i", AT_ANY, NULL },
	{ "oi", "oy", AT_ANY, NULL }, { "ai", "ay", AT_ANY, NULL },
	{ "ai", "e", AT_INSIDE, NULL }, { "gh", "g", AT_ANY, NULL },
	{ "gi", "yi", AT_START, NULL }, { "geo", "gio", AT_START, NULL },
	{ "geo", "yeo", AT_START, NULL }, { "ios", "os", AT_END, NULL },
	{ "ios", "ius", AT_END, NULL }, { "os", "us", AT_END, NULL },
	{ "ll", "l", AT_ANY, NULL }, { "ss", "s", AT_ANY, NULL },
	{ "nn", "n", AT_ANY, NULL }, { "tt", "t", AT_ANY, NULL },
	{ "pp", "p", AT_ANY, NULL }, { "mm", "m", AT_ANY, NULL },
	{ "rr", "r", AT_ANY, NULL }, { "cc", "c", AT_ANY, NULL },
	{ "kk", "k", AT_ANY, NULL }, { "ee", "i", AT_ANY, NULL },
	{ "oo", "u", AT_ANY, NULL }, { "aa", "a", AT_ANY, NULL },
	{ "ae", "a", AT_ANY, NULL }, { "oe", "o", AT_ANY, NULL },
	{ "uy", "ui", AT_ANY, NULL }, { "mo", "mu", AT_START, NULL },
	{ "mu", "mo", AT_START, NULL }, { "med", "mad", AT_END, NULL },
	{ "mad", "med", AT_END, NULL }, { "abdel", "abdul", AT_START, NULL },
	{ "abdul", "abdel", AT_START, NULL },
	{ "abd", "abd-", AT_START, NULL }, { "el ", "el-", AT_START, NULL },
	{ "al-", "al ", AT_START, NULL }, { "al-", "el-", AT_START, NULL },
	{ "q", "k", AT_ANY, NULL }, { "dh", "d", AT_ANY, NULL },
	{ "dj", "j", AT_ANY, NULL }, { "xh", "dj", AT_ANY, NULL },
	{ "xh", "j", AT_ANY, NULL }, { "gj", "dj", AT_ANY, NULL },
	{ "nh", "gn", AT_INSIDE, NULL }, { "lh", "ll", AT_INSIDE, NULL },
	{ "gn", "ny", AT_INSIDE, NULL }, { "ei", "ey", AT_ANY, NULL },
	{ "ou", "oo", AT_INSIDE, NULL }, { "ah", "a", AT_END, NULL },
	{ "eh", "e", AT_END, NULL }, { "a", "ah", AT_END, NULL },
};

static int
word_byte(char c)
{
	return isalpha((unsigned char)c) || (unsigned char)c >= 0x80;
}

static int
all_caps(const char *s)
{
	int letters = 0;

	for (; *s != '\0'; s++) {
		if (islower((unsigned char)*s))
			return 0;
		letters += isupper((unsigned char)*s) != 0;
	}
	return letters >= 2;
}

#define DOUBLE 0xFFFF	/* a candidate that doubles a letter */

/* Apply one spelling swap to in (or, when none fits, double a letter)
 * into out; the result always differs from in. */
static int
swap_one(const char *in, struct rng *r, char *out, size_t cap)
{
	struct {
		unsigned short rule;
		unsigned short pos;
	} cand[256];
	struct obuf ob = { out, cap, 0, 0 };
	size_t len = strlen(in), p, k, flen;
	int nc = 0, caps = all_caps(in), start, end, up, i;
	const char *t;

	for (k = 0; k < NELEM(swaps); k++) {
		flen = strlen(swaps[k].from);
		for (p = 0; p + flen <= len && nc < (int)NELEM(cand); p++) {
			if (tolower((unsigned char)in[p]) != swaps[k].from[0] ||
			    strncasecmp(in + p, swaps[k].from, flen) != 0)
				continue;
			start = p == 0 || !word_byte(in[p - 1]);
			end = in[p + flen] == '\0' || !word_byte(in[p + flen]);
			if ((swaps[k].at == AT_START && !start) ||
			    (swaps[k].at == AT_END && !end) ||
			    (swaps[k].at == AT_INSIDE && start))
				continue;
			if (p > 0 && swaps[k].notafter != NULL &&
			    in[p - 1] != '\0' && strchr(swaps[k].notafter,
			    tolower((unsigned char)in[p - 1])) != NULL)
				continue;
			cand[nc].rule = (unsigned short)k;
			cand[nc].pos = (unsigned short)p;
			nc++;
		}
	}
	/* A single l, m, n, r, s or t between vowels doubled: Ana, Anna. */
	for (p = 1; p + 1 < len && nc < (int)NELEM(cand); p++) {
		if (strchr("lmnrstLMNRST", in[p]) == NULL ||
		    strchr("aeiouAEIOU", in[p - 1]) == NULL ||
		    strchr("aeiouyAEIOUY", in[p + 1]) == NULL)
			continue;
		cand[nc].rule = DOUBLE;
		cand[nc].pos = (unsigned short)p;
		nc++;
	}
	if (nc > 0) {
		i = (int)below(r, (uint32_t)nc);
		p = cand[i].pos;
		k = cand[i].rule;
		if (k == DOUBLE) {
			ob_mem(&ob, in, p + 1);
			ob_str(&ob, in + p);
			return ob_end(&ob);
		}
		up = isupper((unsigned char)in[p]);
		ob_mem(&ob, in, p);
		for (t = swaps[k].to; *t != '\0'; t++) {
			char c = *t;

			if (caps || (up && t == swaps[k].to))
				c = (char)toupper((unsigned char)c);
			ob_mem(&ob, &c, 1);
		}
		ob_str(&ob, in + p + strlen(swaps[k].from));
		return ob_end(&ob);
	}
	/* Nothing fits: double a consonant after the first letter, or
	 * failing that any letter, or add an h. */
	for (k = 0; k < 2 && nc == 0; k++)
		for (p = 1; p < len && nc < (int)NELEM(cand); p++)
			if (isalpha((unsigned char)in[p]) && (k == 1 ||
			    strchr("aeiouyAEIOUY", in[p]) == NULL)) {
				cand[nc].rule = DOUBLE;
				cand[nc++].pos = (unsigned short)p;
			}
	if (nc > 0) {
		p = cand[below(r, (uint32_t)nc)].pos;
		ob_mem(&ob, in, p + 1);
		ob_str(&ob, in + p);
	} else {
		ob_str(&ob, in);
		ob_str(&ob, caps ? "H" : "h");
	}
	return ob_end(&ob);
}

static int
translit_alt(const char *s, size_t slen, const UChar32 *cps, int n,
    struct rng *r, char *out, size_t cap)
{
	char st1[ALT_MAX], asc[ALT_MAX], res[ALT_MAX], one[U8_MAX_LENGTH];
	struct obuf ob = { st1, sizeof(st1), 0, 0 };
	const struct latin_alt *la;
	int style, ua = 0, letters = 0, lower = 0, i, rl, used;
	int32_t k;
	size_t j;

	for (i = 0; i < n; i++) {
		if (cps[i] == U'і' || cps[i] == U'ї' || cps[i] == U'є' ||
		    cps[i] == U'ґ' || cps[i] == U'І' || cps[i] == U'Ї' ||
		    cps[i] == U'Є' || cps[i] == U'Ґ')
			ua = 1;
		if (is_letter(cps[i])) {
			letters++;
			lower += u_islower(cps[i]) != 0;
		}
	}
	if (letters == 0)
		return copy_out(s, slen, out, cap);
	style = (int)below(r, ST_COUNT);
	for (i = 0; i < n;) {
		if (cps[i] < 0x80) {
			ob_cp(&ob, cps[i++]);
			continue;
		}
		if (is_greek(cps[i]) &&
		    (used = greek_unit(cps, n, i, style, &ob)) > 0) {
			i += used;
			continue;
		}
		if (is_cyrillic(cps[i]) &&
		    (used = cyr_unit(cps, n, i, style, ua, &ob)) > 0) {
			i += used;
			continue;
		}
		if (u_tolower(cps[i]) == U'ã' && i + 1 < n &&
		    u_tolower(cps[i + 1]) == 'o') {
			static const char *const ao[] = {
			    "ao", "aon", "ao", "am" };

			ob_cased(&ob, ao[style], u_isupper(cps[i]));
			i += 2;		/* João: Joao, Joaon, Joam */
			continue;
		}
		for (la = NULL, j = 0; j < NELEM(latin_alts); j++)
			if ((UChar32)latin_alts[j].c == u_tolower(cps[i]))
				la = &latin_alts[j];
		if (la != NULL) {
			ob_cased(&ob, la->s[style], u_isupper(cps[i]));
			i++;
			continue;
		}
		/* Anything else: ICU's ASCII for this letter. */
		k = 0;
		U8_APPEND_UNSAFE(one, k, cps[i]);
		if (sb_names_ascii(one, (size_t)k, asc, sizeof(asc)) >= 0)
			ob_str(&ob, asc);
		i++;
	}
	if (ob_end(&ob) < 0)
		return -1;
	/* A name in capitals stays in capitals. */
	if (lower == 0 && letters >= 2) {
		UChar32 up[ALT_MAX];
		int m = decode_max(st1, strlen(st1), up, (int)NELEM(up));

		if (m < 0)
			return -1;
		for (i = 0; i < m; i++)
			up[i] = u_toupper(up[i]);
		if (encode(up, m, st1, sizeof(st1)) < 0)
			return -1;
	}
	if (sb_names_ascii(s, slen, asc, sizeof(asc)) < 0)
		asc[0] = '\0';
	if (strcmp(st1, s) == 0 || strcmp(st1, asc) == 0 ||
	    below(r, 2) == 0) {
		if ((rl = swap_one(st1, r, res, sizeof(res))) < 0)
			return -1;
		/* An optional swap must not land back on s or its ASCII. */
		if (strcmp(res, s) != 0 && strcmp(res, asc) != 0)
			return copy_out(res, (size_t)rl, out, cap);
	}
	return copy_out(st1, strlen(st1), out, cap);
}

int
sb_names_variant(const char *s, int kind, int is_given, sb_rand_fn rand,
    void *ctx, char *out, size_t cap)
{
	UChar32 cps[SB_NAMES_MAX];
	struct rng r = { rand, ctx };
	size_t slen;
	int n;

	if (s == NULL || out == NULL || cap == 0 || cap > INT32_MAX)
		return -1;
	if (kind < 0 || kind >= SB_NV_COUNT)
		return -1;
	slen = strlen(s);
	if ((n = decode(s, slen, cps, SB_NAMES_MAX)) < 0)
		return -1;
	switch (kind) {
	case SB_NV_EXACT:
		return copy_out(s, slen, out, cap);
	case SB_NV_ASCII:
		return sb_names_ascii(s, slen, out, cap);
	case SB_NV_UPPER:
		return upper(s, slen, cps, n, out, cap);
	}
	if (rand == NULL)
		return -1;
	switch (kind) {
	case SB_NV_TRANSLIT_ALT:
		return translit_alt(s, slen, cps, n, &r, out, cap);
	case SB_NV_TYPO:
		return typo(cps, n, &r, out, cap);
	case SB_NV_NICKNAME:
		return nickname(s, slen, is_given, &r, out, cap);
	}
	return -1;
}
