# Строки интерфейса Keruen: русский.
tab-lookup = Поиск
tab-settings = Настройки
search-hint = Поиск на любом языке или по пиньиню (Ctrl+K)
domain-filter = Область
domain-all = Все области
domain-policy = Политика и сотрудничество
domain-rail = Железнодорожный транспорт
domain-road = Автомобильный транспорт
domain-air = Воздушный транспорт
domain-sea = Море и порты
domain-forwarding = Мультимодальные перевозки и экспедирование
domain-customs = Таможня
domain-trade-terms = Торговые термины (Инкотермс)
domain-documents = Документы
domain-warehousing = Склад и запасы
domain-finance = Финансы и платежи
domain-geography = География коридора
results-count = { $count ->
    [one] { $count } результат
    [few] { $count } результата
    [many] { $count } результатов
   *[other] { $count } результата
}
no-results = По запросу «{ $query }» ничего не найдено.
did-you-mean = Возможно, вы имели в виду:
no-selection = Выберите термин слева, чтобы увидеть его на четырёх языках.
lang-kk = Казахский
lang-ru = Русский
lang-zh = Китайский
lang-en = Английский
kind-synonym = синоним
kind-abbreviation = сокращение
kind-deprecated = не рекомендуется
card-definitions = Определения
card-example = Пример
card-article = Из статьи
card-source = Источник
card-note = Примечание
copy = Копировать
copied = Скопировано
copy-tooltip = Скопировать «{ $term }» в буфер обмена
settings-ui-lang = Язык интерфейса
settings-theme = Тема
theme-light = Светлая
theme-dark = Тёмная
settings-text-size = Размер текста
settings-tone-colors = Раскрашивать пиньинь по тонам
settings-tone-colors-hint = 1-й тон красный, 2-й зелёный, 3-й синий, 4-й фиолетовый, нейтральный серый
settings-data = Ваши данные
settings-data-location = Хранятся в { $path }
settings-data-memory = Данные только в памяти: ничего не сохраняется.
settings-termbase = { $count ->
    [one] Терминологическая база: { $count } понятие
    [few] Терминологическая база: { $count } понятия
    [many] Терминологическая база: { $count } понятий
   *[other] Терминологическая база: { $count } понятия
}
error-save = Не удалось сохранить настройки: { $error }
