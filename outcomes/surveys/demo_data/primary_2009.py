"""The 2009 primary Lifestyle Survey (seed 002, Appendix 1, lines 375-516) as the rows of an
authoring workbook (docs/decisions/0021-survey-workbook.md).

The rows are kept here, where they can be read and reviewed against the seed; ``workbook_bytes()``
writes them into an .xlsx that the demo loader imports through the real importer. Labels follow
the seed word for word, except where the seed's text is garbled or missing; every such place is
marked "[R]" below and explained in docs/decisions/0022-the-2009-primary-questionnaire.md.
The paper instructions "(allow one tick only per row)" and the like became hints.
"""

import io
from datetime import date

from openpyxl import Workbook

from outcomes.surveys.workbook.read import SURVEY_COLUMNS

SETTINGS = {
    "title": "Young People's Lifestyle Survey 2009 (primary, Year 5)",
    "slug": "primary-2009",
    "year": 2009,
    "phase": "primary",
    "year_groups": "5",
    "opens": date(2009, 10, 19),  # seed L87, L141
    "closes": date(2009, 12, 18),  # planned; extended to the end of January 2010 for snow
    "confidentiality": (
        "Please answer the questions as honestly as you can and do not share your answers with your "
        "friends or classmates. All answers will be confidential. Your teachers and parents will not see "
        "what you have put. There are no right or wrong answers."
    ),
    "survey": "Lifestyle Survey",
    "welcome": (
        "Welcome to this year's Lifestyle Survey. In this survey we are trying to find out about:\n"
        "- what you think about being healthy\n"
        "- the kinds of things you like to do\n"
        "- what matters to you\n"
        "There are links and information at the end of the survey which relate to some of the sections. "
        "If any of the questions cause you concern please speak to your teacher, learning mentor, school "
        "nurse or another adult in school."
    ),
    # [R] The seed promises "links and information at the end" without giving them.
    "end_text": (
        "Thank you for taking part.\n"
        "If any of the questions cause you concern please speak to your teacher, learning mentor, school "
        "nurse or another adult in school.\n"
        "- Food and drink, activities and fitness: ask your school nurse about eating well and keeping "
        "active.\n"
        "- Young carers: the Young Carers Service can give you support and a break; your teacher or learning "
        "mentor can put you in touch.\n"
        "- Bullying, safety, feelings: you can talk to ChildLine free on 0800 1111 at any time.\n"
        "- Smoking, drinking and drugs: your school nurse can tell you where to get help and information."
    ),
    "state": "live",
}

CHOICES: dict[str, list[tuple]] = {
    # (name, label[, group[, exclusive]])
    "gender": [("male", "Male"), ("female", "Female")],
    # [R] Q2's LIST values are not in the seed: the seven area assemblies of 2009 (notes-002 §1.2),
    # the unit of every locality table, plus two ways out for a nine-year-old who is unsure.
    "area": [
        ("rother_valley_south", "Rother Valley South"),
        ("rother_valley_west", "Rother Valley West"),
        ("rotherham_north", "Rotherham North"),
        ("rotherham_south", "Rotherham South"),
        ("wentworth_north", "Wentworth North"),
        ("wentworth_south", "Wentworth South"),
        ("wentworth_valley", "Wentworth Valley"),
        ("elsewhere", "Somewhere else"),
        ("dont_know", "I don't know"),
    ],
    # Groups: the collapsed groups the Executive Summary reports (L115, L149-150).
    "ethnicity": [
        ("asian", "Asian or Asian British", "Asian or Asian British"),
        ("black", "Black or Black British", "Other Black and minority ethnic groups"),
        ("chinese", "Chinese", "Other Black and minority ethnic groups"),
        ("multiple_heritage", "Multiple Heritage", "Other Black and minority ethnic groups"),
        ("yemeni", "Yemeni", "Other Black and minority ethnic groups"),
        ("other", "Other Ethnic Group", "Other Black and minority ethnic groups"),
        ("prefer_not", "Prefer not to answer", "Preferred not to answer or did not know"),
        ("white", "White or White British", "White or White British"),
        ("gypsy_traveller", "Gypsy or Traveller", "Other Black and minority ethnic groups"),
        ("dont_know", "Don't Know", "Preferred not to answer or did not know"),
    ],
    "health": [
        ("very_good", "Very good"),
        ("good", "Good"),
        ("ok", "Ok"),
        ("not_very_good", "Not very good"),
    ],
    "how_often": [("never", "Never"), ("weekly", "Once a week"), ("daily", "Every or most days")],
    "breakfast_where": [
        ("home", "At home"),
        ("on_the_way", "On the way to school"),
        ("breakfast_club", "At a breakfast club"),
        ("another_house", "At another house e.g. childminders or grandparents"),
        ("none", "I don't have breakfast"),
    ],
    "breakfast_what": [
        ("cereal", "Cereal with milk/porridge (not cereal bars)"),
        ("fruit", "Fruit or yoghurt"),
        ("toast", "Toast"),
        ("cooked", "Something cooked"),
        ("snack", "Snack, cereal bars, crisps, chocolate biscuits"),
        ("drink", "Only a drink"),
    ],
    "activities": [
        ("swimming", "Swimming"),
        ("football", "Football"),
        ("cricket", "Cricket"),
        ("rugby", "Rugby"),
        ("netball", "Netball"),
        ("hockey", "Hockey"),
        ("basketball", "Basketball"),
        ("team_games", "Competitive team games"),
        ("cycling", "Riding your bike"),
        ("skating", "Skateboarding/roller blading/ skating"),
        ("gardening", "Gardening"),
        ("walking", "Walking or walking the dog"),
        ("martial_arts", "Martial Arts – Karate/Judo"),
        ("kick_boxing", "Kick Boxing"),
        ("horse_riding", "Horse riding"),
        ("racket_sports", "Racket sports (tennis/badminton/table tennis)"),
        ("keep_fit", "Keep fit/ dancing /exercise/gymnastics/ cheerleading"),
        ("athletics", "Athletics/ jogging/ running"),
        ("golf", "Golf"),
    ],
    "yes_no": [("yes", "Yes"), ("no", "No")],
    "sometimes": [("never", "Never"), ("sometimes", "Sometimes"), ("daily", "Every or most days")],
    "would_need": [
        ("more_time", "More time"),
        ("leisure_centre", "A leisure centre/ swimming pool nearby"),
        ("more_money", "More money"),
        ("adult", "An adult to take me"),
        ("clubs", "More clubs after school (ie football, netball)"),
    ],
    # [R] "Always": the results report "always" (L217-219) but the column was lost from the text.
    "opinions": [
        ("never", "Never"),
        ("sometimes", "Sometimes"),
        ("most", "Most of the time"),
        ("always", "Always"),
    ],
    "agree": [("agree", "Yes/Agree"), ("disagree", "No/Don't Agree")],
    # [R] "Never" heads the column; the hours are as printed.
    "hours": [("never", "Never"), ("h1_2", "1-2 hours"), ("h3_4", "3-4 hours"), ("h5_6", "5-6 hours +")],
    "look_after": [
        ("mum", "Mum"),
        ("dad", "Dad"),
        ("sibling", "Brother/Sister"),
        ("family_friend", "Friend of the family"),
        ("other_family", "Other family member"),
    ],
    "talk_to": [
        ("teacher", "A Teacher"),
        ("learning_mentor", "Learning Mentor"),
        ("youth_worker", "Youth Worker"),
        ("social_worker", "Social Worker"),
        ("school_nurse", "School Nurse"),
        ("gp", "GP"),
    ],
    "feel": [("good", "Good"), ("ok", "OK"), ("not_very_good", "Not very good")],
    # [R] "More than a year ago": reported as 39% (L201) but missing from the options.
    "when_bullied": [
        ("more_than_year", "More than a year ago"),
        ("last_year", "In the last year"),
        ("six_months", "In the last six months"),
        ("four_weeks", "In the last four weeks"),
    ],
    "safe": [("never", "Never"), ("sometimes", "Sometimes"), ("often", "Often")],
    "smoked": [("never", "Never"), ("tried", "Tried it"), ("daily", "Smoke every or most days")],
    "cigarettes_from": [
        ("local_shops", "Local shops"),
        ("supermarkets", "Supermarkets"),
        ("family", "From family"),
        ("friends", "From friends"),
        ("other", "Other"),
    ],
    "alcohol": [("never", "Never"), ("tried", "Tried it"), ("daily", "Drink every or most days")],
    "drinks": [
        ("beer", "Beer or Lager"),
        ("cider", "Cider"),
        ("alcopops", "Alco pops"),
        ("wine", "Wine"),
        ("spirits", "Spirits (vodka, gin, whisky)"),
    ],
    "facilities": [
        ("good", "Good"),
        ("ok", "OK"),
        ("not_very_good", "Not very good"),
        ("dont_know", "Don't know"),
        ("not_applicable", "Not applicable"),
    ],
    "ease": [("easy", "Easy"), ("ok", "Ok"), ("difficult", "Difficult")],
    "mixing": [
        ("mix_well", "Everyone mixes well together with few problems"),
        ("mix_okay", "People generally mix okay but there are some problems"),
        ("keep_apart", "Different groups keep themselves to themselves but there are few problems"),
        ("dont_get_on", "People from different groups do not get on well together"),
        ("no_different", "There are no people in my area from different backgrounds"),
    ],
}

ONE_PER_ROW = "Tick one box in each row."
ONE = "Tick one box."
MANY = "Tick as many as you like."
CARER = "selected(${q22}, 'sometimes') or selected(${q22}, 'daily')"
BULLIED = "${q30} = 'yes'"


def section(name, heading, intro=""):
    return {"type": "begin section", "name": name, "label": heading, "hint": intro}


END = {"type": "end section"}


def ask(type_, name, label, **extra):
    return {"type": type_, "name": name, "label": label, **extra}


def rows(*labels_by_name):
    return [{"type": "row", "name": name, "label": label} for name, label in labels_by_name]


SURVEY: list[dict] = [
    section("about_you", "About you and your school"),
    ask("select_one gender", "q1", "I am:", required="yes", breakdown="gender"),
    ask("school", "school", "The name of your school"),
    ask("select_one area", "q2", "I live in:", appearance="list", hint="Choose the area from the list."),
    ask("select_one ethnicity", "q3", "I am:", required="yes", breakdown="ethnicity"),
    ask("select_one health", "q4", "My health is:"),
    END,
    section("food_and_drink", "Food and drink", "This part is about the food that you eat."),
    ask(
        "yes_no_dk",
        "q5",
        "I eat 5 portions of fruit and vegetables per day",
        info_title="5 a day information",
        # [R] The seed names the pop-up ("5 a day Information") without its text.
        info=(
            "Eating at least five portions of different fruit and vegetables every day helps to keep you "
            "healthy. A portion is about as much as you can hold in your hand: an apple, a banana, two "
            "small satsumas, a small glass of pure fruit juice, or three big spoonfuls of peas or carrots. "
            "Fresh, frozen, tinned and dried fruit and vegetables all count. Potatoes do not."
        ),
    ),
    ask("grid how_often", "q6", "I eat:", hint=ONE_PER_ROW),
    *rows(
        ("fruit", "Fruit"),
        ("vegetables", "Vegetables"),
        ("bread", "Bread (brown, white, chapattis etc)"),
        ("crisps", "Crisps/savoury snacks"),
        ("biscuits", "Biscuits and cakes"),
        ("sweets", "Chocolate or other sweets"),
        ("red_meat", "Red meat (beef, lamb, pork)"),
        ("white_meat", "White meat or fish (chicken, turkey or haddock)"),
        ("sausages", "Sausages, burgers and chicken nuggets"),
        ("rice_pasta", "Rice or pasta"),
        ("vegetarian", "Vegetarian food like soya, quorn, tofu or pulses"),
        ("fast_food", "Fast food and takeaways (fish and chips, chinese, pizza, curry, burger meals)"),
    ),
    ask("grid how_often", "q7", "I drink:", hint=ONE_PER_ROW),
    *rows(
        ("squash", "Fruit drinks e.g. squash"),
        ("milk", "Milk"),
        ("fizzy", "Fizzy pop"),
        ("juice", "Fruit juice (pure fruit juice not Sunny D or squash)"),
        ("tea_coffee", "Tea or coffee"),
        ("water", "Water"),
    ),
    ask("select_one breakfast_where", "q8", "On a school day, I have my breakfast:", hint=ONE),
    # Hidden by an answer: "If 'I don't have breakfast' is ticked the following question does not appear."
    ask(
        "select_one breakfast_what",
        "q9",
        "Most often for breakfast I have:",
        hint=ONE,
        relevant="${q8} != 'none'",
    ),
    END,
    section(
        "activities",
        "Activities and fitness",
        "This part is about your physical activity and fitness. For purposes of this survey physical "
        "activity includes not only sport and exercise (both in school and out of school), but things like "
        "walking to school, playing games at lunchtime at school, walking the dog, gardening and "
        "skateboarding.",
    ),
    ask("select_multiple activities", "q10", "Please tell us the kinds of things you like to do", hint=MANY),
    ask(
        "select_one yes_no",
        "q11",
        "In the last week have you done 2 or more hours of organised sport or exercise led by an adult "
        "outside of school lessons?",
    ),
    ask("grid sometimes", "q12", "The times I do physical activities are:", hint=ONE_PER_ROW),
    *rows(
        ("before_school", "Before school starts"),
        ("play_times", "At play times"),
        ("lunch_times", "At lunch times"),
        ("after_school", "After school"),
        ("lessons", "In lesson time"),
        ("lunch_club", "At a lunchtime club"),
        ("after_school_club", "At an after school club"),
        ("out_of_school", "Out of school (evening or weekends)"),
        ("organised_clubs", "At organised clubs out of school (evenings or weekends)"),
    ),
    ask("select_one yes_no", "q13", "Do you do sport and exercise with an adult from your family?"),
    ask("select_multiple would_need", "q14", "To do more physical activity I would need:", hint=MANY),
    END,
    section("in_school", "In school", "This part of the survey is about your school."),
    ask("grid opinions", "q15", "Your opinions", hint=ONE_PER_ROW),
    *rows(
        ("enjoy", "I enjoy school"),
        ("good_marks", "I get good marks/reports at school"),
        ("try_best", "I try my best at school"),  # [R] inferred from the results (L218)
    ),
    ask("grid agree", "q16", "What would help you do better at school?", hint=ONE_PER_ROW),
    *rows(
        ("teacher_help", "More help from teachers when I need it"),
        ("fun_lessons", "More fun/interesting lessons"),
        ("quieter_class", "A quieter/better behaved class/group"),
        ("smaller_classes", "Smaller classes/groups"),
        ("fewer_bullies", "Fewer bullies"),
        ("family_help", "More help from family/friends (e.g. with homework)"),
    ),
    ask("yes_no_dk", "q17", "Does your school have a School Council?"),
    # "If 'YES' is ticked 2 supplementary questions to appear."
    ask(
        "select_one yes_no",
        "q18",
        "Do you know who your School Council representative is?",
        relevant="${q17} = 'yes'",
    ),
    ask(
        "select_one yes_no",
        "q19",
        "Do you get a chance to give your view/opinion to your school council representative?",
        relevant="${q17} = 'yes'",
    ),
    END,
    section(
        "out_of_school",
        "Out of school",
        "This section asks you about the things you do out of school and the people you see.",
    ),
    ask("grid sometimes", "q20", "Out of school I go:", hint=ONE_PER_ROW),
    *rows(
        ("friends", "Out with friends or visiting friends"),
        ("family", "Out with family or visiting family"),
        ("cinema", "To the cinema"),
        ("religious", "To a religious meeting"),
        ("arcades", "To amusement arcades"),
        ("theatre", "To the theatre"),
        ("galleries", "To art galleries or museums"),
        ("library", "To the library"),
        ("music_drama", "To a music or drama lesson"),
        ("sports_club", "To a sports club or dance session"),
        ("youth_club", "To a youth club/Young People's Centre"),
        ("shopping", "Shopping"),
        ("parks", "To playgrounds, parks and country parks"),
        ("voluntary", "To a voluntary service/group in the community"),
        ("community", "To other community involvement projects"),
        ("singing", "To take part in singing"),
        ("instrument", "To play a musical instrument"),
        ("live_events", "To live events"),
        ("exhibitions", "To exhibitions"),
    ),
    ask("grid hours", "q21", "Out of school, every or most days:", hint=ONE_PER_ROW),
    *rows(
        ("television", "I watch television/DVDs/ videos for"),
        ("mobile", "I use my mobile phone for"),
        ("internet", "I use the internet for"),
        ("chat_rooms", "I use chat rooms for"),
        ("consoles", "I play on games consoles for"),
        ("msn", "I use MSN"),
        ("library_internet", "I use free internet access in your local library"),
    ),
    ask("grid sometimes", "q22", "Out of school:", hint=ONE_PER_ROW),
    *rows(
        ("children", "I look after children (e.g. brothers and sisters who are ill or disabled)"),
        ("older_person", "I look after an ill or disabled older person (e.g. parent or grandparent)"),
    ),
    # "If 'sometimes' or 'every or most days' is ticked the following supplementary questions to appear"
    ask(
        "select_one yes_no",
        "q23",
        "Do you consider yourself to be a young carer?",
        relevant=CARER,
        hint=(
            "We are asking these questions because we want to arrange services to give help and support to "
            "young people who care for others. In order to do this we need to have an idea about the number "
            "of young people this affects and the possible impact this has on their lives."
        ),
        info_title="Young carer information",
        # [R] The seed names the pop-up ("Young Carer Information") without its text.
        info=(
            "A young carer is someone under 18 who helps to look after someone in their family, or a friend, "
            "who is ill, disabled, has a mental health problem or has a problem with drugs or alcohol. "
            "Young carers can get support, someone to talk to and time off from caring from the Young "
            "Carers Service. Your teacher, learning mentor or school nurse can put you in touch."
        ),
    ),
    ask("select_multiple look_after", "q24", "Who do you look after?", hint=MANY, relevant=CARER),
    ask("select_one yes_no", "q25", "Do you know about the Young Carer's Service?", relevant=CARER),
    # "If Yes – supplementary question below": nested inside the young-carer branch.
    ask(
        "select_one yes_no",
        "q26",
        'If you do care for someone you can be called a "young carer". Have you ever attended the Young '
        "Carers Service?",
        relevant="${q25} = 'yes'",
    ),
    ask(
        "select_multiple talk_to",
        "q27",
        "Which adult could you talk to about being a young carer?",
        hint=MANY,
        relevant=CARER,
    ),
    END,
    section(
        "think_and_feel",
        "What you think and feel",
        # [R] "talks about a good about and the thing[s] that worry you" (L444-449, garbled)
        "This section talks about the things you feel good about and the things that worry you.",
    ),
    ask("grid feel", "q28", "This is how I usually feel about:", hint=ONE_PER_ROW),
    *rows(
        ("looks", "How I look"),
        ("weight", "My weight"),
        ("family", "My family"),
        ("home", "My home"),
        ("friends", "My friends"),
        ("school_work", "My school work"),
        ("school", "My school"),
    ),
    ask("grid yes_no", "q29", "I feel that I could talk any problems over with:", hint=ONE_PER_ROW),
    *rows(
        ("adult_at_home", "An adult at home"),
        ("sibling", "My brother or sister"),
        ("school_nurse", "A school nurse"),
        ("learning_mentor", "A learning mentor"),
        ("friend", "A friend"),
        ("teacher", "A teacher"),
        ("other_adult", "Another adult at school"),
    ),
    END,
    section(
        "bullying",
        "Bullying",
        # [R] "repeat[ed often over a] period of time and is diffi[cult for the person] being bullied"
        "What is bullying? It is behaviour which is repeated often over a period of time and is difficult "
        "for the person being bullied to stop it.",
    ),
    ask("select_one yes_no", "q30", "Have you been bullied?", indicator="NI 69", indicator_choices="yes"),
    # "If 'yes' the following supplementary questions to appear."
    ask("select_one when_bullied", "q31", "Were you bullied:", hint=ONE, relevant=BULLIED),
    ask(
        "grid yes_no",
        "q32",
        "Have you ever experienced any of the following?",
        hint=ONE_PER_ROW,
        relevant=BULLIED,
        tags="equality",
    ),
    *rows(
        ("called_names", "Have you ever been called names or been talked about?"),
        ("pushed_hit", "Have you ever been pushed or hit?"),
        ("ignored", "Have you ever been bullied by being ignored?"),
        ("race", "Have you ever been bullied because of your race?"),
        ("disability", "Have you ever been bullied because of a disability?"),
        ("anything_else", "Anything else (eg nasty messages by mobile phone)"),
    ),
    ask("select_one yes_no", "q33", "Did you report it?", relevant=BULLIED),
    ask("select_one yes_no", "q34", "Did you get help?", relevant=BULLIED),
    ask("select_one yes_no", "q35", "In the last 4 weeks have you witnessed someone being bullied?"),
    ask("select_one yes_no", "q36", "In the last 4 weeks have you been involved in bullying anyone?"),
    END,
    section("safety", "Safety", "This part of the survey is about your safety."),
    ask("grid safe", "q37", "I usually feel safe when I am:", hint=ONE_PER_ROW),
    *rows(
        ("class", "In the class"),
        ("playground", "In the playground"),
        ("cloakroom", "In the cloakroom"),
        ("with_friends", "Out with friends"),
        ("home", "At home"),
        ("town_centre", "In Rotherham town centre"),
        ("to_from_school", "On the way to or from school"),
        ("by_myself", "Out by myself"),
        ("buses_trains", "On local buses or trains"),
    ),
    END,
    section(
        "smoking_drinking_drugs",
        "Smoking, drinking and drugs",
        "This section is about tobacco, alcohol and some other drugs.",
    ),
    ask("select_one smoked", "q38", "Have you smoked cigarettes?", hint=ONE),
    # "If 'Smoke every or most days' is ticked supplementary questions appear."
    ask(
        "select_multiple cigarettes_from",
        "q39",
        "Where do you get your cigarettes from?",
        hint=MANY,
        relevant="${q38} = 'daily'",
    ),
    ask("select_one yes_no", "q40", "Is your home smoke free?"),
    ask("select_one alcohol", "q41", "Have you ever tried alcohol?", hint=ONE),
    # "If 'Tried it' or 'Drink every or most days' is ticked supplementary questions appear."
    ask(
        "select_multiple drinks",
        "q42",
        "Have you tried any of the following drinks?",
        hint=MANY,
        relevant="${q41} = 'tried' or ${q41} = 'daily'",
    ),
    ask("yes_no_dk", "q43", "Have you ever seen an illegal drug in the area where you live?"),
    ask("yes_no_dk", "q44", "Have you ever tried an illegal drug?"),
    END,
    section(
        "neighbourhood",
        "Your local neighbourhood",
        "This part of the questionnaire asks you about the area where you live.",
    ),
    ask(
        "grid facilities",
        "q45",
        "Think about the facilities in your area. How good are they?",
        hint=ONE_PER_ROW,
    ),
    *rows(
        ("parks", "Parks and playgrounds"),
        ("libraries", "Libraries"),
        ("sports", "Sports and leisure facilities"),
        ("buses", "The bus service"),
        ("school", "Your school"),
        ("shops", "Shops"),
        ("looks", "What your area looks like"),
        ("skate_parks", "Skate parks"),
        ("museums", "Museums"),
        ("theatres", "Theatres"),
    ),
    ask(
        "grid ease",
        "q46",
        "From your house, how easy or hard is it for you to get to these",
        hint=ONE_PER_ROW,
    ),
    *rows(
        ("shops", "Shops"),
        ("parks", "Parks and playgrounds"),
        ("country_parks", "Country Parks (e.g. Ulley, Thrybergh, Rother Valley)"),
        ("bus_stop", "A bus stop"),
        ("sports_centre", "A sports centre"),
        ("swimming_pool", "A swimming pool"),
        ("library", "A library"),
        ("school", "A school"),
    ),
    ask("text", "q47", "What other things in Rotherham would you like to see for young people?"),
    ask(
        "select_one mixing",
        "q48",
        "Which of the following statements best describe the way in which people get on with people from "
        "different backgrounds in your area:",
        hint=ONE,
        tags="equality",
    ),
    END,
]

SETTINGS_COLUMNS = list(SETTINGS)
CHOICES_COLUMNS = ["list_name", "name", "label", "group", "exclusive"]


def workbook_bytes() -> bytes:
    """The questionnaire as an authoring workbook (.xlsx)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    ws.append(SURVEY_COLUMNS)
    for row in SURVEY:
        ws.append([row.get(column) for column in SURVEY_COLUMNS])
    ws = wb.create_sheet("choices")
    ws.append(CHOICES_COLUMNS)
    for list_name, choices in CHOICES.items():
        for choice in choices:
            name, label, group, exclusive = (*choice, "", "")[:4]
            ws.append([list_name, name, label, group or None, exclusive or None])
    ws = wb.create_sheet("settings")
    ws.append(SETTINGS_COLUMNS)
    ws.append([SETTINGS[column] for column in SETTINGS_COLUMNS])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
