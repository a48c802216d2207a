"""The decision notice as a PDF (reportlab; CPU work, so callers run it in a thread)."""

from __future__ import annotations

import io
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import StyleSheet1, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from services.funding.applications.notice import DecisionNotice
from services.funding.money import format_money

DECISION_TEXT = {
    "approved": "Die beantragte Zuwendung wird in voller Höhe bewilligt.",
    "partially_approved": "Die beantragte Zuwendung wird teilweise bewilligt.",
    "rejected": "Der Antrag wird abgelehnt.",
}


def _eur(value: Decimal) -> str:
    text = format_money(value)
    whole, cents = text.split(".")
    return f"{int(whole):,}".replace(",", ".") + "," + cents + " EUR"


def _decision(notice: DecisionNotice, styles: StyleSheet1) -> list[Flowable]:
    """Authority, number and date; who gets what under which programme."""
    p = styles["BodyText"]
    return [
        Paragraph(escape(notice.authority), styles["Heading3"]),
        Paragraph(f"Zuwendungsbescheid Nr. {escape(notice.notice_number)}", styles["Title"]),
        Paragraph(f"vom {notice.issued_on:%d.%m.%Y}", p),
        Spacer(1, 0.4 * cm),
        Paragraph(
            f"Zuwendungsempfänger: <b>{escape(notice.applicant_name)}</b> "
            f"(AGS {escape(notice.applicant_ags)})",
            p,
        ),
        Paragraph(
            f"Programm: {escape(notice.programme_name)}, "
            f"Förderzeitraum {notice.period_start:%d.%m.%Y} "
            f"bis {notice.period_end:%d.%m.%Y}",
            p,
        ),
        Spacer(1, 0.3 * cm),
        Paragraph(f"<b>{DECISION_TEXT.get(notice.decision, notice.decision)}</b>", p),
        Paragraph(
            f"Beantragt: {_eur(notice.requested_amount)} – "
            f"bewilligt: <b>{_eur(notice.granted_amount)}</b>",
            p,
        ),
        Paragraph(f"Finanzierungsart: {escape(notice.financing)}", p),
        Spacer(1, 0.3 * cm),
    ]


def _positions(notice: DecisionNotice) -> Table:
    rows = [["Integrationsmanager/in", "Qualifikation", "VZÄ", "Beginn", "Monate", "Betrag"]]
    rows += [
        [
            pos.manager_name[:60],
            pos.qualification,
            f"{pos.fte:.2f}",
            f"{pos.start_on:%d.%m.%Y}",
            str(pos.months),
            _eur(pos.amount),
        ]
        for pos in notice.positions
    ]
    table = Table(
        rows, repeatRows=1, colWidths=[5 * cm, 2.8 * cm, 1.3 * cm, 2.3 * cm, 1.5 * cm, 3.2 * cm]
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def _conditions(notice: DecisionNotice, styles: StyleSheet1) -> list[Flowable]:
    """Early start, reasons, the proof's due date and the legal basis."""
    p = styles["BodyText"]
    story: list[Flowable] = []
    if notice.early_start and notice.early_start_on:
        story.append(
            Paragraph(
                f"Vorzeitiger Maßnahmebeginn ab {notice.early_start_on:%d.%m.%Y} zugelassen.", p
            )
        )
    if notice.reasons:
        story.append(Paragraph(f"Begründung: {escape(notice.reasons)}", p))
    return [
        *story,
        Paragraph(
            "Der Verwendungsnachweis ist bis zum "
            f"{notice.proof_of_use_due_on:%d.%m.%Y} vorzulegen.",
            p,
        ),
        Spacer(1, 0.3 * cm),
        Paragraph(f"Rechtsgrundlage: {escape(notice.legal_basis)}", styles["Italic"]),
    ]


def render_pdf(notice: DecisionNotice) -> bytes:
    """A one- or two-page A4 notice with the positions table."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2.2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=f"Zuwendungsbescheid {notice.notice_number}",
        author=notice.authority,
    )
    styles = getSampleStyleSheet()
    story = [
        *_decision(notice, styles),
        _positions(notice),
        Spacer(1, 0.4 * cm),
        *_conditions(notice, styles),
    ]
    doc.build(story)
    return buffer.getvalue()
