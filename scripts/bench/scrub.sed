# scripts/bench/scrub.sed: the recognisers of libsb/sb_scrub.c as sed -E
# substitutions, for scripts/bench/anonymise (no check digits, no
# inflected names: the names of the batch are a second script).
s/[[:alnum:]._%+-]+@[[:alnum:]-]+(\.[[:alnum:]-]+)+/[EMAIL]/g
s#(https?://|www\.)[^ ]+#[URL]#g
s/@[[:alnum:]_][[:alnum:]_.]+/[HANDLE]/g
s/[0-9]{1,2}(\.|er)? (de )?(January|February|March|April|May|June|July|August|September|October|November|December|януари|февруари|март|април|май|юни|юли|август|септември|октомври|ноември|декември|Ιανουαρίου|Φεβρουαρίου|Μαρτίου|Απριλίου|Μαΐου|Ιουνίου|Ιουλίου|Αυγούστου|Σεπτεμβρίου|Οκτωβρίου|Νοεμβρίου|Δεκεμβρίου|tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|janeiro|fevereiro|março|abril|maio|junho|julho|setembro|outubro|novembro|dezembro|ianuarie|februarie|martie|aprilie|mai|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|décembre|januari|februari|maart|mei|juni|juli|augustus|oktober)( de)? (19|20)[0-9]{2}/[DATE]/g
s/(January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{1,2}(st|nd|rd|th)?,? (19|20)[0-9]{2}/[DATE]/g
s#[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{4}#[DATE]#g
s/[0-9]{4}-[0-9]{2}-[0-9]{2}/[DATE]/g
s/[0-9]{1,3}(\.[0-9]{1,3}){3}/[IP]/g
s/[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:]{1,35}/[IP]/g
s/[A-Z]{2}[0-9]{2}( ?[A-Z0-9]{4}){2,7}( ?[A-Z0-9]{1,4})?/[IBAN]/g
s/(\+|00)[0-9]{1,3}[ .-]?(\(0\) ?)?[0-9]([ .-]?[0-9]){5,13}/[PHONE]/g
s/(ul\.|al\.|pl\.|os\.|ул\.|бул\.|пл\.|str\.|bd\.|b-dul|șos\.|av\.|Ulica|Aleja|Strada|Calea|Bulevardul|Via|via|Viale|viale|Corso|Piazza|piazza|Rua|rua|Avenida|Travessa|rue|Rue|avenue|Avenue|boulevard|Boulevard|Chaussée|straat|laan|steenweg|οδός|Οδός|Λεωφόρος) [^0-9]{1,40} ?[0-9]{1,4}[A-Za-z]?/[ADDRESS]/g
s/[[:upper:]][[:alpha:]-]*(katu|tie|kuja|tori|polku|väylä|straat|laan|weg|plein|dreef|lei|gasse|straße|strasse) [0-9]{1,4}[A-Za-z]?/[ADDRESS]/g
s/[0-9[:upper:]]{1,4}[ .-]?[0-9]{2,}([ .-]?[0-9[:upper:]]+)*/[CODE]/g
