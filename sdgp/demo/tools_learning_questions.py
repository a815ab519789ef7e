"""Tool 5 for the four municipalities that completed the pilot: their learning questions as a
history, from the initial to the final wording, with the exchange around them, built through the
same services as the pages (typing a question, rewording, splitting, merging into the joint
table, moving, dropping, an owner's place in its list).

The initial and final questions are those of the report's appendix 8.11, word for word: the
Flemish municipalities' questions as the Dutch original, with the English report's (or our)
English as a translation; Ouinhi's and Covè's written in French, with the report's English and
Dutch as translations. The steps in between
follow chapter 6: Ouinhi's tax question became a question of how local economic actors could
contribute more to local taxes, then, after the "eye-opener" of the Laarne market (end of
September 2024), one about dialogue with them; Laarne dropped the witchcraft theme as a
sensitive matter and turned to its advisory councils; Sint-Truiden's trust question became two
food-strategy questions when the programme turned to the local economy; Laarne and Sint-Truiden
merged their questions into a joint table in the autumn of 2024; Covè narrowed agriculture,
nature and tourism down to a tourist office, then to a vision with local actors and a local
"ADN", and its website question gave way to a Facebook page. The report gives no days, so the
dates are plausible ones within the months it names; the obstacles, sub-questions, responses
and coaching notes are plausible illustrations, not quotations. Each municipality writes in its
own language (French for Ouinhi and Covè, Dutch for Laarne and Sint-Truiden), and the
consultant writes to it in that language; the partners answer each other in French, the working
language of the pilot. Figure 4's phrases and the applications are the report's, in English
with the Dutch original as a translation.
"""

from django.contrib.contenttypes.models import ContentType

from learning.models import Comment
from learning.tools.learning_questions import (
    CoachingNote,
    EvolutionSummary,
    LearningQuestion,
    LearningQuestionTable,
    Obstacle,
    OwnerPlace,
    Response,
    SubQuestion,
)

from .learning_question_wordings import BASELINE, PLACES, STEPS, TABLES, WRITTEN

# question key -> [(sub-question number or None, responding municipality, author, text)]
RESPONSES = {
    "ouinhi-support": [
        (
            1,
            "Laarne",
            "focal_laarne",
            "Au marché hebdomadaire, le service de l'économie locale rencontre les marchands "
            "chaque trimestre : nous leur demandons ce dont ils ont besoin avant de décider de "
            "l'aménagement, du stationnement ou des animations. Venez le voir pendant votre "
            "visite.",
        ),
        (
            2,
            "Laarne",
            "focal_laarne",
            "Nos conseils consultatifs ont des statuts approuvés par le conseil communal : les "
            "membres sont proposés par les associations et les secteurs, le président n'est pas "
            "un échevin, et le collège répond par écrit à chaque avis.",
        ),
    ],
    "ouinhi-small-website": [
        (
            2,
            "Laarne",
            "focal_laarne",
            "Nous publions les décisions du collège et du conseil dans la semaine, sous forme de "
            "liste avec un court résumé. Pour commencer, une page simple suffit.",
        ),
    ],
    "joint-participation": [
        (
            2,
            "Ouinhi",
            "focal_ouinhi",
            "Notre conseil consultatif réunit les présidents des filières agricoles, les "
            "transformatrices et les artisans. Il se réunit chaque trimestre, et la mairie rend "
            "compte de ce qu'elle a fait de ses propositions.",
        ),
        (
            1,
            "Ouinhi",
            "focal_ouinhi",
            "Les acteurs locaux notent les propositions de projets avec la commune, sur une "
            "grille de critères ; les projets les mieux notés sont retenus. Nous vous montrerons "
            "une séance en mars.",
        ),
    ],
    "joint-marketing": [
        (
            1,
            "Covè",
            "focal_cove",
            "Les groupements de producteurs vendent au marché de Covè ; nous pouvons partager "
            "comment la mairie les accompagne.",
        ),
    ],
    "cove-tourism": [
        (
            1,
            "Sint-Truiden",
            "focal_sint_truiden",
            "Nous avons décrit ce qui rend notre ville unique en quelques éléments, notre « ADN "
            "», avec les arboriculteurs, l'horeca et les commerçants. Notre responsable du "
            "tourisme vous envoie le document par courriel.",
        ),
        (
            2,
            "Sint-Truiden",
            "focal_sint_truiden",
            "Commencez par une carte : les atouts (vergers, patrimoine, fêtes) et, pour chacun, "
            "les acteurs qui les portent. Partagez-la ensuite avec eux.",
        ),
    ],
}

COACHING_NOTES = {
    "ouinhi-support": (
        "Beaucoup plus précise depuis la visite du marché : la question part désormais des "
        "besoins des acteurs, et non plus des recettes fiscales. Gardez le lien avec les impôts "
        "comme objectif à long terme."
    ),
    "cove-tourism": (
        "L'office du tourisme a longtemps été au centre. Maintenant que la vision, les acteurs "
        "locaux et l'« ADN » sont dans la question, demandez au responsable du tourisme de "
        "Sint-Truiden de rester directement en contact."
    ),
    "joint-participation": (
        "Laarne legt het accent op de eerste vraag, met aandacht voor het microniveau; "
        "Sint-Truiden op de landbouwraad. Hou beide zichtbaar in de deelvragen."
    ),
}

SHEET_COMMENTS = {
    "Ouinhi": (
        "consultant",
        "La nouvelle formulation après la visite à Laarne est une transformation intéressante "
        "de la question d'apprentissage.",
    ),
    "joint": (
        "consultant",
        "Eén tabel voor Laarne en Sint-Truiden, twee vragen; elke gemeente blijft werken met "
        "haar eigen Beninese partner.",
    ),
}

# Figure 4 and appendix 8.11, in the report's row order.
SUMMARIES = {
    "Ouinhi": {
        "order": 1,
        "starting_points": "Increase in tax contributions by local economic actors\n"
        "Strengthening women's participation in politics\nWebsite development",
        "developments": "Support for local economic actors\n"
        "Setting up a website to support local economic actors",
        "applications": "Launch of advisory council for local economic actors\n"
        "Structural dialogue between municipality and advisory council\n"
        "Concrete support for local economic actors\n"
        "Small website to strengthen local economic actors",
        "application_summary": "Set up an advisory council with local economic actors, "
        "establish a structural dialogue with the local council, which will take measures to "
        "support local economic actors\nSetting up a small website with information requested "
        "by local economic actors, among others",
        "translations": {
            "nl": {
                "application_summary": "Opstarten van een adviesraad met lokale economische "
                "actoren, structurele dialoog met gemeente die maatregelen neemt om de lokale "
                "economische actoren te ondersteunen\nOpzetten van een kleine website met "
                "informatie die o.a. gevraagd was door de lokale economische actoren",
            }
        },
    },
    "Laarne": {
        "order": 2,
        "starting_points": "Organisation of participatory post-project evaluations\n"
        "Working on women's rights through the theme of 'witches'\n"
        "Revitalising women's associations",
        "developments": "Strengthening citizen participation in councils and other structures",
        "applications": "Strengthening citizen participation in advisory councils through "
        "innovation",
        "application_summary": "A wide range of innovative ways to strengthen citizen "
        "participation in local advisory councils, including by focusing more on the micro "
        "level, writing to potential participants by name, emphasising associations rather than "
        "individuals, etc.",
        "translations": {
            "nl": {
                "application_summary": "Brede waaier van innovatieve manieren om "
                "burgerparticipatie in lokale adviesraden te versterken, o.a. door sterker naar "
                "het microniveau te gaan, mogelijke deelnemers nominatief aanschrijven, nadruk "
                "op verenigingen ipv alleen individuen, ...",
            }
        },
    },
    "Covè": {
        "order": 3,
        "starting_points": "Articulation of agriculture, nature and tourism",
        "developments": "Organising local actors around tourism\nDeveloping a vision on tourism",
        "applications": "Setting up a tourism office\n"
        "Strengthening cooperation with local actors around tourism\n"
        "Participatory development of a vision on tourism",
        "application_summary": "Setting up a tourism office, systematising local 'DNA' in a "
        "document and distributing it together with local actors, mapping and contacting local "
        "actors in relation to tourism, organising these actors into a council, etc.",
        "translations": {
            "nl": {
                "application_summary": "Het opzetten van een toerismebureau, het "
                'systematiseren van lokaal "ADN" in een document en het verspreiden ervan '
                "samen met lokale actoren, het mappen en contacteren van lokale actoren in "
                "relatie met toerisme, het organiseren van deze actoren in een raad, ...",
            }
        },
    },
    "Sint-Truiden": {
        "order": 4,
        "starting_points": "Strengthening citizens' trust in the municipality\n"
        "Strengthening citizen involvement (food strategy)",
        "developments": "Strengthening local marketing of local products\n"
        "Strengthening citizen participation (agricultural council, food strategy)",
        "applications": "Temporarily suspended due to political decisions.",
        "application_summary": "Onderbroken door politieke beslissingen. Misscdhien in…",
        "translations": {
            "en": {"application_summary": "Interrupted by political decisions. Perhaps in…"}
        },
    },
}


def load(world):
    users, lg = world.users, world.lg
    tables = {key: _table(world, *spec) for key, spec in TABLES.items()}
    if not LearningQuestion.objects.filter(table__in=tables.values()).exists():
        _write_history(world, tables)
    questions = {
        key: LearningQuestion.objects.get(table=tables[table], text=text)
        for key, (table, text) in _wordings().items()
    }
    for (key, owner), (order, addition, translations) in PLACES.items():
        OwnerPlace.objects.get_or_create(
            question=questions[key],
            local_government=lg[owner],
            defaults={
                "order": order,
                "addition": addition,
                "addition_translations": translations,
            },
        )
    for key, entries in RESPONSES.items():
        question = questions[key]
        for number, local_government, author, text in entries:
            Response.objects.get_or_create(
                question=question,
                local_government=lg[local_government],
                text=text,
                defaults={
                    "author": users[author],
                    "subquestion": question.subquestions.filter(order=number).first(),
                },
            )
    for key, text in COACHING_NOTES.items():
        CoachingNote.objects.get_or_create(
            question=questions[key], author=users["consultant"], text=text
        )
    for key, (author, text) in SHEET_COMMENTS.items():
        Comment.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(LearningQuestionTable),
            object_id=tables[key].pk,
            author=users[author],
            text=text,
        )
    for name, fields in SUMMARIES.items():
        EvolutionSummary.objects.update_or_create(
            programme=world.programme,
            local_government=lg[name],
            defaults={**fields, "baseline": BASELINE, "updated_by": users["consultant"]},
        )
    world.learning_question_tables = tables
    world.learning_questions = questions


def _table(world, owners, author, status):
    """The table of exactly these owners in the programme, made once."""
    owners = [world.lg[name] for name in owners]
    wanted = {owner.pk for owner in owners}
    for table in LearningQuestionTable.objects.filter(programme=world.programme, owners=owners[0]):
        if set(table.owners.values_list("pk", flat=True)) == wanted:
            break
    else:
        table = LearningQuestionTable(programme=world.programme, created_by=world.users[author])
        table._history_user = world.users[author]
        table.save()
        table.owners.set(owners)
    if table.status != status:
        table.status = status
        table._history_user = world.users["consultant"]
        table.save(update_fields=["status", "updated_at"])
    return table


def _wordings():
    """{key: (table key, text)} of every wording, written or the result of a step."""
    wordings = {key: (spec["table"], spec["text"]) for key, spec in WRITTEN.items()}
    for step in STEPS:
        if "reword" in step:
            table = step.get("table") or wordings[step["reword"]][0]
            wordings[step["as"]] = (table, step["text"])
        for key, text, _translation in step.get("into", ()):
            wordings[key] = (wordings[step["split"]][0], text)
    return wordings


def _translations(spec):
    return {language: spec[language] for language in ("en", "fr", "nl") if language in spec}


def _write_history(world, tables):
    """Type the questions into their tables, then take each step as the pages do."""
    questions = {}
    for key, spec in WRITTEN.items():
        author = world.users[TABLES[spec["table"]][1]]
        question = LearningQuestion(
            table=tables[spec["table"]],
            order=spec["order"],
            text=spec["text"],
            translations=_translations(spec),
            changed_date=spec["date"],
            created_by=author,
        )
        question._history_user = author
        question.save()
        question.set_tags(spec["tags"])
        questions[key] = _add_parts(question, spec)
    for step in sorted(STEPS, key=lambda step: step["date"]):
        _take(step, questions, tables, world)


def _take(step, questions, tables, world):
    change = {
        "date": step["date"],
        "trigger": step.get("trigger", ""),
        "trigger_note": step.get("note", ""),
    }
    if "drop" in step:
        question = questions[step["drop"]]
        question.drop(reason=step["reason"], date=step["date"], by=world.users["consultant"])
        return
    if "split" in step:
        question = questions[step["split"]]
        author = world.users[TABLES[_table_key(question, tables)][1]]
        news = question.split(texts=[text for _key, text, _t in step["into"]], by=author, **change)
        for new, (key, _text, translation) in zip(news, step["into"], strict=True):
            language = "en" if translation else None
            if language:
                new.translations = {language: translation}
                new.save(update_fields=["translations"])
            parts = step.get("subquestions_of", {}).get(key, [])
            questions[key] = _add_parts(new, {"subquestions": parts})
        return
    question = questions[step["reword"]]
    table = tables[step["table"]] if "table" in step else question.table
    author = world.users[TABLES[_table_key(question, tables)][1]]
    new = question.reformulate(
        text=step["text"],
        by=author,
        also_replaces=[questions[key] for key in step.get("also", [])],
        table=table,
        translations=_translations(step),
        **change,
    )
    if "tags" in step:
        new.set_tags(step["tags"])
    questions[step["as"]] = _add_parts(new, step)


def _table_key(question, tables):
    return next(key for key, table in tables.items() if table.pk == question.table_id)


def _add_parts(question, spec):
    """Add obstacles and sub-questions after those the question already has, as its edit page
    does."""
    obstacles = question.obstacles.count()
    for number, text in enumerate(spec.get("obstacles", []), start=obstacles + 1):
        Obstacle.objects.create(question=question, order=number, text=text)
    subquestions = question.subquestions.count()
    for number, (text, priority, answered) in enumerate(
        spec.get("subquestions", []), start=subquestions + 1
    ):
        SubQuestion.objects.create(
            question=question,
            order=number,
            text=text,
            priority=priority,
            answer_status=answered,
        )
    return question
