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
help-quoted-number = ta bort citattecknen: `{ $key } = { $number }` är ett tal, `"{ $number }"` är text
help-number-with-spaces = tal i TOML har inga mellanslag; gruppera tusental med `_`: `{ $key } = { $number }`
help-score-decimal-comma = poäng är hela poäng: `{ $key } = { $low }` eller `{ $key } = { $high }`
help-decimal-comma = TOML skriver decimaler med punkt, inte komma: `{ $key } = { $number }`
help-yes-no = ja/nej skrivs `true` eller `false`, med gemener och utan citattecken: `{ $key } = { $value }`
help-english-key = nycklarna i en utvärdering är på engelska: skriv `{ $english }` i stället för `{ $key }`
help-bare-key-letters = en nyckel utan citattecken skrivs bara med a–z, 0–9, `-` och `_`, och nycklarna i en utvärdering är på engelska (`{ $key }` är ingen av dem)
help-key-belongs-at-top = `{ $key }` hör hemma överst i filen, före den första [tabell]-rubriken: efter en rubrik som [[area]] hör varje nyckel till den tabellen
help-key-belongs-under = `{ $key }` hör hemma under { $table }: efter en [tabell]-rubrik hör varje nyckel till den tabellen fram till nästa rubrik
text-never-closed = texten som börjar med """ på rad { $line } avslutas aldrig
text-not-closed-before = texten som börjar med """ på rad { $line } är inte avslutad före rad { $next }, där nästa nyckel börjar
help-stray-quote = ett `"` inne i en text avslutar den: skriv `\"` för ett rakt citattecken, använd ”typografiska citattecken” eller skriv texten mellan ''' och '''
list-not-closed-before = listan `{ $key } = [` på rad { $line } stängs inte med `]` före rad { $next }, där nästa nyckel eller tabell börjar
list-never-closed = listan `{ $key } = [` på rad { $line } stängs aldrig med `]`
table-not-closed = tabellen `{ $key } = {"{"}` på rad { $line } stängs inte med `{"}"}` på sin rad
help-close-list = lägg till `]` sist på rad { $line }: `{ $fixed }`
help-close-table = lägg till `{"}"}` sist på rad { $line }: `{ $fixed }`
help-list-from-bullets = en lista skrivs inom hakparenteser, med en text inom citattecken per punkt:{ $list }

## Kontroller av utvärderingen (validate.rs)

framework-no-areas = ramverket har inga områden
framework-area-twice = område { $area } är definierat två gånger
framework-area-order = områdena ska numreras 1, 2, 3 … i ordning: här väntas { $expected }, men det står { $found }
framework-maxima-sum = delområdenas maxpoäng i område { $area } blir { $sum } sammanlagt, men områdets maxpoäng är { $max }
framework-subarea-twice = delområde { $subarea } är definierat två gånger
framework-subarea-id = delområdena i område { $area } ska ha id som börjar med `{ $area }.`, men här står `{ $found }`
framework-subarea-max = ett delområdes maxpoäng måste vara större än noll, men är { $found }
no-evaluators = det behövs minst en utvärderare
help-no-evaluators = lägg till [[evaluators]] med name och organisation
evaluator-without-name = en utvärderare behöver ett namn
interviews-not-positive = antalet intervjuade personer måste vara minst 1, men är { $found }
population-not-positive = invånarantalet måste vara större än noll, men är { $found }
first-evaluation-with-history = `first_evaluation = true`, men [[history]] anger tidigare utvärderingar ({ $years })
help-first-evaluation-with-history = rapporten skulle skriva ”kommunens första utvärdering” bredvid ett diagram över tidigare utvärderingar: skriv `first_evaluation = false` eller ta bort posterna i [[history]]
unknown-area = { $framework } har inget område { $area }; ramverket har områdena 1–{ $last }
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
stated-total-differs = totalpoängen anges till { $stated }, men delområdenas poäng blir { $sum } sammanlagt
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
    } i { $depth } nivåer; rapporten kan visa högst { $most }
help-nested-too-deep = använd färre nivåer: en djupare nivå är sällan något en läsare kan följa
not-a-date = här väntas ett datum som 2023-11-23, men det står `{ $found }`
not-in-calendar = `{ $date }` är inget datum som finns i kalendern
date-far-ahead = rapporten är daterad { $date }, mer än ett år framåt i tiden
help-date-far-ahead = rapportens datum är dagen då den publiceras; stämmer årtalet?
date-after-today = rapporten är daterad { $date }, efter dagens datum
date-before-evaluation = rapporten är daterad { $date }, innan utvärderingen gjordes ({ $evaluated })
help-date-before-evaluation = rapporten skrivs efter utvärderingen: kontrollera `date` och `evaluated`
evaluated-cannot-stand = ”{ $evaluated }” kan inte stå efter ”Utvärderingen … gjordes” i rapporten
help-evaluated = skriv när utvärderingen gjordes så att det kan läsas efter ”gjordes”: månad och år (”augusti 2023”, som rapporten skriver ”i augusti 2023”), ”våren 2023” eller ”under hösten 2023”
version-below-one = versionerna numreras från 1, men här står { $found }
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
register-too-slow = arbetsbokens celler kunde inte läsas inom { $seconds } sekunder (filen verkar skadad); spara den på nytt från kalkylprogrammet, eller som CSV
register-empty = registret är tomt: det behöver en rubrikrad och en rad per utvärdering
help-register-empty = `kompass export` skriver ett; dess kolumner är { $columns }
register-no-rows = registret har en rubrikrad men inga rader
register-missing-columns = rubrikraden saknar { $count ->
        [one] kolumnen
       *[other] kolumnerna
    } { $columns }
help-register-columns = kolumnerna är { $columns }
register-unknown-column = kompass känner inte till kolumnen ”{ $column }”; den läses inte
register-empty-number = tom: här väntas ett heltal
register-not-a-number = här väntas ett heltal, men det står ”{ $found }”
register-empty-bool = tom: här väntas true eller false (SANT eller FALSKT)
register-not-a-bool = här väntas true eller false (SANT eller FALSKT), men det står ”{ $found }”
help-register-first-evaluation = true när raden är kommunens första utvärdering
register-empty-municipality = tom: varje rad anger sin kommun
help-register-unknown-municipality = ortnamnet så som SCB skriver det (”Leksand”, ”Malung-Sälen”); eller skriv i `note` varför raden inte är en kommun
register-lost-zero = SCB-koden { $found } har tappat sin inledande nolla: { $name } har { $code }
help-register-lost-zero = kalkylprogram (Excel, LibreOffice) tar bort inledande nollor i tal; formatera kolumnen som text, eller använd arbetsboken som `kompass export -o register.xlsx` skriver
register-wrong-code = { $name } har SCB-koden { $code }, inte { $found }
register-unknown-framework = okänt ramverk ”{ $framework }”
register-area-count = { $framework } har { $areas ->
        [one] ett område
       *[other] { $areas } områden
    }; raden har { $found }
register-area-range = { $value } ligger utanför 0–{ $max } för område { $area } { $title }
register-total = totalpoängen { $total } är inte summan av områdenas poäng, { $sum }
help-register-total = totalpoängen räknas ut: skriv summan, eller exportera raden från utvärderingen
register-year = { $year } är inte ett rimligt år för en utvärdering
register-date = ”{ $date }” är inget datum på formen ÅÅÅÅ-MM-DD
register-date-year = datumet { $date } ligger inte i radens år { $year }
register-note-glyphs = rapportens typsnitt kan inte skriva { $characters } i den här anmärkningen (public_note), som skrivs under de diagram vars medelvärde använder raden
help-register-note-glyphs = skriv den utan emoji och utan tecken utanför det latinska alfabetet
register-population = { $population } invånare: här väntas invånarantalet när utvärderingen gjordes
register-twice = { $name } { $when } finns redan i registret, på rad { $row }
help-register-twice = varje utvärdering är en rad
register-first-evaluation = { $name } { $year } är markerad som första utvärdering, men rad { $row } är en från { $earlier }
help-register-first-evaluations = bara kommunens tidigaste utvärdering är dess första
register-too-many-columns = raden fortsätter efter { $max } { $max ->
        [one] kolumn
       *[other] kolumner
    }; ett register läses upp till så många
register-too-long = registret fortsätter efter { $rows } { $rows ->
        [one] rad
       *[other] rader
    } eller { $cells } { $cells ->
        [one] cell
       *[other] celler
    }; det läses upp till så många
register-quote-never-closed = ett fält inom citattecken avslutas aldrig
help-known-frameworks = kända ramverk: { $ids }

## Listor

list-comma = {", "}
list-then = {", sedan "}
list-and = {" och "}

## Jämförelser och registret (compare.rs)

plain = { $text }
cannot-read = kan inte läsa { $path }: { $reason }
help-register-path = sökvägen räknas från mappen där utvärderingsfilen ligger
profile-without-values = en jämförelseprofil behöver `values` (ett per område) eller `from_register`
help-profile-without-values = `from_register = {"{"} population_max = 20_000, first_evaluation = true {"}"}` räknar ut medelvärdet av de utvärderingar i registret som uppfyller villkoren
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
register-row-area = område { $area } har { $register } i registret och { $own } i utvärderingen
register-row-differs = registrets rad för den här utvärderingen har andra poäng: { $areas }
help-register-row-differs = utvärderingen är källan: exportera dess rad igen med `kompass export`
earlier-row-lacks-area = { $framework } har inget område { $area }, som { $own } har: den tidigare utvärderingen kan inte ritas bredvid den här
year-from-after-to = year_from { $from } ligger efter year_to { $to }
population-min-above-max = population_min { $min } är större än population_max { $max }
step-framework = gjorda enligt { $framework }
step-years = från { $from } till { $to }
step-up-to = till och med { $to }
step-population = inom invånarintervallet
step-first = första utvärderingar
step-not-first = inte första utvärderingar
step-not-own = inte av { $name }
step-left = { $left } { $what }
too-few-rows = { $count ->
        [0] ingen utvärdering i { $register } uppfyller villkoren
        [one] bara en utvärdering (rad { $rows }) i { $register } uppfyller villkoren
       *[other] bara { $count } utvärderingar (raderna { $rows }) i { $register } uppfyller villkoren
    }; ett medelvärde behöver minst { $min }, så att det aldrig visar en enskild kommuns resultat
help-too-few-rows = { $total ->
        [one] av registrets enda rad
       *[other] av registrets { $total } rader
    }: { $steps }; vidga urvalet

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
help-file-is-pdf = en utvärdering är en TOML-textfil; `kompass extract rapport.pdf` skriver ut den utvärdering som är bifogad i en PDF-fil från kompass
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
wrong-type = här väntas { $expected }, men det står { $found }
structural = filen har inte den form som en utvärdering har
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
toml-duplicate-key = { $line ->
        [0] nyckeln `{ $key }` finns redan i den här tabellen
       *[other] nyckeln `{ $key }` står redan på rad { $line }
    }
toml-duplicate-table = tabellen `{ $table }` står redan på rad { $line }
help-duplicate-key = en nyckel står en gång i sin tabell: ta bort den ena raden, eller rätta namnet om den ska vara en annan nyckel
help-duplicate-table = en tabell står en gång: flytta nycklarna till den första `{ $table }` och ta bort den andra rubriken
toml-unquoted-string = en text måste stå inom citattecken
toml-unquoted-text = `{ $value }` är varken ett tal, ett datum eller true/false, och en text står inom citattecken
toml-missing-value = värdet saknas efter `{ $key } =`
toml-date-in-words = ett datum i ord (`{ $value }`) kan TOML inte läsa
toml-number-with-spaces = ett tal med mellanslag (`{ $value }`) kan TOML inte läsa
toml-decimal-comma = ett tal med decimalkomma (`{ $value }`) kan TOML inte läsa
toml-yes-no = `{ $value }` är inget sanningsvärde i TOML
help-value-of-kind = `{ $key }` { $kind ->
        [whole] är ett heltal, utan citattecken: `{ $key } = 12`
        [number] är ett tal, med decimalpunkt: `{ $key } = 63.5`
        [bool] är true eller false, utan citattecken: `{ $key } = true`
        [date] är ett datum, år-månad-dag och utan citattecken: `{ $key } = 2023-11-23`
        [texts] är en lista med texter: `{ $key } = ["…", "…"]`
        [numbers] är en lista med tal: `{ $key } = [63, 65]`
        [table] är en tabell, med en egen rubrik
       *[text] är en text inom citattecken: `{ $key } = "{ $value }"`
    }
toml-expected-newline = efter värdet står något mer på samma rad
help-one-value-per-line = en rad har en nyckel och ett värde; en text med mellanslag står inom citattecken, och en kommentar börjar med `#`
toml-missing-comma = komma saknas mellan listans punkter
help-missing-comma = skriv `,` efter varje punkt utom den sista
toml-equals-in-list = ett `=` inne i en lista
toml-extra-comma = två komman i rad
help-list-values = en lista har bara värden, skilda med komma: `["…", "…"]`
toml-unclosed-header = tabellrubriken stängs inte med `]`
toml-stray-bracket = en `]` utan `[` före sig
toml-unclosed-list = listan stängs aldrig med `]`
toml-unclosed-inline-table = tabellen inom klamrar stängs aldrig med `{"}"}`
toml-inline-table = tabellen inom klamrar kan inte läsas
toml-inline-table-comma = komma saknas mellan nycklarna i tabellen inom klamrar
help-inline-table = en tabell inom klamrar skrivs på en rad, med komma mellan nycklarna, som `{"{"} population_max = 20_000, first_evaluation = true {"}"}`
toml-missing-equals = `=` saknas mellan nyckeln och värdet
toml-extra-equals = ett `=` för mycket
help-write-line = skriv `{ $fixed }`
toml-invalid-key = nyckeln kan inte läsas: en nyckel utan citattecken har bara bokstäverna a–z, siffror, `-` och `_`
help-bare-key = nycklarna i en utvärdering är på engelska; handboken (`kompass handbok`) beskriver var och en
toml-invalid-string = texten avslutas inte med `"` på samma rad
toml-stray-quote = texten slutar vid ett rakt citattecken (`"`) mitt i den
help-end-string = avsluta texten med `"` på samma rad, eller skriv en text på flera rader mellan """ och """
toml-invalid-multiline = texten på flera rader innehåller ett tecken som inte får stå där
toml-escape = efter `\` i en text väntas `\n`, `\t`, `\"` eller `\\`
help-escape = skriv `\\` för ett bakstreck, eller skriv texten mellan ''' och '''
toml-leading-zero = ett tal börjar inte med 0
toml-underscore = `_` får bara stå mellan två siffror
toml-sign = tecknet + eller - står på fel plats i talet
toml-invalid-number = talet kan inte läsas
help-number = skriv talet med siffror och utan mellanslag, som `12_000` eller `63.5`
toml-invalid-month = månaden måste vara 01–12
toml-invalid-day = dagen måste vara 01–{ $last } i den månaden
toml-invalid-time = klockslaget kan inte läsas
toml-invalid-date = datumet kan inte läsas
help-date = ett datum skrivs år-månad-dag, med två siffror för månad och dag: `2023-11-23`
help-date-only = rapportens datum anges utan klockslag: `{ $fixed }`
help-line-endings = spara filen med vanliga radslut (som alla textredigerare gör om inget annat väljs)
help-stray-bracket = ta bort `]`, eller skriv tabellrubriken hel, som `[report]`
help-too-deep = listorna i en utvärdering har en nivå: `values = [63, 65]`
help-dotted-key = en nyckel med punkt lägger till i en tabell; skriv nyckeln utan punkt, under den tabell den hör till
toml-carriage-return = ett ensamt vagnreturtecken (CR) utan radbrytning
toml-comment = kommentaren innehåller ett styrtecken
toml-too-deep = listor och tabeller i för många nivåer
toml-dotted-key = en nyckel med punkt (`a.b`) lägger till i något som inte är en tabell
toml-other = filen följer inte TOML:s regler här
stopped-after = slutade efter { $count } strukturfel; rätta dem och kontrollera igen
not-an-evaluation = filen kunde inte läsas som en utvärdering
help-did-you-mean-key = menade du `{ $key }`?
help-whole-points = poäng är hela poäng, från 0 till delområdets maxpoäng
help-end-text = avsluta texten med """ på en egen rad
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
    {"  "}tips: använd förvalet a-3a,ua-1, eller a-2b; PDF/A-2 och PDF/A-3 är arkivstandarder som tillåter genomskinlighet
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
more-not-shown = … och { $count ->
        [one] en iakttagelse
       *[other] { $count } iakttagelser
    } till som inte visas
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
not-typeset = rapporten kunde inte göras:
    { $reason }
slides-not-typeset = bilderna kunde inte göras:
    { $reason }
batch-output-not-folder = -o { $path }: med flera utvärderingar anger -o mappen som rapporterna skrivs till; avsluta med / för att den ska skapas (t.ex. -o utkast/), eller gör en utvärdering i taget för att namnge dess fil
nothing-to-render = inga utvärderingsfiler att göra rapporter av
typst-folder-not-empty = { $path } är inte tom; kompass typst skulle ersätta report.typ och de andra filer den skriver där, med alla ändringar som gjorts i dem
    {"  "}tips: ange en ny mapp, eller lägg till --overwrite
is-a-file = { $path } är en fil, inte en mapp
typst-wrote = skrev { $count } { $count ->
        [one] fil
       *[other] filer
    } till { $path }; README.txt har kommandot typst compile
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
pdf-values = PDF-filen kräver att mer än { $limit } värden läses; kompass läser högst så många
pdf-attachment-unreadable = den bifogade filen { $name } kan inte läsas: { $why }
workbook-not-zip = inte en arbetsbok (ett zip-arkiv): { $why }
workbook-parts = arbetsboken har fler än { $limit } delar; kompass läser högst så många
workbook-part-too-large = arbetsbokens del { $part } packas upp till mer än { $size }; kompass läser högst så mycket av en del
workbook-too-large = arbetsboken packas upp till mer än { $size } sammanlagt; kompass läser högst så mycket
workbook-part-unreadable = arbetsbokens del { $part } kan inte läsas: { $why }
embed-not-kompass = PDF-filen har inga uppgifter från kompass: den gjordes inte av kompass med utvärderingen bifogad (PDF/A-3, förval sedan kompass 0.1)
embed-provenance = PDF-filens { $name } kan inte läsas: { $why }
embed-no-evaluation = PDF-filen har ingen bifogad utvärdering
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
    }: { $added } { $added ->
        [one] tillagd
       *[other] tillagda
    }, { $replaced } { $replaced ->
        [one] ersatt
       *[other] ersatta
    })
plain-list = { $items }
extract-wrote = skrev { $path } (utvärderingen i { $pdf }, gjord av kompass { $version })
extract-exists = { $path } finns redan; kompass extract skriver aldrig över en fil
    {"  "}tips: ange en annan fil med -o
extract-unsafe-name = anmärkning: PDF-filen kallar sin utvärdering { $name }, som inte är ett vanligt filnamn i den här mappen; skriver { $safe } i stället
extract-computed = comparison.{ $key }: { $rows ->
        [0] {""}
        [one] medelvärdet av en utvärdering
       *[other] medelvärdet av { $rows } utvärderingar
    }
extract-register = anmärkning: utvärderingen tar värden från resultatregistret { $register } ({ $computed }{ $earlier } tidigare utvärderingar); gör rapporten bredvid det registret. `kompass verify` använder de värden som PDF-filen sparade.
verify-standards = PDF-filen anger standarder som kompass inte känner till: { $reason }
verified = { $pdf }: bekräftad – byte för byte vad { $name } ger med kompass { $version } ({ $framework }, { $standards }{ $draft ->
        [yes] , utkast
       *[other] {""}
    })
not-verified = { $pdf }: INTE vad { $name } ger; det här skiljer:
attached-name = { $name } (bifogad)
verify-previous-unreadable = den bifogade tidigare utvärderingen kan inte läsas
differs-version = - versionen av kompass: PDF-filen gjordes av kompass { $then }, det här är kompass { $now }
differs-framework = - ramverket { $framework } har ändrats sedan PDF-filen gjordes
differs-register = - resultatregistret: { $change }
differs-pdf-itself = - ingen av dess källor: själva PDF-filen har ändrats efter att kompass gjorde den (redigerad, signerad eller sparad igen av ett annat program)
differs-evaluation = - utvärderingen skiljer sig från den bifogade
differs-layout = - utvärderingens text skiljer sig från den bifogade, men inte i något som rapporten visar (dess uppställning i filen)
differs-evaluation-to = - utvärderingen: från PDF-filens till { $name }:
list-semicolon = {"; "}
basis-mean = { $count ->
        [one] medelvärdet av en utvärdering (rad { $rows })
       *[other] medelvärdet av { $count } utvärderingar (raderna { $rows })
    }
basis-fixed = fasta värden
basis-none = inga
area-moved = område { $area } från { $before } till { $after }
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
build-error = körning { $n }: { $reason }; väntar på nästa sparning
build-done = körning { $n }: { $pages } { $pages ->
        [one] sida
       *[other] sidor
    } på { $seconds } s → { $output }{ $warnings ->
        [0] {""}
        [one] {" "}(1 varning)
       *[other] {" "}({ $warnings } varningar)
    }
build-failed = körning { $n }: misslyckades: { $reason }; väntar på nästa sparning
build-invalid = körning { $n }: { $errors } fel – PDF-filen lämnades som den var; väntar på nästa sparning
cannot-read-folder = kan inte läsa mappen { $path }
and-more = {" "}(och { $count } till)
batch-ok = ok     { $path } → { $output }
batch-failed = FEL    { $path }: { $reason }
no-threads = kan inte starta arbetstrådarna: { $reason }
batch-summary = { $rendered } { $rendered ->
        [one] klar
       *[other] klara
    }, { $failed } { $failed ->
        [one] misslyckad
       *[other] misslyckade
    }, på { $seconds } s
place-sheet = bladet { $sheet }
not-an-ods = inte ett OpenDocument-kalkylblad (.ods): { $reason }
ods-too-many-cells = kalkylbladets tabeller har fler än { $max } celler när deras upprepade rader och kolumner räknas; ett register läses upp till så många
workbook-no-sheet = arbetsboken har inget blad
grid-rows = det fortsätter efter rad { $max }; ett register läses upp till { $max } { $max ->
        [one] rad
       *[other] rader
    }
grid-columns = rad { $row } har ett värde i kolumn { $column }; ett register läses upp till kolumn { $last } ({ $max } kolumner)
grid-cells = det har fler än { $max } celler; ett register läses upp till så många
found-date = datumet { $value }
expected-table = en tabell

## Redigeraren i webbläsaren (serve/)

serve-wrong-value = här ska det stå { $expected }
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
usage-missing = { $count ->
        [one] det här argumentet saknas
       *[other] de här argumenten saknas
    }: { $args }
usage-missing-command = ett kommando behövs, t.ex. `kompass check <fil>`
usage-invalid-value = ogiltigt värde '{ $value }' för '{ $arg }'
usage-invalid-choice = ogiltigt värde '{ $value }' för '{ $arg }' (möjliga värden: { $valid })
usage-conflict = argumentet '{ $arg }' kan inte användas tillsammans med '{ $other }'
usage-see-help = Mer information får du med '--help'.

## Den nya utvärderingen som `kompass new` skriver (dess kommentarer)

skel-fill = Fyll i alla platshållare och kör sedan `kompass check` och `kompass render`.
skel-markup = Texterna tar markering: tomrad mellan stycken, *betoning*, **fetstil**, "- " för punkter.
skel-as-in = som i ”{ $example }”
skel-population-unknown = PLACEHOLDER: antal invånare (”{ $place }” finns inte i tabellen över Sveriges kommuner i kompass; kontrollera också namnformerna ovan)
skel-date = rapportens datum, tryckt på omslaget
skel-evaluated = PLACEHOLDER: när utvärderingen gjordes, t.ex. ”augusti 2023”
skel-interviews = PLACEHOLDER: antal intervjuade personer
skel-approximate = skriver ”ett 40-tal personer”
skel-evaluation = läggs efter den genererade texten under ”Utvärderingen”
skel-comparisons-1 = Jämförelseprofiler för diagrammen: fasta värden (ett per område, i ordning) med
skel-comparisons-2 = sin källa, eller uträknade ur resultatregistret som anges överst med
skel-comparisons-3 = `register = "register.csv"` (se docs/data-format.md).

## Redigeraren: sammanslagning och utdata (serve/)

serve-required = fältet måste ha ett värde
serve-disk-unreadable = filen på disken kan inte läsas som en utvärdering just nu ({ $reason }); det du skriver sparas när den kan
serve-disk-busy = filen på disken ändras hela tiden av ett annat program; försök igen om en stund
serve-not-made = kunde inte göras
serve-disk-partial = filen verkar vara halvskriven (delar av den saknas); den läses in när den är hel igen

## Kommentarer i ett granskat utkast (`kompass comments`, src/read/annotations.rs, src/review/)

annots-encrypted = PDF-filen är krypterad; kompass läser inte kommentarerna i en krypterad PDF (spara den utan lösenord och försök igen)
annots-no-pages = inga sidor hittades i PDF-filen (dess katalog eller sidträd saknas eller är skadat)
annots-too-many-pages = PDF-filen har fler sidor än kompass läser (högst { $limit })
annots-too-many = PDF-filen har fler än { $limit } kommentarer; kompass läser högst så många
comment-kind-note = anteckning
comment-kind-highlight = markering
comment-kind-underline = understrykning
comment-kind-strike-out = genomstrykning
comment-kind-replacement = textersättning
comment-kind-insertion = infogning
comment-kind-text-box = textruta
comment-kind-drawing = teckning
comment-kind-stamp = stämpel
comment-kind-other = annan kommentar
comments-not-kompass = PDF-filen har ingen bifogad utvärdering från kompass, så kommentarerna listas per sida, utan sina fält
comments-cannot-remake = rapporten kunde inte göras på nytt här av utvärderingen som är bifogad i PDF-filen, så kommentarerna listas utan sina fält: { $reason }
comments-other-version = utkastet gjordes av kompass { $then } och det här är kompass { $now }; om sidlayouten har ändrats sedan dess kan en kommentar hamna på ett grannfält
comments-other-layout = PDF-filens sidor är inte de som rapporten får när den görs på nytt (ett annat antal sidor eller en annan storlek), så kommentarerna placeras efter de ord de citerar, där de citerar några
comments-unreadable = sidan { $page }: { $count ->
        [one] en kommentar kunde inte läsas (skadad eller över gränserna i kompass)
       *[other] { $count } kommentarer kunde inte läsas (skadade eller över gränserna i kompass)
    }
comments-cut = { $count ->
        [one] en kommentar kortades
       *[other] { $count } kommentarer kortades
    } vid gränsen i kompass för hur lång en text får vara
comments-heading = { $pdf }: { $count ->
        [one] en kommentar
       *[other] { $count } kommentarer
    } ({ $placed } på fält, { $outside } utanför fälten)
comments-heading-draft = utkast version { $version }, { $name }
comments-none = { $pdf }: inga kommentarer.
comments-item = { $n }. Sidan { $page } – { $place }
comments-by = { $kind } av { $author }
comments-dated = { $what }, { $date }
comments-marked = Markerat: ”{ $text }”
comments-replace-with = Ersätt med: ”{ $text }”
comments-insert = Infoga: ”{ $text }”
comments-said = Kommentar: { $text }
comments-reply = Svar från { $author }: { $text }
comments-state = Status: { $state }
comments-how-beside = (bredvid texten: hör till raden bredvid)
comments-how-near = (hör till närmaste rad)
comments-how-quoted = (placerad efter orden den citerar)
comments-how-nowhere = (inte på texten)
comments-pages-unchanged = Sidorna är som kompass gjorde dem: kommentarerna är allt som har lagts till.
comments-pages-changed = { $count ->
        [one] Sidan { $pages } visar
       *[other] Sidorna { $pages } visar
    } något annat än utkastet som kompass gjorde. En kommentar som har plattats ut i sidan (en del program gör så när de skriver ut eller sparar) går inte längre att läsa som kommentar: titta själv på { $count ->
        [one] den sidan
       *[other] de sidorna
    }.
comments-pages-rewritten = PDF-filen har skrivits om av programmet som sparade den, så kompass kan inte se om någon kommentar har plattats ut i sidorna.
comments-unnamed = (inget namn)
review-state-open = öppen
review-state-done = åtgärdad
review-state-no-change = ingen ändring
review-not-tables = `comment` ska vara en lista av tabeller (`[[comment]]`)
review-no-id = kommentar { $n } saknar `id`
review-bad-state = kommentar { $n } har statusen ”{ $state }”, som inte är någon av ”öppen”, ”åtgärdad” och ”ingen ändring”
comments-note = anmärkning: { $message }
consequence-no-review = ; granskningsfilen skrevs inte
comments-reply-needs-evaluation = --reply behöver utvärderingen också: `kompass comments <utkast.pdf> <utvärdering.toml> --reply` (granskningsfilen bredvid den säger vad som gjordes med varje kommentar)
comments-review-file = Granskningen förs i { $file }: { $added ->
        [one] en ny
       *[other] { $added } nya
    }; { $open ->
        [one] en öppen
       *[other] { $open } öppna
    } av { $count }.
comments-other-municipality = { $evaluation } är utvärderingen av { $now }, men utkastet gäller { $then }
comments-reply-target = -o { $target }: bemötandet skrivs som .pdf eller .md, och aldrig över utvärderingen, utkastet eller granskningsfilen
comments-reply-written = skrev { $path } ({ $count ->
        [one] en synpunkt
       *[other] { $count } synpunkter
    })
verified-comments = { $pdf }: PDF-filen har fått { $count ->
        [one] en kommentar
       *[other] { $count } kommentarer
    }; rapportens innehåll är oförändrat (varje sida är vad { $name } ger med kompass { $version })
differs-comments = - PDF-filen har fått { $count ->
        [one] en kommentar
       *[other] { $count } kommentarer
    } (`kompass comments` listar dem)
differs-pages = - { $count ->
        [one] sidan { $pages } visar
       *[other] sidorna { $pages } visar
    } något annat än kompass gjorde: en ändring, eller en kommentar som har plattats ut i sidan
differs-pages-same = - varje sida visar fortfarande det som kompass gjorde

## Redigeraren i webbläsaren: sidans ord (src/serve/assets/, `t()` i i18n.js)

editor-page-title = kompass – utvärderingen
editor-skip-to-form = Till formuläret
editor-loading = Läser in …
editor-actions = Åtgärder
editor-undo = Ångra
editor-redo = Gör om
editor-make-draft = Utkast som PDF
editor-make-final = Slutlig PDF
editor-make-slides = Bilder till återkopplingen
editor-make-charts = Diagrammen
editor-show-changes = Vad har ändrats?
editor-show-pages = Visa rapportens sidor
editor-hide-pages = Dölj rapportens sidor
editor-folder = Utvärderingarna i mappen
editor-new-municipality = Ny utvärdering av kommunen
editor-create = Skapa
editor-form = Utvärderingen
editor-pages-title = Rapportens sidor (utkast)
editor-changes = Ändringar
editor-changes-text = Ändringarna
editor-findings = Iakttagelser
editor-blockers = Det som stoppar en slutlig PDF
editor-all-findings = Alla iakttagelser
editor-toml = Filen som TOML (skrivskyddad)
editor-toml-text = Filens text
editor-title = kompass – { $file }
editor-loaded = Inläst
editor-saved = Sparad
editor-status = { $how } – { $errors ->
        [0] inga fel
       *[other] { $errors } fel
    }
editor-undone = Ångrad
editor-redone = Gjord igen
editor-offline = Inte ansluten – det du skriver sparas när kompass är igång igen.
editor-online = Ansluten igen
editor-online-sending = Ansluten igen – sparar det som väntade …
editor-no-key = Den här fliken har ingen nyckel. Öppna adressen som kompass serve skrev ut (den med ?token=).
editor-tab-disconnected = Den här fliken är inte ansluten till kompass längre. Öppna adressen som kompass serve skrev ut; det du skrev väntar i webbläsaren.
editor-empty-folder = Mappen har ingen utvärdering som kan öppnas. Skapa en ny nedan.
editor-unreadable = Filen kan inte läsas som en utvärdering; rätta felen nedan i en textredigerare och ladda om sidan.
editor-not-saved = Inte sparad: { $reason }
editor-not-saved-field = Inte sparad: { $field } – { $reason }
editor-waiting = Väntar: { $reason }
editor-cannot-open = Kunde inte öppna: { $reason }
editor-changed-on-disk = Ändrat på disken: { $fields }.
editor-changes-since = Ändringar { $since }
editor-no-changes = Inga ändringar.
editor-making-pdf = Gör PDF …
editor-no-pdf = Ingen PDF: { $reason }
editor-pdf-written = Skrev { $file }.
editor-pdf-written-kept = Skrev { $file }. Utkastet som skickades för faktagranskning finns kvar som { $kept }.
editor-file = { $name } ({ $state })
editor-file-state = { $errors ->
        [0] { $warnings ->
            [0] inga fel
            [one] en varning
           *[other] { $warnings } varningar
        }
       *[other] { $errors } fel
    }
editor-conflict = Ändrat på två ställen: { $field }
editor-conflict-said = Samma fält ändrades samtidigt { $where ->
        [disk] på disken
       *[tab] i en annan flik
    }. Din version står kvar i fältet.
editor-conflict-theirs = Versionen { $where ->
        [disk] på disken
       *[tab] i den andra fliken
    }:
editor-conflict-keep = Behåll min version
editor-conflict-take = Använd versionen { $where ->
        [disk] på disken
       *[tab] i den andra fliken
    }
editor-framework = Ramverk: { $name } ({ $id })
editor-area-name = Område { $id } { $title }
editor-subarea = { $id } { $title } (0–{ $max })
editor-area-sum = Områdets poäng: { $sum } av { $max }
editor-total = Totalpoäng: { $total } av { $max }
editor-value-n = Värde { $n }
editor-formatting = Formatering
editor-bold = Fet
editor-bold-key = Fet (Ctrl+B)
editor-italic = Kursiv
editor-italic-key = Kursiv (Ctrl+I)
editor-bullets = Punktlista
editor-up = Upp
editor-down = Ner
editor-remove = Ta bort
editor-list-add = Lägg till { $item }
editor-list-item = { $item } { $n }
editor-list-up = Flytta upp { $item } { $n }
editor-list-down = Flytta ner { $item } { $n }
editor-list-remove = Ta bort { $item } { $n }
editor-row-field = { $row }: { $field }
editor-evaluator-n = Utvärderare { $n }
editor-evaluator-up = Flytta upp utvärderare { $n }
editor-evaluator-down = Flytta ner utvärderare { $n }
editor-evaluator-remove = Ta bort utvärderare { $n }
editor-evaluator-add = Lägg till utvärderare
editor-revision-n = Version { $n }
editor-revision-remove = Ta bort version { $n }
editor-revision-add = Ny version ({ $n })
editor-earlier = Utvärderingen { $year }
editor-earlier-none = Inga i filen; rader i resultatregistret ritas också.
editor-earlier-add = Lägg till en tidigare utvärdering
editor-earlier-remove = Ta bort utvärderingen { $year }
editor-profile-none = Ingen i filen: diagrammen visar den inte.
editor-profile-add-values = Lägg till { $profile } med fasta värden
editor-profile-add-register = Lägg till { $profile } med värden ur resultatregistret
editor-profile-remove = Ta bort { $profile }
editor-register-rows = Medelvärdet omfattar { $count ->
        [one] en utvärdering i registret (rad { $rows }).
       *[other] { $count } utvärderingar i registret (raderna { $rows }).
    }
editor-register-none = Registret ger inget medelvärde med det här urvalet (se iakttagelserna).
editor-page-n = Sida { $n }
editor-finding = { $kind }: { $text }
editor-severity = { $severity ->
        [error] Fel
        [warning] Varning
        [blocker] Stoppar
       *[note] Anmärkning
    }
editor-finding-help = { $message } ({ $help })
editor-blocks-final = Stoppar en slutlig PDF: { $message }
editor-blocking = { $count ->
        [0] Inget hindrar en slutlig PDF.
        [one] En slutlig PDF kan inte göras ännu: en sak stoppar den.
       *[other] En slutlig PDF kan inte göras ännu: { $count } saker stoppar den.
    }
editor-date-format = Skriv datumet som ÅÅÅÅ-MM-DD.
editor-whole-decimals = { $text } har decimaler (kommat är ett decimalkomma). Skriv ett heltal, t.ex. { $whole }.
editor-not-whole = ”{ $text }” är inget heltal. Skriv bara siffror.
editor-score-range = Poängen ska vara 0–{ $max }.
editor-negative = Skriv ett tal som inte är negativt.
editor-not-number = ”{ $text }” är inget tal. Skriv t.ex. 63,7.
editor-value-range = Värdet ska vara 0–{ $max }.

## Utvärderingens nycklar i redigerarens formulär (structure.rs: field-<tabell>-<nyckel>, med
## -hint för en förklaring under fältet och -item för en punkt i en lista)

field-evaluation-framework = Ramverk
field-evaluation-total = Totalpoäng (som den anges i filen)
field-evaluation-municipality = Kommunen
field-evaluation-report = Rapporten
field-evaluation-evaluators = Utvärderare
field-evaluation-summary = Sammanfattning
field-evaluation-area = Områdena
field-evaluation-register = Resultatregistret
field-evaluation-register-hint = Filnamnet på registret bredvid utvärderingen: .csv, .xlsx eller .ods.
field-evaluation-comparison = Jämförelser
field-evaluation-history = Tidigare utvärderingar
field-evaluation-revision = Versioner
field-municipality-name = Kommunens namn (ortnamnet)
field-municipality-name-hint = Välj en av Sveriges 290 kommuner: namnformerna och invånarantalet fylls i.
field-municipality-genitive = Genitiv (som i ”Leksands poäng”)
field-municipality-official-name = Officiellt namn (som i ”Analys av Leksands kommun”)
field-municipality-population = Invånare
field-report-date = Rapportens datum
field-report-evaluated = När utvärderingen gjordes (som det ska stå, t.ex. ”augusti 2023”)
field-report-first-evaluation = Kommunens första utvärdering
field-report-interviews = Antal intervjuade personer
field-report-interviews-approximate = Skriv antalet ungefärligt (”ett 40-tal”)
field-report-publisher = Utgivare
field-report-meeting = Återkopplingsmötets datum (för bilderna)
field-evaluator-name = Namn
field-evaluator-organisation = Organisation
field-summary-evaluation = Utvärderingen (efter de genererade styckena)
field-summary-comparisons = Jämförelser (ersätter ramverkets text, om ifylld)
field-summary-comments = Sammanfattande kommentarer
field-area-id = Områdets nummer
field-area-score = Områdets poäng (som den anges i filen)
field-area-analysis = Sammanfattande analys
field-area-strengths = Styrkor
field-area-strengths-item = Styrka
field-area-improvements = Förbättringsmöjligheter
field-area-improvements-item = Förbättringsmöjlighet
field-area-scores = Poäng per delområde
field-comparison-national = Nationell jämförelse
field-comparison-peer = Jämförelsegrupp
field-profile-label = Förklaring i diagrammet
field-profile-source = Källa under diagrammet
field-profile-description = Hur texten nämner jämförelsen (efter ”jämfört med”)
field-profile-values = Värden per område
field-profile-from-register = Ur resultatregistret
field-filter-framework = Ramverk (tomt: utvärderingens eget)
field-filter-year-from = Från och med år
field-filter-year-to = Till och med år
field-filter-population-min = Minst antal invånare
field-filter-population-max = Högst antal invånare
field-filter-first-evaluation = Bara kommunernas första utvärdering
field-filter-exclude-self = Utan kommunens egna utvärderingar
field-earlier-year = År
field-earlier-framework = Ramverk (tomt: utvärderingens eget)
field-earlier-values = Värden per område
field-revision-version = Nummer
field-revision-date = Datum
field-revision-changes = Vad som ändrats
field-revision-by = Av vem

## The fact-check in the editor (kompass serve, src/serve/assets/review.js): the page's words,
## with `{ $name }` filled in by the page.
editor-review-too-large = PDF-filen är större än { $mb } MB, så kompass läser den inte här.
review-nothing-read = Granskningsfilen har inga kommentarer ännu: läs först in PDF-filen som kom tillbaka från faktagranskningen.
editor-review-title = Faktagranskningen
editor-review-read = Läs in kommentarer från granskningen
editor-review-hint = Välj PDF-filen som kommunen skickade tillbaka, eller dra och släpp den var som helst på sidan. Kommentarerna visas vid sina fält; vad du gör med var och en sparas i { $file }, som aldrig publiceras.
editor-review-reading = Läser kommentarerna i { $name } …
editor-review-read-done = { $name }: kommentarer i filen: { $count }, nya: { $added }.
editor-review-not-pdf = { $name } är ingen PDF-fil.
editor-review-failed = Kommentarerna kunde inte läsas: { $reason }
editor-review-summary = Kommentarer: { $received }. Åtgärdade: { $done }, utan ändring: { $nochange }, öppna: { $open }.
editor-review-none = Inga kommentarer är inlästa ännu.
editor-review-open-title = Kommentarer som inte är behandlade
editor-review-all-handled = Alla kommentarer är behandlade.
editor-review-outside-title = Kommentarer utanför fälten
editor-review-comment-label = Kommentar från granskningen: { $place }
editor-review-place = Sidan { $page } – { $place }
editor-review-by = { $kind } av { $author }
editor-review-dated = { $what }, { $date }
editor-review-unnamed = (inget namn)
editor-review-marked = Markerat:
editor-review-said = Kommentar:
editor-review-replace-with = Ersätt med:
editor-review-insert = Infoga:
editor-review-reply-from = Svar från { $author }:
editor-review-state = Status
editor-review-state-open = Öppen
editor-review-state-done = Åtgärdad
editor-review-state-no-change = Ingen ändring
editor-review-answer = Svar till kommunen (kort, framför allt vid ”Ingen ändring”)
editor-review-saved = Sparat i { $file }.
editor-review-not-saved = Inte sparat: { $reason }
editor-review-make-reply = Gör bemötandet som PDF
editor-review-making-reply = Gör bemötandet …
editor-review-reply-written = Skrev { $file }, bemötandet till kommunen.
editor-review-reply-title = Bemötandet
editor-review-open-link = { $where }: { $text }
editor-review-offline = Inte ansluten till kompass.
