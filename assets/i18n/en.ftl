# Keruen interface strings: English. Every file in this folder has the same keys.
tab-lookup = Lookup
tab-settings = Settings
search-hint = Search in any language or pinyin (Ctrl+K)
domain-filter = Domain
domain-all = All domains
domain-policy = Policy & cooperation
domain-rail = Rail
domain-road = Road
domain-air = Air
domain-sea = Sea & ports
domain-forwarding = Multimodal & forwarding
domain-customs = Customs
domain-trade-terms = Trade terms (Incoterms)
domain-documents = Documents
domain-warehousing = Warehousing & inventory
domain-finance = Finance & payments
domain-geography = Geography of the corridor
results-count = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
no-results = Nothing matches “{ $query }”.
did-you-mean = Did you mean:
no-selection = Choose a term on the left to see it in all four languages.
lang-kk = Kazakh
lang-ru = Russian
lang-zh = Chinese
lang-en = English
kind-synonym = synonym
kind-abbreviation = abbreviation
kind-deprecated = deprecated
card-definitions = Definitions
card-example = Example
card-article = From the article
card-source = Source
card-note = Note
copy = Copy
copied = Copied
copy-tooltip = Copy “{ $term }” to the clipboard
settings-ui-lang = Interface language
settings-theme = Theme
theme-light = Light
theme-dark = Dark
settings-text-size = Text size
settings-tone-colors = Colour pinyin by tone
settings-tone-colors-hint = 1st tone red, 2nd green, 3rd blue, 4th purple, neutral grey
settings-data = Your data
settings-data-location = Stored in { $path }
settings-data-memory = Kept in memory only: nothing is saved.
settings-termbase = { $count ->
    [one] Termbase: { $count } concept
   *[other] Termbase: { $count } concepts
}
error-save = Could not save your settings: { $error }
tab-study = Study
tab-progress = Progress
tab-study-due = { $n ->
    [one] { $n } card to study now
   *[other] { $n } cards to study now
}
deck-article = From the article
onboarding-title = Welcome to Keruen
onboarding-intro = Tell Keruen which languages you know and which you are learning; it will make flashcards in both directions.
onboarding-know = I know
onboarding-learn = I am learning
onboarding-directions = Card directions
onboarding-no-directions = Choose at least one language you know and a different one you learn.
onboarding-decks = Decks to study
onboarding-start = Start studying
onboarding-skip = Not now — just look up terms
onboarding-need-choice = Choose at least one direction and one deck.
onboarding-later = You can change all of this in Settings at any time.
study-new-card = new
study-bury = Bury
study-bury-hint = Hide this card until tomorrow
study-suspend = Suspend
study-suspend-hint = Stop showing this card until you unsuspend it
study-show-answer = Show answer
study-space-hint = Space shows the answer · Ctrl+Z undoes the last answer
study-enter-hint = Type the answer and press Enter · Ctrl+Z undoes the last answer
study-type-hint = Your answer (pinyin with tone marks or numbers)
study-missing-concept = The concept “{ $id }” is no longer in the termbase.
study-nothing-due = Nothing to study right now
study-session-done = Session complete
study-next-learning = The next learning card is due in { $when }.
study-check-again = Check again
study-come-back = Come back tomorrow for the next cards.
summary-answered = Cards answered
summary-new = New cards
summary-remembered = Remembered
summary-time = Time
minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
grade-again = Again
grade-hard = Hard
grade-good = Good
grade-easy = Easy
interval-minutes = { $n } min
interval-hours = { $n } h
interval-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
interval-months = { $n } mo
interval-years = { $n } yr
typed-correct = Correct: { $term }
typed-tone-error = Right syllables, wrong tone: { $term }
typed-wrong = Not quite — compare with the answer below.
progress-today = answers today
progress-streak = { $n ->
    [one] day in a row
   *[other] days in a row
}
progress-due = due today
progress-retention-30 = remembered (30 days)
progress-heatmap = Answers over the last year
progress-answers = { $n ->
    [one] { $n } answer
   *[other] { $n } answers
}
weekday-mon = Mon
weekday-wed = Wed
weekday-fri = Fri
progress-retention = True retention, last 30 days
progress-retention-caption = Share of reviews remembered each day; the line is your goal ({ $goal }).
progress-forecast = Due in the next 30 days
progress-forecast-caption = { $n } reviews coming due, today first.
progress-states = Cards by state
state-new = New
state-learning = Learning
state-relearning = Relearning
state-review = Review
state-suspended = Suspended
progress-by-domain = Mastery by domain
progress-by-direction = Mastery by direction
progress-learned = { $n } studied
progress-mastery-caption = Green: mastered (remembered for 3 weeks or more); amber: studied.
settings-study = Study
settings-directions = Card directions
settings-decks = Decks to study
settings-retention = Desired retention
settings-retention-hint = How likely you should be to remember a card when it comes due. Higher means more reviews.
settings-limits = Daily limits
settings-new-per-day = new cards
settings-reviews-per-day = reviews
settings-steps = Steps (minutes)
settings-learning-steps = learning
settings-relearning-steps = relearning
settings-day-starts = New day starts at
settings-day-starts-hint = Answers before this hour count for the day before.
settings-typed = Typed answers
settings-typed-hint = Type the answer instead of only revealing it
settings-optimize = Personal scheduling
optimize-defaults = Using FSRS's default parameters.
optimize-personal = Using parameters fitted to your reviews.
optimize-running = Fitting parameters to your reviews…
optimize-button = Optimize from my reviews
optimize-before = Current
optimize-after = Fitted
optimize-adopted = The fitted parameters predict your { $n } reviews better and are now in use.
optimize-kept = The fitted parameters were not better on your { $n } reviews; the current ones stay.
settings-suspended = Suspended cards
settings-suspended-count = { $n ->
    [one] { $n } card is suspended.
   *[other] { $n } cards are suspended.
}
settings-unsuspend = Return them all to study
tab-decks = Decks
decks-name = Deck
decks-concepts = Concepts
decks-due = Due
decks-mastery = Mastered
decks-new = New deck
decks-new-hint = e.g. Khorgos partners
decks-create = Create deck
decks-created = Deck “{ $name }” created.
decks-deleted = Deck “{ $name }” deleted; its concepts stay in the glossary.
decks-export = Export…
decks-rename = Rename
decks-delete = Delete
export-title = Export “{ $deck }”
export-format = Format
format-csv = CSV
format-excel = Excel (CSV)
format-anki = Anki (text)
format-apkg = Anki package (.apkg)
format-tbx = TBX (for CAT tools)
export-apkg-directions = Card directions:
export-tbx-hint = TBX-Basic (ISO 30042) for CAT tools and termbases.
export-front = Front
export-back = Back
export-same-language = The front and the back need different languages.
export-progress = Add my progress (due date, stability, reviews)
export-to = Save to
export-choose = Choose…
export-save = Export
export-done = Exported { $path }
export-failed = The export failed: { $error }
import-title = Import a file
import-hint = CSV from Keruen, a spreadsheet or Anki (comma, semicolon or tab separated), or a TBX file from a CAT tool. Nothing is imported unless every row is right.
import-file = File
import-choose = Choose…
import-preview = Preview
import-unreadable = Cannot read the file: { $error }
import-ignore = (ignore)
import-rows = { $n ->
    [one] { $n } row
   *[other] { $n } rows
}
import-concepts = { $n ->
    [one] { $n } concept
   *[other] { $n } concepts
}
import-duplicates = Already in the glossary:
import-update = Update it
import-skip = Skip
import-keep-both = Keep both
import-deck = Into deck
import-domain = Domain for rows that name none
import-go = Import
import-done = Imported: { $summary }
import-backed-up = Your data as it was before the import is kept in the backup { $name } (Settings → Backups).
lookup-new-concept = + New concept
lookup-add-all = Add all to deck
lookup-add-to-deck = Add to deck
lookup-no-decks = You have no decks yet: create one on the Decks screen.
lookup-edit = Edit
lookup-edited = Your edited version
lookup-revert = Back to the built-in version
lookup-reverted = The built-in version is back.
lookup-delete = Delete
lookup-deleted = “{ $id }” deleted.
editor-new-title = New concept
editor-edit-title = Edit “{ $id }”
editor-pinyin = Pinyin
editor-suggest = Suggest from the characters
editor-synonyms = Other terms, one per line; put “(abbr)” after an abbreviation and the pinyin of a Chinese term after it in square brackets
editor-definition = Definition
editor-deck = Deck
editor-no-deck = (none)
editor-id = Id
editor-id-taken = The id “{ $id }” is taken; choose another.
editor-two-languages = Give the term in at least two languages.
editor-save = Save
editor-cancel = Cancel
import-summary = { $added } new, { $updated } updated, { $skipped } skipped, { $renamed } kept under a new id

backups-title = Backups
backups-folder = Kept in { $path }: one when Keruen opens and one every 30 minutes of use; the newest eight, then one a day for a week, one a week for five weeks and one a month for a year.
backups-in-memory = This session keeps nothing on disk, so there is nothing to back up.
backups-now = Back up now
backups-made = Backed up as { $name }
backups-none = No backups yet.
backups-restore = Restore…
backups-confirm = Replace all your data (concepts, decks, study history, settings) with the backup of { $date }? Your current data is backed up first.
backups-confirm-yes = Restore
backups-cancel = Cancel
backups-restored = Restored the backup of { $date }. Your data from before is in the backup { $safety }.
backups-failed = The restore failed and nothing was changed: { $error }
damaged-notice = Your data file was damaged ({ $problem }). Keruen moved it to { $path } — nothing in it was deleted — and started with fresh data.
damaged-restore = Restore the backup of { $date }
damaged-no-backup = There is no backup to restore.
damaged-dismiss = Continue with fresh data
