# `kompass --help` på svenska. På engelska är hjälptexterna dokumentationskommentarerna i
# src/main.rs; här har varje kommando och varje flagga sin svenska text: cli-<kommando> för
# kommandot, cli-<kommando>-long för dess längre beskrivning och cli-<kommando>-<flagga> för
# flaggorna.

cli = Kommunkompassens utvärderingsrapporter som PDF, från en TOML-fil.
cli-heading-usage = Användning:
cli-heading-commands = Kommandon
cli-heading-arguments = Argument
cli-heading-options = Flaggor
cli-usage-options = FLAGGOR
cli-usage-command = KOMMANDO
cli-default = om inget anges
cli-possible = möjliga värden
cli-help = Skriv ut hjälp (-h visar en sammanfattning)
cli-version = Skriv ut versionen
cli-lang = Språket för meddelanden och hjälp: sv eller en (annars väljs det efter LC_ALL, LC_MESSAGES eller LANG)

cli-help-cmd = Skriv ut den här hjälpen, eller hjälpen för ett kommando

cli-render = Kontrollera en utvärdering och gör rapporten som PDF; eller många, parallellt
cli-render-long = Med flera filer, eller `--all <mapp>`, görs alla rapporter parallellt på alla kärnor; en fil med fel stoppar inte de andra, och körningen slutar med en sammanfattning (slutkod 1 när någon misslyckades).
cli-render-evaluations = Utvärderingsfilen eller -filerna (TOML).
cli-render-output = Var PDF-filen skrivs: en fil, eller en mapp att skriva `<utvärdering>.pdf` i (om inget anges: utvärderingens namn med `.pdf`, bredvid den; ett utkast får `-utkast.pdf`, så att ett utkast aldrig ersätter den slutliga rapporten). Med flera utvärderingar: mappen att skriva i (som --out-dir); ett namn som slutar på / skapas.
cli-render-all = Gör rapporter av alla `.toml`-filer i den här mappen.
cli-render-out_dir = Med flera utvärderingar: mappen som PDF-filerna skrivs till (skapas om den saknas).
cli-render-standard = PDF-standarder att följa, kommaseparerade (`a-2a`, `a-2b`, `a-3a`, `ua-1`, …), eller `none`.
cli-render-deny_warnings = Gör ingen rapport när kontrollen hittar varningar.
cli-render-draft = Ett utkast för faktagranskning: ”UTKAST” över varje sida och versionen i sidhuvudet; platshållare från `kompass new` är tillåtna.
cli-render-changes_since = Med --draft: avsluta rapporten med en sida ”Ändringar sedan version N” som listar vad som ändrats sedan den här tidigare versionen av utvärderingen.

cli-check = Kontrollera en utvärdering, eller ett resultatregister, utan att göra en rapport
cli-check-long = Gör alla kontroller som `render` gör: TOML-syntax, okända nycklar, typer, poängintervall, saknade eller okända delområden, angivna summor, jämförelseprofiler (och registret de räknas ut från), datum, utvärderare och kommunens namnformer. Ett register (`.csv`, `.xlsx` eller `.ods`) kontrolleras rad för rad. Slutkod 0 när allt är giltigt (varningar är tillåtna), 1 när uppgifterna är ogiltiga, 2 vid problem med användning eller filer. Varje nyckel beskrivs i handboken (`kompass handbok`).
cli-check-after = Varje nyckel beskrivs i handboken: `kompass handbok`.
cli-check-evaluation = Utvärderingsfilen (TOML), eller ett resultatregister (.csv, .xlsx, .ods).
cli-check-deny_warnings = Behandla varningar som fel.
cli-check-draft = Kontrollera som för ett utkast: platshållare från `kompass new` är tillåtna.

cli-slides = Bilderna till återkopplingsmötet: 16:9-bilder från samma utvärdering
cli-slides-long = Titel, vad Kommunkompassen är, resultatet med stapeldiagrammet, profildiagrammen, en bild per område (poäng, delområden, styrkor och förbättringsmöjligheter förkortade så att de får plats), sammanfattningens huvudpunkter och en avslutande bild. Tillgänglig som rapporten (PDF/UA-1).
cli-slides-evaluation = Utvärderingsfilen (TOML).
cli-slides-output = Var PDF-filen skrivs (om inget anges: `<utvärdering>-presentation.pdf` bredvid den).
cli-slides-draft = Ett utkast: ”UTKAST” på varje bild; platshållare är tillåtna.
cli-slides-standard = PDF-standarder, som för render.

cli-charts = Varje diagram i rapporten som en egen fil, med sin alternativtext bredvid
cli-charts-long = För bilder eller webbsidor som görs någon annanstans: `<diagram>.svg` (eller `.png`, ritad från samma SVG med rapportens typsnitt) och `<diagram>.txt` med diagrammets svenska alternativtext.
cli-charts-evaluation = Utvärderingsfilen (TOML).
cli-charts-out_dir = Mappen att skriva i (skapas om den saknas).
cli-charts-format = `svg` eller `png`.
cli-charts-scale = För PNG: storleken i förhållande till diagrammets yta (1600 px bred vid 1).

cli-typst = Skriv det fristående Typst-projekt som rapporten görs av, för en sista handpåläggning
cli-typst-long = Mallarna, data- och diagramfilerna, typsnitten och README.txt med kommandot `typst compile` som gör samma rapport med Typsts eget program.
cli-typst-evaluation = Utvärderingsfilen (TOML).
cli-typst-dir = Mappen att skriva projektet i: ny eller tom (skapas om den saknas).
cli-typst-draft = Ett utkast, som för render.
cli-typst-standard = PDF-standarder, som för render.
cli-typst-overwrite = Skriv i en mapp som inte är tom och ersätt projektets filer där.

cli-synthetic = Skriv påhittade utvärderingar (för tester och mätningar): en per kommun
cli-synthetic-dir = Mappen att skriva i (skapas om den saknas).
cli-synthetic-count = Hur många (högst 290).
cli-synthetic-seed = Varierar poäng och texter.

cli-export = Resultatregistret: en rad per utvärdering (områdenas poäng och totalpoängen, som de räknas ut)
cli-export-long = Från utvärderingsfiler och från PDF-filer från kompass (den utvärdering som är bifogad i dem). CSV (RFC 4180, UTF-8) om inget anges, eller med `-o register.csv`; en Excel-arbetsbok med `-o register.xlsx`; JSON med `-o register.json`.
cli-export-inputs = Utvärderingsfiler (TOML) eller PDF-filer från kompass.
cli-export-output = Var registret skrivs: .csv (RFC 4180, UTF-8), .xlsx (en Excel-arbetsbok) eller .json (om inget anges: CSV till standard ut). En befintlig fil rörs inte utan --append eller --overwrite.
cli-export-append = Lägg till utvärderingarna i det befintliga registret: en rad för samma utvärdering (kommun och datum, eller år) ersätts (dess anteckning behålls), de andra står kvar.
cli-export-overwrite = Ersätt en befintlig fil.
cli-export-excel = CSV för svenska Excel: semikolon (komma är decimaltecknet där) och UTF-8 med ett inledande BOM-tecken, så att Excel läser å, ä och ö rätt. Utan den: RFC 4180 för andra program. En arbetsbok (-o register.xlsx) behåller allt bäst.

cli-diff = Vad som ändrats mellan två versioner av en utvärdering
cli-diff-long = Varje poängändring med dess effekt på områdets poäng och totalpoängen, styrkor och förbättringsmöjligheter som lagts till, tagits bort eller ändrats, stycken ändrade ord för ord, ändrade uppgifter. Slutkod 0 när de är lika, 1 när de skiljer sig, 2 när någon inte kan läsas.
cli-diff-old = Den tidigare versionen (TOML).
cli-diff-new = Den senare versionen (TOML).
cli-diff-format = `text` för människor, `json` för verktyg.

cli-extract = Skriv ut den utvärdering som är bifogad i en PDF-fil från kompass (utan utvärderarens kommentarer)
cli-extract-pdf = En PDF som kompass har gjort.
cli-extract-output = Var den skrivs (om inget anges: dess namn i PDF-filen). Skriver aldrig över en fil.

cli-verify = Visa att en PDF byte för byte är vad dess utvärdering ger, eller säg vad som skiljer
cli-verify-long = Gör rapporten igen från den utvärdering som är bifogad i PDF-filen, eller från den angivna filen, med de val som PDF-filen har sparat, och jämför. När de skiljer sig anges orsaken: utvärderingen (med ändringarna), ramverket eller versionen av kompass. Slutkod 0 när den är bekräftad, 1 när den inte är det, 2 när PDF-filen inte kan läsas.
cli-verify-pdf = En PDF som kompass har gjort.
cli-verify-evaluation = Utvärderingen att jämföra med (om inget anges: den som är bifogad i PDF-filen).

cli-watch = Gör rapporten igen varje gång utvärderingen sparas (ett utkast om inte --final anges)
cli-watch-long = En rad per ny rapport (sidor och tid), eller iakttagelserna; fortsätter efter ett fel och återhämtar sig när filen rättats. Ctrl-C avslutar.
cli-watch-evaluation = Utvärderingsfilen (TOML).
cli-watch-output = Var PDF-filen skrivs (som för render).
cli-watch-final_report = Gör den slutliga rapporten i stället för ett utkast.
cli-watch-standard = PDF-standarder, som för render.

cli-new = Skriv en ny utvärdering av en kommun att fylla i, med alla områden och delområden ur ramverket
cli-new-long = För var och en av Sveriges 290 kommuner kommer namnformerna och invånarantalet från tabellen över Sveriges kommuner i kompass (SCB, 31 december 2024).
cli-new-municipality = Kommunen, t.ex. Öckerö eller ”Öckerö kommun”.
cli-new-output = Var den skrivs (om inget anges: <namn>-<år>.toml i aktuell mapp). Skriver aldrig över en fil.

cli-handbok = Handboken för utvärderare: att skriva en utvärdering, resultatregistret, utkast och versioner, kommandona (som Markdown)

cli-serve = Redigera utvärderingen i webbläsaren: ett formulär, rapportens sidor bredvid och varje iakttagelse vid sitt fält
cli-serve-long = Startar en lokal webbserver på 127.0.0.1 och skriver ut dess adress med en nyckel (webbläsaren öppnar den om inte --no-open anges). Varje ändring kontrolleras och sparas direkt i samma TOML-fil, med dess kommentarer och uppställning kvar; en fil som ändrats på disken under tiden skrivs aldrig över. Ctrl-C avslutar.
cli-serve-evaluation = Utvärderingsfilen (TOML), eller en mapp med utvärderingar att välja bland.
cli-serve-port = Porten på 127.0.0.1 (om inget anges: samma som förra gången filen eller mappen visades, så att en öppen sida kopplar upp sig igen; första gången en ledig port).
cli-serve-no_open = Öppna inte webbläsaren.

# Platshållarna i hjälpen: <UTVÄRDERING>, <MAPP> …
cli-value-evaluation = UTVÄRDERING
cli-value-evaluations = UTVÄRDERINGAR
cli-value-output = UTFIL
cli-value-folder = MAPP
cli-value-dir = MAPP
cli-value-list = LISTA
cli-value-old-toml = GAMMAL.toml
cli-value-format = FORMAT
cli-value-n = N
cli-value-inputs = FILER
cli-value-old = GAMMAL
cli-value-new = NY
cli-value-pdf = PDF
cli-value-municipality = KOMMUN
cli-value-port = PORT
cli-value-count = ANTAL
cli-value-seed = FRÖ
cli-value-sv-en = sv|en
cli-value-scale = SKALA

cli-comments = Lista kommentarerna i ett utkast som kommit tillbaka från faktagranskningen, var och en på sitt fält
cli-comments-long = Varje kommentar (anteckning, markering, genomstrykning, textersättning, textruta, understrykning, teckning) med författare, datum, sida, de ord den markerar, svaren i tråden och fältet i utvärderingen som den hör till – som kompass hittar genom att göra rapporten på nytt av utvärderingen som är bifogad i utkastet och lägga varje kommentar över orden under den. Med utvärderingen får granskningsfilen bredvid den (`<utvärdering>.granskning.toml`) de nya kommentarerna och håller reda på vad som gjorts med var och en; `--reply` skriver bemötandet till kommunen utifrån den.
cli-comments-pdf = Utkastet som det kom tillbaka, med kommunens kommentarer.
cli-comments-evaluation = Utvärderingen (TOML): för granskningsfilen bredvid den.
cli-comments-format = `text` för människor, `json` för verktyg, `csv` för ett kalkylark.
cli-comments-reply = Skriv bemötandet till kommunen utifrån granskningsfilen.
cli-comments-output = Var bemötandet skrivs: `.pdf` eller `.md` (om inget anges: `<utvärdering>-bemotande.pdf`).
