"""The exchange: the partner answers with text, links and attachments, the requesting
municipality marks sub-questions answered, the consultant keeps coaching notes, and the
mirror, supply-and-demand and knowledge-network pages put the questions side by side."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from learning.tools.learning_questions import Attachment, CoachingNote, Response, uploads
from tests.context import shown
from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    LearningThemeFactory,
    ResponseFactory,
    SubQuestionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(partnership, laarne):
    table = LearningQuestionTableFactory(
        programme=partnership.programme, owners=[laarne], status="shared"
    )
    question = LearningQuestionFactory(
        table=table, order=1, text="How can we make citizen participation more meaningful?"
    )
    question.set_tags(["16.7"])
    SubQuestionFactory(question=question, order=1, text="Who takes part today?")
    return question


@pytest.fixture
def ouinhi_question(partnership, ouinhi):
    table = LearningQuestionTableFactory(
        programme=partnership.programme, owners=[ouinhi], status="shared"
    )
    question = LearningQuestionFactory(
        table=table, order=1, text="Comment soutenir au mieux les acteurs économiques locaux ?"
    )
    question.set_tags(["8"])
    return question


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(buffer, "PNG")
    return buffer.getvalue()


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def respond(client, question, **data):
    return client.post(reverse("learning:response_create", args=[question.pk]), data)


# Responses


def test_ouinhi_answers_laarnes_question_with_text_links_and_files(
    client, partner_focal_point, question, ouinhi
):
    client.force_login(partner_focal_point)
    subquestion = question.subquestions.get()
    response = respond(
        client,
        question,
        subquestion=subquestion.pk,
        text="Notre conseil consultatif des commerçants se réunit chaque mois.",
        links="https://ouinhi.mairie.bj/\nhttps://example.org/pv.pdf",
        files=[
            upload("minutes.pdf", b"%PDF-1.4 minutes"),
            upload("market.png", png_bytes(), "image/png"),
            upload("voice.mp3", b"ID3\x03\x00" + b"\x00" * 40, "audio/mpeg"),
        ],
    )
    saved = Response.objects.get()
    assert response.status_code == 302
    assert response.url == f"{question.get_absolute_url()}#response-{saved.pk}"
    assert saved.local_government == ouinhi
    assert saved.author == partner_focal_point
    assert saved.subquestion == subquestion
    assert saved.link_list == ["https://ouinhi.mairie.bj/", "https://example.org/pv.pdf"]
    kinds = {a.original_name: (a.kind, a.content_type) for a in saved.attachments.all()}
    assert kinds == {
        "minutes.pdf": ("document", "application/pdf"),
        "market.png": ("image", "image/jpeg"),  # re-encoded without metadata
        "voice.mp3": ("audio", "audio/mpeg"),
    }
    for attachment in saved.attachments.all():
        assert attachment.file.name.startswith("private/learning/attachments/")
        assert attachment.original_name not in attachment.file.name
    page = client.get(question.get_absolute_url()).content.decode()
    assert "se réunit chaque mois" in page
    with translation.override("fr"):  # Ouinhi's focal point reads in French
        assert translation.gettext("about sub-question %(number)s") % {"number": 1} in page
    assert "<audio" in page and "<img" in page


def test_laarne_answers_ouinhis_question(client, focal_point, ouinhi_question, laarne):
    client.force_login(focal_point)
    response = respond(client, ouinhi_question, text="At our market we hold a traders' forum.")
    assert response.status_code == 302
    assert Response.objects.get().local_government == laarne


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("script.exe", b"MZ\x90\x00", "file_type"),
        ("notes.txt", b"hello", "file_type"),
        ("fake.pdf", b"<html>not a pdf</html>", "file_content"),
        ("fake.docx", b"PK\x03\x04not really a zip", "file_content"),
        ("fake.mp4", b"\x00\x00\x00\x18notftyp", "file_content"),
        ("fake.png", b"GIF89a", "invalid_image"),
    ],
)
def test_attachments_are_checked_by_type_and_content(name, content, code):
    with pytest.raises(uploads.ValidationError) as raised:
        uploads.check_attachment(upload(name, content))
    assert raised.value.code == code


def test_a_real_docx_is_accepted_as_a_document():
    kind, content_type, _file = uploads.check_attachment(upload("plan.docx", docx_bytes()))
    assert kind == "document"
    assert content_type.endswith("wordprocessingml.document")


def test_attachments_have_a_size_limit_per_kind(monkeypatch):
    monkeypatch.setitem(uploads.SIZE_LIMITS, Attachment.Kind.AUDIO, 10)
    with pytest.raises(uploads.ValidationError) as raised:
        uploads.check_attachment(upload("long.ogg", b"OggS" + b"\x00" * 20))
    assert raised.value.code == "file_too_large"
    assert uploads.SIZE_LIMITS[Attachment.Kind.VIDEO] == 25 * 1024 * 1024
    assert uploads.SIZE_LIMITS[Attachment.Kind.DOCUMENT] == 10 * 1024 * 1024


def test_a_refused_file_keeps_the_typed_response(client, partner_focal_point, question):
    client.force_login(partner_focal_point)
    response = respond(
        client, question, text="Voici notre expérience.", files=[upload("virus.exe", b"MZ")]
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Voici notre expérience." in page
    assert "« virus.exe » ne peut pas être joint" in page  # the refusal, in French
    assert not Response.objects.exists()


def test_an_empty_response_is_refused(client, partner_focal_point, question):
    client.force_login(partner_focal_point)
    response = respond(client, question, text="  ")
    assert response.status_code == 200
    assert not Response.objects.exists()


def test_links_must_be_web_addresses(client, partner_focal_point, question):
    client.force_login(partner_focal_point)
    response = respond(client, question, text="Voir", links="javascript:alert(1)")
    assert response.status_code == 200
    assert not Response.objects.exists()


def test_the_requesting_municipality_does_not_answer_its_own_question(
    client, focal_point, question
):
    client.force_login(focal_point)
    assert respond(client, question, text="Self-answer").status_code == 403


def test_nobody_answers_a_draft_table(client, partner_focal_point, question):
    question.table.status = "draft"
    question.table.save()
    client.force_login(partner_focal_point)
    assert respond(client, question, text="Too early").status_code == 404


# Attachments are served by a view


@pytest.fixture
def attachment(question, ouinhi, client, partner_focal_point):
    client.force_login(partner_focal_point)
    respond(client, question, text="Le PV", files=[upload("pv.pdf", b"%PDF-1.4 0123456789")])
    client.logout()
    return Attachment.objects.get()


def test_an_attachment_is_served_to_those_who_read_the_question(client, focal_point, attachment):
    client.force_login(focal_point)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 0123456789"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "pv.pdf" in response["Content-Disposition"]


def test_an_attachment_answers_byte_ranges_for_phones(client, focal_point, attachment):
    client.force_login(focal_point)
    response = client.get(attachment.get_absolute_url(), headers={"Range": "bytes=9-12"})
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == b"0123"
    assert response["Content-Range"] == "bytes 9-12/19"
    assert response["Content-Length"] == "4"


def test_an_attachment_range_is_not_compressed(client, focal_point, attachment):
    client.force_login(focal_point)
    response = client.get(
        attachment.get_absolute_url(), headers={"Range": "bytes=9-12", "Accept-Encoding": "gzip"}
    )
    assert response.status_code == 206
    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content) == b"0123"


def test_an_attachment_range_is_streamed_in_chunks_not_read_at_once(
    client, focal_point, attachment, monkeypatch
):
    big = b"%PDF-1.4 " + b"x" * (300 * 1024)
    attachment.file.storage.delete(attachment.file.name)
    attachment.file.storage.save(attachment.file.name, ContentFile(big))
    client.force_login(focal_point)
    response = client.get(attachment.get_absolute_url(), headers={"Range": "bytes=100-"})
    assert response.status_code == 206
    assert response.streaming
    chunks = list(response.streaming_content)
    assert len(chunks) > 1
    assert max(len(chunk) for chunk in chunks) <= 64 * 1024
    assert b"".join(chunks) == big[100:]


def test_a_missing_range_end_or_a_range_past_the_end_is_answered_properly(
    client, focal_point, attachment
):
    client.force_login(focal_point)
    url = attachment.get_absolute_url()
    suffix = client.get(url, headers={"Range": "bytes=-4"})
    assert b"".join(suffix.streaming_content) == b"6789"
    assert client.get(url, headers={"Range": "bytes=50-60"}).status_code == 416


def test_a_stranger_cannot_fetch_an_attachment(client, stranger, attachment):
    client.force_login(stranger)
    assert client.get(attachment.get_absolute_url()).status_code == 404


# Answer status of sub-questions


def test_the_requesting_municipality_marks_a_subquestion_answered(client, team_member, question):
    subquestion = question.subquestions.get()
    client.force_login(team_member)
    response = client.post(
        reverse("learning:subquestion_status", args=[subquestion.pk]), {"answer_status": "partly"}
    )
    assert response.status_code == 302
    subquestion.refresh_from_db()
    assert subquestion.answer_status == "partly"
    page = client.get(question.get_absolute_url()).content.decode()
    assert "partly answered" in page


def test_the_partner_does_not_mark_the_subquestions(client, partner_focal_point, question):
    subquestion = question.subquestions.get()
    client.force_login(partner_focal_point)
    response = client.post(
        reverse("learning:subquestion_status", args=[subquestion.pk]),
        {"answer_status": "answered"},
    )
    assert response.status_code == 403
    subquestion.refresh_from_db()
    assert subquestion.answer_status == "open"


# Coaching notes


def test_consultant_adds_a_coaching_note_that_municipalities_do_not_see(
    client, consultant, focal_point, partner_focal_point, staff, question
):
    client.force_login(consultant)
    response = client.post(
        reverse("learning:coachingnote_create", args=[question.pk]),
        {"text": "Ask who is missing from the councils."},
    )
    assert response.status_code == 302
    assert CoachingNote.objects.get().author == consultant
    for reader, sees in ((staff, True), (consultant, True), (focal_point, False)):
        client.force_login(reader)
        page = client.get(question.get_absolute_url()).content.decode()
        assert ("Ask who is missing from the councils." in page) is sees
    client.force_login(partner_focal_point)
    assert "Ask who is missing" not in client.get(question.get_absolute_url()).content.decode()


def test_an_empty_coaching_note_shows_the_form_again(client, consultant, question):
    client.force_login(consultant)
    response = client.post(
        reverse("learning:coachingnote_create", args=[question.pk]), {"text": ""}
    )
    assert response.status_code == 200
    assert not CoachingNote.objects.exists()


def test_coaching_notes_are_filtered_by_visibility(consultant, other_consultant, question):
    CoachingNote.objects.create(question=question, author=consultant, text="Private")
    assert CoachingNote.objects.visible_to(consultant).count() == 1
    assert CoachingNote.objects.visible_to(other_consultant).count() == 0


# The mirror, supply and demand, the knowledge network


def test_the_partnership_page_shows_both_sides_as_mirrors(
    client, focal_point, partnership, question, ouinhi_question, ouinhi, laarne
):
    ResponseFactory(question=question, local_government=ouinhi, text="Notre forum des marchés")
    ResponseFactory(question=ouinhi_question, local_government=laarne, text="Our traders' forum")
    client.force_login(focal_point)
    response = client.get(reverse("learning:partnership_exchange", args=[partnership.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "What Laarne asks" in page and "What Ouinhi offers" in page
    assert "What Ouinhi asks" in page and "What Laarne offers" in page
    laarne_side = page[page.index("What Laarne asks") : page.index("What Ouinhi asks")]
    assert question.text in laarne_side and "Notre forum des marchés" in laarne_side
    ouinhi_side = page[page.index("What Ouinhi asks") :]
    assert "acteurs économiques" in ouinhi_side and "Our traders&#x27; forum" in ouinhi_side


def test_the_partnership_page_links_to_the_exchange_and_the_evolution(
    client, focal_point, partnership, laarne, ouinhi, programme
):
    client.force_login(focal_point)
    page = client.get(partnership.get_absolute_url()).content.decode()
    assert reverse("learning:partnership_exchange", args=[partnership.pk]) in page
    assert reverse("learning:evolution", args=[laarne.pk]) in page
    assert reverse("learning:evolution", args=[ouinhi.pk]) in page
    assert reverse("learning:knowledge_network", args=[programme.pk]) in page
    assert reverse("learning:supply_demand", args=[programme.pk]) not in page


def test_staff_find_the_programme_tables_from_a_partnership(client, staff, partnership, programme):
    client.force_login(staff)
    page = client.get(partnership.get_absolute_url()).content.decode()
    assert reverse("learning:supply_demand", args=[programme.pk]) in page
    assert reverse("learning:evolution_overview", args=[programme.pk]) in page


def test_staff_see_supply_and_demand_with_common_goals(
    client, staff, programme, question, ouinhi_question, other_partnership
):
    schoten_table = LearningQuestionTableFactory(
        programme=programme, owners=[other_partnership.north], status="shared"
    )
    LearningQuestionFactory(table=schoten_table, text="Youth councils?").set_tags(["16"])
    ResponseFactory(question=question, local_government=question.table.partners().get())
    client.force_login(staff)
    response = client.get(reverse("learning:supply_demand", args=[programme.pk]))
    assert response.status_code == 200
    rows = {row["question"].text: row for row in shown(response, "rows")}
    laarne_row = rows[question.text]
    assert [str(o) for o in laarne_row["owners"]] == ["Laarne"]
    assert [str(o) for o in laarne_row["offered_by"]] == ["Ouinhi"]
    assert laarne_row["question"].response_count == 1
    common = {entry["goal"].number: entry for entry in shown(response, "common")}
    assert [str(owner) for owner in common[16]["asking"]] == ["Laarne", "Schoten"]
    assert common[16]["count"] == 2


def test_every_participating_municipality_reads_the_knowledge_network(
    client, stranger, programme, question, ouinhi_question
):
    client.force_login(stranger)
    response = client.get(reverse("learning:knowledge_network", args=[programme.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert question.text in page and "acteurs économiques" in page
    # Schoten reads the questions here, but not the question pages of another partnership.
    assert question.get_absolute_url() not in page


def test_the_knowledge_network_leaves_out_drafts_and_earlier_wordings(
    client, focal_point, stranger, programme, question
):
    draft = LearningQuestionTableFactory(programme=programme, owners=[question.table.owners.get()])
    LearningQuestionFactory(table=draft, text="A draft question?")
    newer = question.reformulate(
        text="A sharper question?", by=focal_point, date=question.changed_date
    )
    client.force_login(stranger)
    page = client.get(reverse("learning:knowledge_network", args=[programme.pk])).content.decode()
    assert newer.text in page
    assert question.text not in page
    assert "A draft question?" not in page


def test_the_knowledge_network_filters_by_sdg_and_theme(
    client, focal_point, programme, partnership, question, ouinhi_question, other_partnership
):
    theme = LearningThemeFactory(programme=programme, name_en="citizen participation")
    other_partnership.theme = theme
    other_partnership.save()
    schoten_table = LearningQuestionTableFactory(
        programme=programme, owners=[other_partnership.north], status="shared"
    )
    LearningQuestionFactory(table=schoten_table, text="Youth councils?").set_tags(["16.7"])
    client.force_login(focal_point)
    url = reverse("learning:knowledge_network", args=[programme.pk])
    by_goal = shown(client.get(url, {"sdg": 16}), "questions")
    assert {q.text for q in by_goal} == {question.text, "Youth councils?"}
    by_theme = shown(client.get(url, {"theme": theme.pk}), "questions")
    assert [q.text for q in by_theme] == ["Youth councils?"]


def test_a_stranger_sees_no_mirror_of_another_partnership(client, stranger, partnership):
    client.force_login(stranger)
    url = reverse("learning:partnership_exchange", args=[partnership.pk])
    assert client.get(url).status_code == 404


# Query budgets: the pages do not grow a query per row


def test_the_question_page_stays_within_its_query_budget(
    client, focal_point, question, ouinhi, django_assert_max_num_queries
):
    for number in range(6):
        response = ResponseFactory(question=question, local_government=ouinhi, text=f"R{number}")
        Attachment.objects.create(
            response=response,
            file="private/learning/attachments/x.pdf",
            original_name="x.pdf",
            kind="document",
            content_type="application/pdf",
            size=10,
        )
    client.force_login(focal_point)
    with django_assert_max_num_queries(30):
        assert client.get(question.get_absolute_url()).status_code == 200


def test_the_knowledge_network_stays_within_its_query_budget(
    client, stranger, programme, laarne, django_assert_max_num_queries
):
    table = LearningQuestionTableFactory(programme=programme, owners=[laarne], status="shared")
    for number in range(10):
        item = LearningQuestionFactory(table=table, order=number + 1)
        item.set_tags(["16.7", "5"])
        SubQuestionFactory(question=item)
    client.force_login(stranger)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("learning:knowledge_network", args=[programme.pk]))
    assert len(shown(response, "questions")) == 10
