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
