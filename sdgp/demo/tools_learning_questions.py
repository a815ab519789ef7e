"""Tool 5 for the four municipalities that completed the pilot: their learning questions as a
history, from the initial to the final wording, with the exchange around them.

The initial and final questions are those of the report's appendix 8.11, in its English wording
(Sint-Truiden's row exists only in the Dutch original; its translation is ours). The steps in
between follow chapter 6: Ouinhi's tax question became a question about dialogue with local
economic actors after the "eye-opener" of the Laarne market (end of September 2024), Laarne
dropped the witchcraft theme as a sensitive matter, Laarne and Sint-Truiden drew up a joint
table from October 2024, and Covè narrowed agriculture, nature and tourism down to a tourist
office, then to a vision with local actors and a local "ADN". The report gives no days, so the
dates are plausible ones within the months it names; the obstacles, sub-questions, responses
and coaching notes are plausible illustrations, not quotations. The partners answer each other
in French, the working language of the pilot. Figure 4's phrases and the applications are the
report's.
"""

from django.contrib.contenttypes.models import ContentType

from learning.models import Comment
from learning.tools.learning_questions import (
    CoachingNote,
    EvolutionSummary,
    LearningQuestion,
    LearningQuestionTable,
    Obstacle,
    Response,
    SubQuestion,
)

from .learning_question_wordings import QUESTIONS, TABLES

Status = LearningQuestion.Status

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
            1,
            "Ouinhi",
            "focal_ouinhi",
            "Notre conseil consultatif réunit les présidents des filières agricoles, les "
            "transformatrices et les artisans. Il se réunit chaque trimestre, et la mairie rend "
            "compte de ce qu'elle a fait de ses propositions.",
        ),
        (
            2,
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
        "Much sharper since the market visit: the question now starts from the actors' needs, "
        "not from the tax revenue. Keep the link with taxes as the long-term aim."
    ),
    "cove-tourism": (
        "The tourist office was central for a long time. Now that vision, local actors and "
        "'ADN' are in the question, ask Sint-Truiden's tourism manager to stay in touch "
        "directly."
    ),
    "joint-participation": (
        "Laarne leans on the first question, with a focus on the micro level; Sint-Truiden on "
        "the agricultural council. Keep both visible in the sub-questions."
    ),
}

SHEET_COMMENTS = {
    "Ouinhi": (
        "consultant",
        "The new wording after the visit to Laarne is an interesting transformation of the "
        "learning question.",
    ),
    "joint": (
        "consultant",
        "One table for Laarne and Sint-Truiden, two questions; each municipality keeps working "
        "with its own Beninese partner.",
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
        "establish a structural dialogue with the municipality, which will take measures to "
        "support local economic actors.\nSetting up a small website with information requested "
        "by local economic actors, among others.",
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
        "only individuals, etc.",
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
    },
    "Sint-Truiden": {
        "order": 4,
        "starting_points": "Strengthening citizens' trust in the municipality\n"
        "Strengthening citizen involvement (food strategy)",
        "developments": "Strengthening local marketing of local products\n"
        "Strengthening citizen participation (agricultural council, food strategy)",
        "applications": "Temporarily suspended due to political decisions.",
        "application_summary": "Interrupted by political decisions. Perhaps in…",
    },
}


def load(world):
    users, lg = world.users, world.lg
    tables = {key: _table(world, *spec) for key, spec in TABLES.items()}
    questions = {}
    for key, spec in QUESTIONS.items():
        author = users[TABLES[spec["table"]][1]]
        questions[key] = _question(tables[spec["table"]], spec, author)
    for key, spec in QUESTIONS.items():
        _history(questions, key, spec)
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
            defaults={**fields, "updated_by": users["consultant"]},
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


def _question(table, spec, author):
    """One wording, saved only when it differs (each save would add to its history)."""
    fields = {
        "order": spec["order"],
        "changed_date": spec["date"],
        "trigger": spec.get("trigger", ""),
        "trigger_note": spec.get("note", ""),
    }
    question = LearningQuestion.objects.filter(table=table, text=spec["text"]).first()
    if question is None:
        question = LearningQuestion(table=table, text=spec["text"], created_by=author, **fields)
        question._history_user = author
        question.save()
    elif any(getattr(question, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(question, name, value)
        question.save()
    if question.tags != spec["tags"]:
        question.set_tags(spec["tags"])
    for number, text in enumerate(spec.get("obstacles", []), start=1):
        Obstacle.objects.update_or_create(question=question, order=number, defaults={"text": text})
    for number, (text, priority, answered) in enumerate(spec.get("subquestions", []), start=1):
        SubQuestion.objects.update_or_create(
            question=question,
            order=number,
            defaults={"text": text, "priority": priority, "answer_status": answered},
        )
    return question


def _history(questions, key, spec):
    """Link a wording to those it replaces, and mark how each earlier one ended."""
    question = questions[key]
    earlier = [questions[name] for name in spec.get("replaces", [])]
    question.replaces.add(*earlier)
    for old in earlier:
        if old.status != Status.REPLACED or old.ended_date != spec["date"]:
            old.status, old.ended_date = Status.REPLACED, spec["date"]
            old.save(update_fields=["status", "ended_date"])
    if "dropped" in spec:
        date, reason = spec["dropped"]
        if question.status != Status.DROPPED:
            question.status, question.ended_date, question.dropped_reason = (
                Status.DROPPED,
                date,
                reason,
            )
            question.save(update_fields=["status", "ended_date", "dropped_reason"])
