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
tab-study = Изучение
tab-progress = Прогресс
tab-study-due = { $n ->
    [one] К изучению сейчас: { $n } карточка
    [few] К изучению сейчас: { $n } карточки
    [many] К изучению сейчас: { $n } карточек
   *[other] К изучению сейчас: { $n } карточки
}
deck-article = Из статьи
onboarding-title = Добро пожаловать в Keruen
onboarding-intro = Укажите, какие языки вы знаете и какие изучаете: Keruen создаст карточки в обоих направлениях.
onboarding-know = Я знаю
onboarding-learn = Я изучаю
onboarding-directions = Направления карточек
onboarding-no-directions = Выберите хотя бы один язык, который вы знаете, и другой — который изучаете.
onboarding-decks = Колоды для изучения
onboarding-start = Начать изучение
onboarding-skip = Не сейчас — только искать термины
onboarding-need-choice = Выберите хотя бы одно направление и одну колоду.
onboarding-later = Всё это можно в любой момент изменить в разделе «Настройки».
study-new-card = новая
study-bury = Отложить
study-bury-hint = Скрыть эту карточку до завтра
study-suspend = Исключить
study-suspend-hint = Не показывать эту карточку, пока вы не вернёте её в изучение
study-show-answer = Показать ответ
study-space-hint = Пробел — показать ответ · Ctrl+Z — отменить последний ответ
study-enter-hint = Введите ответ и нажмите Enter · Ctrl+Z — отменить последний ответ
study-type-hint = Ваш ответ (пиньинь со знаками тонов или цифрами)
study-missing-concept = Понятия «{ $id }» больше нет в терминологической базе.
study-nothing-due = Сейчас нечего изучать
study-session-done = Занятие завершено
study-next-learning = Следующая изучаемая карточка — через { $when }.
study-check-again = Проверить снова
study-come-back = Возвращайтесь завтра за следующими карточками.
summary-answered = Отвечено карточек
summary-new = Новых карточек
summary-remembered = Запомнено
summary-time = Время
minutes = { $n ->
    [one] { $n } минута
    [few] { $n } минуты
    [many] { $n } минут
   *[other] { $n } минуты
}
grade-again = Снова
grade-hard = Трудно
grade-good = Хорошо
grade-easy = Легко
interval-minutes = { $n } мин
interval-hours = { $n } ч
interval-days = { $n ->
    [one] { $n } день
    [few] { $n } дня
    [many] { $n } дней
   *[other] { $n } дн.
}
interval-months = { $n } мес.
interval-years = { $n } г.
typed-correct = Верно: { $term }
typed-tone-error = Слоги верные, но тон неверный: { $term }
typed-wrong = Не совсем — сравните с ответом ниже.
progress-today = ответов сегодня
progress-streak = { $n ->
    [one] день подряд
    [few] дня подряд
    [many] дней подряд
   *[other] дня подряд
}
progress-due = к повторению сегодня
progress-retention-30 = запомнено (30 дней)
progress-heatmap = Ответы за последний год
progress-answers = { $n ->
    [one] { $n } ответ
    [few] { $n } ответа
    [many] { $n } ответов
   *[other] { $n } ответа
}
weekday-mon = Пн
weekday-wed = Ср
weekday-fri = Пт
progress-retention = Фактическое запоминание за последние 30 дней
progress-retention-caption = Доля повторений за каждый день, в которых вы вспомнили карточку; линия — ваша цель ({ $goal }).
progress-forecast = К повторению в ближайшие 30 дней
progress-forecast-caption = Предстоит повторений: { $n }, начиная с сегодняшнего дня.
progress-states = Карточки по состояниям
state-new = Новые
state-learning = Изучаемые
state-relearning = Переучиваемые
state-review = Повторяемые
state-suspended = Исключённые
progress-by-domain = Освоение по областям
progress-by-direction = Освоение по направлениям
progress-learned = Изучено: { $n }
progress-mastery-caption = Зелёный — освоено (помнится 3 недели и дольше); жёлтый — изучено.
settings-study = Изучение
settings-directions = Направления карточек
settings-decks = Колоды для изучения
settings-retention = Желаемое запоминание
settings-retention-hint = С какой вероятностью вы должны вспомнить карточку, когда подойдёт срок её повторения. Чем выше, тем больше повторений.
settings-limits = Дневные лимиты
settings-new-per-day = новых карточек
settings-reviews-per-day = повторений
settings-steps = Шаги (минуты)
settings-learning-steps = изучение
settings-relearning-steps = переучивание
settings-day-starts = Новый день начинается в
settings-day-starts-hint = Ответы до этого часа засчитываются за предыдущий день.
settings-typed = Ввод ответа
settings-typed-hint = Вводить ответ, а не только открывать его
settings-optimize = Персональное планирование
optimize-defaults = Используются параметры FSRS по умолчанию.
optimize-personal = Используются параметры, подобранные по вашим повторениям.
optimize-running = Подбор параметров по вашим повторениям…
optimize-button = Оптимизировать по моим повторениям
optimize-before = Текущие
optimize-after = Подобранные
optimize-adopted = Подобранные параметры точнее предсказывают ваши повторения (всего { $n }) и теперь используются.
optimize-kept = На ваших повторениях (всего { $n }) подобранные параметры не оказались точнее; остаются текущие.
settings-suspended = Исключённые карточки
settings-suspended-count = { $n ->
    [one] Исключена { $n } карточка.
    [few] Исключены { $n } карточки.
    [many] Исключено { $n } карточек.
   *[other] Исключено { $n } карточки.
}
settings-unsuspend = Вернуть все в изучение
tab-decks = Колоды
decks-name = Колода
decks-concepts = Понятия
decks-due = К повторению
decks-mastery = Освоено
decks-new = Новая колода
decks-new-hint = например, Партнёры в Хоргосе
decks-create = Создать колоду
decks-created = Колода «{ $name }» создана.
decks-deleted = Колода «{ $name }» удалена; её понятия остаются в глоссарии.
decks-export = Экспорт…
decks-rename = Переименовать
decks-delete = Удалить
export-title = Экспорт колоды «{ $deck }»
export-format = Формат
format-csv = CSV
format-excel = Excel (CSV)
format-anki = Anki (текст)
format-apkg = Пакет Anki (.apkg)
format-tbx = TBX (для CAT-программ)
export-apkg-directions = Направления карточек:
export-tbx-hint = TBX-Basic (ISO 30042) для CAT-программ и терминологических баз.
export-front = Лицевая сторона
export-back = Оборот
export-same-language = На лицевой стороне и на обороте должны быть разные языки.
export-progress = Добавить мой прогресс (срок повторения, стабильность, повторения)
export-to = Сохранить в
export-choose = Выбрать…
export-save = Экспортировать
export-done = Экспортировано: { $path }
export-failed = Не удалось выполнить экспорт: { $error }
import-title = Импорт файла
import-hint = CSV из Keruen, электронной таблицы или Anki (разделитель — запятая, точка с запятой или табуляция) либо TBX из CAT-программы. Импорт выполняется, только если все строки верны.
import-file = Файл
import-choose = Выбрать…
import-preview = Предпросмотр
import-unreadable = Не удалось прочитать файл: { $error }
import-ignore = (не импортировать)
import-rows = { $n ->
    [one] { $n } строка
    [few] { $n } строки
    [many] { $n } строк
   *[other] { $n } строки
}
import-concepts = { $n ->
    [one] { $n } понятие
    [few] { $n } понятия
    [many] { $n } понятий
   *[other] { $n } понятия
}
import-duplicates = Уже есть в глоссарии:
import-update = Обновить
import-skip = Пропустить
import-keep-both = Оставить оба
import-deck = В колоду
import-domain = Область для строк, где она не указана
import-go = Импортировать
import-done = Импортировано: { $summary }
import-backed-up = Данные, какими они были до импорта, сохранены в резервной копии { $name } («Настройки» → «Резервные копии»).
lookup-new-concept = + Новое понятие
lookup-add-all = Добавить все в колоду
lookup-add-to-deck = Добавить в колоду
lookup-no-decks = У вас ещё нет колод: создайте колоду на экране «Колоды».
lookup-edit = Изменить
lookup-edited = Ваша изменённая версия
lookup-revert = Вернуть встроенную версию
lookup-reverted = Встроенная версия восстановлена.
lookup-delete = Удалить
lookup-deleted = Понятие «{ $id }» удалено.
editor-new-title = Новое понятие
editor-edit-title = Правка понятия «{ $id }»
editor-pinyin = Пиньинь
editor-suggest = Подобрать по иероглифам
editor-synonyms = Другие термины, по одному на строку; после сокращения допишите «(abbr)», а после китайского термина — его пиньинь в квадратных скобках
editor-definition = Определение
editor-deck = Колода
editor-no-deck = (нет)
editor-id = ID
editor-id-taken = Идентификатор «{ $id }» уже занят; выберите другой.
editor-two-languages = Укажите термин хотя бы на двух языках.
editor-save = Сохранить
editor-cancel = Отмена
import-summary = новых: { $added }, обновлено: { $updated }, пропущено: { $skipped }, сохранено под новым ID: { $renamed }

backups-title = Резервные копии
backups-folder = Хранятся в { $path }: одна при запуске Keruen и одна каждые 30 минут работы; восемь последних, затем по одной за день в течение недели, за неделю в течение пяти недель и за месяц в течение года.
backups-in-memory = В этом сеансе ничего не сохраняется на диск, поэтому копировать нечего.
backups-now = Создать копию сейчас
backups-made = Копия создана: { $name }
backups-none = Резервных копий пока нет.
backups-restore = Восстановить…
backups-confirm = Заменить все ваши данные (понятия, колоды, историю повторений, настройки) копией от { $date }? Текущие данные сначала будут сохранены в отдельную копию.
backups-confirm-yes = Восстановить
backups-cancel = Отмена
backups-restored = Восстановлена копия от { $date }. Прежние данные сохранены в копии { $safety }.
backups-failed = Восстановить не удалось, ничего не изменено: { $error }
damaged-notice = Файл ваших данных повреждён ({ $problem }). Keruen переместил его в { $path } — ничего из него не удалено — и начал работу с чистыми данными.
damaged-restore = Восстановить копию от { $date }
damaged-no-backup = Резервной копии для восстановления нет.
damaged-dismiss = Продолжить с чистыми данными
