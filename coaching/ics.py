"""Meetings as iCalendar (RFC 5545): one invitation, or a person's feed. Data in, bytes out."""

import datetime

PRODUCT = "-//SDG Partnerships//Meetings//EN"


def escape(text):
    """TEXT values: backslash, semicolon, comma and line breaks escaped (3.3.11)."""
    text = str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line):
    """Lines of at most 75 octets, continued after CRLF and a space (3.1), never inside a
    character's UTF-8 bytes."""
    parts, current = [], ""
    for char in line:
        limit = 75 if not parts else 74  # a continuation starts with its space
        if len((current + char).encode()) > limit:
            parts.append(current)
            current = ""
        current += char
    parts.append(current)
    return "\r\n ".join(parts)


def stamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(events, *, name=""):
    """`events`: dicts with uid, start, end (aware datetimes), summary, and optionally location,
    description, url, cancelled. Returns the calendar as bytes."""
    now = stamp(datetime.datetime.now(datetime.UTC))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape(name)}")
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{event['uid']}", f"DTSTAMP:{now}"]
        lines += [f"DTSTART:{stamp(event['start'])}", f"DTEND:{stamp(event['end'])}"]
        lines.append(f"SUMMARY:{escape(event['summary'])}")
        for key in ("location", "description"):
            if event.get(key):
                lines.append(f"{key.upper()}:{escape(event[key])}")
        if event.get("url"):
            lines.append(f"URL:{event['url']}")
        lines.append("STATUS:CANCELLED" if event.get("cancelled") else "STATUS:CONFIRMED")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()
