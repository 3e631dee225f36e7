# kompass's messages in English. Each message is a kind of finding or failure; its arguments
# are named in { $braces }. messages/sv.ftl holds the same messages in Swedish.

## How a finding is printed

diagnostic-at = at `{ $path }`
diagnostic-in = in { $file }
diagnostic-in-at = in { $file }, at `{ $path }`
diagnostic-help = help: { $help }

## Help for what people write (hints.rs)

help-date-as-toml = write dates as TOML dates, year-month-day and without quotes: `{ $key } = { $iso }`
help-quoted-date = remove the quotes: `{ $key } = { $date }` is a TOML date, `"{ $date }"` is text
help-quoted-number = remove the quotes: `{ $key } = { $number }` is a number, `"{ $number }"` is text
help-number-with-spaces = TOML numbers have no spaces; group thousands with `_`: `{ $key } = { $number }`
help-score-decimal-comma = scores are whole points: `{ $key } = { $low }` or `{ $key } = { $high }`
help-decimal-comma = TOML writes decimals with a point, not a comma: `{ $key } = { $number }`
help-yes-no = yes/no is written `true` or `false`, in lower case and without quotes: `{ $key } = { $value }`
help-english-key = kompass's keys are English: write `{ $english }` for `{ $key }`
help-bare-key-letters = a key without quotes is written with a–z, 0–9, `-` and `_` only; kompass's keys are English (`{ $key }` is not one)
help-key-belongs-at-top = `{ $key }` belongs at the top of the file, before the first [table] header: after a header such as [[area]] every key belongs to that table
help-key-belongs-under = `{ $key }` belongs under { $table }: after a [table] header every key belongs to that table until the next header
text-never-closed = the text that opens with """ on line { $line } is never closed
text-not-closed-before = the text that opens with """ on line { $line } is not closed before line { $next }, where the next key begins
help-stray-quote = a `"` inside a string ends it: write `\"` for a straight quote, use ”typographic quotes”, or put the text between ''' and '''
list-not-closed-before = the list `{ $key } = [` on line { $line } is not closed with `]` before line { $next }, where the next key or table begins
list-never-closed = the list `{ $key } = [` on line { $line } is never closed with `]`
table-not-closed = the table `{ $key } = {"{"}` on line { $line } is not closed with `{"}"}` on its line
help-close-list = add `]` at the end of line { $line }: `{ $fixed }`
help-close-table = add `{"}"}` at the end of line { $line }: `{ $fixed }`
help-list-from-bullets = a list is written in brackets, one text in quotes per item:{ $list }

## Checks of the evaluation (validate.rs)

framework-no-areas = the framework has no areas
framework-area-twice = area { $area } is defined twice
framework-area-order = areas must be numbered 1, 2, 3 … in order; expected { $expected }, found { $found }
framework-maxima-sum = the sub-area maxima of area { $area } add up to { $sum }, but the area maximum is { $max }
framework-subarea-twice = sub-area { $subarea } is defined twice
framework-subarea-id = sub-area ids of area { $area } must start with `{ $area }.`; found `{ $found }`
framework-subarea-max = a sub-area maximum must be positive; found { $found }
no-evaluators = at least one evaluator is needed
help-no-evaluators = add [[evaluators]] with name and organisation
evaluator-without-name = an evaluator needs a name
interviews-not-positive = expected a positive number of interviews, found { $found }
population-not-positive = expected a positive population, found { $found }
first-evaluation-with-history = `first_evaluation = true`, but [[history]] lists earlier evaluations ({ $years })
help-first-evaluation-with-history = the report would print "kommunens första utvärdering" beside a chart of earlier ones: set `first_evaluation = false` or remove the [[history]] entries
unknown-area = { $framework } has no area { $area }; the framework has areas 1–{ $last }
area-twice = area { $area } is given twice (first as area[{ $first }])
help-its-subareas = its sub-areas are { $ids }
unknown-subarea = area { $area } has no sub-area `{ $subarea }`
score-out-of-range = expected a score from { $min } to { $max } for { $sub } { $title }, found { $found }
missing-score = no score for sub-area { $sub } { $title } (0–{ $max })
help-missing-score = add `"{ $sub }" = <points>` under the area's scores
stated-score-differs = area { $area } is stated as { $stated } but its sub-scores add up to { $sum }
help-stated-differs = remove `{ $key }` (kompass derives it) or correct the sub-scores
empty-analysis = area { $area } has an empty analysis
empty-list = area { $area } lists no { $list ->
        [strengths] strengths (Styrkor)
       *[other] improvement opportunities (Förbättringsmöjligheter)
    }
no-list = area { $area } has no `{ $list }` list, so it lists no { $list ->
        [strengths] strengths (Styrkor)
       *[other] improvement opportunities (Förbättringsmöjligheter)
    }
help-empty-list = the report prints "Inga angivna." in that column
long-bullet = a bullet of { $chars } characters is hard to read in the table (aim for under { $aim })
stated-total-differs = the total is stated as { $stated } but the sub-scores add up to { $sum }
area-missing = area { $area } { $title } is missing
help-area-missing = add an [[area]] table with id = { $area }
must-not-be-empty = must not be empty
help-place-name-alone = `name` is the place name alone: "{ $name }"
help-unknown-municipality = check the spelling; for a name kompass does not know, make sure `genitive` and `official_name` are right
help-did-you-mean-name = did you mean "{ $name }"?
unknown-municipality = kompass does not know a Swedish municipality named "{ $name }"
official-name-as-name = `name` holds the official name; the place name is "{ $name }"
help-official-name-as-name = write `name = "{ $name }"`; "{ $official }" belongs in `official_name`
municipality-written = the municipality is written "{ $name }"
help-municipality-written = `name` is the place name, as SCB writes it
name-form-differs = { $form ->
        [genitive] the genitive of { $name }
       *[other] the official name of { $name }
    } is "{ $expected }" in the table of Sweden's municipalities, not "{ $found }"
help-name-form = write `{ $key } = "{ $expected }"` (as in "{ $example }")
profile-without-label = a comparison profile needs a label for the legend
profile-without-source = a comparison profile needs a source, printed under the chart
values-count = expected { $expected } values (one per area), found { $found }
value-out-of-range = expected a value from 0 to { $max } for area { $area }, found { $found }
placeholder-evaluator = the evaluator's name is still the placeholder "{ $placeholder }"; a final report cannot be published with it
placeholder-evaluated = `evaluated` is still the placeholder "{ $placeholder }"; a final report cannot be published with it
placeholder-text = the text still holds "{ $placeholder }" from kompass new; a final report cannot be published with it
help-placeholder = fill it in, or render a draft with --draft
placeholder-scores = every sub-score of area { $area } is 0, as kompass new leaves them
help-placeholder-scores = enter the scores, or render a draft with --draft
placeholder-number = `{ $key } = { $value }` is still marked PLACEHOLDER, as kompass new wrote it
help-placeholder-number = enter the real number and remove the `# PLACEHOLDER` comment, or render a draft with --draft
nested-too-deep = { $what } nested { $depth } levels deep; the report typesets at most { $most }
help-nested-too-deep = indent less: a deeper level is rarely what a reader can follow
not-a-date = expected a date such as 2023-11-23, found `{ $found }`
not-in-calendar = `{ $date }` is not a date in the calendar
date-far-ahead = the report is dated { $date }, more than a year from now
help-date-far-ahead = the report date is the day it is published; is the year right?
date-after-today = the report is dated { $date }, after today
date-before-evaluation = the report is dated { $date }, before the evaluation was made ({ $evaluated })
help-date-before-evaluation = the report is written after the evaluation: check `date` and `evaluated`
evaluated-cannot-stand = "{ $evaluated }" cannot follow "Utvärderingen … gjordes" (the evaluation was made) in the report
help-evaluated = write when the evaluation was made as it reads after "gjordes": a month and a year ("augusti 2023", which the report prints as "i augusti 2023"), "våren 2023" or "under hösten 2023"
version-below-one = versions are numbered from 1; found { $found }
revision-without-changes = a revision needs a line on what changed, printed in the Versionshistorik
version-order = version { $version } follows version { $previous }; each revision needs a larger number
help-next-version = the next version is { $next }
version-date-order = version { $version } is dated { $date }, before version { $previous } ({ $previous_date })

## The results register (register.rs)

register-read-semicolons = read as CSV with semicolons, as Swedish Excel saves it (the comma is the decimal sign there)
register-read-windows-1252 = read as Windows-1252, not UTF-8: Excel's "CSV" on Windows; save as "CSV UTF-8" (or as .xlsx) to keep every character
help-csv-quote = a field that starts with " ends with "; a quote inside it is written ""
not-a-workbook = not an Excel workbook (.xlsx): { $reason }
register-file-kinds = a results register is read from a .csv file, an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods); `kompass export -o register.xlsx` writes one
register-too-slow = the workbook's cells could not be read within { $seconds } seconds (the file looks damaged); save it again from the spreadsheet program, or as CSV
register-empty = the register is empty: it needs a header row and one row per evaluation
help-register-empty = `kompass export` writes one; its columns are { $columns }
register-no-rows = the register has a header but no rows
register-missing-columns = the header row lacks the { $count ->
        [one] column
       *[other] columns
    } { $columns }
help-register-columns = the columns are { $columns }
register-unknown-column = kompass does not know the column "{ $column }"; it is not read
register-empty-number = empty: expected a whole number
register-not-a-number = expected a whole number, found "{ $found }"
register-empty-bool = empty: expected true or false
register-not-a-bool = expected true or false, found "{ $found }"
help-register-first-evaluation = true when the row is the municipality's first evaluation
register-empty-municipality = empty: every row names its municipality
help-register-unknown-municipality = the place name as SCB writes it ("Leksand", "Malung-Sälen"); or say in `note` why the row is not one
register-lost-zero = the SCB code { $found } has lost its leading zero: { $name } is { $code }
help-register-lost-zero = spreadsheet programs (Excel, LibreOffice) drop leading zeros from numbers; format the column as text, or use the workbook `kompass export -o register.xlsx` writes
register-wrong-code = { $name } has SCB code { $code }, not { $found }
register-unknown-framework = unknown framework "{ $framework }"
register-area-count = { $framework } has { $areas ->
        [one] one area
       *[other] { $areas } areas
    }; the row has { $found }
register-area-range = { $value } is outside 0–{ $max } for area { $area } { $title }
register-total = { $total } is not the sum of the area scores, { $sum }
help-register-total = the total is derived: write the sum, or export the row from the evaluation
register-year = { $year } is not a plausible year of an evaluation
register-date = "{ $date }" is not a date as YYYY-MM-DD
register-date-year = the date { $date } is not in the row's year { $year }
register-note-glyphs = the report's font cannot print { $characters } in this public note, which is printed under the charts that use the row
help-register-note-glyphs = write it without emoji and characters outside Latin script
register-population = { $population } inhabitants: expected the population when the evaluation was made
register-twice = { $name } { $when } is already in the register, at row { $row }
help-register-twice = each evaluation is one row
register-first-evaluation = { $name } { $year } is marked as the first evaluation, but row { $row } is one of { $earlier }
help-register-first-evaluations = only the municipality's earliest evaluation is its first
register-too-many-columns = this row goes on past { $max } { $max ->
        [one] column
       *[other] columns
    }; a register is read up to that many
register-too-long = the register goes on past { $rows } { $rows ->
        [one] row
       *[other] rows
    } or { $cells } { $cells ->
        [one] cell
       *[other] cells
    }; it is read up to that many
register-quote-never-closed = a quoted field is never closed
help-known-frameworks = known frameworks: { $ids }

## Lists

list-comma = {", "}
list-then = {", then "}
list-and = {" and "}

## Comparisons and the register (compare.rs)

plain = { $text }
cannot-read = cannot read { $path }: { $reason }
help-register-path = the path is relative to the evaluation file's folder
profile-without-values = a comparison profile needs `values` (one per area) or `from_register`
help-profile-without-values = from_register = {"{"} population_max = 20_000, first_evaluation = true {"}"} computes the mean of the register's matching rows
register-unavailable = the results register is not available here (the evaluation was not read from a folder)
help-register-unavailable = render the evaluation file next to its register
profile-values-and-register = a comparison profile has either `values` or `from_register`, not both
help-profile-values-and-register = remove `values` to compute the profile from the register
profile-needs = a comparison profile with fixed values needs a `{ $key }`{ $key ->
        [label] {" "}for the legend
       *[other] , printed under the chart: where the values come from
    }
profile-without-register = a profile computed from the register needs the register: the evaluation names none
help-profile-without-register = add `register = "register.csv"` (or .xlsx) before the first table, relative to this file
profile-not-kept = the PDF keeps no values for this profile: it was made without it
unknown-framework = unknown framework `{ $framework }`
history-also-in-register = the evaluation of { $year } is also in the register (row { $row }): each earlier evaluation is given once
help-history-also-in-register = remove this [[history]] entry: the register's row is drawn
not-the-first-evaluation = the register has an earlier evaluation of { $name } ({ $year }, row { $row }), so this is not the first
help-not-the-first-evaluation = write `first_evaluation = false`, or correct the register
register-row-area = area { $area }: { $register } (the evaluation gives { $own })
register-row-differs = the register's row of this evaluation has other scores: { $areas }
help-register-row-differs = the evaluation is the source: export its row again with `kompass export`
earlier-row-lacks-area = { $framework } has no area { $area }, which { $own } has: the earlier evaluation cannot be drawn beside this one
year-from-after-to = year_from { $from } is after year_to { $to }
population-min-above-max = population_min { $min } is larger than population_max { $max }
step-framework = made according to { $framework }
step-years = from { $from } to { $to }
step-up-to = up to { $to }
step-population = within the population range
step-first = first evaluations
step-not-first = not first evaluations
step-not-own = not of { $name }
step-left = { $left } { $what }
too-few-rows = { $count ->
        [0] no evaluation in { $register } meets the conditions
        [one] only one evaluation (row { $rows }) in { $register } meets the conditions
       *[other] only { $count } evaluations (rows { $rows }) in { $register } meet the conditions
    }; a mean needs at least { $min }, so that it never shows one municipality's own result
help-too-few-rows = { $total ->
        [one] of the register's only row
       *[other] of the register's { $total } rows
    }: { $steps }; widen the filter

## Characters the report cannot print (glyphs.rs)

replacement-character = the text holds { $code } "�", the mark left where a text's encoding broke
help-replacement-character = the text was probably pasted from a document read in the wrong encoding: retype the characters around the mark
control-character = the text holds the control character { $code }, which cannot be printed
help-control-character = remove it; it is invisible in most editors
missing-glyph = the report's font has no glyph for "{ $text }" ({ $codes })
help-missing-glyph = the embedded font (Inter) covers Latin, Greek and Cyrillic letters and common punctuation: remove the characters or write them in Latin letters

## Reading the evaluation (load.rs)

io-not-found = { $text }
io-permission-denied = { $text }
io-already-exists = { $text }
io-is-a-directory = { $text }
io-not-a-directory = { $text }
io-storage-full = { $text }
io-read-only = { $text }
io-other = { $text }
reason-folder = it is a folder, not a file
file-too-big = the file is { $size } bytes; an evaluation file may be at most { $max } bytes (8 MiB)
input-too-long = the input goes on past { $max } bytes; an evaluation file may be at most { $max } bytes (8 MiB)
help-file-too-big = a real evaluation is around 60 kB: is this the right file?
not-utf8 = the file is not UTF-8 text
help-save-as-utf8 = save the file as UTF-8 (the encoding every TOML file uses)
file-is-zip = the file is a zip archive – an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods)? – not an evaluation
help-file-is-zip = an evaluation is a TOML text file; `kompass check register.xlsx` checks a results register
file-is-pdf = the file is a PDF, not an evaluation
help-file-is-pdf = an evaluation is a TOML text file; `kompass extract report.pdf` writes out the evaluation a kompass PDF carries
file-is-utf16 = the file is saved as UTF-16 text, not UTF-8
file-is-binary = the file is not text (it holds NUL bytes), not an evaluation
help-file-is-binary = an evaluation is a TOML text file, such as the one `kompass new` writes
official-name-filled-in = the file has no `official_name`; kompass takes "{ $name }" from its table of Sweden's municipalities
help-official-name-filled-in = add `official_name = "{ $name }"` under [municipality] (the key came with kompass 0.1; see CHANGELOG.md)
official-name-missing = missing key `official_name`: the organisation's official name
help-official-name-missing = add `official_name = "… kommun"` under [municipality], as in "Analys av … kommun"
framework-area-level-only = { $name } is known to kompass at area level only, for earlier evaluations in a results register; a report needs a framework with sub-areas
help-report-frameworks = frameworks for a report: { $ids }
unknown-key = unknown key `{ $key }`, expected one of { $expected }
unknown-key-one = unknown key `{ $key }`, expected { $expected }
missing-key = missing key `{ $key }`
wrong-type = wrong type: found { $found }, expected { $expected }
structural = { $text }
found-string = string { $value }
found-float = floating point { $value }
found-integer = integer { $value }
found-boolean = boolean { $value }
found-list = sequence
found-table = map
expected-whole-number = a whole number
expected-number = a number
expected-list = a list, like ["…", "…"]
expected-date = a date, like 2023-11-23
expected-boolean = a boolean
expected-string = a string
toml-syntax = TOML syntax: { $message }
toml-duplicate-key = { $line ->
        [0] the key `{ $key }` is already in this table
       *[other] the key `{ $key }` already stands on line { $line }
    }
toml-duplicate-table = the table `{ $table }` already stands on line { $line }
help-duplicate-key = a key stands once in its table: remove one of the lines, or correct the name if it is meant to be another key
help-duplicate-table = a table stands once: move the keys to the first `{ $table }` and remove the second header
toml-unquoted-string = a text must be quoted
toml-unquoted-text = `{ $value }` is neither a number, a date nor true/false, and a text stands in quotes
toml-missing-value = the value is missing after `{ $key } =`
toml-date-in-words = TOML cannot read a date in words (`{ $value }`)
toml-number-with-spaces = TOML cannot read a number with spaces (`{ $value }`)
toml-decimal-comma = TOML cannot read a number with a decimal comma (`{ $value }`)
toml-yes-no = `{ $value }` is not a truth value in TOML
help-value-of-kind = `{ $key }` { $kind ->
        [whole] is a whole number, without quotes: `{ $key } = 12`
        [number] is a number, with a decimal point: `{ $key } = 63.5`
        [bool] is true or false, without quotes: `{ $key } = true`
        [date] is a date, year-month-day and without quotes: `{ $key } = 2023-11-23`
        [texts] is a list of texts: `{ $key } = ["…", "…"]`
        [numbers] is a list of numbers: `{ $key } = [63, 65]`
        [table] is a table, with a header of its own
       *[text] is a text in quotes: `{ $key } = "{ $value }"`
    }
toml-expected-newline = something more follows the value on its line
help-one-value-per-line = a line holds one key and one value; a text with spaces stands in quotes, and a comment begins with `#`
toml-missing-comma = a comma is missing between the list's items
help-missing-comma = write `,` after every item but the last
toml-equals-in-list = an `=` inside a list
toml-extra-comma = two commas in a row
help-list-values = a list holds values only, separated by commas: `["…", "…"]`
toml-unclosed-header = the table header is not closed with `]`
toml-stray-bracket = a `]` without a `[` before it
toml-unclosed-list = the list is never closed with `]`
toml-unclosed-inline-table = the table in braces is never closed with `{"}"}`
toml-inline-table = the table in braces cannot be read
toml-inline-table-comma = a comma is missing between the keys of the table in braces
help-inline-table = a table in braces is written on one line, with commas between its keys, as `{"{"} population_max = 20_000, first_evaluation = true {"}"}`
toml-missing-equals = `=` is missing between the key and the value
toml-extra-equals = one `=` too many
help-write-line = write `{ $fixed }`
toml-invalid-key = the key cannot be read: a key without quotes holds only the letters a–z, digits, `-` and `_`
help-bare-key = kompass's keys are English and written as in docs/data-format.md
toml-invalid-string = the text is not closed with `"` on its line
toml-stray-quote = the text ends at a straight quote (`"`) inside it
help-end-string = close the text with `"` on the same line, or write a text of several lines between """ and """
toml-invalid-multiline = the text of several lines holds a character that may not stand there
toml-escape = after `\` in a text, `\n`, `\t`, `\"` or `\\` is expected
help-escape = write `\\` for a backslash, or put the text between ''' and '''
toml-leading-zero = a number does not begin with 0
toml-underscore = `_` may only stand between two digits
toml-sign = the sign + or - stands in the wrong place in the number
toml-invalid-number = the number cannot be read
help-number = write the number in digits and without spaces, as `12_000` or `63.5`
toml-invalid-month = the month must be 01–12
toml-invalid-day = the day must be 01–{ $last } in that month
toml-invalid-time = the time of day cannot be read
toml-invalid-date = the date cannot be read
help-date = a date is written year-month-day, with two digits for month and day: `2023-11-23`
help-date-only = the report's date is given without a time of day: `{ $fixed }`
help-line-endings = save the file with ordinary line endings (as every text editor does by default)
help-stray-bracket = remove the `]`, or write the table header whole, as `[report]`
help-too-deep = the lists of an evaluation have one level: `values = [63, 65]`
help-dotted-key = a dotted key adds to a table; write the key without a dot, under the table it belongs to
toml-carriage-return = a lone carriage return (CR) without a line break
toml-comment = the comment holds a control character
toml-too-deep = lists and tables nested too deep
toml-dotted-key = a dotted key (`a.b`) adds to something that is not a table
toml-other = { $message }
stopped-after = stopped after { $count } structural errors; correct these and check again
not-an-evaluation = the file could not be read as an evaluation
help-did-you-mean-key = did you mean `{ $key }`?
help-whole-points = scores are whole points, from 0 to the sub-area's maximum
help-end-text = end the text with """ on a line of its own
dotted-score-key = `{ $key }` without quotes is read by TOML as a table `{ $table }` holding a key, not as sub-area { $key }
help-dotted-score-key = write the sub-area id in quotes: `"{ $key }" = …`

## Writing files (skeleton.rs, typeset.rs, write.rs)

new-without-name = the municipality needs a name
framework-does-not-load = the built-in framework does not load
new-exists = { $path } already exists; kompass new never overwrites a file
    {"  "}hint: choose another file with -o, e.g. `kompass new "{ $name }" -o { $other }`
cannot-write = cannot write { $path }
cannot-create = cannot create { $path }
unknown-standard = unknown PDF standard `{ $name }`; use e.g. a-2a, a-2b, a-2u, a-3a, a-3b, a-4, ua-1, 1.7 or none
standard-pdfa1 = PDF/A-1 (a-1a, a-1b) forbids transparency, which the profile charts need for their overlapping areas
    {"  "}help: use the default a-3a,ua-1, or a-2b; PDF/A-2 and PDF/A-3 are archival standards that allow transparency
standards-not-combined = these PDF standards cannot be combined: { $reason }
output-folder-missing = the folder { $folder } does not exist; create it first, or name a file with -o
output-parent-missing = the folder { $folder } does not exist; create it first (the PDF would be { $target })
output-is-evaluation = -o { $target } names the evaluation itself; the report must go to another file
output-not-pdf-name = -o { $target }: the report's file name must end in .pdf
output-is-folder = { $target } is a folder
output-not-pdf = { $target } exists and is not a PDF; kompass only replaces PDFs, so nothing was written
output-is-final = { $target } is a final report; a draft never replaces it, so nothing was written (write the draft to another file, e.g. -o { $draft })
scale-out-of-range = the scale must be from 0.1 to 8, not { $scale }

## The commands (src/cmd/)

with-reason = { $what }: { $reason }
failure = error: { $message }
summary = { $errors ->
        [0] {""}
        [one] 1 error
       *[other] { $errors } errors
    }{ $errors ->
        [0] {""}
       *[other] { $warnings ->
            [0] {""}
           *[other] {", "}
        }
    }{ $warnings ->
        [0] {""}
        [one] 1 warning
       *[other] { $warnings } warnings
    }
more-not-shown = … and { $count ->
        [one] one more finding
       *[other] { $count } more findings
    } not shown
refused = { $path }: { $summary }{ $denied ->
        [yes] {" "}(--deny-warnings makes warnings fail)
       *[other] {""}
    }{ $consequence }
check-ok = { $path }: ok
check-valid-with = { $path }: valid, with { $summary }
wrote = wrote { $path }
wrote-kb = wrote { $path } ({ $kb } kB)
wrote-pdf = wrote { $path } ({ $kb } kB) in { $seconds } s
consequence-no-pdf = ; no PDF was written
consequence-nothing-written = ; nothing was written
consequence-no-chart = ; no chart was written
consequence-nothing-to-compare = ; nothing to compare
changes-since-needs-draft = --changes-since adds a page for the municipality's fact-check to a draft; add --draft
changes-since-one-at-a-time = --changes-since is for one evaluation at a time
not-typeset = the report could not be typeset:
    { $reason }
slides-not-typeset = the slides could not be typeset:
    { $reason }
batch-output-not-folder = -o { $path }: with several evaluations -o names the folder to write the reports into; end it with / to have it created (e.g. -o utkast/), or render one evaluation at a time to name its file
nothing-to-render = no evaluation files to render
typst-folder-not-empty = { $path } is not empty; kompass typst would replace report.typ and the other files it writes there, with any changes made to them
    {"  "}hint: name a new folder, or add --overwrite
is-a-file = { $path } is a file, not a folder
typst-wrote = wrote { $count } { $count ->
        [one] file
       *[other] files
    } to { $path }; README.txt has the typst compile command
chart-wrote = wrote { $path } and its alt text
no-differences = { $old } and { $new }: no differences
consequence-not-in-register = ; it is not in the register
consequence-cannot-compare = ; it cannot be rendered to compare
register-has-errors = { $name } has errors; nothing was added to it
file-not-command = `{ $file }` is a file, not a command; kompass wants the command first, e.g.
    { $commands }

## Places in a register

place-cell = row { $row }, column { $column } ({ $name })
place-row = row { $row }
place-sheet-cell = sheet { $sheet }, cell { $cell } ({ $name })
place-sheet-row = sheet { $sheet }, row { $row }

## Files from outside (read/, embed.rs)

reason-too-large = it is larger than { $size }
reason-not-regular = it is not a regular file but a FIFO, a device or a socket; kompass reads only regular files
reason-read-only = it is read-only; kompass does not replace it
write-read-only = { $path } is read-only; kompass does not replace it
reason-symlink-folder = it is a symbolic link; kompass does not write through it
write-symlink-folder = { $path } is a symbolic link, not a folder; kompass does not write through it
write-kept-at = the other version is kept as { $path }
ods-bad-repeat = { $attribute }="{ $value }" is not a whole number
batch-same-output = { $first } and { $second } would both be written to { $output }; render them into different folders, or one at a time
export-same-evaluation = { $second } is the same evaluation as { $first } ({ $name } { $when }): the register gets one row of it, from { $second }
pdf-not-pdf = not a PDF file
pdf-attachment-too-large = the attached file { $name } inflates to more than { $size }; kompass reads at most that much
pdf-inflates = the PDF's compressed streams inflate to more than { $size } together; kompass reads at most that much
pdf-objects = the PDF has more than { $limit } objects; kompass reads at most that many
pdf-values = the PDF asks for more than { $limit } values to be read; kompass reads at most that many
pdf-attachment-unreadable = the attached file { $name } cannot be read: { $why }
workbook-not-zip = not a workbook (a zip archive): { $why }
workbook-parts = the workbook has more than { $limit } parts; kompass reads at most that many
workbook-part-too-large = the workbook's part { $part } inflates to more than { $size }; kompass reads at most that much of one part
workbook-too-large = the workbook inflates to more than { $size } in all; kompass reads at most that much
workbook-part-unreadable = the workbook's part { $part } cannot be read: { $why }
embed-not-kompass = the PDF carries no kompass data: it was not made by kompass with the evaluation attached (PDF/A-3, the default since kompass 0.1)
embed-provenance = the PDF's { $name } cannot be read: { $why }
embed-no-evaluation = the PDF carries no evaluation
embed-not-text = the attached evaluation is not UTF-8 text
export-other-sheets = { $name } has other sheets besides the register ({ $sheets }), which kompass would not keep; export to a new file and copy the rows over
export-kind = a register is written as .csv (RFC 4180, UTF-8), .xlsx (an Excel workbook) or .json, not .{ $extension }
export-exists = { $path } exists; --append adds the evaluations to it (a row of the same evaluation is replaced, the others stay), --overwrite replaces the file
export-append-json = --append works on a .csv or .xlsx register
export-wrote = wrote { $path } ({ $count } { $count ->
        [one] evaluation
       *[other] evaluations
    })
export-wrote-appended = wrote { $path } ({ $count } { $count ->
        [one] evaluation
       *[other] evaluations
    }: { $added } added, { $replaced } replaced)
plain-list = { $items }
extract-wrote = wrote { $path } (the evaluation inside { $pdf }, made by kompass { $version })
extract-exists = { $path } already exists; kompass extract never overwrites a file
    {"  "}hint: name another file with -o
extract-unsafe-name = note: the PDF names its evaluation { $name }, which is not a plain file name in this folder; writing { $safe } instead
extract-computed = comparison.{ $key }: { $rows ->
        [0] {""}
        [one] the mean of one evaluation
       *[other] the mean of { $rows } evaluations
    }
extract-register = note: the evaluation takes values from the results register { $register } ({ $computed }{ $earlier } earlier evaluations); render it next to that register. `kompass verify` uses the values the PDF kept.
verify-standards = the PDF names standards kompass does not know: { $reason }
verified = { $pdf }: verified – byte for byte what { $name } renders to with kompass { $version } ({ $framework }, { $standards }{ $draft ->
        [yes] , draft
       *[other] {""}
    })
not-verified = { $pdf }: NOT what { $name } renders to; what differs:
attached-name = { $name } (attached)
verify-previous-unreadable = the attached earlier evaluation cannot be read
differs-version = - the kompass version: the PDF was made by kompass { $then }, this is kompass { $now }
differs-framework = - the framework { $framework } has changed since the PDF was made
differs-register = - the results register: { $change }
differs-pdf-itself = - none of its inputs: the PDF itself was changed after kompass made it (edited, signed or saved again by another program)
differs-evaluation = - the evaluation differs from the attached one
differs-layout = - the evaluation's text differs from the attached one, though not in anything the report shows (its layout in the file)
differs-evaluation-to = - the evaluation: from the PDF's to { $name }:
list-semicolon = {"; "}
basis-mean = { $count ->
        [one] the mean of one evaluation (row { $rows })
       *[other] the mean of { $count } evaluations (rows { $rows })
    }
basis-fixed = fixed values
basis-none = none
area-moved = area { $area }: { $before } → { $after }
basis-change = was { $before }, now { $after }{ $moved }
register-now-used = the evaluation now takes values from { $register }
register-no-longer-used = the PDF took values from { $register }, the evaluation no longer does
register-unchanged = unchanged
profile-changed = comparison.{ $key }: { $change }
register-history-changed = earlier evaluations from the register were [{ $before }], now [{ $after }]{ $same ->
        [yes] {" "}with other scores
       *[other] {""}
    }
register-read-as = { $before } was read as { $after }
register-changed = { $register } has changed since the PDF was made: { $parts }
watch-unavailable = cannot watch files here: { $reason }
watch-cannot = cannot watch { $path }: { $reason }
watching = watching { $evaluation } → { $output } ({ $kind ->
        [final] final
       *[other] draft
    }); Ctrl-C to stop
build-error = build { $n }: { $reason }; waiting for the next save
build-done = build { $n }: { $pages } { $pages ->
        [one] page
       *[other] pages
    } in { $seconds } s → { $output }{ $warnings ->
        [0] {""}
        [one] {" "}(1 warning)
       *[other] {" "}({ $warnings } warnings)
    }
build-failed = build { $n }: failed: { $reason }; waiting for the next save
build-invalid = build { $n }: { $errors } { $errors ->
        [one] error
       *[other] errors
    } – the PDF was left as it was; waiting for the next save
cannot-read-folder = cannot read the folder { $path }
and-more = {" "}(and { $count } more)
batch-ok = ok     { $path } → { $output }
batch-failed = FAILED { $path }: { $reason }
no-threads = cannot start the worker threads: { $reason }
batch-summary = { $rendered } rendered, { $failed } failed, in { $seconds } s
place-sheet = sheet { $sheet }
not-an-ods = not an OpenDocument spreadsheet (.ods): { $reason }
ods-too-many-cells = the spreadsheet's tables hold more than { $max } cells once their repeated rows and columns are counted; a register is read up to that many
workbook-no-sheet = the workbook has no sheet
grid-rows = it goes on past row { $max }; a register is read up to { $max } { $max ->
        [one] row
       *[other] rows
    }
grid-columns = row { $row } has a value in column { $column }; a register is read up to column { $last } ({ $max } columns)
grid-cells = it has more than { $max } cells; a register is read up to that many
found-date = date { $value }
expected-table = a table

## The editor in the browser (serve/)

serve-wrong-value = this takes { $expected }
serve-bad-path = not a key of the evaluation: `{ $path }`
serve-syntax-first = the file has a TOML syntax error: correct it in a text editor first
serve-changed-on-disk = the file was changed on disk while the page was open; nothing was overwritten
serve-not-renderable = the evaluation has errors that stop the report
serve-cannot-listen = cannot listen on 127.0.0.1 port { $port }
serve-listening = kompass serve: { $url }
    (open it in the browser; Ctrl-C stops the server)
serve-empty-folder = { $path } holds no evaluation (.toml): write one there first with `kompass new <Kommun> -o <file>`
serve-since-draft = since the draft { $file }
serve-since-opened = since the page opened the file

## The command line (main.rs)

usage-unknown-argument = unexpected argument '{ $arg }' found
usage-unknown-command = unrecognized subcommand '{ $command }'
usage-missing = { $count ->
        [one] the following required argument was not provided
       *[other] the following required arguments were not provided
    }: { $args }
usage-missing-command = a command is needed, e.g. `kompass check <file>`
usage-invalid-value = invalid value '{ $value }' for '{ $arg }'
usage-invalid-choice = invalid value '{ $value }' for '{ $arg }' (possible values: { $valid })
usage-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
usage-see-help = For more information, try '--help'.

## The skeleton `kompass new` writes (its comments)

skel-fill = Fill in every placeholder, then run `kompass check` and `kompass render`.
skel-markup = Texts take markup: blank lines between paragraphs, *emphasis*, **strong**, "- " bullets.
skel-as-in = as in "{ $example }"
skel-population-unknown = PLACEHOLDER: number of inhabitants ("{ $place }" is not in kompass's table; check the name forms above too)
skel-date = the report date, printed on the cover
skel-evaluated = PLACEHOLDER: when the evaluation was made, e.g. "augusti 2023"
skel-interviews = PLACEHOLDER: number of people interviewed
skel-approximate = prints "ett 40-tal personer"
skel-evaluation = added after the generated text under "Utvärderingen"
skel-comparisons-1 = Comparison profiles for the charts: fixed values (one per area, in order) with
skel-comparisons-2 = their source, or computed from the results register named at the top with
skel-comparisons-3 = `register = "register.csv"` (see docs/data-format.md).

## The editor: merging and outputs (serve/)

serve-required = the field must have a value
serve-disk-unreadable = the file on disk cannot be read as an evaluation just now ({ $reason }); what you type is saved when it can
serve-disk-busy = the file on disk keeps being changed by another program; try again in a moment
serve-not-made = could not be made
serve-disk-partial = the file seems half-written (parts of it are missing); it is read again when it is whole

## Comments in a returned draft (`kompass comments`, src/read/annotations.rs, src/review/)

annots-encrypted = the PDF is encrypted; kompass does not read the comments of an encrypted PDF (save it without a password and try again)
annots-no-pages = no pages found in the PDF (its catalogue or page tree is missing or damaged)
annots-too-many-pages = the PDF has more pages than kompass reads (at most { $limit })
annots-too-many = the PDF has more than { $limit } annotations; kompass reads at most that many
comment-kind-note = note
comment-kind-highlight = highlight
comment-kind-underline = underline
comment-kind-strike-out = strike-out
comment-kind-replacement = replacement
comment-kind-insertion = insertion
comment-kind-text-box = text box
comment-kind-drawing = drawing
comment-kind-stamp = stamp
comment-kind-other = annotation
comments-not-kompass = the PDF carries no evaluation from kompass, so its comments are listed by page, without their fields
comments-cannot-remake = the evaluation the PDF carries could not be typeset again here, so the comments are listed without their fields: { $reason }
comments-other-version = the draft was made by kompass { $then } and this is kompass { $now }; if its layout has changed since, a comment may be put on a neighbouring field
comments-other-layout = the PDF's pages are not those of the report typeset again (another number of pages, or another size), so the comments are placed by the words they quote, where they quote any
comments-unreadable = page { $page }: { $count ->
        [one] one annotation
       *[other] { $count } annotations
    } could not be read (damaged, or over kompass's bounds)
comments-cut = { $count ->
        [one] one comment was
       *[other] { $count } comments were
    } cut at kompass's bound on the length of a text
comments-heading = { $pdf }: { $count ->
        [one] one comment
       *[other] { $count } comments
    } ({ $placed } on fields, { $outside } outside them)
comments-heading-draft = draft version { $version }, { $name }
comments-none = { $pdf }: no comments.
comments-item = { $n }. Page { $page } – { $place }
comments-by = { $kind } by { $author }
comments-dated = { $what }, { $date }
comments-marked = Marked: “{ $text }”
comments-replace-with = Replace with: “{ $text }”
comments-insert = Insert: “{ $text }”
comments-said = Comment: { $text }
comments-reply = Reply from { $author }: { $text }
comments-state = State: { $state }
comments-how-beside = (beside the text: belongs to the line beside it)
comments-how-near = (belongs to the nearest line)
comments-how-quoted = (placed by the words it quotes)
comments-how-nowhere = (not on the text)
comments-pages-unchanged = The pages are as kompass made them: the comments are all that was added.
comments-pages-changed = { $count ->
        [one] Page { $pages } draws
       *[other] Pages { $pages } draw
    } something other than the draft kompass made. A comment flattened into a page (some programs do so when they print or save) can no longer be read as a comment: look at { $count ->
        [one] that page
       *[other] those pages
    } yourself.
comments-pages-rewritten = The PDF was written anew by the program that saved it, so kompass cannot tell whether any comment was flattened into its pages.
comments-unnamed = (no name)
review-state-open = open
review-state-done = done
review-state-no-change = no change
review-not-tables = `comment` must be a list of tables (`[[comment]]`)
review-no-id = comment { $n } has no `id`
review-bad-state = comment { $n } has the state “{ $state }”, which is not one of “öppen”, “åtgärdad” and “ingen ändring”
comments-note = note: { $message }
consequence-no-review = ; the review file was not written
comments-reply-needs-evaluation = --reply needs the evaluation too: `kompass comments <draft.pdf> <evaluation.toml> --reply` (the review file beside it says what was done with each comment)
comments-review-file = Review kept in { $file }: { $added } new; { $open } open of { $count }.
comments-other-municipality = { $evaluation } is the evaluation of { $now }, but the draft is of { $then }
comments-reply-target = -o { $target }: the answer is written as .pdf or .md, and never over the evaluation, the draft or the review file
comments-reply-written = wrote { $path } ({ $count ->
        [one] one comment
       *[other] { $count } comments
    })
verified-comments = { $pdf }: the PDF has { $count ->
        [one] one comment
       *[other] { $count } comments
    } added; the report's content is unchanged (every page is what { $name } gives with kompass { $version })
differs-comments = - { $count ->
        [one] one comment was
       *[other] { $count } comments were
    } added to the PDF (`kompass comments` lists them)
differs-pages = - { $count ->
        [one] page { $pages } draws
       *[other] pages { $pages } draw
    } something else than kompass made: an edit, or a comment flattened into the page
differs-pages-same = - every page still draws what kompass made

## The editor in the browser: the page's words (src/serve/assets/, `t()` in i18n.js)

editor-page-title = kompass – the evaluation
editor-skip-to-form = Skip to the form
editor-loading = Loading …
editor-actions = Actions
editor-undo = Undo
editor-redo = Redo
editor-make-draft = Draft as PDF
editor-make-final = Final PDF
editor-make-slides = Slides for the feedback meeting
editor-make-charts = The charts
editor-show-changes = What has changed?
editor-show-pages = Show the report's pages
editor-hide-pages = Hide the report's pages
editor-folder = The evaluations in the folder
editor-new-municipality = New evaluation of the municipality
editor-create = Create
editor-form = The evaluation
editor-pages-title = The report's pages (draft)
editor-changes = Changes
editor-changes-text = The changes
editor-findings = Findings
editor-blockers = What stops a final PDF
editor-all-findings = All findings
editor-toml = The file as TOML (read-only)
editor-toml-text = The file's text
editor-title = kompass – { $file }
editor-loaded = Loaded
editor-saved = Saved
editor-status = { $how } – { $errors ->
        [0] no errors
        [one] one error
       *[other] { $errors } errors
    }
editor-undone = Undone
editor-redone = Redone
editor-offline = Not connected – what you type is saved when kompass is running again.
editor-online = Connected again
editor-online-sending = Connected again – saving what waited …
editor-no-key = This tab has no key. Open the address that kompass serve printed (the one with ?token=).
editor-tab-disconnected = This tab is no longer connected to kompass. Open the address that kompass serve printed; what you typed waits in the browser.
editor-empty-folder = The folder has no evaluation that can be opened. Create a new one below.
editor-unreadable = The file cannot be read as an evaluation; fix the errors below in a text editor and reload the page.
editor-not-saved = Not saved: { $reason }
editor-not-saved-field = Not saved: { $field } – { $reason }
editor-waiting = Waiting: { $reason }
editor-cannot-open = Could not open: { $reason }
editor-changed-on-disk = Changed on disk: { $fields }.
editor-changes-since = Changes { $since }
editor-no-changes = No changes.
editor-making-pdf = Making the PDF …
editor-no-pdf = No PDF: { $reason }
editor-pdf-written = Wrote { $file }.
editor-pdf-written-kept = Wrote { $file }. The draft sent for fact-checking is kept as { $kept }.
editor-file = { $name } ({ $state })
editor-file-state = { $errors ->
        [0] { $warnings ->
            [0] no errors
            [one] one warning
           *[other] { $warnings } warnings
        }
        [one] one error
       *[other] { $errors } errors
    }
editor-conflict = Changed in two places: { $field }
editor-conflict-said = The same words were changed at the same time { $where ->
        [disk] on disk
       *[tab] in another tab
    }. Your version stays in the field.
editor-conflict-theirs = The version { $where ->
        [disk] on disk
       *[tab] in the other tab
    }:
editor-conflict-keep = Keep my version
editor-conflict-take = Use the version { $where ->
        [disk] on disk
       *[tab] in the other tab
    }
editor-framework = Framework: { $name } ({ $id })
editor-area-name = Area { $id } { $title }
editor-subarea = { $id } { $title } (0–{ $max })
editor-area-sum = The area's points: { $sum } of { $max }
editor-total = Total score: { $total } of { $max }
editor-value-n = Value { $n }
editor-formatting = Formatting
editor-bold = Bold
editor-bold-key = Bold (Ctrl+B)
editor-italic = Italic
editor-italic-key = Italic (Ctrl+I)
editor-bullets = Bulleted list
editor-up = Up
editor-down = Down
editor-remove = Remove
editor-list-add = Add { $item }
editor-list-item = { $item } { $n }
editor-list-up = Move { $item } { $n } up
editor-list-down = Move { $item } { $n } down
editor-list-remove = Remove { $item } { $n }
editor-row-field = { $row }: { $field }
editor-evaluator-n = Evaluator { $n }
editor-evaluator-up = Move evaluator { $n } up
editor-evaluator-down = Move evaluator { $n } down
editor-evaluator-remove = Remove evaluator { $n }
editor-evaluator-add = Add an evaluator
editor-revision-n = Version { $n }
editor-revision-remove = Remove version { $n }
editor-revision-add = New version ({ $n })
editor-earlier = The evaluation of { $year }
editor-earlier-none = None in the file; rows of the results register are drawn too.
editor-earlier-add = Add an earlier evaluation
editor-earlier-remove = Remove the evaluation of { $year }
editor-profile-none = None in the file: the charts do not show it.
editor-profile-add-values = Add a { $profile } with fixed values
editor-profile-add-register = Add a { $profile } from the results register
editor-profile-remove = Remove the { $profile }
editor-register-rows = The mean covers { $count ->
        [one] one evaluation in the register (row { $rows }).
       *[other] { $count } evaluations in the register (rows { $rows }).
    }
editor-register-none = The register gives no mean with this selection (see the findings).
editor-page-n = Page { $n }
editor-finding = { $kind }: { $text }
editor-severity = { $severity ->
        [error] Error
        [warning] Warning
        [blocker] Stops
       *[note] Note
    }
editor-finding-help = { $message } ({ $help })
editor-blocks-final = Stops a final PDF: { $message }
editor-blocking = { $count ->
        [0] Nothing stops a final PDF.
        [one] A final PDF cannot be made yet: one thing stops it.
       *[other] A final PDF cannot be made yet: { $count } things stop it.
    }
editor-date-format = Write the date as YYYY-MM-DD.
editor-whole-decimals = { $text } has decimals (the comma is a decimal comma). Write a whole number, e.g. { $whole }.
editor-not-whole = “{ $text }” is not a whole number. Write digits only.
editor-score-range = The score must be 0–{ $max }.
editor-negative = Write a number that is not negative.
editor-not-number = “{ $text }” is not a number. Write e.g. 63.7.
editor-value-range = The value must be 0–{ $max }.

## The evaluation's keys in the editor's form (structure.rs: field-<table>-<key>, with -hint
## for an explanation under the field and -item for an item of a list)

field-evaluation-framework = Framework
field-evaluation-total = Total score (as the file states it)
field-evaluation-municipality = The municipality
field-evaluation-report = The report
field-evaluation-evaluators = Evaluators
field-evaluation-summary = Summary
field-evaluation-area = The areas
field-evaluation-register = Results register
field-evaluation-register-hint = The register's file name beside the evaluation: .csv, .xlsx or .ods.
field-evaluation-comparison = Comparisons
field-evaluation-history = Earlier evaluations
field-evaluation-revision = Versions
field-municipality-name = The municipality's name (the place name)
field-municipality-name-hint = Choose one of Sweden's 290 municipalities: the name forms and the population are filled in.
field-municipality-genitive = Genitive (as in “Leksands poäng”)
field-municipality-official-name = Official name (as in “Analys av Leksands kommun”)
field-municipality-population = Inhabitants
field-report-date = The report's date
field-report-evaluated = When the evaluation was made (as it is to be printed, e.g. “augusti 2023”)
field-report-first-evaluation = The municipality's first evaluation
field-report-interviews = Number of people interviewed
field-report-interviews-approximate = Write the number approximately (“ett 40-tal”)
field-report-publisher = Publisher
field-report-meeting = Date of the feedback meeting (for the slides)
field-evaluator-name = Name
field-evaluator-organisation = Organisation
field-summary-evaluation = The evaluation (after the generated paragraphs)
field-summary-comparisons = Comparisons (replaces the framework's text, if filled in)
field-summary-comments = Summarising comments
field-area-id = The area's number
field-area-score = The area's points (as the file states them)
field-area-analysis = Summarising analysis
field-area-strengths = Strengths
field-area-strengths-item = Strength
field-area-improvements = Improvement opportunities
field-area-improvements-item = Improvement opportunity
field-area-scores = Points per sub-area
field-comparison-national = National comparison
field-comparison-peer = Peer group
field-profile-label = Legend in the chart
field-profile-source = Source under the chart
field-profile-description = How the text names the comparison (after “jämfört med”)
field-profile-values = Values per area
field-profile-from-register = From the results register
field-filter-framework = Framework (empty: the evaluation's own)
field-filter-year-from = From the year
field-filter-year-to = Up to the year
field-filter-population-min = Fewest inhabitants
field-filter-population-max = Most inhabitants
field-filter-first-evaluation = Only the municipalities' first evaluations
field-filter-exclude-self = Without the municipality's own evaluations
field-earlier-year = Year
field-earlier-framework = Framework (empty: the evaluation's own)
field-earlier-values = Values per area
field-revision-version = Number
field-revision-date = Date
field-revision-changes = What changed
field-revision-by = By whom

## The fact-check in the editor (kompass serve, src/serve/assets/review.js): the page's words,
## with `{ $name }` filled in by the page.
editor-review-too-large = The PDF file is larger than { $mb } MB, so kompass does not read it here.
review-nothing-read = The review file has no comments yet: first read in the PDF file that came back from the fact-check.
editor-review-title = The fact-check
editor-review-read = Read in the comments from the fact-check
editor-review-hint = Choose the PDF file the municipality sent back, or drop it anywhere on the page. The comments are shown at their fields; what you do with each is saved in { $file }, which is never published.
editor-review-reading = Reading the comments in { $name } …
editor-review-read-done = { $name }: comments in the file: { $count }, new: { $added }.
editor-review-not-pdf = { $name } is not a PDF file.
editor-review-failed = The comments could not be read: { $reason }
editor-review-summary = Comments: { $received }. Done: { $done }, no change: { $nochange }, open: { $open }.
editor-review-none = No comments have been read in yet.
editor-review-open-title = Open comments
editor-review-all-handled = Every comment is handled.
editor-review-outside-title = Comments outside the fields
editor-review-comment-label = Comment from the fact-check: { $place }
editor-review-place = Page { $page } – { $place }
editor-review-by = { $kind } by { $author }
editor-review-dated = { $what }, { $date }
editor-review-unnamed = (no name)
editor-review-marked = Marked:
editor-review-said = Comment:
editor-review-replace-with = Replace with:
editor-review-insert = Insert:
editor-review-reply-from = Reply from { $author }:
editor-review-state = State
editor-review-state-open = Open
editor-review-state-done = Done
editor-review-state-no-change = No change
editor-review-answer = Answer to the municipality (short, above all for “No change”)
editor-review-saved = Saved in { $file }.
editor-review-not-saved = Not saved: { $reason }
editor-review-make-reply = Make the answer as PDF
editor-review-making-reply = Making the answer …
editor-review-reply-written = Wrote { $file }, the answer to the municipality.
editor-review-reply-title = The answer
editor-review-open-link = { $where }: { $text }
editor-review-offline = Not connected to kompass.
