# kompass meddelanden på svenska. Varje meddelande är en sorts iakttagelse eller ett fel; dess
# argument står inom { $klamrar }. messages/en.ftl har samma meddelanden på engelska.

## Hur en iakttagelse skrivs ut

diagnostic-at = vid `{ $path }`
diagnostic-in = i { $file }
diagnostic-in-at = i { $file }, vid `{ $path }`
diagnostic-help = tips: { $help }

## Tips om sådant som folk skriver (hints.rs)

help-date-as-toml = skriv datum som TOML-datum, år-månad-dag och utan citattecken: `{ $key } = { $iso }`
help-quoted-date = ta bort citattecknen: `{ $key } = { $date }` är ett TOML-datum, `"{ $date }"` är text
help-number-with-spaces = tal i TOML har inga mellanslag; gruppera tusental med `_`: `{ $key } = { $number }`
help-score-decimal-comma = poäng är hela poäng: `{ $key } = { $low }` eller `{ $key } = { $high }`
help-decimal-comma = TOML skriver decimaler med punkt, inte komma: `{ $key } = { $number }`
help-yes-no = ja/nej skrivs `true` eller `false`, med gemener och utan citattecken: `{ $key } = { $value }`
help-english-key = kompass nycklar är på engelska: skriv `{ $english }` i stället för `{ $key }`
help-bare-key-letters = en nyckel utan citattecken skrivs bara med a–z, 0–9, `-` och `_`; kompass nycklar är på engelska (`{ $key }` är ingen av dem)
help-key-belongs-at-top = `{ $key }` hör hemma överst i filen, före den första [tabell]-rubriken: efter en rubrik som [[area]] hör varje nyckel till den tabellen
help-key-belongs-under = `{ $key }` hör hemma under { $table }: efter en [tabell]-rubrik hör varje nyckel till den tabellen fram till nästa rubrik
text-never-closed = texten som börjar med """ på rad { $line } avslutas aldrig
text-not-closed-before = texten som börjar med """ på rad { $line } är inte avslutad före rad { $next }, där nästa nyckel börjar
help-stray-quote = ett `"` inne i en text avslutar den: skriv `\"` för ett rakt citattecken, använd ”typografiska citattecken” eller sätt texten mellan ''' och '''
list-not-closed-before = listan `{ $key } = [` på rad { $line } stängs inte med `]` före rad { $next }, där nästa nyckel börjar
help-list-from-bullets = en lista skrivs inom hakparenteser, med en text inom citattecken per punkt:{ $list }

## Kontroller av utvärderingen (validate.rs)

framework-no-areas = ramverket har inga områden
framework-area-twice = område { $area } är definierat två gånger
framework-area-order = områdena ska numreras 1, 2, 3 … i ordning; väntade { $expected }, fann { $found }
framework-maxima-sum = delområdenas maxpoäng i område { $area } blir { $sum } sammanlagt, men områdets maxpoäng är { $max }
framework-subarea-twice = delområde { $subarea } är definierat två gånger
framework-subarea-id = delområdena i område { $area } ska ha id som börjar med `{ $area }.`; fann `{ $found }`
framework-subarea-max = ett delområdes maxpoäng måste vara positivt; fann { $found }
no-evaluators = det behövs minst en utvärderare
help-no-evaluators = lägg till [[evaluators]] med name och organisation
evaluator-without-name = en utvärderare behöver ett namn
interviews-not-positive = antalet intervjuer måste vara positivt, men är { $found }
population-not-positive = invånarantalet måste vara positivt, men är { $found }
first-evaluation-with-history = `first_evaluation = true`, men [[history]] anger tidigare utvärderingar ({ $years })
help-first-evaluation-with-history = rapporten skulle skriva ”kommunens första utvärdering” bredvid ett diagram över tidigare utvärderingar: sätt `first_evaluation = false` eller ta bort posterna i [[history]]
unknown-area = ramverket `{ $framework }` har inget område { $area }; det har områdena 1–{ $last }
area-twice = område { $area } finns två gånger (första gången som area[{ $first }])
help-its-subareas = dess delområden är { $ids }
unknown-subarea = område { $area } har inget delområde `{ $subarea }`
score-out-of-range = poängen för { $sub } { $title } ska vara { $min }–{ $max }, men är { $found }
missing-score = poäng saknas för delområde { $sub } { $title } (0–{ $max })
help-missing-score = lägg till `"{ $sub }" = <poäng>` under områdets poäng (scores)
stated-score-differs = område { $area } anges till { $stated }, men delområdenas poäng blir { $sum } sammanlagt
help-stated-differs = ta bort `{ $key }` (kompass räknar ut den) eller rätta delområdenas poäng
empty-analysis = område { $area } har en tom analys
empty-list = område { $area } anger inga { $list ->
        [strengths] styrkor (Styrkor)
       *[other] förbättringsmöjligheter (Förbättringsmöjligheter)
    }
no-list = område { $area } saknar listan `{ $list }` och anger alltså inga { $list ->
        [strengths] styrkor (Styrkor)
       *[other] förbättringsmöjligheter (Förbättringsmöjligheter)
    }
help-empty-list = rapporten skriver ”Inga angivna.” i den kolumnen
long-bullet = en punkt på { $chars } tecken blir svårläst i tabellen (sikta på under { $aim })
stated-total-differs = totalen anges till { $stated }, men delområdenas poäng blir { $sum } sammanlagt
area-missing = område { $area } { $title } saknas
help-area-missing = lägg till en [[area]]-tabell med id = { $area }
must-not-be-empty = får inte vara tom
help-place-name-alone = `name` är bara ortnamnet: ”{ $name }”
help-unknown-municipality = kontrollera stavningen; för ett namn som kompass inte känner till, se till att `genitive` och `official_name` stämmer
help-did-you-mean-name = menade du ”{ $name }”?
unknown-municipality = kompass känner inte till någon svensk kommun som heter ”{ $name }”
official-name-as-name = `name` innehåller det officiella namnet; ortnamnet är ”{ $name }”
help-official-name-as-name = skriv `name = "{ $name }"`; ”{ $official }” hör hemma i `official_name`
municipality-written = kommunen skrivs ”{ $name }”
help-municipality-written = `name` är ortnamnet, så som SCB skriver det
name-form-differs = { $form ->
        [genitive] genitivformen av { $name }
       *[other] det officiella namnet på { $name }
    } är ”{ $expected }” i tabellen över Sveriges kommuner, inte ”{ $found }”
help-name-form = skriv `{ $key } = "{ $expected }"` (som i ”{ $example }”)
profile-without-label = en jämförelseprofil behöver en etikett (label) till diagrammets förklaring
profile-without-source = en jämförelseprofil behöver en källa (source), som skrivs under diagrammet
values-count = det ska finnas { $expected } värden (ett per område), men det finns { $found }
value-out-of-range = värdet för område { $area } ska vara 0–{ $max }, men är { $found }
placeholder-evaluator = utvärderarens namn är fortfarande platshållaren ”{ $placeholder }”; en slutlig rapport kan inte publiceras med den
placeholder-evaluated = `evaluated` är fortfarande platshållaren ”{ $placeholder }”; en slutlig rapport kan inte publiceras med den
placeholder-text = texten innehåller fortfarande ”{ $placeholder }” från kompass new; en slutlig rapport kan inte publiceras med den
help-placeholder = fyll i den, eller gör ett utkast med --draft
placeholder-scores = alla delområdespoäng i område { $area } är 0, så som kompass new lämnar dem
help-placeholder-scores = fyll i poängen, eller gör ett utkast med --draft
placeholder-number = `{ $key } = { $value }` är fortfarande markerad PLACEHOLDER, så som kompass new skrev den
help-placeholder-number = fyll i det riktiga talet och ta bort kommentaren `# PLACEHOLDER`, eller gör ett utkast med --draft
nested-too-deep = { $what ->
        [lists] listor
       *[other] betoningar
    } i { $depth } nivåer; rapporten kan sätta högst { $most }
help-nested-too-deep = använd färre nivåer: en djupare nivå är sällan något en läsare kan följa
not-a-date = väntade ett datum som 2023-11-23, fann `{ $found }`
not-in-calendar = `{ $date }` är inget datum som finns i kalendern
date-far-ahead = rapporten är daterad { $date }, mer än ett år framåt i tiden
help-date-far-ahead = rapportens datum är dagen då den publiceras; stämmer årtalet?
date-after-today = rapporten är daterad { $date }, efter dagens datum
date-before-evaluation = rapporten är daterad { $date }, innan utvärderingen gjordes ({ $evaluated })
help-date-before-evaluation = rapporten skrivs efter utvärderingen: kontrollera `date` och `evaluated`
version-below-one = versionerna numreras från 1; fann { $found }
revision-without-changes = en version behöver en rad om vad som ändrats, som skrivs i versionshistoriken
version-order = version { $version } kommer efter version { $previous }; varje ny version behöver ett högre nummer
help-next-version = nästa version är { $next }
version-date-order = version { $version } är daterad { $date }, före version { $previous } ({ $previous_date })

## Resultatregistret (register.rs)

register-read-semicolons = läst som CSV med semikolon, så som svenska Excel sparar (där är komma decimaltecknet)
register-read-windows-1252 = läst som Windows-1252, inte UTF-8: Excels ”CSV” i Windows; spara som ”CSV UTF-8” (eller som .xlsx) för att behålla alla tecken
help-csv-quote = ett fält som börjar med " slutar med "; ett citattecken inne i fältet skrivs ""
not-a-workbook = inte en Excel-arbetsbok (.xlsx): { $reason }
register-file-kinds = ett resultatregister läses från en .csv-fil, en Excel-arbetsbok (.xlsx) eller ett OpenDocument-kalkylblad (.ods); `kompass export -o register.xlsx` skriver ett
register-empty = registret är tomt: det behöver en rubrikrad och en rad per utvärdering
help-register-empty = `kompass export` skriver ett; dess kolumner är { $columns }
register-no-rows = registret har en rubrikrad men inga rader
register-missing-columns = rubrikraden saknar { $count ->
        [one] kolumnen
       *[other] kolumnerna
    } { $columns }
help-register-columns = kolumnerna är { $columns }
register-unknown-column = kompass känner inte till kolumnen ”{ $column }”; den läses inte
register-empty-number = tom: väntade ett heltal
register-not-a-number = väntade ett heltal, fann ”{ $found }”
register-empty-bool = tom: väntade true eller false (SANT eller FALSKT)
register-not-a-bool = väntade true eller false (SANT eller FALSKT), fann ”{ $found }”
help-register-first-evaluation = true när raden är kommunens första utvärdering
register-empty-municipality = tom: varje rad anger sin kommun
help-register-unknown-municipality = ortnamnet så som SCB skriver det (”Leksand”, ”Malung-Sälen”); eller skriv i `note` varför raden inte är en kommun
register-lost-zero = SCB-koden { $found } har tappat sin inledande nolla: { $name } har { $code }
help-register-lost-zero = kalkylprogram (Excel, LibreOffice) tar bort inledande nollor i tal; formatera kolumnen som text, eller använd arbetsboken som `kompass export -o register.xlsx` skriver
register-wrong-code = { $name } har SCB-koden { $code }, inte { $found }
register-unknown-framework = okänt ramverk ”{ $framework }”
register-area-count = { $framework } har { $areas } områden; raden har { $found }
register-area-range = { $value } ligger utanför 0–{ $max } för område { $area } { $title }
register-total = { $total } är inte summan av områdenas poäng, { $sum }
help-register-total = totalen räknas ut: skriv summan, eller exportera raden från utvärderingen
register-year = { $year } är inte ett rimligt år för en utvärdering
register-date = ”{ $date }” är inget datum på formen ÅÅÅÅ-MM-DD
register-date-year = datumet { $date } ligger inte i radens år { $year }
register-note-glyphs = rapportens typsnitt kan inte skriva { $characters } i den här publika anteckningen, som skrivs under diagrammen som använder raden
help-register-note-glyphs = skriv den utan emoji och utan tecken utanför det latinska alfabetet
register-population = { $population } invånare: väntade invånarantalet när utvärderingen gjordes
register-twice = { $name } { $when } finns redan i registret, på rad { $row }
help-register-twice = varje utvärdering är en rad
register-first-evaluation = { $name } { $year } är markerad som första utvärdering, men rad { $row } är en från { $earlier }
help-register-first-evaluations = bara kommunens tidigaste utvärdering är dess första
register-too-many-columns = raden fortsätter efter { $max } kolumner; ett register läses upp till så många
register-too-long = registret fortsätter efter { $rows } rader eller { $cells } celler; det läses upp till så många
register-quote-never-closed = ett fält inom citattecken avslutas aldrig
help-known-frameworks = kända ramverk: { $ids }

## Listor

list-comma = {", "}
list-then = {", sedan "}

## Jämförelser och registret (compare.rs)

plain = { $text }
cannot-read = kan inte läsa { $path }: { $reason }
help-register-path = sökvägen räknas från mappen där utvärderingsfilen ligger
profile-without-values = en jämförelseprofil behöver `values` (ett per område) eller `from_register`
help-profile-without-values = from_register = {"{"} population_max = 20_000, first_evaluation = true {"}"} räknar ut medelvärdet av registrets rader som matchar
register-unavailable = resultatregistret finns inte tillgängligt här (utvärderingen lästes inte från en mapp)
help-register-unavailable = gör rapporten från utvärderingsfilen bredvid dess register
profile-values-and-register = en jämförelseprofil har antingen `values` eller `from_register`, inte båda
help-profile-values-and-register = ta bort `values` för att räkna ut profilen från registret
profile-needs = en jämförelseprofil med fasta värden behöver { $key ->
        [label] en `label` till diagrammets förklaring
       *[other] en `{ $key }`, som skrivs under diagrammet: var värdena kommer ifrån
    }
profile-without-register = en profil som räknas ut från registret behöver registret: utvärderingen anger inget
help-profile-without-register = lägg till `register = "register.csv"` (eller .xlsx) före den första tabellen, med sökvägen från den här filen
profile-not-kept = PDF-filen har inga värden sparade för den här profilen: den gjordes utan den
unknown-framework = okänt ramverk `{ $framework }`
history-also-in-register = utvärderingen { $year } finns också i registret (rad { $row }): varje tidigare utvärdering anges en gång
help-history-also-in-register = ta bort den här posten i [[history]]: registrets rad ritas
not-the-first-evaluation = registret har en tidigare utvärdering av { $name } ({ $year }, rad { $row }), så det här är inte den första
help-not-the-first-evaluation = skriv `first_evaluation = false`, eller rätta registret
register-row-area = område { $area }: { $register } (utvärderingen ger { $own })
register-row-differs = registrets rad för den här utvärderingen har andra poäng: { $areas }
help-register-row-differs = utvärderingen är källan: exportera dess rad igen med `kompass export`
earlier-row-lacks-area = { $framework } har inget område { $area }, som { $own } har: den tidigare utvärderingen kan inte ritas bredvid den här
year-from-after-to = year_from { $from } ligger efter year_to { $to }
population-min-above-max = population_min { $min } är större än population_max { $max }
step-framework = gjorda med { $framework }
step-years = från { $from } till { $to }
step-up-to = till och med { $to }
step-population = inom invånarintervallet
step-first = första utvärderingar
step-not-first = inte första utvärderingar
step-not-own = inte av { $name }
step-left = { $left } { $what }
too-few-rows = { $count ->
        [0] ingen utvärdering i { $register } matchar
        [1] bara en utvärdering (rad { $rows }) i { $register } matchar
       *[other] bara { $count } utvärderingar (rader { $rows }) i { $register } matchar
    }; ett medelvärde behöver minst { $min }, så att det aldrig visar en enskild kommuns resultat
help-too-few-rows = av registrets { $total } rader: { $steps }; vidga urvalet

## Tecken som rapporten inte kan skriva (glyphs.rs)

replacement-character = texten innehåller { $code } ”�”, tecknet som blir kvar där en texts teckenkodning gått sönder
help-replacement-character = texten klistrades troligen in från ett dokument som lästs med fel teckenkodning: skriv om tecknen runt märket
control-character = texten innehåller styrtecknet { $code }, som inte kan skrivas ut
help-control-character = ta bort det; det syns inte i de flesta redigerare
missing-glyph = rapportens typsnitt har inget tecken för ”{ $text }” ({ $codes })
help-missing-glyph = det inbäddade typsnittet (Inter) täcker latinska, grekiska och kyrilliska bokstäver och vanliga skiljetecken: ta bort tecknen eller skriv dem med latinska bokstäver

## Att läsa utvärderingen (load.rs)

io-not-found = filen eller mappen finns inte
io-permission-denied = behörighet saknas
io-already-exists = filen finns redan
io-is-a-directory = det är en mapp
io-not-a-directory = en del av sökvägen är ingen mapp
io-storage-full = disken är full
io-read-only = filsystemet är skrivskyddat
io-other = { $text }
reason-folder = det är en mapp, inte en fil
file-too-big = filen är { $size } byte; en utvärderingsfil får vara högst { $max } byte (8 MiB)
input-too-long = indata fortsätter efter { $max } byte; en utvärderingsfil får vara högst { $max } byte (8 MiB)
help-file-too-big = en verklig utvärdering är runt 60 kB: är det rätt fil?
not-utf8 = filen är inte UTF-8-text
help-save-as-utf8 = spara filen som UTF-8 (den teckenkodning som alla TOML-filer använder)
file-is-zip = filen är ett zip-arkiv – en Excel-arbetsbok (.xlsx) eller ett OpenDocument-kalkylblad (.ods)? – inte en utvärdering
help-file-is-zip = en utvärdering är en TOML-textfil; `kompass check register.xlsx` kontrollerar ett resultatregister
file-is-pdf = filen är en PDF, inte en utvärdering
help-file-is-pdf = en utvärdering är en TOML-textfil; `kompass extract rapport.pdf` skriver ut utvärderingen som en PDF från kompass bär med sig
file-is-utf16 = filen är sparad som UTF-16-text, inte UTF-8
file-is-binary = filen är inte text (den innehåller NUL-byte) och inte en utvärdering
help-file-is-binary = en utvärdering är en TOML-textfil, som den `kompass new` skriver
official-name-filled-in = filen saknar `official_name`; kompass hämtar ”{ $name }” från sin tabell över Sveriges kommuner
help-official-name-filled-in = lägg till `official_name = "{ $name }"` under [municipality] (nyckeln kom med kompass 0.1; se CHANGELOG.md)
official-name-missing = nyckeln `official_name` saknas: organisationens officiella namn
help-official-name-missing = lägg till `official_name = "… kommun"` under [municipality], som i ”Analys av … kommun”
framework-area-level-only = { $name } känner kompass bara till på områdesnivå, för tidigare utvärderingar i ett resultatregister; en rapport behöver ett ramverk med delområden
help-report-frameworks = ramverk för en rapport: { $ids }
unknown-key = okänd nyckel `{ $key }`, väntade en av { $expected }
unknown-key-one = okänd nyckel `{ $key }`, väntade { $expected }
missing-key = nyckeln `{ $key }` saknas
wrong-type = fann { $found }, men väntade { $expected }
structural = { $text }
found-string = texten { $value }
found-float = decimaltalet { $value }
found-integer = heltalet { $value }
found-boolean = sanningsvärdet { $value }
found-list = en lista
found-table = en tabell
expected-whole-number = ett heltal
expected-number = ett tal
expected-list = en lista, som ["…", "…"]
expected-date = ett datum, som 2023-11-23
expected-boolean = true eller false
expected-string = en text
toml-syntax = TOML-syntax: { $message }
toml-duplicate-key = nyckeln finns redan
toml-unquoted-string = text måste stå inom citattecken
toml-expected-newline = oväntad nyckel eller oväntat värde, väntade radbrytning eller `#`
toml-missing-comma = komma saknas mellan listans element, väntade `,`
toml-invalid-key = ogiltig nyckel utan citattecken, väntade bokstäver, siffror, `-` eller `_`
toml-invalid-string = ogiltig text, väntade `"`
toml-invalid-day = ogiltigt datum, väntade en dag mellan 01 och { $last }
stopped-after = slutade efter { $count } strukturfel; rätta dem och kontrollera igen
not-an-evaluation = filen kunde inte läsas som en utvärdering
help-did-you-mean-key = menade du `{ $key }`?
help-whole-points = poäng är hela poäng, från 0 till delområdets maxpoäng
help-end-text = avsluta texten med """ på en egen rad
help-end-list = avsluta listan med `]` på raden efter dess sista punkt
dotted-score-key = `{ $key }` utan citattecken läses av TOML som en tabell `{ $table }` med en nyckel, inte som delområde { $key }
help-dotted-score-key = skriv delområdets id inom citattecken: `"{ $key }" = …`

## Att skriva filer (skeleton.rs, typeset.rs, write.rs)

new-without-name = kommunen behöver ett namn
framework-does-not-load = det inbyggda ramverket går inte att läsa
new-exists = { $path } finns redan; kompass new skriver aldrig över en fil
    {"  "}tips: välj en annan fil med -o, t.ex. `kompass new "{ $name }" -o { $other }`
cannot-write = kan inte skriva { $path }
cannot-create = kan inte skapa { $path }
unknown-standard = okänd PDF-standard `{ $name }`; använd t.ex. a-2a, a-2b, a-2u, a-3a, a-3b, a-4, ua-1, 1.7 eller none
standard-pdfa1 = PDF/A-1 (a-1a, a-1b) förbjuder genomskinlighet, som profildiagrammen behöver för sina överlappande ytor
    {"  "}tips: använd a-2b, eller standardvalet a-2a,ua-1; PDF/A-2 är arkivstandarden för dokument som det här
standards-not-combined = de här PDF-standarderna kan inte kombineras: { $reason }
output-folder-missing = mappen { $folder } finns inte; skapa den först, eller ange en fil med -o
output-parent-missing = mappen { $folder } finns inte; skapa den först (PDF-filen skulle bli { $target })
output-is-evaluation = -o { $target } anger själva utvärderingen; rapporten måste skrivas till en annan fil
output-not-pdf-name = -o { $target }: rapportens filnamn måste sluta på .pdf
output-is-folder = { $target } är en mapp
output-not-pdf = { $target } finns och är inte en PDF; kompass ersätter bara PDF-filer, så ingenting skrevs
output-is-final = { $target } är en slutlig rapport; ett utkast ersätter den aldrig, så ingenting skrevs (skriv utkastet till en annan fil, t.ex. -o { $draft })
scale-out-of-range = skalan måste vara från 0,1 till 8, inte { $scale }

## Kommandona (src/cmd/)

with-reason = { $what }: { $reason }
failure = fel: { $message }
summary = { $errors ->
        [0] {""}
        [one] 1 fel
       *[other] { $errors } fel
    }{ $errors ->
        [0] {""}
       *[other] { $warnings ->
            [0] {""}
           *[other] {", "}
        }
    }{ $warnings ->
        [0] {""}
        [one] 1 varning
       *[other] { $warnings } varningar
    }
more-not-shown = … och { $count } iakttagelser till som inte visas
refused = { $path }: { $summary }{ $denied ->
        [yes] {" "}(--deny-warnings gör att varningar stoppar)
       *[other] {""}
    }{ $consequence }
check-ok = { $path }: ok
check-valid-with = { $path }: giltig, med { $summary }
wrote = skrev { $path }
wrote-kb = skrev { $path } ({ $kb } kB)
wrote-pdf = skrev { $path } ({ $kb } kB) på { $seconds } s
consequence-no-pdf = ; ingen PDF skrevs
consequence-nothing-written = ; ingenting skrevs
consequence-no-chart = ; inget diagram skrevs
consequence-nothing-to-compare = ; inget att jämföra
changes-since-needs-draft = --changes-since lägger till en sida för kommunens faktagranskning i ett utkast; lägg till --draft
changes-since-one-at-a-time = --changes-since gäller en utvärdering i taget
not-typeset = rapporten kunde inte sättas:
    { $reason }
slides-not-typeset = bilderna kunde inte sättas:
    { $reason }
batch-output-not-folder = -o { $path }: med flera utvärderingar anger -o mappen som rapporterna skrivs till; avsluta med / för att den ska skapas (t.ex. -o utkast/), eller gör en utvärdering i taget för att namnge dess fil
nothing-to-render = inga utvärderingsfiler att göra rapporter av
typst-folder-not-empty = { $path } är inte tom; kompass typst skulle ersätta report.typ och de andra filer den skriver där, med alla ändringar som gjorts i dem
    {"  "}tips: ange en ny mapp, eller lägg till --overwrite
is-a-file = { $path } är en fil, inte en mapp
typst-wrote = skrev { $count } filer till { $path }; README.txt har kommandot typst compile
chart-wrote = skrev { $path } och dess alternativtext
no-differences = { $old } och { $new }: inga skillnader
consequence-not-in-register = ; den finns inte i registret
consequence-cannot-compare = ; den kan inte göras till en rapport att jämföra med
register-has-errors = { $name } har fel; ingenting lades till
file-not-command = `{ $file }` är en fil, inte ett kommando; kompass vill ha kommandot först, t.ex.
    { $commands }

## Platser i ett register

place-cell = rad { $row }, kolumn { $column } ({ $name })
place-row = rad { $row }
place-sheet-cell = bladet { $sheet }, cell { $cell } ({ $name })
place-sheet-row = bladet { $sheet }, rad { $row }

## Filer utifrån (read/, embed.rs)

reason-too-large = den är större än { $size }
reason-not-regular = det är inte en vanlig fil utan en FIFO, en enhetsfil eller en socket; kompass läser bara vanliga filer
reason-read-only = den är skrivskyddad; kompass ersätter den inte
write-read-only = { $path } är skrivskyddad; kompass ersätter den inte
reason-symlink-folder = det är en symbolisk länk; kompass skriver inte genom den
write-symlink-folder = { $path } är en symbolisk länk, inte en mapp; kompass skriver inte genom den
write-kept-at = den andra versionen finns kvar som { $path }
ods-bad-repeat = { $attribute }="{ $value }" är inget heltal
batch-same-output = både { $first } och { $second } skulle skrivas till { $output }; skriv dem till olika mappar, eller en i taget
export-same-evaluation = { $second } är samma utvärdering som { $first } ({ $name } { $when }): registret får en rad för den, från { $second }
pdf-not-pdf = inte en PDF-fil
pdf-attachment-too-large = den bifogade filen { $name } packas upp till mer än { $size }; kompass läser högst så mycket
pdf-inflates = PDF-filens komprimerade strömmar packas upp till mer än { $size } tillsammans; kompass läser högst så mycket
pdf-objects = PDF-filen har fler än { $limit } objekt; kompass läser högst så många
pdf-attachment-unreadable = den bifogade filen { $name } kan inte läsas: { $why }
workbook-not-zip = inte en arbetsbok (ett zip-arkiv): { $why }
workbook-parts = arbetsboken har fler än { $limit } delar; kompass läser högst så många
workbook-part-too-large = arbetsbokens del { $part } packas upp till mer än { $size }; kompass läser högst så mycket av en del
workbook-too-large = arbetsboken packas upp till mer än { $size } sammanlagt; kompass läser högst så mycket
workbook-part-unreadable = arbetsbokens del { $part } kan inte läsas: { $why }
embed-not-kompass = PDF-filen bär inga uppgifter från kompass: den gjordes inte av kompass med utvärderingen bifogad (PDF/A-3, standard sedan kompass 0.1)
embed-provenance = PDF-filens { $name } kan inte läsas: { $why }
embed-no-evaluation = PDF-filen bär ingen utvärdering
embed-not-text = den bifogade utvärderingen är inte UTF-8-text
export-other-sheets = { $name } har andra blad än registret ({ $sheets }), som kompass inte skulle behålla; exportera till en ny fil och kopiera över raderna
export-kind = ett register skrivs som .csv (RFC 4180, UTF-8), .xlsx (en Excel-arbetsbok) eller .json, inte .{ $extension }
export-exists = { $path } finns redan; --append lägger till utvärderingarna i den (en rad för samma utvärdering ersätts, de andra står kvar), --overwrite ersätter filen
export-append-json = --append fungerar på ett register i .csv eller .xlsx
export-wrote = skrev { $path } ({ $count } { $count ->
        [one] utvärdering
       *[other] utvärderingar
    })
export-wrote-appended = skrev { $path } ({ $count } { $count ->
        [one] utvärdering
       *[other] utvärderingar
    }: { $added } tillagda, { $replaced } ersatta)
plain-list = { $items }
extract-wrote = skrev { $path } (utvärderingen i { $pdf }, gjord av kompass { $version })
extract-exists = { $path } finns redan; kompass extract skriver aldrig över en fil
    {"  "}tips: ange en annan fil med -o
extract-unsafe-name = obs: PDF-filen kallar sin utvärdering { $name }, som inte är ett vanligt filnamn i den här mappen; skriver { $safe } i stället
extract-computed = comparison.{ $key }: { $rows ->
        [0] {""}
       *[other] medelvärdet av { $rows } rader
    }
extract-register = obs: utvärderingen tar värden från resultatregistret { $register } ({ $computed }{ $earlier } tidigare utvärderingar); gör rapporten bredvid det registret. `kompass verify` använder de värden som PDF-filen sparade.
verify-standards = PDF-filen anger standarder som kompass inte känner till: { $reason }
verified = { $pdf }: bekräftad – byte för byte vad { $name } ger med kompass { $version } ({ $framework }, { $standards }{ $draft ->
        [yes] , utkast
       *[other] {""}
    })
not-verified = { $pdf }: INTE vad { $name } ger; det här skiljer:
attached-name = { $name } (bifogad)
verify-previous-unreadable = den bifogade tidigare utvärderingen kan inte läsas
differs-version = - kompass version: PDF-filen gjordes av kompass { $then }, det här är kompass { $now }
differs-framework = - ramverket { $framework } har ändrats sedan PDF-filen gjordes
differs-register = - resultatregistret: { $change }
differs-pdf-itself = - ingen av dess källor: själva PDF-filen har ändrats efter att kompass gjorde den (redigerad, signerad eller sparad igen av ett annat program)
differs-evaluation = - utvärderingen skiljer sig från den bifogade
differs-layout = - utvärderingens text skiljer sig från den bifogade, men inte i något som rapporten visar (dess uppställning i filen)
differs-evaluation-to = - utvärderingen: från PDF-filens till { $name }:
list-semicolon = {"; "}
basis-mean = medelvärdet av { $count } rader ({ $rows })
basis-fixed = fasta värden
basis-none = inga
area-moved = område { $area }: { $before } → { $after }
basis-change = var { $before }, nu { $after }{ $moved }
register-now-used = utvärderingen tar nu värden från { $register }
register-no-longer-used = PDF-filen tog värden från { $register }, det gör inte utvärderingen längre
register-unchanged = oförändrat
profile-changed = comparison.{ $key }: { $change }
register-history-changed = tidigare utvärderingar från registret var [{ $before }], nu [{ $after }]{ $same ->
        [yes] {" "}med andra poäng
       *[other] {""}
    }
register-read-as = { $before } lästes som { $after }
register-changed = { $register } har ändrats sedan PDF-filen gjordes: { $parts }
watch-unavailable = kan inte bevaka filer här: { $reason }
watch-cannot = kan inte bevaka { $path }: { $reason }
watching = bevakar { $evaluation } → { $output } ({ $kind ->
        [final] slutlig
       *[other] utkast
    }); Ctrl-C avslutar
build-error = bygge { $n }: { $reason }; väntar på nästa sparning
build-done = bygge { $n }: { $pages } sidor på { $seconds } s → { $output }{ $warnings ->
        [0] {""}
        [one] {" "}(1 varning)
       *[other] {" "}({ $warnings } varningar)
    }
build-failed = bygge { $n }: misslyckades: { $reason }; väntar på nästa sparning
build-invalid = bygge { $n }: { $errors } fel – PDF-filen lämnades som den var; väntar på nästa sparning
cannot-read-folder = kan inte läsa mappen { $path }
and-more = {" "}(och { $count } till)
batch-ok = ok     { $path } → { $output }
batch-failed = FEL    { $path }: { $reason }
no-threads = kan inte starta arbetstrådarna: { $reason }
batch-summary = { $rendered } klara, { $failed } misslyckade, på { $seconds } s
place-sheet = bladet { $sheet }
not-an-ods = inte ett OpenDocument-kalkylblad (.ods): { $reason }
ods-too-many-cells = kalkylbladets tabeller har fler än { $max } celler när deras upprepade rader och kolumner räknas; ett register läses upp till så många
workbook-no-sheet = arbetsboken har inget blad
grid-rows = det fortsätter efter rad { $max }; ett register läses upp till { $max } rader
grid-columns = rad { $row } har ett värde i kolumn { $column }; ett register läses upp till kolumn { $last } ({ $max } kolumner)
grid-cells = det har fler än { $max } celler; ett register läses upp till så många
found-date = datumet { $value }
expected-table = en tabell

## Redigeraren i webbläsaren (serve/)

serve-wrong-value = inte sparad: väntade { $expected }
serve-bad-path = inte en nyckel i utvärderingen: `{ $path }`
serve-syntax-first = filen har ett syntaxfel i TOML: rätta det i en textredigerare först
serve-changed-on-disk = filen ändrades på disken medan sidan var öppen; ingenting skrevs över
serve-not-renderable = utvärderingen har fel som stoppar rapporten
serve-cannot-listen = kan inte lyssna på 127.0.0.1 port { $port }
serve-listening = kompass serve: { $url }
    (öppna adressen i webbläsaren; Ctrl-C avslutar servern)
serve-empty-folder = { $path } innehåller ingen utvärdering (.toml): skriv först en där med `kompass new <Kommun> -o <fil>`
serve-since-draft = sedan utkastet { $file }
serve-since-opened = sedan sidan öppnade filen

## Kommandoraden (main.rs)

usage-unknown-argument = okänt argument '{ $arg }'
usage-unknown-command = okänt kommando '{ $command }'
usage-missing = de här argumenten saknas: { $args }
usage-missing-command = ett kommando behövs, t.ex. `kompass check <fil>`
usage-invalid-value = ogiltigt värde '{ $value }' för '{ $arg }'
usage-invalid-choice = ogiltigt värde '{ $value }' för '{ $arg }' (möjliga värden: { $valid })
usage-conflict = argumentet '{ $arg }' kan inte användas tillsammans med '{ $other }'
usage-see-help = Mer information får du med '--help'.

## Skelettet som `kompass new` skriver (dess kommentarer)

skel-fill = Fyll i alla platshållare och kör sedan `kompass check` och `kompass render`.
skel-markup = Texterna tar markering: tomrad mellan stycken, *betoning*, **fetstil**, "- " för punkter.
skel-as-in = som i ”{ $example }”
skel-population-unknown = PLACEHOLDER: antal invånare (”{ $place }” finns inte i kompass tabell; kontrollera också namnformerna ovan)
skel-date = rapportens datum, tryckt på omslaget
skel-evaluated = PLACEHOLDER: när utvärderingen gjordes, t.ex. ”augusti 2023”
skel-interviews = PLACEHOLDER: antal intervjuade personer
skel-approximate = skriver ”ett 40-tal personer”
skel-evaluation = läggs efter den genererade texten under ”Utvärderingen”
skel-comparisons-1 = Jämförelseprofiler för diagrammen: fasta värden (ett per område, i ordning) med
skel-comparisons-2 = sin källa, eller uträknade ur resultatregistret som anges överst med
skel-comparisons-3 = `register = "register.csv"` (se docs/data-format.md).
